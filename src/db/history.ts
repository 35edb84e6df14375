/**
 * A case's events on this device live in two places: `histories`, one row per case with what the
 * initial sync delivered, and `events`, one row per event for everything pulled later and
 * everything this device made. Every reader of a case's events goes through here. An event in
 * both places (a pull that fetched again from an earlier cursor) counts once, as its `events`
 * row, which carries its sync state on this device.
 */
import type { EventRow, HistoryRow, QabyldauDb } from './schema';

export function historyEvents(row: HistoryRow | undefined): EventRow[] {
  if (!row) return [];
  return row.events.map((event) => ({ ...event, status: 'synced', storedAt: row.storedAt }));
}

export function mergeEvents(history: readonly EventRow[], rows: readonly EventRow[]): EventRow[] {
  if (history.length === 0) return [...rows];
  const own = new Set(rows.map((r) => r.id));
  return [...history.filter((e) => !own.has(e.id)), ...rows];
}

/** Every event of the case on this device, unordered. */
export async function caseEvents(db: QabyldauDb, caseId: string): Promise<EventRow[]> {
  const [history, rows] = await Promise.all([
    db.histories.get(caseId),
    db.events.where('caseId').equals(caseId).toArray(),
  ]);
  return mergeEvents(historyEvents(history), rows);
}

/** Every event of each case, in the order of `caseIds`, with all requests in flight at once. */
export async function eventsOfCases(
  db: QabyldauDb,
  caseIds: readonly string[],
): Promise<EventRow[][]> {
  const [histories, rows] = await Promise.all([
    db.histories.bulkGet([...caseIds]),
    Promise.all(caseIds.map((caseId) => db.events.where('caseId').equals(caseId).toArray())),
  ]);
  return caseIds.map((_, i) => mergeEvents(historyEvents(histories[i]), rows[i] ?? []));
}

/** Server-confirmed events with `from < serverSeq ≤ to`, each once, as id → serverSeq. */
export async function syncedKeysInRange(
  db: QabyldauDb,
  from: number,
  to: number,
): Promise<Map<string, number>> {
  const keys = new Map<string, number>();
  const histories = await db.histories.where('lastSeq').above(from).toArray();
  for (const row of histories) {
    for (const event of row.events) {
      if (event.serverSeq > from && event.serverSeq <= to) keys.set(event.id, event.serverSeq);
    }
  }
  const rows = await db.events.where('serverSeq').between(from, to, false, true).toArray();
  for (const row of rows) {
    if (row.serverSeq !== undefined) keys.set(row.id, row.serverSeq);
  }
  return keys;
}

/** Every `batch.sent` event on this device. */
export async function batchSentEvents(db: QabyldauDb): Promise<EventRow[]> {
  const [histories, rows] = await Promise.all([
    db.histories.toArray(),
    db.events.where('type').equals('batch.sent').toArray(),
  ]);
  const fromHistory = histories.flatMap((row) =>
    historyEvents(row).filter((e) => e.type === 'batch.sent'),
  );
  return mergeEvents(fromHistory, rows);
}
