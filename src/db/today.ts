/**
 * The village office's day, read from the device: what must go to the district (cases whose
 * forward step is open, soonest due first), what is overdue at any stage — the district's steps
 * too, as far as the device knows them from sync —, files the district returned with what they
 * lack, results waiting for the citizen (days waiting, and the uncollected ones after a month),
 * and the citizens to call. Every colour is the deadline engine's (`withDeadlines`); what a case
 * waits for is its process's word (`nextActions`). Counts are the lists' lengths, and
 * `needsAttention` is the number of cases the office has to act on (the navigation shows it).
 */
import type { IsoDate, LocalDateTime } from '../domain/calendar/dates';
import { toDayNumber } from '../domain/calendar/dates';
import type { CaseDeadline } from '../domain/case/deadline';
import type { EventType } from '../domain/case/events';
import { type Whereabouts, whereabouts } from '../domain/case/place';
import { processOf } from '../domain/case/reducer';
import { type ResultWaiting, readySince, resultWaiting } from '../domain/case/waiting';
import type { Localized } from '../domain/catalog/schema';
import type { StepDeadline } from '../domain/deadline';
import { type CaseStatus, nextActions } from '../domain/process';
import type { StaffRole } from '../domain/roles';
import { deadlineReader } from './deadlines';
import type { CaseRow, QabyldauDb } from './schema';
import { currentRow } from './worklists';

/** Every status of a case still under way. */
const OPEN: readonly CaseStatus[] = [
  'registered',
  'commission_ordered',
  'inspected',
  'forwarded',
  'received',
  'returned',
  'assigned',
  'decided',
  'endorsed',
  'rework',
  'signed',
  'result_sent',
  'result_received',
];

export interface TodayCase {
  row: CaseRow;
  deadline: CaseDeadline;
}

export interface ForwardItem extends TodayCase {
  /** the forward step's due date */
  due?: IsoDate;
}

export interface OverdueItem extends TodayCase {
  step: StepDeadline;
  /** the step the case waits for now and who may record it (the process's word) */
  waitingFor?: { type: EventType; roles: readonly StaffRole[] };
  where: Whereabouts;
  /** whole calendar days since the due day (0: due earlier today) */
  daysLate: number;
}

export interface ReturnedItem extends TodayCase {
  returned: NonNullable<CaseRow['returned']>;
  /** the documents the district named, with their checklist names where the catalog has them */
  documents: { id: string; problem: 'missing' | 'wrong'; name?: Localized }[];
}

export interface WaitingItem extends TodayCase {
  waiting: ResultWaiting;
}

export interface CallItem extends TodayCase {
  /** why the citizen is to be called */
  why: 'result_ready' | 'documents_missing';
  phone?: string;
  waiting?: ResultWaiting;
}

export interface Today {
  asOf: LocalDateTime;
  toForward: ForwardItem[];
  overdue: OverdueItem[];
  returned: ReturnedItem[];
  toHandOut: WaitingItem[];
  toCall: CallItem[];
  /** distinct cases the office must act on: overdue, forwards due soon, returned, waiting */
  needsAttention: number;
  /** the device holds no case of the office at all (a new office, a fresh demo district) */
  hasNoCases: boolean;
}

const byText = (a: string | undefined, b: string | undefined) =>
  a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : a < b ? -1 : 1;

/** The office's day as of `asOf` (its local date-time). */
export async function todayOf(
  db: QabyldauDb,
  officeId: string,
  asOf: LocalDateTime,
): Promise<Today> {
  const [rows, total] = await Promise.all([
    db.cases
      .where('status')
      .anyOf([...OPEN])
      .filter((r) => r.officeId === officeId)
      .toArray(),
    db.cases.where('officeId').equals(officeId).count(),
  ]);
  const reader = await deadlineReader(db, rows);
  const today: Today = {
    asOf,
    toForward: [],
    overdue: [],
    returned: [],
    toHandOut: [],
    toCall: [],
    needsAttention: 0,
    hasNoCases: total === 0,
  };
  const attention = new Set<string>();
  const day = toDayNumber(asOf.slice(0, 10));

  for (const stored of rows) {
    const row = currentRow(stored);
    const deadline = reader.deadlineOf(row, asOf);
    const item = { row, deadline };
    const actions = nextActions(processOf(row), row);
    const next = new Set(actions.map((a) => a.type));

    if (row.status === 'returned' && row.returned) {
      // A returned file waits for the missing documents before it can be forwarded again.
      const checklist = reader.serviceOf(row)?.checklist.documents ?? [];
      const documents = row.returned.documents.map((d) => {
        const name = checklist.find((c) => c.id === d.id)?.name;
        return name ? { ...d, name } : d;
      });
      today.returned.push({ ...item, returned: row.returned, documents });
      today.toCall.push({ ...item, why: 'documents_missing', ...phoneOf(row) });
      attention.add(row.id);
    } else if (next.has('batch.sent')) {
      today.toForward.push({ ...item, ...(deadline.step ? { due: deadline.step.dueDate } : {}) });
      if (deadline.colour !== 'on_time') attention.add(row.id);
    }
    if (next.has('result.handed_out')) {
      const waiting = resultWaiting(readySince(row.done) ?? row.updatedAt, asOf);
      today.toHandOut.push({ ...item, waiting });
      today.toCall.push({ ...item, why: 'result_ready', waiting, ...phoneOf(row) });
      attention.add(row.id);
    }
    if (deadline.colour === 'overdue' && deadline.step) {
      const daysLate = Math.max(0, day - toDayNumber(deadline.step.dueDate));
      // The engine's step names the term; people say what the file waits for (the district's
      // receipt of a file sent, not its review) and who does it.
      const waiting = actions.find((a) => a.step !== null);
      today.overdue.push({
        ...item,
        step: deadline.step,
        where: whereabouts(row),
        daysLate,
        ...(waiting ? { waitingFor: { type: waiting.type, roles: waiting.roles } } : {}),
      });
      attention.add(row.id);
    }
  }

  today.toForward.sort((a, b) => byText(a.due, b.due) || byText(a.row.regNumber, b.row.regNumber));
  today.overdue.sort((a, b) => byText(a.step.due, b.step.due));
  today.returned.sort((a, b) => byText(a.returned.at, b.returned.at));
  // Longest waiting first: the citizen who has waited longest is called first.
  today.toHandOut.sort((a, b) => byText(a.waiting.since, b.waiting.since));
  // Results ready first (the citizen only has to come), then files waiting for documents.
  const whyOrder = (c: CallItem) => (c.why === 'result_ready' ? 0 : 1);
  today.toCall.sort(
    (a, b) =>
      whyOrder(a) - whyOrder(b) ||
      byText(a.waiting?.since, b.waiting?.since) ||
      byText(a.row.returned?.at, b.row.returned?.at),
  );
  today.needsAttention = attention.size;
  return today;
}

function phoneOf(row: CaseRow): { phone?: string } {
  const phone = row.applicant.phone?.trim();
  return phone ? { phone } : {};
}

/** How many cases the office must act on today: the number the navigation shows. */
export async function attentionCount(
  db: QabyldauDb,
  officeId: string,
  asOf: LocalDateTime,
): Promise<number> {
  return (await todayOf(db, officeId, asOf)).needsAttention;
}
