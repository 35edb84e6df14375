/**
 * Reads for the printed papers: the case of a talon, a transfer batch's register, the journal's
 * pages for a period, a case with who recorded its steps (receipts, the commission's papers, the
 * village's result), and the office and district a paper is headed with.
 *
 * Kept apart from `queries.ts`, which the start-up script imports: a module the start-up script
 * shares with a paper brings every function of it along, and the papers are loaded only when
 * one is opened.
 */
import type { PayloadOf } from '../domain/case/events';
import type { District, Office, Person } from '../domain/reference';
import { caseEvents, eventsOfCases } from './history';
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

/** One step of a case as its event recorded it: when (the office's wall clock) and by whom. */
export interface RecordedStep<P> {
  /** local date-time, `YYYY-MM-DDTHH:mm` */
  at: string;
  /** the person who recorded it, as the reference data names them; absent when unknown here */
  by?: Person;
  payload: P;
}

export interface CasePaperData {
  caseRow: CaseRow;
  /** the office that registered the case (or refused the application) */
  office?: Office;
  ordered?: RecordedStep<PayloadOf<'commission.ordered'>>;
  /** the executor's draft, the last one before the signature */
  decided?: RecordedStep<PayloadOf<'case.decided'>>;
  signed?: RecordedStep<PayloadOf<'case.signed'>>;
  handedOut?: RecordedStep<PayloadOf<'result.handed_out'>>;
}

/**
 * A case with the steps its desk papers print who and when of: the akim's order to the
 * commission, the signature, the hand-out. Read from the events, not the projection: the
 * projection keeps when a step was done but not who did it. The last accepted event of each
 * type counts (a rejected one never happened); a case registered or refused at the desk is
 * found by its registration or refusal number alike.
 */
export async function casePaperOf(
  db: QabyldauDb,
  number: string,
): Promise<CasePaperData | undefined> {
  const caseRow = await caseByRegNumber(db, number);
  if (!caseRow) return undefined;
  const [office, events] = await Promise.all([
    db.offices.get(caseRow.officeId),
    caseEvents(db, caseRow.id),
  ]);
  const accepted = events
    .filter((e) => e.status !== 'rejected')
    .sort((a, b) => (a.deviceTime < b.deviceTime ? -1 : a.deviceTime > b.deviceTime ? 1 : 0));
  async function step<
    T extends 'commission.ordered' | 'case.decided' | 'case.signed' | 'result.handed_out',
  >(type: T): Promise<RecordedStep<PayloadOf<T>> | undefined> {
    const event = accepted.filter((e) => e.type === type).at(-1);
    if (!event) return undefined;
    const by = await db.people.get(event.staffId);
    const payload = event.payload as PayloadOf<T>;
    // The office's wall clock, as `localTimeOf` reads it; not imported, since that module brings
    // the event schemas into the papers' chunk.
    const at = event.deviceTime.slice(0, 16);
    return by ? { at, by, payload } : { at, payload };
  }
  const [ordered, decided, signed, handedOut] = await Promise.all([
    step('commission.ordered'),
    step('case.decided'),
    step('case.signed'),
    step('result.handed_out'),
  ]);
  return {
    caseRow,
    ...(office ? { office } : {}),
    ...(ordered ? { ordered } : {}),
    ...(decided ? { decided } : {}),
    ...(signed ? { signed } : {}),
    ...(handedOut ? { handedOut } : {}),
  };
}

/** The district department of the office's district: the provider a notice is issued by. */
async function departmentOf(
  db: QabyldauDb,
  office: Office | undefined,
): Promise<Office | undefined> {
  const departments = await db.offices.where('kind').equals('district').toArray();
  return departments.find((o) => o.districtId === office?.districtId) ?? departments[0];
}

export interface NoticeData extends CasePaperData {
  /** the district department that decided (the notice's header) */
  department?: Office;
}

/** A case with what its decision notice prints: the signature, the draft's author, the provider. */
export async function noticeOf(db: QabyldauDb, number: string): Promise<NoticeData | undefined> {
  const data = await casePaperOf(db, number);
  if (!data) return undefined;
  const department = await departmentOf(db, data.office);
  return department ? { ...data, department } : data;
}

export interface ResultRegister {
  batchNumber: string;
  /** local date-time the results were sent */
  sentAt?: string;
  sentBy?: Person;
  /** the district department that sent them */
  from?: Office;
  /** the akimat they go to */
  to?: Office;
  /** in registration-number order, each with the local date-time of its signature */
  cases: { caseRow: CaseRow; signedAt?: string }[];
}

/** The statuses a case may be in once its result has left the district. */
const RESULT_SENT_OR_LATER = ['result_sent', 'result_received', 'closed'];

/** A results batch by its number, with its cases and who sent them. */
export async function resultRegisterOf(
  db: QabyldauDb,
  batchNumber: string,
): Promise<ResultRegister | undefined> {
  const rows = await db.cases
    .where('status')
    .anyOf(RESULT_SENT_OR_LATER)
    .filter((c) => c.resultBatchNumber === batchNumber)
    .toArray();
  const first = rows.sort(byRegNumber)[0];
  if (!first) return undefined;
  const [histories, to] = await Promise.all([
    eventsOfCases(
      db,
      rows.map((r) => r.id),
    ),
    db.offices.get(first.officeId),
  ]);
  const accepted = histories.map((events) =>
    events
      .filter((e) => e.status !== 'rejected')
      .sort((a, b) => (a.deviceTime < b.deviceTime ? -1 : a.deviceTime > b.deviceTime ? 1 : 0)),
  );
  const sent = accepted[0]?.find(
    (e) => e.type === 'result.sent' && e.payload.batchNumber === batchNumber,
  );
  const [sentBy, from] = await Promise.all([
    sent ? db.people.get(sent.staffId) : undefined,
    departmentOf(db, to),
  ]);
  return {
    batchNumber,
    ...(sent ? { sentAt: sent.deviceTime.slice(0, 16) } : {}),
    ...(sentBy ? { sentBy } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    cases: rows.map((caseRow, i) => {
      // The office's wall clock of the last signature (a draft sent back is signed again).
      const signed = accepted[i]?.filter((e) => e.type === 'case.signed').at(-1);
      return signed ? { caseRow, signedAt: signed.deviceTime.slice(0, 16) } : { caseRow };
    }),
  };
}
