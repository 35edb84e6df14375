/**
 * Reads for the district department's desk: transfer batches that arrived, by akimat, with the
 * files still to confirm; the cases at the district with their deadlines and the stage each
 * waits at; the drafts for the sector head's visa and the head's signature; the signed results
 * to send back, by akimat, and the results batches on their way. What a case waits for is its
 * process's word (`nextActions`), as in every work list.
 */

import type { LocalDateTime } from '../domain/calendar/dates';
import { DEADLINE_COLOURS, type DeadlineColour } from '../domain/case/deadline';
import { processOf } from '../domain/case/reducer';
import { nextActions } from '../domain/process';
import type { Office, Person } from '../domain/reference';
import { type DatedCase, withDeadlines } from './deadlines';
import type { CaseRow, QabyldauDb } from './schema';
import { casesAwaiting, currentRow } from './worklists';

/** A transfer batch as the district sees it while any of its files is still to be confirmed. */
export interface IncomingBatch {
  batchId: string;
  batchNumber: string;
  /** local date-time the akimat sent it */
  sentAt?: string;
  /** files on their way, to confirm or return, in registration-number order */
  outstanding: DatedCase[];
  /** files of the batch confirmed here */
  confirmed: number;
  /** files of the batch returned to the akimat (and not sent again yet) */
  returned: number;
}

export interface IncomingOffice {
  officeId: string;
  office?: Office;
  /** oldest first: the one waiting longest is confirmed first */
  batches: IncomingBatch[];
}

const byRegNumber = (a: CaseRow, b: CaseRow) =>
  a.regNumber.localeCompare(b.regNumber, 'en', { numeric: true });

/** When the case's file was last forwarded (its forward step's time in this round). */
function forwardedAt(row: CaseRow): string | undefined {
  const step = processOf(row).steps.find((s) => s.records === 'batch.sent');
  return step ? row.done[step.id] : undefined;
}

/**
 * Batches with files still to confirm, grouped by the akimat that sent them (akimats by their
 * code). A file returned and sent again travels in its new batch; the old batch counts it as
 * returned only while it is back at the village.
 */
export async function incomingByOffice(
  db: QabyldauDb,
  asOf: LocalDateTime,
): Promise<IncomingOffice[]> {
  const waiting = await casesAwaiting(db, ['forwarded'], 'case.received');
  const batchIds = [...new Set(waiting.flatMap((c) => (c.batchId ? [c.batchId] : [])))];
  const members = await Promise.all(
    batchIds.map((id) => db.cases.where('batchId').equals(id).toArray()),
  );
  const batches = new Map<string, IncomingBatch & { officeId: string }>();
  for (const [i, batchId] of batchIds.entries()) {
    const rows = (members[i] ?? []).map(currentRow);
    const outstanding = rows.filter((c) => c.status === 'forwarded').sort(byRegNumber);
    const first = outstanding[0];
    if (!first) continue;
    const returned = rows.filter((c) => c.status === 'returned').length;
    const sentAt = outstanding.map(forwardedAt).find(Boolean);
    batches.set(batchId, {
      batchId,
      batchNumber: first.batchNumber ?? batchId,
      officeId: first.officeId,
      ...(sentAt ? { sentAt } : {}),
      outstanding: await withDeadlines(db, outstanding, asOf),
      confirmed: rows.length - outstanding.length - returned,
      returned,
    });
  }
  const all = [...batches.values()];
  return byOffice(db, all, (officeId) => ({
    batches: all
      .filter((b) => b.officeId === officeId)
      .sort((a, b) => ((a.sentAt ?? '') < (b.sentAt ?? '') ? -1 : 1)),
  }));
}

/**
 * One group per office that `items` name, with the office's reference row (when the device has
 * it) and what `group` makes of the office's items, in the offices' code order.
 */
async function byOffice<T extends object>(
  db: QabyldauDb,
  items: readonly { officeId: string }[],
  group: (officeId: string) => T,
): Promise<({ officeId: string; office?: Office } & T)[]> {
  const officeIds = [...new Set(items.map((item) => item.officeId))];
  const offices = await db.offices.bulkGet(officeIds);
  return officeIds
    .map((officeId, i) => {
      const office = offices[i];
      return { officeId, ...(office ? { office } : {}), ...group(officeId) };
    })
    .sort((a, b) => (a.office?.code ?? a.officeId).localeCompare(b.office?.code ?? b.officeId));
}

/** The stage a case waits at on the desk: the draft, the visa, the signature, the sending back. */
export type DeskStage = 'draft' | 'visa' | 'sign' | 'send';
export const DESK_STAGES: readonly DeskStage[] = ['draft', 'visa', 'sign', 'send'];

export function deskStageOf(row: CaseRow): DeskStage | null {
  const types = new Set(nextActions(processOf(row), row).map((a) => a.type));
  if (types.has('case.decided') || types.has('case.assigned')) return 'draft';
  if (types.has('case.endorsed')) return 'visa';
  if (types.has('case.signed')) return 'sign';
  if (types.has('result.sent')) return 'send';
  return null;
}

export interface DeskCase extends DatedCase {
  stage: DeskStage;
}

/** Overdue first, then due soon; within a colour the earliest due first, then by number. */
export function byUrgency(a: DatedCase, b: DatedCase): number {
  const colour = (c: DeadlineColour) => DEADLINE_COLOURS.indexOf(c);
  const byColour = colour(a.deadline.colour) - colour(b.deadline.colour);
  if (byColour !== 0) return byColour;
  const dueA = a.deadline.step?.due ?? '\uffff';
  const dueB = b.deadline.step?.due ?? '\uffff';
  if (dueA !== dueB) return dueA < dueB ? -1 : 1;
  return byRegNumber(a.row, b.row);
}

/** Statuses of a case whose file is at the district, after its receipt. */
const AT_DISTRICT = ['received', 'assigned', 'rework', 'decided', 'endorsed', 'signed'] as const;

/** Every case at the district with its deadline and stage, most urgent first. */
export async function deskCases(db: QabyldauDb, asOf: LocalDateTime): Promise<DeskCase[]> {
  const dated = await withDeadlines(db, await casesAwaiting(db, AT_DISTRICT), asOf);
  return dated
    .flatMap((d) => {
      const stage = deskStageOf(d.row);
      return stage ? [{ ...d, stage }] : [];
    })
    .sort(byUrgency);
}

/** Drafts waiting for this event (the visa or the signature), most urgent first. */
export async function draftsAwaiting(
  db: QabyldauDb,
  type: 'case.endorsed' | 'case.signed',
  asOf: LocalDateTime,
): Promise<DatedCase[]> {
  const rows = await casesAwaiting(db, ['decided', 'endorsed'], type);
  return (await withDeadlines(db, rows, asOf)).sort(byUrgency);
}

export interface ResultsForOffice {
  officeId: string;
  office?: Office;
  cases: DatedCase[];
}

/** Signed results waiting to be sent back, grouped by the akimat they go to. */
export async function resultsToSend(
  db: QabyldauDb,
  asOf: LocalDateTime,
): Promise<ResultsForOffice[]> {
  const rows = await casesAwaiting(db, ['signed'], 'result.sent');
  const dated = (await withDeadlines(db, rows, asOf)).sort(byUrgency);
  return byOffice(
    db,
    dated.map((d) => d.row),
    (officeId) => ({ cases: dated.filter((d) => d.row.officeId === officeId) }),
  );
}

export interface SentResults {
  /** the results batch's number; absent for results sent one by one before batches */
  batchNumber?: string;
  officeId: string;
  office?: Office;
  /** when the results left the district (the last result's step time) */
  sentAt?: string;
  cases: CaseRow[];
}

/** Results on their way to the akimats (sent, not yet confirmed there), by results batch. */
export async function resultsOnTheWay(db: QabyldauDb): Promise<SentResults[]> {
  const rows = (await db.cases.where('status').equals('result_sent').toArray()).map(currentRow);
  const groups = new Map<string, SentResults>();
  for (const row of rows.sort(byRegNumber)) {
    const key = row.resultBatchNumber ?? `${row.officeId}|`;
    const group = groups.get(key) ?? {
      ...(row.resultBatchNumber ? { batchNumber: row.resultBatchNumber } : {}),
      officeId: row.officeId,
      cases: [],
    };
    group.cases.push(row);
    const step = processOf(row).steps.find((s) => s.records === 'result.sent');
    const at = step ? row.done[step.id] : undefined;
    if (at && (!group.sentAt || at > group.sentAt)) group.sentAt = at;
    groups.set(key, group);
  }
  const list = [...groups.values()];
  const offices = await db.offices.bulkGet(list.map((g) => g.officeId));
  return list
    .map((g, i) => {
      const office = offices[i];
      return office ? { ...g, office } : g;
    })
    .sort((a, b) => ((a.sentAt ?? '') < (b.sentAt ?? '') ? 1 : -1));
}

/** People by id, for the names a desk row shows (executors, who drafted). */
export async function peopleById(db: QabyldauDb): Promise<Map<string, Person>> {
  const people = await db.people.toArray();
  return new Map(people.map((p) => [p.id, p]));
}
