/**
 * Recomputes a case's projection from its events on this device: the server-confirmed events in
 * server order, then this device's pending events in device order. Rejected events are left
 * out — they stay visible in the rejected list, but the case shows what the server accepted.
 * An event that no longer applies (another device won the race) is skipped here; the server will
 * reject it and the person sees why.
 */
import { applyEvent, type Case, upgradeCase } from '../domain/case/reducer';
import { eventsOfCases, historyEvents, mergeEvents } from './history';
import { getMeta, setMeta } from './meta';
import { type CaseRow, type EventRow, type QabyldauDb, REPROJECT_MARK } from './schema';

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

/**
 * The next revision for case rows written now, inside the caller's transaction over `meta`.
 * Every transaction that writes projections also writes `meta`, so they run one after another
 * and revisions are committed in order: a reader that has seen revision n has seen every row up
 * to it. A counter rather than a time, which a device's wrong clock could move back.
 *
 * Chained, not awaited: callers start their writes together (src/sync/initial.ts), and native
 * awaits between requests made in parallel let the transaction commit before the last one.
 */
function nextCaseRev(db: Pick<QabyldauDb, 'meta'>): Promise<number> {
  return getMeta(db, 'caseRev').then((last) => {
    const rev = (last ?? 0) + 1;
    return setMeta(db, 'caseRev', rev).then(() => rev);
  });
}

/**
 * Writes each case's projection from all of its events on this device (given). Must run inside
 * a transaction over `cases` and `meta`.
 */
export function writeProjections(
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
  const writes: Promise<unknown>[] = [];
  if (rows.length > 0) {
    writes.push(
      nextCaseRev(db).then((rev) => db.cases.bulkPut(rows.map((row) => ({ ...row, rev })))),
    );
  }
  if (gone.length > 0) writes.push(db.cases.bulkDelete(gone));
  return Promise.all(writes).then(() => undefined);
}

/** Cases re-projected per round of a schema upgrade: bounded memory on a district device. */
const REPROJECT_CHUNK = 500;

/**
 * Every stored case projected again from its events: the cases a previous release projected (a
 * status of the fixed chain, completions by stage) take today's shape, on the legacy chain where
 * their registration names no process. A case row without events (none should exist) is kept,
 * upgraded as it stands; events and outbox are not touched. Must run inside a transaction over
 * `events`, `histories`, `cases` and `meta`.
 */
export async function reprojectAll(
  tables: Pick<QabyldauDb, 'events' | 'histories' | 'cases' | 'meta'>,
): Promise<void> {
  // One revision for the whole fold: the journal reads every row again, as it must.
  const rev = await nextCaseRev(tables);
  const ids = new Set<string>([
    ...((await tables.cases.toCollection().primaryKeys()) as string[]),
    ...((await tables.histories.toCollection().primaryKeys()) as string[]),
    ...((await tables.events.orderBy('caseId').uniqueKeys()) as string[]),
  ]);
  const all = [...ids];
  for (let i = 0; i < all.length; i += REPROJECT_CHUNK) {
    const chunk = all.slice(i, i + REPROJECT_CHUNK);
    const [histories, rows, stored] = await Promise.all([
      tables.histories.bulkGet(chunk),
      tables.events.where('caseId').anyOf(chunk).toArray(),
      tables.cases.bulkGet(chunk),
    ]);
    const byCase = new Map<string, EventRow[]>();
    for (const row of rows) byCase.set(row.caseId, [...(byCase.get(row.caseId) ?? []), row]);
    const put: CaseRow[] = [];
    chunk.forEach((caseId, k) => {
      const state = projectCase(mergeEvents(historyEvents(histories[k]), byCase.get(caseId) ?? []));
      const row = stored[k];
      if (state) put.push({ ...toCaseRow(state), rev });
      else if (row) put.push({ ...(upgradeCase(row) as CaseRow), rev });
    });
    if (put.length > 0) await tables.cases.bulkPut(put);
  }
}

/**
 * Projects every case again when schema version 4's upgrade asked for it, in one transaction
 * that also clears the mark, so a closed tab only means it runs again at the next start.
 */
export async function reprojectIfMarked(db: QabyldauDb): Promise<boolean> {
  return db.transaction('rw', [db.events, db.histories, db.cases, db.meta], async () => {
    const mark = await db.meta.get(REPROJECT_MARK);
    if (!mark?.value) return false;
    await reprojectAll(db);
    await db.meta.delete(REPROJECT_MARK);
    return true;
  });
}
