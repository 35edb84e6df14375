/**
 * Reads for the akimat's Results screen: the results the district sent back and the akimat has
 * not confirmed yet, by results batch, as the paper packet arrives — each batch with its number,
 * when it left the district, its results still to confirm and those already confirmed here.
 * Results sent alone before results batches existed carry no batch and form one group of their
 * own, confirmed one by one.
 */

import type { LocalDateTime } from '../domain/calendar/dates';
import { processOf } from '../domain/case/reducer';
import { type DatedCase, withDeadlines } from './deadlines';
import type { CaseRow, QabyldauDb } from './schema';
import { casesAwaiting, currentRow } from './worklists';

export interface ArrivingBatch {
  /** the results batch's number; absent for the group of results sent singly */
  batchNumber?: string;
  /** local date-time the district sent it (the latest `result.sent` of its cases) */
  sentAt?: string;
  /** results still to confirm, in registration-number order */
  waiting: DatedCase[];
  /** results of the batch already confirmed at this akimat */
  received: number;
}

const byRegNumber = (a: CaseRow, b: CaseRow) =>
  a.regNumber.localeCompare(b.regNumber, 'en', { numeric: true });

function sentAtOf(row: CaseRow): string | undefined {
  const step = processOf(row).steps.find((s) => s.records === 'result.sent');
  return step ? row.done[step.id] : undefined;
}

/** Statuses of a case whose result this akimat has confirmed. */
const RECEIVED = ['result_received', 'closed'] as const;

/**
 * Results batches with results still to confirm, the oldest sent first (the packet that came
 * first is opened first); the results sent singly last.
 */
export async function arrivingResults(
  db: QabyldauDb,
  asOf: LocalDateTime,
): Promise<ArrivingBatch[]> {
  const rows = (await casesAwaiting(db, ['result_sent'], 'result.received')).map(currentRow);
  const numbers = new Set(rows.flatMap((r) => (r.resultBatchNumber ? [r.resultBatchNumber] : [])));
  // Only closed cases of these batches are read in full: a batch is a few cases, the akimat's
  // closed cases many.
  const confirmed = numbers.size
    ? await db.cases
        .where('status')
        .anyOf([...RECEIVED])
        .filter((c) => c.resultBatchNumber !== undefined && numbers.has(c.resultBatchNumber))
        .toArray()
    : [];
  const dated = await withDeadlines(db, rows.sort(byRegNumber), asOf);
  const groups = new Map<string, ArrivingBatch>();
  for (const d of dated) {
    const key = d.row.resultBatchNumber ?? '';
    const group = groups.get(key) ?? {
      ...(d.row.resultBatchNumber ? { batchNumber: d.row.resultBatchNumber } : {}),
      waiting: [],
      received: confirmed.filter((c) => c.resultBatchNumber === d.row.resultBatchNumber).length,
    };
    group.waiting.push(d);
    const at = sentAtOf(d.row);
    if (at && (!group.sentAt || at > group.sentAt)) group.sentAt = at;
    groups.set(key, group);
  }
  const order = (b: ArrivingBatch) => `${b.batchNumber ? '0' : '1'}${b.sentAt ?? ''}`;
  return [...groups.values()].sort((a, b) => (order(a) < order(b) ? -1 : 1));
}
