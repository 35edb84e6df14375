/**
 * Recomputes a case's projection from its events on this device: the server-confirmed events in
 * server order, then this device's pending events in device order. Rejected events are left
 * out — they stay visible in the rejected list, but the case shows what the server accepted.
 * An event that no longer applies (another device won the race) is skipped here; the server will
 * reject it and the person sees why.
 */
import { applyEvent, type Case } from '../domain/case/reducer';
import { eventsOfCases } from './history';
import type { CaseRow, EventRow, QabyldauDb } from './schema';

export function orderForFold(events: readonly EventRow[]): EventRow[] {
  const synced = events
    .filter((e) => e.status === 'synced')
    .sort((a, b) => (a.serverSeq ?? 0) - (b.serverSeq ?? 0));
  const pending = events
    .filter((e) => e.status === 'pending')
    .sort((a, b) => a.deviceSeq - b.deviceSeq);
  return [...synced, ...pending];
}

export function projectCase(events: readonly EventRow[]): Case | undefined {
  let state: Case | undefined;
  for (const event of orderForFold(events)) {
    const result = applyEvent(state, event);
    if (result.ok) state = result.value;
  }
  return state;
}

export function toCaseRow(state: Case): CaseRow {
  return {
    ...state,
    iin: state.applicant.iin,
    surnameLower: state.applicant.surname.toLocaleLowerCase('kk'),
  };
}

/**
 * Must run inside a transaction over `events`, `histories` and `cases`. The cases' events are
 * read with all requests in flight at once and the projections written in one bulk request: a
 * pulled page touches hundreds of cases, and one round trip to IndexedDB after another cost most
 * of a pull.
 */
export async function refreshCases(db: QabyldauDb, caseIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) return;
  const histories = await eventsOfCases(db, ids);
  await writeProjections(
    db,
    ids.map((caseId, i) => ({ caseId, events: histories[i] ?? [] })),
  );
}

/** Writes each case's projection from all of its events on this device (given). */
export async function writeProjections(
  db: QabyldauDb,
  cases: readonly { caseId: string; events: readonly EventRow[] }[],
): Promise<void> {
  const rows: CaseRow[] = [];
  const gone: string[] = [];
  for (const { caseId, events } of cases) {
    const state = projectCase(events);
    if (state) rows.push(toCaseRow(state));
    else gone.push(caseId);
  }
  if (rows.length > 0) await db.cases.bulkPut(rows);
  if (gone.length > 0) await db.cases.bulkDelete(gone);
}
