/**
 * Work lists: the cases waiting for one kind of work. What a case waits for is its process's
 * word (`nextActions`), not a table of statuses here: the statuses only narrow the read to the
 * `status` index, and the process decides (a registered 003-16 case waits for the akim's
 * signature, a registered 003-06 case for a transfer batch). Kept apart from `queries.ts`, which
 * the start-up script imports, because the process model is not needed to open the journal.
 */
import type { EventType } from '../domain/case/events';
import { processOf, upgradeCase } from '../domain/case/reducer';
import { type CaseStatus, nextActions, type Place } from '../domain/process';
import type { CaseRow, QabyldauDb } from './schema';

/**
 * A case row in today's shape. Rows a device projected before the process model (a status of
 * the fixed chain, no steps done) stay as they were until an event of the case arrives; the
 * screens and commands read them through the domain's own upgrade.
 */
export function currentRow(row: CaseRow): CaseRow {
  return row.done === undefined ? { ...row, ...upgradeCase(row) } : row;
}

/** Whether the event may be recorded on the case now (by someone). */
export function isAwaiting(row: CaseRow, type: EventType): boolean {
  const current = currentRow(row);
  return nextActions(processOf(current), current).some((a) => a.type === type);
}

/**
 * Cases in these statuses, oldest registration first; with `awaiting`, only those waiting for
 * it; with `at`, only those whose file is there (a case the district department took in at its
 * own desk is at the district from its registration on).
 */
export async function casesAwaiting(
  db: QabyldauDb,
  statuses: readonly CaseStatus[],
  awaiting?: EventType,
  at?: Place,
): Promise<CaseRow[]> {
  const rows = await db.cases
    .where('status')
    .anyOf([...statuses])
    .sortBy('registeredAt');
  return rows.filter(
    (row) =>
      (awaiting === undefined || isAwaiting(row, awaiting)) &&
      (at === undefined || currentRow(row).at === at),
  );
}
