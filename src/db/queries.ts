/**
 * Read queries for the screens. Kept here, not inline in components, so that they are tested
 * and so every screen reads the same way.
 */
import { FAILURES_TO_LOCK_ON_DEVICE } from '../domain/identity/lockout';
import type { CaseStatus } from '../domain/process';
import type { Person, Staff } from '../domain/reference';
import type { StaffRole } from '../domain/roles';
import { batchSentEvents, caseEvents } from './history';
import type { CaseRow, EventRow, QabyldauDb } from './schema';

/**
 * The newest cases, by registration: what the journal shows as the app starts, read by index
 * in milliseconds while its full index (src/db/journal.ts) is still being loaded.
 */
export function latestCases(db: QabyldauDb, limit = 200): Promise<CaseRow[]> {
  return db.cases.orderBy('registeredAt').reverse().limit(limit).toArray();
}

export function casesInStatus(db: QabyldauDb, statuses: CaseStatus[]): Promise<CaseRow[]> {
  return db.cases.where('status').anyOf(statuses).sortBy('registeredAt');
}

/**
 * An open case (neither closed nor cancelled) of this IIN and service, if any. An application
 * refused at the desk is no case in progress: the applicant who comes back with the missing
 * papers is registered without a duplicate warning.
 */
export async function openCaseOf(
  db: QabyldauDb,
  iin: string,
  serviceId: string,
): Promise<CaseRow | undefined> {
  const rows = await db.cases.where('iin').equals(iin).toArray();
  return rows.find(
    (c) =>
      c.serviceId === serviceId &&
      c.status !== 'closed' &&
      c.status !== 'cancelled' &&
      c.status !== 'refused_at_intake',
  );
}

/**
 * The latest case on this device of an applicant with this IIN — registered or refused at the
 * desk, in any status — for the intake to offer the particulars it holds (after any correction,
 * as the projection has them). Undefined for an IIN the device has never seen.
 */
export async function latestCaseOfIin(db: QabyldauDb, iin: string): Promise<CaseRow | undefined> {
  const rows = await db.cases.where('iin').equals(iin).toArray();
  return rows.reduce<CaseRow | undefined>(
    (latest, c) => (!latest || c.registeredAt > latest.registeredAt ? c : latest),
    undefined,
  );
}

/** The office's active people, who may sign in on its device. */
export async function signInPeople(db: QabyldauDb, officeId: string): Promise<Staff[]> {
  const rows = await db.staff.where('officeId').equals(officeId).toArray();
  return rows.filter((s) => s.isActive);
}

/**
 * Ids of the people who signed in on this device online before (ADR 0015): they hold a seal here
 * and may sign in without a connection; anyone else's sign-in goes to the server.
 */
export async function sealedStaffIds(db: QabyldauDb): Promise<string[]> {
  return (await db.seals.toCollection().primaryKeys()) as string[];
}

/**
 * Where a person's sign-in stands here: locked (five wrong PINs here, or the server's lock), or
 * how many tries are left before the lock.
 */
export async function signInLockOf(
  db: QabyldauDb,
  staffId: string,
): Promise<{ isLocked: boolean; failures: number; triesLeft: number; lockedAt: string | null }> {
  const row = await db.signInLocks.get(staffId);
  const failures = row?.failures ?? 0;
  return {
    isLocked: Boolean(row?.lockedAt),
    failures,
    triesLeft: row?.lockedAt ? 0 : Math.max(0, FAILURES_TO_LOCK_ON_DEVICE - failures),
    lockedAt: row?.lockedAt ?? null,
  };
}

/** Ids of the people locked out of signing in on this device. */
export async function lockedStaffIds(db: QabyldauDb): Promise<string[]> {
  return (await db.signInLocks.toArray()).filter((r) => r.lockedAt).map((r) => r.staffId);
}

/** Active staff of an office in a role (the executors a head may assign a case to). */
export async function officeStaff(
  db: QabyldauDb,
  officeId: string,
  role: StaffRole,
): Promise<Staff[]> {
  const rows = await db.staff.where('officeId').equals(officeId).toArray();
  return rows
    .filter((s) => s.role === role && s.isActive)
    .sort((a, b) => a.surname.localeCompare(b.surname, 'kk'));
}

export function caseById(db: QabyldauDb, caseId: string): Promise<CaseRow | undefined> {
  return db.cases.get(caseId);
}

/** The case's history: every event on this device, oldest first. */
export async function caseHistory(db: QabyldauDb, caseId: string): Promise<EventRow[]> {
  const events = await caseEvents(db, caseId);
  return events.sort(inHistoryOrder);
}

/**
 * The executor's last draft in a case's history and the sector head's visa on it, if given
 * after it. By the case's order, not the clock: a visa given within the second of the draft has
 * the same deviceTime. A rejected event never happened to the case.
 */
export function draftAndVisa(history: readonly EventRow[]): {
  drafted?: EventRow;
  visa?: EventRow;
} {
  const held = history.filter((e) => e.status !== 'rejected');
  const draftAt = held.findLastIndex((e) => e.type === 'case.decided');
  const visaAt = held.findLastIndex((e) => e.type === 'case.endorsed');
  return {
    ...(draftAt >= 0 ? { drafted: held[draftAt] } : {}),
    ...(draftAt >= 0 && visaAt > draftAt ? { visa: held[visaAt] } : {}),
  };
}

/** The people named by a case's events (who acted, whom the head assigned), by id. */
export async function peopleByIds(
  db: QabyldauDb,
  ids: Iterable<string>,
): Promise<Map<string, Person>> {
  const found = await db.people.bulkGet([...new Set(ids)]);
  const people = new Map<string, Person>();
  for (const p of found) if (p) people.set(p.id, p);
  return people;
}

/**
 * By device time; events of one second (a correction, then a cancellation at the desk) in the
 * order the server took them, or, on one device before it has them, in the device's order.
 */
function inHistoryOrder(a: EventRow, b: EventRow): number {
  if (a.deviceTime !== b.deviceTime) return a.deviceTime < b.deviceTime ? -1 : 1;
  if (a.serverSeq !== undefined && b.serverSeq !== undefined) return a.serverSeq - b.serverSeq;
  if (a.deviceId === b.deviceId) return a.deviceSeq - b.deviceSeq;
  return 0;
}

/** The case of a registration number (the open case a duplicate warning names). */
export function caseByRegNumber(db: QabyldauDb, regNumber: string): Promise<CaseRow | undefined> {
  return db.cases.where('regNumber').equals(regNumber).first();
}

export interface BatchSummary {
  batchId: string;
  batchNumber: string;
  sentAt: string;
  officeId: string;
  cases: CaseRow[];
}

/** Transfer batches, grouped from the cases' `batch.sent` events. */
export async function batches(db: QabyldauDb): Promise<BatchSummary[]> {
  const sent = await batchSentEvents(db);
  const groups = new Map<string, BatchSummary>();
  const caseRows = await db.cases.bulkGet(sent.map((e) => e.caseId));
  for (const [i, event] of sent.entries()) {
    if (event.type !== 'batch.sent' || event.status === 'rejected') continue;
    const caseRow = caseRows[i];
    if (!caseRow) continue;
    const group = groups.get(event.payload.batchId) ?? {
      batchId: event.payload.batchId,
      batchNumber: event.payload.batchNumber,
      sentAt: event.deviceTime.slice(0, 16),
      officeId: event.officeId,
      cases: [],
    };
    group.cases.push(caseRow);
    groups.set(group.batchId, group);
  }
  return [...groups.values()].sort((a, b) => (a.sentAt < b.sentAt ? 1 : -1));
}

/** Waiting events, and rejected ones no person has dealt with yet. */
export async function syncCounts(db: QabyldauDb): Promise<{ pending: number; rejected: number }> {
  const [pending, rejected] = await Promise.all([
    db.outbox.count(),
    db.events
      .where('status')
      .equals('rejected')
      .filter((e) => !e.rejection?.acknowledgedAt)
      .count(),
  ]);
  return { pending, rejected };
}

/** Where a case stands with the server on this device, for the mark on its list rows. */
export type CaseSyncMark = 'pending' | 'rejected';

/**
 * The cases that have events the server does not hold: waiting to be sent (`pending`), or
 * refused and not yet dealt with by a person (`rejected`, which a row shows first). Read once
 * for every list on the screen from the outbox and the events' status index, which hold only
 * the events not sent — never through the cases, of which a district device keeps tens of
 * thousands.
 */
export async function caseSyncMarks(db: QabyldauDb): Promise<Map<string, CaseSyncMark>> {
  // What waits to be sent, from the outbox's small rows: re-read after every save, it must not
  // read each unsent event whole (an office a week offline holds hundreds).
  const [entries, rejected] = await Promise.all([
    db.outbox.toArray(),
    db.events.where('status').equals('rejected').toArray(),
  ]);
  const unknown = entries.filter((e) => e.caseId === undefined);
  const older = unknown.length > 0 ? await db.events.bulkGet(unknown.map((e) => e.eventId)) : [];
  const marks = new Map<string, CaseSyncMark>();
  for (const caseId of [...entries.map((e) => e.caseId), ...older.map((e) => e?.caseId)]) {
    if (caseId !== undefined) marks.set(caseId, 'pending');
  }
  for (const event of rejected) {
    // Dealt with: it stays in the log, but the case needs nothing more from anyone.
    if (!event.rejection?.acknowledgedAt) marks.set(event.caseId, 'rejected');
  }
  return marks;
}

export interface RejectedEvent {
  event: EventRow;
  /**
   * For a lost race (the same step recorded first on another device), the event that won, so
   * the person sees who did it and when instead of a bare refusal.
   */
  winner?: EventRow;
}

export async function rejectedEvents(db: QabyldauDb): Promise<RejectedEvent[]> {
  const rejected = await db.events.where('status').equals('rejected').toArray();
  const out: RejectedEvent[] = [];
  for (const event of rejected.sort((a, b) => a.deviceSeq - b.deviceSeq)) {
    const siblings = await caseEvents(db, event.caseId);
    const winner = siblings.find(
      (e) => e.status === 'synced' && e.type === event.type && e.id !== event.id,
    );
    out.push(winner ? { event, winner } : { event });
  }
  return out;
}
