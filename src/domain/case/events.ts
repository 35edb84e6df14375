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

export const applicantSchema = z.object({
  iin: z.string().regex(/^\d{12}$/),
  surname: text(80),
  givenName: text(80),
  patronymic: z.string().trim().max(80).optional(),
  phone: z.string().trim().max(32).optional(),
});
export type Applicant = z.infer<typeof applicantSchema>;

const payloads = {
  'case.registered': z.object({
    regNumber: text(40),
    serviceId: z.string().regex(/^\d{3}-\d{2}$/),
    catalogVersion: text(40),
    channel: z.enum(CHANNEL_KINDS),
    applicant: applicantSchema,
    documents: z
      .array(z.object({ id: z.string().regex(/^[a-z0-9_]+$/), isPresented: z.boolean() }))
      .max(100),
    registeredAt: localDateTime,
    resultDue: isoDate,
    acceptedBy: z.object({ staffId: id, shortName: text(120) }),
  }),
  'batch.sent': z.object({
    batchId: uuid,
    batchNumber: text(40),
    caseCount: z.number().int().min(1).max(1000),
  }),
  'case.received': z.object({ batchId: uuid.optional() }),
  'case.decided': z.discriminatedUnion('outcome', [
    z.object({ outcome: z.literal('approved') }),
    z.object({ outcome: z.literal('refused'), reason: text(2000) }),
  ]),
  'case.signed': z.object({}),
  'result.sent': z.object({}),
  'result.received': z.object({}),
  'result.handed_out': z.object({ recipient: z.string().trim().max(160).optional() }),
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
};

function eventSchemaFor<T extends EventType>(type: T) {
  return z.object({ ...envelope, type: z.literal(type), payload: payloads[type] });
}

export const eventSchema = z.discriminatedUnion('type', [
  eventSchemaFor('case.registered'),
  eventSchemaFor('batch.sent'),
  eventSchemaFor('case.received'),
  eventSchemaFor('case.decided'),
  eventSchemaFor('case.signed'),
  eventSchemaFor('result.sent'),
  eventSchemaFor('result.received'),
  eventSchemaFor('result.handed_out'),
]);

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
 * Written as loops and string appends rather than entries, sort callbacks and joins, and
 * quoting plain strings itself: the server runs it for every event it is pushed, and the
 * intermediate arrays and calls cost more than the text.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'string') return quoted(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      // An element JSON cannot write (undefined, a function, a hole) leaves its place empty.
      out += canonicalJson(value[i]) ?? '';
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  // The default sort orders strings by UTF-16 code units, as `<` does.
  const keys = Object.keys(record).sort();
  let out = '{';
  let isFirst = true;
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    if (!isFirst) out += ',';
    isFirst = false;
    out += `${quoted(key)}:${canonicalJson(item)}`;
  }
  return `${out}}`;
}

/**
 * A string as JSON.stringify writes it. Only quotes, backslashes, control characters and lone
 * surrogates are escaped there; a string without any of them (nearly every field of an event)
 * is written as it is.
 */
function quoted(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x22 || code === 0x5c || (code >= 0xd800 && code <= 0xdfff)) {
      return JSON.stringify(text);
    }
  }
  return `"${text}"`;
}

/** The envelope's fields in canonical (sorted) order, each with its key as JSON. */
const CONTENT_FIELDS = (
  [
    'caseId',
    'deviceId',
    'deviceSeq',
    'deviceTime',
    'id',
    'officeId',
    'payload',
    'staffId',
    'type',
  ] as const
).map((key) => ({ key, prefix: `${JSON.stringify(key)}:` }));

/**
 * The fields that make an event's content (server-assigned fields excluded), as canonical JSON:
 * the same text as `canonicalJson` of an object holding just these fields, without building
 * that object or sorting its keys.
 */
export function eventContent(event: CaseEvent): string {
  let out = '{';
  for (const { key, prefix } of CONTENT_FIELDS) {
    const item: unknown = event[key];
    if (item === undefined) continue;
    out += `${out.length > 1 ? ',' : ''}${prefix}${canonicalJson(item)}`;
  }
  return `${out}}`;
}
