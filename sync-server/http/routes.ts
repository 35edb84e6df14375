/**
 * The API under /api/v1: health, enrollment and the three sync endpoints
 * (docs/sync-protocol.md). Handlers parse, call one function, and answer; every answer carries
 * `serverTime` so a device can tell its clock is wrong.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import packageJson from '../../package.json';
import { checksumOf } from '../../src/domain/sync/checksum';
import {
  type ChecksumResponse,
  DEFAULT_PULL_LIMIT,
  enrollRequestSchema,
  heldAfter,
  MAX_PULL_LIMIT,
  type PageRequest,
  PROTOCOL_VERSION,
  type PullResponse,
  type PushResponse,
  pushRequestSchema,
  toPushAnswer,
} from '../../src/domain/sync/protocol';
import { fromWireEvent } from '../../src/domain/sync/wire';
import type { ServerContext } from '../app';
import { nodeSha256 } from '../digest';
import { getDevice, recordDeviceSeen } from '../queries/devices';
import { eventKeysInRange, eventsAfter, lastServerSeq } from '../queries/events';
import { getReferenceVersion } from '../queries/reference';
import { enrollDevice } from '../sync/enroll';
import { pushEvents } from '../sync/push';
import { referenceFor } from '../sync/reference';
import { type AuthenticatedDevice, authenticate } from './auth';
import { brotliQualityFor, sendCompressed } from './compressed';
import { ApiError } from './errors';
import { registerInitialSync } from './initial';

// Imported rather than read from disk: the built server lives elsewhere than its sources.
const packageVersion = packageJson.version;

export function parseBody<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  body: unknown,
): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError('body-invalid', 'request body does not match the protocol');
  return parsed.data;
}

/** A non-negative integer from the query string, or `fallback` when absent. */
function queryInt(
  request: FastifyRequest,
  name: string,
  fallback: number,
  code: 'cursor-invalid' | 'body-invalid',
): number {
  const raw = (request.query as Record<string, unknown>)[name];
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
    throw new ApiError(code, `${name} must be a non-negative integer`);
  }
  return Number(raw);
}

export function registerRoutes(app: FastifyInstance, { db, clock, pinCost }: ServerContext): void {
  const serverTime = () => clock.now().toISOString();

  app.get('/api/v1/health', async () => ({
    status: 'ok',
    version: packageVersion,
    serverTime: serverTime(),
  }));

  app.post('/api/v1/enroll', async (request) => {
    const { code } = parseBody(enrollRequestSchema, request.body);
    return enrollDevice(db, code, clock.now());
  });

  app.get('/api/v1/sync/reference', async (request) => {
    const device = await authenticate(db, request);
    return referenceFor(db, device, serverTime(), pinCost);
  });

  /**
   * The page after `ask.cursor` for this device, as JSON text: the events as the store holds
   * them, never parsed and serialized again.
   */
  const pageText = async (
    device: AuthenticatedDevice,
    ask: PageRequest,
    time: string,
    lastSeq: number,
  ): Promise<{ events: string; rest: Omit<PullResponse, 'events' | 'serverTime'> }> => {
    const limit = Math.min(Math.max(ask.limit ?? DEFAULT_PULL_LIMIT, 1), MAX_PULL_LIMIT);
    // A village device sees its own akimat's cases; a district device every akimat's of its
    // district. Events carry the case's office, so the scope is a filter on that column.
    const scope =
      device.office.kind === 'akimat'
        ? { officeId: device.office.id }
        : { districtId: device.office.districtId };
    // The device's own events up to `held` are on the device already (it learned their
    // serverSeq from its push answers): the page leaves them out and moves past them.
    const page = await eventsAfter(db, scope, ask.cursor, limit, {
      deviceId: device.row.id,
      heldSeq: ask.held,
    });
    // The device says how many events it has made; what the server lacks of them shows the
    // district a village with work still on its way.
    await recordDeviceSeen(db, device.row.id, time, ask.deviceSeq);
    return {
      events: `[${page.events.join(',')}]`,
      rest: {
        cursor: page.cursor,
        hasMore: page.hasMore,
        referenceVersion: await getReferenceVersion(db),
        // What the server holds: the end of its log and the last seq it took from this device.
        // A device whose cursor or acknowledged events run past these is talking to a server
        // restored from an older backup, and sends and fetches again what the server lost.
        headSeq: await lastServerSeq(db),
        deviceSeq: lastSeq,
      },
    };
  };

  app.post('/api/v1/sync/push', { compress: false }, async (request, reply) => {
    const device = await authenticate(db, request);
    const body = parseBody(pushRequestSchema, request.body);
    // A device speaking another protocol version must update before its events are judged.
    if (body.protocolVersion !== PROTOCOL_VERSION) {
      throw new ApiError('protocol-unsupported', 'unsupported protocol version', {
        supported: PROTOCOL_VERSION,
      });
    }
    const time = serverTime();
    // Events come without the ids their envelopes derive (src/domain/sync/wire.ts).
    const results = await pushEvents(
      db,
      device,
      body.events.map((event) => fromWireEvent(event, nodeSha256)),
      time,
      {
        ...(body.transition ? { transition: body.transition } : {}),
        ...(body.proof ? { proof: body.proof } : {}),
      },
    );
    // Accepted events as runs of serverSeqs, the rest by place: a day's push is answered in a
    // few bytes instead of an id and a serverSeq per event.
    const answer: PushResponse = { serverTime: time, ...toPushAnswer(results) };
    if (!body.pull) return answer;
    // The pull that would follow, in the same round trip. The events this push confirmed are
    // on the device too, so they join what it holds (the device moves its own mark the same way).
    const confirmed = results.flatMap((result, i) => {
      const seq = (body.events[i] as { deviceSeq?: unknown } | undefined)?.deviceSeq;
      return result.status !== 'rejected' && typeof seq === 'number' ? [seq] : [];
    });
    const page = await pageText(
      device,
      { ...body.pull, held: heldAfter(body.pull.held, confirmed) },
      time,
      // Read again: the push has just moved it.
      (await getDevice(db, device.row.id))?.last_seq ?? device.row.last_seq,
    );
    const text = `${JSON.stringify(answer).slice(0, -1)},"page":{"events":${page.events},${JSON.stringify(page.rest).slice(1)}}`;
    return sendCompressed(request, reply, text, brotliQualityFor(text.length));
  });

  app.get('/api/v1/sync/pull', { compress: false }, async (request, reply) => {
    const device = await authenticate(db, request);
    const cursor = queryInt(request, 'cursor', 0, 'cursor-invalid');
    // A device that names another protocol version must update before it reads the log.
    const version = queryInt(request, 'v', PROTOCOL_VERSION, 'body-invalid');
    if (version !== PROTOCOL_VERSION) {
      throw new ApiError('protocol-unsupported', `this server speaks protocol ${PROTOCOL_VERSION}`);
    }
    const limit = queryInt(request, 'limit', DEFAULT_PULL_LIMIT, 'body-invalid');
    const held = queryInt(request, 'held', 0, 'body-invalid');
    const deviceSeq = queryInt(request, 'deviceSeq', 0, 'body-invalid');
    const time = serverTime();
    const page = await pageText(
      device,
      { cursor, limit, held, deviceSeq },
      time,
      device.row.last_seq,
    );
    const text = `{"events":${page.events},${JSON.stringify({ serverTime: time, ...page.rest }).slice(1)}`;
    return sendCompressed(request, reply, text, brotliQualityFor(text.length));
  });

  registerInitialSync(app, db, clock);

  // A range checksum of what the device may see, so it can find where it diverged and fetch
  // only from there (see src/sync/verify.ts).
  app.get('/api/v1/sync/checksum', async (request): Promise<ChecksumResponse> => {
    const device = await authenticate(db, request);
    const from = queryInt(request, 'from', 0, 'cursor-invalid');
    const to = queryInt(request, 'to', 0, 'cursor-invalid');
    if (to < from) throw new ApiError('cursor-invalid', 'the range ends before it starts');
    const scope =
      device.office.kind === 'akimat'
        ? { officeId: device.office.id }
        : { districtId: device.office.districtId };
    const sum = checksumOf(await eventKeysInRange(db, scope, from, to));
    return { ...sum, from, to, serverTime: serverTime() };
  });
}
