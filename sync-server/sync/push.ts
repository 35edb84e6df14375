/**
 * Push: takes a device's outbox events, validates each one and stores it exactly once, all in
 * one transaction (docs/sync-protocol.md, "Push"). The order of checks is the protocol's:
 * schema → known id → device order → authorization → transition. Each rejection says why in a
 * code the device shows to a person; retrying a request never changes an answer.
 */
import { type CaseEvent, eventContent, eventSchema } from '../../src/domain/case/events';
import { applyEvent } from '../../src/domain/case/reducer';
import type { Problem } from '../../src/domain/errors';
import { authorizeEvent } from '../../src/domain/sync/authorize';
import type { PushResult } from '../../src/domain/sync/protocol';
import { lockSyncWrites } from '../db/lock';
import type { Db } from '../db/types';
import type { AuthenticatedDevice } from '../http/auth';
import { getDevice, setDeviceLastSeq } from '../queries/devices';
import {
  findEvent,
  findRejection,
  getCase,
  insertEvent,
  insertRejection,
  lastServerSeq,
  saveCase,
} from '../queries/events';
import { listOffices, listStaff } from '../queries/reference';

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
}

export async function pushEvents(
  db: Db,
  device: AuthenticatedDevice,
  rawEvents: readonly unknown[],
  serverTime: string,
): Promise<PushResult[]> {
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    // Read the device's position under the lock: a parallel request from the same device (a
    // retry racing the original) must see what the first one committed.
    const current = await getDevice(tx, device.row.id);
    const staff = await listStaff(tx, device.office.id);
    const offices = await listOffices(tx, device.office.districtId);
    const batch: Batch = {
      tx,
      device,
      serverTime,
      lastSeq: Number(current?.last_seq ?? 0),
      nextServerSeq: (await lastServerSeq(tx)) + 1,
    };
    const initialSeq = batch.lastSeq;
    const context = {
      id: device.row.id,
      officeId: device.office.id,
      officeKind: device.office.kind,
    };

    const results: PushResult[] = [];
    for (const raw of rawEvents) {
      results.push(
        await pushOne(batch, raw, (event) => authorizeEvent(event, context, staff, offices)),
      );
    }
    if (batch.lastSeq !== initialSeq) await setDeviceLastSeq(tx, device.row.id, batch.lastSeq);
    return results;
  });
}

async function pushOne(
  batch: Batch,
  raw: unknown,
  authorize: (event: CaseEvent) => Problem | null,
): Promise<PushResult> {
  const parsed = eventSchema.safeParse(raw);
  if (!parsed.success) return rejectMalformed(batch, raw, parsed.error.issues[0]);
  const event = parsed.data;
  const content = eventContent(event);

  // Exactly once: a known id is a retry (same content) or a conflict (other content), and is
  // answered from what was stored, before order is looked at — a retry's seq is already taken.
  const stored = await findEvent(batch.tx, event.id);
  if (stored) {
    if (stored.content === content) {
      return { id: event.id, status: 'duplicate', serverSeq: Number(stored.server_seq) };
    }
    return { id: event.id, status: 'rejected', code: 'event-id-conflict' };
  }
  const rejected = await findRejection(batch.tx, event.id);
  if (rejected) {
    const details = rejected.details ? (JSON.parse(rejected.details) as Problem['details']) : {};
    return { id: event.id, status: 'rejected', code: rejected.code, details };
  }

  // The device's queue is gap-free: anything but the next seq means the device lost or
  // reordered events. It is told where to resume; nothing is recorded and the seq stays.
  const expected = batch.lastSeq + 1;
  if (event.deviceSeq !== expected) {
    return {
      id: event.id,
      status: 'rejected',
      code: 'sequence-gap',
      details: { expected, received: event.deviceSeq },
    };
  }

  // Who may do this, for which office's case.
  const denied = authorize(event);
  if (denied) return reject(batch, event.id, event.deviceSeq, denied, content);

  // Whether the case's current state allows it: the same reducer the device ran.
  const state = await getCase(batch.tx, event.caseId);
  const next = applyEvent(state, event);
  if (!next.ok) return reject(batch, event.id, event.deviceSeq, next.problem, content);

  const serverSeq = batch.nextServerSeq++;
  await insertEvent(batch.tx, event, content, serverSeq, batch.serverTime);
  await saveCase(batch.tx, next.value, serverSeq);
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
  await insertRejection(batch.tx, {
    id,
    deviceId: batch.device.row.id,
    deviceSeq,
    problem,
    content,
    serverTime: batch.serverTime,
  });
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
  const isNextInQueue = fields.deviceSeq === batch.lastSeq + 1;
  // Only an id in the alphabet of real ids is looked up and recorded: PostgreSQL text cannot
  // hold a NUL character (a 500 on that store alone), and both stores must answer alike.
  const isRecordable = RECORDABLE_ID.test(id);
  const isKnown =
    isRecordable &&
    ((await findEvent(batch.tx, id)) !== undefined ||
      (await findRejection(batch.tx, id)) !== undefined);
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
