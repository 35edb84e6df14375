/**
 * `GET /api/v1/sync/initial` (docs/sync-protocol.md, "Initial sync"). A fresh district device
 * fetches megabytes of these pages, each compressed while it waits (`./compressed.ts`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { InitialPageResponse } from '../../src/domain/sync/initial-page';
import { PROTOCOL_VERSION } from '../../src/domain/sync/protocol';
import type { Clock } from '../clock';
import type { Db } from '../db/types';
import { recordDeviceSeen } from '../queries/devices';
import { lastServerSeq } from '../queries/events';
import { countRegistrations } from '../queries/initial';
import { getReferenceVersion } from '../queries/reference';
import { DEFAULT_INITIAL_CASES, initialPage, MAX_INITIAL_CASES } from '../sync/initial';
import { authenticate } from './auth';
import { sendCompressed } from './compressed';
import { ApiError } from './errors';

/**
 * Quality 4: within 5 % of quality 5's size at well under half its time; a district's initial
 * sync is tens of pages, each compressed while the device waits.
 */
const BROTLI_QUALITY = 4;

function queryInt(request: FastifyRequest, name: string, fallback: number): number {
  const raw = (request.query as Record<string, unknown>)[name];
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw !== 'string' || !/^\d{1,15}$/.test(raw)) {
    throw new ApiError('cursor-invalid', `${name} must be a non-negative integer`);
  }
  return Number(raw);
}

export function registerInitialSync(app: FastifyInstance, db: Db, clock: Clock): void {
  app.get('/api/v1/sync/initial', { compress: false }, async (request, reply) => {
    const device = await authenticate(db, request);
    if (queryInt(request, 'v', PROTOCOL_VERSION) !== PROTOCOL_VERSION) {
      throw new ApiError('protocol-unsupported', `this server speaks protocol ${PROTOCOL_VERSION}`);
    }
    const headSeq = await lastServerSeq(db);
    // The first page fixes the mark; the device sends it back with every later page.
    const asked = queryInt(request, 'mark', -1);
    const isFirst = asked < 0;
    const mark = isFirst ? headSeq : Math.min(asked, headSeq);
    const after = queryInt(request, 'after', 0);
    const requested = queryInt(request, 'limit', DEFAULT_INITIAL_CASES);
    const limit = Math.min(Math.max(requested, 1), MAX_INITIAL_CASES);
    const scope =
      device.office.kind === 'akimat'
        ? { officeId: device.office.id }
        : { districtId: device.office.districtId };
    const time = clock.now().toISOString();
    const page = await initialPage(db, scope, after, mark, limit);
    await recordDeviceSeen(db, device.row.id, time, 0);
    // The first page (asked without a mark) says how many cases the whole sync brings, so the
    // device can show "received of total"; a page that is also the last needs no count.
    const total = !isFirst
      ? undefined
      : page.hasMore
        ? await countRegistrations(db, scope, after, mark)
        : page.cases.length;
    const body: InitialPageResponse = {
      serverTime: time,
      mark,
      headSeq,
      referenceVersion: await getReferenceVersion(db),
      ...page,
      ...(total === undefined ? {} : { total }),
    };
    return sendCompressed(request, reply, JSON.stringify(body), BROTLI_QUALITY);
  });
}
