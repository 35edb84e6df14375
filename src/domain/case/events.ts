/**
 * Event schemas. Every user action is one immutable event; the case, the journal, transfer
 * batches and deadlines are projections folded from them by `reducer.ts`, the same code on the
 * device and on the server. The event log is also the audit trail, so the envelope names the
 * device and the person.
 *
 * `deviceTime` is the device's wall clock *with its UTC offset* (e.g. `2026-03-18T10:30:00+05:00`):
 * its first 16 characters are the local date-time the office saw, which is what deadlines count
 * from and what the talon prints.
 */
import { z } from 'zod';
import { CHANNEL_KINDS } from '../catalog/schema';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
const offsetDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?([+-]\d{2}:\d{2}|Z)$/);
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const text = (max: number) => z.string().trim().min(1).max(max);

const iin = z.string().regex(/^\d{12}$/);

export const applicantSchema = z.object({
  iin,
  surname: text(80),
  givenName: text(80),
  patronymic: z.string().trim().max(80).optional(),
  phone: z.string().trim().max(32).optional(),
  address: z.string().trim().max(300).optional(),
});
export type Applicant = z.infer<typeof applicantSchema>;

/** Someone who applies for the applicant by a power of attorney, with its particulars. */
export const representativeSchema = z.object({
  iin,
  surname: text(80),
  givenName: text(80),
  patronymic: z.string().trim().max(80).optional(),
  powerOfAttorney: z.object({ number: text(60), date: isoDate, issuer: text(200) }),
});
export type Representative = z.infer<typeof representativeSchema>;

const documentId = z.string().regex(/^[a-z0-9_]+$/);
/**
 * The checklist as the desk saw it: each document presented or not and, since the full intake,
 * whether the original or a copy was presented (the receipt prints it).
 */
const checkedDocuments = z
  .array(
    z.object({
      id: documentId,
      isPresented: z.boolean(),
      form: z.enum(['original', 'copy']).optional(),
    }),
  )
  .max(100);
export type CheckedDocument = z.infer<typeof checkedDocuments>[number];

/** What the person at the desk records about an applicant, at intake or at an intake refusal. */
const intakeParticulars = {
  serviceId: z.string().regex(/^\d{3}-\d{2}$/),
  catalogVersion: text(40),
  channel: z.enum(CHANNEL_KINDS),
  /** the channel's variant chosen at intake (a first certificate or a duplicate, …) */
  variant: id.optional(),
  applicant: applicantSchema,
  /** present when a representative applies by a power of attorney */
  representative: representativeSchema.optional(),
  documents: checkedDocuments,
  /**
   * The applicant's consent to the use of personal data, given at the desk (the Law on
   * personal data); recorded on every application taken since the full intake.
   */
  personalDataConsent: z.literal(true).optional(),
  /** when the intake form was opened: the desk time runs from here to the paper printed */
  deskOpenedAt: offsetDateTime.optional(),
};

/** A refusal's grounds: numbers of the regulation's listed grounds (1-based), or `other`. */
const groundId = z.string().regex(/^([1-9]\d?|other)$/);
const refusal = {
  outcome: z.literal('refused'),
  grounds: z.array(groundId).max(30).optional(),
  /** free text: required with `other`, or where the regulation lists no grounds */
  reason: z.string().trim().max(2000).optional(),
};
const decision = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('approved') }),
  z.object(refusal),
]);
export type Decision = z.infer<typeof decision>;

/** Fields of the applicant a correction may change. */
export const CORRECTABLE_FIELDS = [
  'iin',
  'surname',
  'givenName',
  'patronymic',
  'phone',
  'address',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

const payloads = {
  'case.registered': z.object({
    regNumber: text(40),
    ...intakeParticulars,
    registeredAt: localDateTime,
    resultDue: isoDate,
    acceptedBy: z.object({ staffId: id, shortName: text(120) }),
    /**
     * `catalog`: the case walks its catalog edition's steps (src/domain/process). Absent on
     * cases registered before the process model: they walk the fixed legacy chain.
     */
    process: z.literal('catalog').optional(),
  }),
  /**
   * An application refused at the desk (an incomplete package, a document out of date): never
   * registered, it starts a case of its own, numbered in the office's refusal register, that
   * ends here. The refusal receipt prints what is missing.
   */
  'application.refused': z.object({
    refusalNumber: text(40),
    ...intakeParticulars,
    problems: z
      .array(z.object({ id: documentId, problem: z.enum(['missing', 'expired']) }))
      .min(1)
      .max(100),
    refusedAt: localDateTime,
    refusedBy: z.object({ staffId: id, shortName: text(120) }),
  }),
  'commission.ordered': z.object({ note: z.string().trim().max(500).optional() }),
  'commission.inspected': z.object({
    actDate: isoDate,
    members: z.array(text(160)).min(1).max(12),
    findings: text(4000),
    conclusion: z.enum(['needy', 'not_needy']),
    conclusionText: text(2000),
  }),
  'batch.sent': z.object({
    batchId: uuid,
    batchNumber: text(40),
    caseCount: z.number().int().min(1).max(1000),
  }),
  'case.received': z.object({ batchId: uuid.optional() }),
  'case.returned': z.object({
    documents: z
      .array(z.object({ id: documentId, problem: z.enum(['missing', 'wrong']) }))
      .max(100),
    reason: z.string().trim().max(2000).optional(),
  }),
  'case.assigned': z.object({ executorId: id }),
  'case.decided': decision,
  'case.endorsed': z.object({ comment: z.string().trim().max(2000).optional() }),
  'case.sent_back': z.object({ comment: text(2000) }),
  /** the signer's own decision where the process has no draft before the signature */
  'case.signed': z.object({ decision: decision.optional() }),
  /**
   * The result sent back to the akimat. Sent with the other results of one akimat in one
   * action, the events share a results batch (id, number, how many), which prints as one
   * register; a result sent alone, or before results travelled in batches, carries none.
   */
  'result.sent': z.object({
    batchId: uuid.optional(),
    batchNumber: text(40).optional(),
    caseCount: z.number().int().min(1).max(1000).optional(),
  }),
  'result.received': z.object({}),
  'result.handed_out': z.object({
    /** before the process model: free text */
    recipient: z.string().trim().max(160).optional(),
    to: z.enum(['applicant', 'representative']).optional(),
    representative: z.object({ name: text(160), powerOfAttorney: text(200) }).optional(),
  }),
  'case.refused': z.object(refusal),
  'case.corrected': z.object({
    changes: z
      .array(
        z.object({
          field: z.enum(CORRECTABLE_FIELDS),
          from: z.string().max(300),
          to: z.string().trim().max(300),
        }),
      )
      .min(1)
      .max(CORRECTABLE_FIELDS.length),
    reason: text(500),
  }),
  'case.cancelled': z.object({
    reason: z.enum(['withdrawn', 'registered_in_error']),
    note: z.string().trim().max(500).optional(),
  }),
} as const;

export type EventType = keyof typeof payloads;
export const EVENT_TYPES = Object.keys(payloads) as EventType[];
export type PayloadOf<T extends EventType> = z.infer<(typeof payloads)[T]>;

const envelope = {
  id: uuid,
  caseId: uuid,
  /** the office the case belongs to (the akimat that registered it) */
  officeId: id,
  deviceId: id,
  deviceSeq: z.number().int().min(1),
  staffId: id,
  deviceTime: offsetDateTime,
  /**
   * HMAC of the event by the key of the person it names on this device (`identity/proof.ts`,
   * ADR 0015). Not part of the event's content (`eventContent`): the server checks it when it
   * takes the event and keeps it beside the content. Absent only on events recorded before
   * proofs existed.
   */
  proof: z
    .string()
    .regex(/^[A-Za-z0-9_-]{43}$/)
    .optional(),
};

function eventSchemaFor<T extends EventType>(type: T) {
  return z.object({ ...envelope, type: z.literal(type), payload: payloads[type] });
}

/**
 * U+0000 has no place in anything a person records, and PostgreSQL's JSON cannot hold it: the
 * server's indexes read the stored content as JSON, so an event carrying one is refused here, as
 * invalid, on every store alike.
 */
const hasNoNul = (event: unknown) => !JSON.stringify(event).includes('\\u0000');

export const eventSchema = z
  .discriminatedUnion('type', [
    eventSchemaFor('case.registered'),
    eventSchemaFor('commission.ordered'),
    eventSchemaFor('commission.inspected'),
    eventSchemaFor('batch.sent'),
    eventSchemaFor('case.received'),
    eventSchemaFor('case.returned'),
    eventSchemaFor('case.assigned'),
    eventSchemaFor('case.decided'),
    eventSchemaFor('case.endorsed'),
    eventSchemaFor('case.sent_back'),
    eventSchemaFor('case.signed'),
    eventSchemaFor('result.sent'),
    eventSchemaFor('result.received'),
    eventSchemaFor('result.handed_out'),
    eventSchemaFor('case.refused'),
    eventSchemaFor('case.corrected'),
    eventSchemaFor('case.cancelled'),
    eventSchemaFor('application.refused'),
  ])
  .refine(hasNoNul, { message: 'text must not contain the character U+0000' });

/** An event as made on a device. */
export type CaseEvent = z.infer<typeof eventSchema>;
export type CaseEventOf<T extends EventType> = Extract<CaseEvent, { type: T }>;

/** An event as stored by the server: the server's order and receipt time added. */
export type StoredEvent = CaseEvent & { serverSeq: number; serverTime: string };

/** The local wall-clock date-time (`YYYY-MM-DDTHH:mm`) of an event on its device. */
export function localTimeOf(event: Pick<CaseEvent, 'deviceTime'>): string {
  return event.deviceTime.slice(0, 16);
}

/**
 * Stable content comparison for exactly-once storage: the same id with the same content is a
 * harmless retry; the same id with other content is a conflict. Keys are sorted (by UTF-16 code
 * units) at every level and keys whose value is `undefined` left out. Stored events are this
 * text, so it must never change for a value it has written.
 *
 * The server runs this for every event it is pushed. Plain JSON data (every event that passed
 * the schema) is copied with its keys in order and written by one JSON.stringify: a flat string
 * and a few small objects, where building the text piece by piece left several times the text
 * in garbage. Anything else takes the general path, which defines the text.
 */
export function canonicalJson(value: unknown): string {
  const sorted = sortedCopy(value);
  return sorted === NOT_PLAIN ? canonicalText(value) : JSON.stringify(sorted);
}

const NOT_PLAIN: unique symbol = Symbol('not plain JSON data');

/**
 * `value` with every object's keys in canonical order and `undefined` members left out, such that
 * JSON.stringify of it is `canonicalText(value)`; `NOT_PLAIN` where the two could differ: values
 * JSON writes otherwise (undefined or a hole in an array, functions, symbols, bigints), and keys
 * an object would not keep in the order they were added (`__proto__`, and any key starting with
 * a digit, which may be an array index, always listed first).
 */
function sortedCopy(value: unknown): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      return NOT_PLAIN;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) {
      const item = sortedCopy(value[i]);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      out.push(item);
    }
    return out;
  }
  const record = value as Record<string, unknown>;
  const keys = sortKeys(Object.keys(record));
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const first = key.charCodeAt(0);
    if ((first >= 0x30 && first <= 0x39) || key === '__proto__') return NOT_PLAIN;
    const item = record[key];
    if (item === undefined) continue;
    const copy = sortedCopy(item);
    if (copy === NOT_PLAIN) return NOT_PLAIN;
    out[key] = copy;
  }
  return out;
}

/**
 * Sorts keys in place by UTF-16 code units (as `<` compares strings). An insertion sort: an
 * event's objects have a handful of keys, and Array.prototype.sort allocates work arrays.
 */
function sortKeys(keys: string[]): string[] {
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
  return keys;
}

/** The canonical text of any value: the definition the fast path above must agree with. */
function canonicalText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalText(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fields that make an event's content (server-assigned fields excluded). */
export function eventContent(event: CaseEvent): string {
  const { caseId, deviceId, deviceSeq, deviceTime, id, officeId, payload, staffId, type } = event;
  // Listed in canonical order already, which the copy then keeps without moving anything.
  return canonicalJson({
    caseId,
    deviceId,
    deviceSeq,
    deviceTime,
    id,
    officeId,
    payload,
    staffId,
    type,
  });
}
