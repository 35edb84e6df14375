/**
 * Push: takes a device's outbox events, validates each one and stores it exactly once, all in
 * one transaction (docs/sync-protocol.md, "Push"). The order of checks is the protocol's:
 * schema → known id → device order → authorization → transition. Each rejection says why in a
 * code the device shows to a person; retrying a request never changes an answer.
 *
 * What the checks read — known ids, recorded rejections, case states — is fetched for the whole
 * push in a few statements at the start, and what it writes is written in bulk at the end; in
 * between, the push keeps both current in memory (an event accepted early in a push is known to
 * the rest of it). Under the sync write lock nothing else changes them meanwhile.
 *
 * Each event's proof (ADR 0015) is checked with authorization, against the live keys of the
 * people on the pushing device as they stand under the lock (a PIN reset committed before the
 * push revokes a key before the push reads it), and kept beside the event. A push may carry one
 * proof for its events instead of one each (`pushProof`): it is checked before any event is
 * judged, and a push whose proof fails is refused whole with nothing stored, for the device to
 * send again with each event's own. A device enrolled before proofs may declare once, with its
 * push, up to which seq its unsent events predate them.
 */
import { type CaseEvent, eventContent, eventSchema } from '../../src/domain/case/events';
import { applyEvent, type Case, foldCase, upgradeCase } from '../../src/domain/case/reducer';
import type { Problem } from '../../src/domain/errors';
import { isPushProof, proofsBy } from '../../src/domain/identity/proof';
import { authorizeEvent, type DeviceContext } from '../../src/domain/sync/authorize';
import type { PushResult } from '../../src/domain/sync/protocol';
import { lockSyncWrites } from '../db/lock';
import type { Db } from '../db/types';
import { nodeMac } from '../digest';
import type { AuthenticatedDevice } from '../http/auth';
import { ApiError } from '../http/errors';
import { setDeviceLastSeq } from '../queries/devices';
import {
  findKnown,
  getCaseEvents,
  getCases,
  insertEvents,
  insertRejections,
  type NewEvent,
  type NewRejection,
  pushPosition,
  type RejectionRow,
  saveCases,
} from '../queries/events';
import { declareLegacyLimit } from '../queries/identity';
import { keysForPush, referenceForPush } from './reference-cache';

/** The most unsent events from before proofs a device may declare beyond what it has pushed. */
export const MAX_LEGACY_EVENTS = 10_000;

/** Longest id we record for an event that failed the schema (a real id is a 36-char UUID). */
const MAX_RECORDED_ID = 64;
const RECORDABLE_ID = /^[A-Za-z0-9_-]+$/;

interface Batch {
  tx: Db;
  device: AuthenticatedDevice;
  serverTime: string;
  /** the device's highest taken deviceSeq, advanced as events are taken */
  lastSeq: number;
  nextServerSeq: number;
  /** stored events by id, for every id in the push, with the ones this push stores */
  stored: Map<string, { content: string; serverSeq: number }>;
  /** recorded rejections by id, likewise */
  rejected: Map<string, RejectionRow>;
  /** case states for every case id in the push, as this push leaves them */
  cases: Map<string, Case>;
  newEvents: NewEvent[];
  newRejections: NewRejection[];
  changedCases: Map<string, { state: Case; serverSeq: number }>;
  /** a sequence gap was answered: the rest of this push is out of the device's order */
  isBroken: boolean;
}

/**
 * The ids and case ids a push can ask about: every id that may be looked up or recorded (the
 * real-id alphabet, at most `MAX_RECORDED_ID` long, as `rejectMalformed` cuts it) and every
 * case id in that alphabet. A valid event's id and case id are UUIDs, so always among them.
 */
function keysOf(rawEvents: readonly unknown[]): { ids: string[]; caseIds: string[] } {
  const ids = new Set<string>();
  const caseIds = new Set<string>();
  for (const raw of rawEvents) {
    const fields = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
    if (typeof fields.id === 'string') {
      const id = fields.id.slice(0, MAX_RECORDED_ID);
      if (RECORDABLE_ID.test(id)) ids.add(id);
    }
    if (typeof fields.caseId === 'string' && RECORDABLE_ID.test(fields.caseId)) {
      caseIds.add(fields.caseId);
    }
  }
  return { ids: [...ids], caseIds: [...caseIds] };
}

export async function pushEvents(
  db: Db,
  device: AuthenticatedDevice,
  rawEvents: readonly unknown[],
  serverTime: string,
  options: { transition?: { legacyThrough: number }; proof?: string } = {},
): Promise<PushResult[]> {
  const { transition } = options;
  const parsed = rawEvents.map((raw) => eventSchema.safeParse(raw));
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    // Read the device's position under the lock: a parallel request from the same device (a
    // retry racing the original) must see what the first one committed.
    const position = await pushPosition(tx, device.row.id);
    const { staff, offices } = await referenceForPush(
      db,
      tx,
      position.referenceVersion,
      device.office.id,
      device.office.districtId,
    );
    const { ids, caseIds } = keysOf(rawEvents);
    const known = await findKnown(tx, ids);
    const batch: Batch = {
      tx,
      device,
      serverTime,
      lastSeq: position.lastSeq,
      nextServerSeq: position.lastServerSeq + 1,
      stored: new Map(
        known.events.map((row) => [
          row.id,
          { content: row.content, serverSeq: Number(row.server_seq) },
        ]),
      ),
      rejected: new Map(known.rejections.map((row) => [row.id, row])),
      cases: await currentStates(tx, await getCases(tx, caseIds)),
      newEvents: [],
      newRejections: [],
      changedCases: new Map(),
      isBroken: false,
    };
    const initialSeq = batch.lastSeq;
    let legacyThrough = position.legacyThrough;
    // Taken once, and only from a device enrolled before proofs; otherwise passed over. Held to
    // what such a device can have left unsent: an outbox of weeks offline is hundreds of events,
    // so a bigger number only opens a door for proof-less events to come.
    if (transition && position.mayDeclare) {
      legacyThrough = Math.min(transition.legacyThrough, position.lastSeq + MAX_LEGACY_EVENTS);
      await declareLegacyLimit(tx, device.row.id, legacyThrough);
    }
    const context: DeviceContext = {
      id: device.row.id,
      officeId: device.office.id,
      officeKind: device.office.kind,
      proofOf: proofsBy(
        await keysForPush(db, tx, position.referenceVersion, device.row.id),
        nodeMac,
      ),
      legacyThrough,
    };
    if (options.proof !== undefined) takePushProof(parsed, context, options.proof);

    const results: PushResult[] = [];
    for (const [i, raw] of rawEvents.entries()) {
      results.push(
        await pushOne(batch, raw, parsed[i] as Parsed, (event, state) =>
          authorizeEvent(event, context, staff, offices, state),
        ),
      );
    }
    await insertEvents(tx, batch.newEvents);
    await saveCases(tx, [...batch.changedCases.values()]);
    await insertRejections(tx, batch.newRejections);
    if (batch.lastSeq !== initialSeq) await setDeviceLastSeq(tx, device.row.id, batch.lastSeq);
    return results;
  });
}

/**
 * Case states as the next event must meet them. A state stored by the release before the
 * process model (a status of the fixed chain, completions by stage, no `done`) is folded again
 * from the case's events by today's reducer, which puts the case on the legacy chain exactly as
 * a device folding the same events does; the fold is saved with the next accepted event. Should
 * the log not fold (it always does), the stored state is upgraded as it stands.
 */
async function currentStates(tx: Db, cases: Map<string, Case>): Promise<Map<string, Case>> {
  const old = [...cases].filter(([, state]) => state.done === undefined).map(([id]) => id);
  if (old.length === 0) return cases;
  const events = await getCaseEvents(tx, old);
  for (const caseId of old) {
    const folded = foldCase(events.get(caseId) ?? []);
    const stored = cases.get(caseId) as Case;
    cases.set(caseId, folded.ok && folded.value ? folded.value : upgradeCase(stored));
  }
  return cases;
}

type Parsed = ReturnType<typeof eventSchema.safeParse>;

/**
 * The push's one proof, over the proofs of its events that came without their own and do not
 * predate proofs, each made again with its person's key here. When it holds, each such event
 * carries the proof it was made with, checked and stored as if sent with it; when it fails,
 * nothing of the push is judged or stored (the transaction rolls back), and the device sends the
 * same events again each with its own proof.
 */
function takePushProof(parsed: readonly Parsed[], context: DeviceContext, proof: string): void {
  const covered = parsed.flatMap((p) =>
    p.success && p.data.proof === undefined && p.data.deviceSeq > context.legacyThrough
      ? [p.data]
      : [],
  );
  const proofs = covered.map((event) => context.proofOf(event));
  if (!proofs.every((p): p is string => p !== null) || !isPushProof(proofs, proof)) {
    throw new ApiError('push-proof-invalid', "the push's proof does not hold for its events");
  }
  covered.forEach((event, i) => {
    event.proof = proofs[i];
  });
}

async function pushOne(
  batch: Batch,
  raw: unknown,
  parsed: Parsed,
  authorize: (event: CaseEvent, state: Case | undefined) => Problem | null,
): Promise<PushResult> {
  if (!parsed.success) return rejectMalformed(batch, raw, parsed.error.issues[0]);
  const event = parsed.data;
  const content = eventContent(event);

  // Exactly once: a known id is a retry (same content) or a conflict (other content), and is
  // answered from what was stored, before order is looked at — a retry's seq is already taken.
  const stored = batch.stored.get(event.id);
  if (stored) {
    if (stored.content === content) {
      return { id: event.id, status: 'duplicate', serverSeq: stored.serverSeq };
    }
    return { id: event.id, status: 'rejected', code: 'event-id-conflict' };
  }
  const rejected = batch.rejected.get(event.id);
  if (rejected) {
    const details = rejected.details ? (JSON.parse(rejected.details) as Problem['details']) : {};
    return { id: event.id, status: 'rejected', code: rejected.code, details };
  }

  // The device's queue is gap-free: anything but the next seq means the device lost or
  // reordered events. It is told where to resume; nothing is recorded and the seq stays. After
  // one gap the rest of the push waits too, even an event whose seq happens to fit: taking it
  // would apply it before the events the device made first (a batch before its registration).
  const expected = batch.lastSeq + 1;
  if (event.deviceSeq !== expected || batch.isBroken) {
    batch.isBroken = true;
    return {
      id: event.id,
      status: 'rejected',
      code: 'sequence-gap',
      details: { expected, received: event.deviceSeq },
    };
  }

  // Who may do this, for which office's case, in the case's process.
  const state = batch.cases.get(event.caseId);
  const denied = authorize(event, state);
  if (denied) return reject(batch, event.id, event.deviceSeq, denied, content);

  // Whether the case's process allows it now: the same reducer the device ran.
  const next = applyEvent(state, event);
  if (!next.ok) return reject(batch, event.id, event.deviceSeq, next.problem, content);

  const serverSeq = batch.nextServerSeq++;
  batch.newEvents.push({ event, content, serverSeq, serverTime: batch.serverTime });
  batch.stored.set(event.id, { content, serverSeq });
  batch.cases.set(event.caseId, next.value);
  batch.changedCases.set(event.caseId, { state: next.value, serverSeq });
  batch.lastSeq = event.deviceSeq;
  return { id: event.id, status: 'accepted', serverSeq };
}

/**
 * A rejection is recorded and takes the device's seq, so the device moves the event to its
 * "rejected" list and the rest of its queue goes through.
 */
async function reject(
  batch: Batch,
  id: string,
  deviceSeq: number,
  problem: Problem,
  content: string,
): Promise<PushResult> {
  batch.newRejections.push({
    id,
    deviceId: batch.device.row.id,
    deviceSeq,
    problem,
    content,
    serverTime: batch.serverTime,
  });
  // An id already known keeps its first record (the insert does nothing for it either).
  if (!batch.rejected.has(id)) {
    batch.rejected.set(id, {
      id,
      code: problem.code,
      details: problem.details ? JSON.stringify(problem.details) : null,
    });
  }
  batch.lastSeq = deviceSeq;
  return {
    id,
    status: 'rejected',
    code: problem.code,
    ...(problem.details ? { details: problem.details } : {}),
  };
}

interface Issue {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * An event that fails the schema. When it still carries a usable id and the next deviceSeq, it
 * is recorded and takes the seq like any rejection; otherwise the device's queue could never
 * move past it. Without those, the answer is all there is.
 */
async function rejectMalformed(
  batch: Batch,
  raw: unknown,
  issue: Issue | undefined,
): Promise<PushResult> {
  const fields = raw && typeof raw === 'object' ? (raw as Record<string, unknown>) : {};
  const id = typeof fields.id === 'string' ? fields.id.slice(0, MAX_RECORDED_ID) : '';
  const problem: Problem = {
    code: 'event-schema-invalid',
    details: {
      path: issue ? issue.path.map(String).join('.') : '',
      issue: issue?.message ?? 'invalid event',
    },
  };
  const isNextInQueue = fields.deviceSeq === batch.lastSeq + 1 && !batch.isBroken;
  // Only an id in the alphabet of real ids is looked up and recorded: PostgreSQL text cannot
  // hold a NUL character (a 500 on that store alone), and both stores must answer alike.
  const isRecordable = RECORDABLE_ID.test(id);
  const isKnown = isRecordable && (batch.stored.has(id) || batch.rejected.has(id));
  if (isRecordable && isNextInQueue && !isKnown) {
    return reject(batch, id, batch.lastSeq + 1, problem, recordedContent(raw));
  }
  return { id, status: 'rejected', ...problem };
}

/**
 * What is kept of a malformed event. JSON.parse takes nesting thousands of levels deep that the
 * recursive JSON.stringify cannot write back (a stack overflow, which was a 500 and a lost
 * answer); such an event is recorded as a note, its rejection stands.
 */
function recordedContent(raw: unknown): string {
  try {
    return JSON.stringify(raw).slice(0, 100_000);
  } catch {
    return JSON.stringify({ unrecorded: 'nesting too deep to store' });
  }
}
