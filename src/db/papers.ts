/**
 * Reads for the printed papers: the case of a talon, a transfer batch's register, the journal's
 * pages for a period, and the office and district a paper is headed with.
 *
 * Kept apart from `queries.ts`, which the start-up script imports: a module the start-up script
 * shares with a paper brings every function of it along, and the papers are loaded only when
 * one is opened.
 */
import type { District, Office, Person } from '../domain/reference';
import { eventsOfCases } from './history';
import { batches, caseByRegNumber } from './queries';
import type { CaseRow, QabyldauDb } from './schema';

/** Whose paper it is: the office (name, address, phone) and its district. */
export interface PaperPlace {
  office?: Office;
  district?: District;
}

export async function paperPlace(db: QabyldauDb, officeId: string): Promise<PaperPlace> {
  const [office, district] = await Promise.all([
    db.offices.get(officeId),
    db.districts.toCollection().first(),
  ]);
  return { ...(office ? { office } : {}), ...(district ? { district } : {}) };
}

/** Registration numbers in the order people count them: 01-26-01-0009 before 01-26-01-0010. */
export function byRegNumber(a: CaseRow, b: CaseRow): number {
  return a.regNumber.localeCompare(b.regNumber, 'en', { numeric: true });
}

export interface TalonData {
  caseRow: CaseRow;
  /** the office that registered the case */
  office?: Office;
}

/** The case a talon is printed for, by its registration number. */
export async function talonOf(db: QabyldauDb, regNumber: string): Promise<TalonData | undefined> {
  const caseRow = await caseByRegNumber(db, regNumber);
  if (!caseRow) return undefined;
  const office = await db.offices.get(caseRow.officeId);
  return office ? { caseRow, office } : { caseRow };
}

export interface BatchRegister {
  batchNumber: string;
  /** local date-time the batch was sent */
  sentAt: string;
  /** who sent it, as the district knows them */
  sentBy?: Person;
  /** the office that sent it */
  office?: Office;
  /** the district department the files travel to */
  to?: Office;
  /** in registration-number order, as the executor checks the files against the paper */
  cases: CaseRow[];
}

/** A transfer batch by its number, with its cases as they were sent in it. */
export async function registerOf(
  db: QabyldauDb,
  batchNumber: string,
): Promise<BatchRegister | undefined> {
  const batch = (await batches(db)).find((b) => b.batchNumber === batchNumber);
  if (!batch) return undefined;
  const [office, offices, events] = await Promise.all([
    db.offices.get(batch.officeId),
    db.offices.where('kind').equals('district').toArray(),
    eventsOfCases(
      db,
      batch.cases.slice(0, 1).map((c) => c.id),
    ),
  ]);
  const sent = events[0]?.find(
    (e) => e.type === 'batch.sent' && e.payload.batchId === batch.batchId,
  );
  const sentBy = sent ? await db.people.get(sent.staffId) : undefined;
  const to = offices.find((o) => o.districtId === office?.districtId);
  return {
    batchNumber: batch.batchNumber,
    sentAt: batch.sentAt,
    ...(sentBy ? { sentBy } : {}),
    ...(office ? { office } : {}),
    ...(to ? { to } : {}),
    cases: [...batch.cases].sort(byRegNumber),
  };
}

export interface JournalLine {
  caseRow: CaseRow;
  /** the device time the result was handed out, with its offset; absent while it has not been */
  handedOutAt?: string;
}

/**
 * The journal's lines for a period: the cases registered from `from` to `to` (ISO dates, both
 * included), of one office or, for a district device, of every office it sees; in order of
 * registration, as the registration book is written.
 */
export async function journalLines(
  db: QabyldauDb,
  from: string,
  to: string,
  officeId?: string,
): Promise<JournalLine[]> {
  // `registeredAt` is the office's local date-time: a day's cases are those whose text starts
  // with the day, so the upper bound is the day after `to`.
  const rows = await db.cases
    .where('registeredAt')
    .between(from, `${to}\uffff`, true, true)
    .filter((c) => officeId === undefined || c.officeId === officeId)
    .toArray();
  rows.sort((a, b) =>
    a.registeredAt === b.registeredAt
      ? byRegNumber(a, b)
      : a.registeredAt < b.registeredAt
        ? -1
        : 1,
  );
  // The hand-out is read from its event: the projection keeps steps by process, not by date.
  const closed = rows.filter((c) => c.status === 'closed');
  const events = await eventsOfCases(
    db,
    closed.map((c) => c.id),
  );
  const handedOut = new Map<string, string>();
  for (const [i, caseEvents] of events.entries()) {
    const handout = caseEvents
      .filter((e) => e.type === 'result.handed_out' && e.status !== 'rejected')
      .sort((a, b) => (a.deviceTime < b.deviceTime ? 1 : -1))[0];
    const row = closed[i];
    if (handout && row) handedOut.set(row.id, handout.deviceTime);
  }
  return rows.map((caseRow) => {
    const at = handedOut.get(caseRow.id);
    return at ? { caseRow, handedOutAt: at } : { caseRow };
  });
}
