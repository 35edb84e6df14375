/**
 * The initial-sync page (docs/sync-protocol.md, "Initial sync"): a fresh device receives the
 * log up to a mark grouped by case — each case's events together, the case id and office once,
 * offices, devices, staff and UTC offsets as a small dictionary per page, times and serverSeqs
 * as differences within the case, and an event id (UUIDv7, whose first 48 bits are the moment
 * it was made) as its distance in milliseconds from the event's own device time plus its
 * random part. What is left is mostly the ids' random bits, which nothing can shrink.
 *
 * An event the compact form cannot carry exactly travels whole (the server checks every event
 * by decoding it again), so the encoding can never change an event.
 */
import type { CaseEvent, EventType } from '../case/events';

/** Type codes of the compact form; a new type is appended, never inserted. */
export const PAGE_EVENT_TYPES: readonly EventType[] = [
  'case.registered',
  'batch.sent',
  'case.received',
  'case.decided',
  'case.signed',
  'result.sent',
  'result.received',
  'result.handed_out',
  // protocol 4: the process model's events
  'commission.ordered',
  'commission.inspected',
  'case.returned',
  'case.assigned',
  'case.endorsed',
  'case.sent_back',
  'case.refused',
  'case.corrected',
  'case.cancelled',
  // protocol 5: a refusal at the desk
  'application.refused',
];

/** An event as the initial sync delivers it: the event and its place in the server's log. */
export type PageEvent = CaseEvent & { serverSeq: number };

/**
 * `[idOffsetMs, idRest, type, deviceRef, deviceSeq, staffRef, secondsSincePrevious, offsetRef,
 * serverSeqSincePrevious, payload]`; the case's first event counts its time and serverSeq from 0.
 */
export type CompactEvent = [
  number,
  string,
  number,
  number,
  number,
  number,
  number,
  number,
  number,
  unknown,
];

/** `[caseId, officeRef, events]`; an event given whole is a plain object. */
export type CompactCase = [string, number, (CompactEvent | PageEvent)[]];

export interface InitialPageBody {
  /** offices, devices, staff and UTC offsets named by the page, referred to by index */
  dictionary: string[];
  cases: CompactCase[];
}

export interface InitialPageResponse extends InitialPageBody {
  serverTime: string;
  /** the page holds every event of its cases with serverSeq ≤ mark */
  mark: number;
  /** where the next page starts (the serverSeq of this page's last registration) */
  after: number;
  hasMore: boolean;
  /** the end of the server's log */
  headSeq: number;
  referenceVersion: string;
  /**
   * on the page asked without a mark only: how many cases the sync brings from `after` up to the
   * mark, this page's included (a server before this field sends none)
   */
  total?: number;
}

const DEVICE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})([+-])(\d{2}):(\d{2})$/;
const UUID_V7ISH = /^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/;

/** Seconds of the local wall-clock time (read as if it were UTC), and the offset text. */
function splitTime(deviceTime: string): { local: number; offset: string } | null {
  const m = DEVICE_TIME.exec(deviceTime);
  if (!m) return null;
  return { local: Date.parse(`${m[1]}Z`) / 1000, offset: `${m[2]}${m[3]}:${m[4]}` };
}

function offsetSeconds(offset: string): number {
  const sign = offset.startsWith('-') ? -1 : 1;
  return sign * (Number(offset.slice(1, 3)) * 3600 + Number(offset.slice(4, 6)) * 60);
}

function joinTime(local: number, offset: string): string {
  return `${new Date(local * 1000).toISOString().slice(0, 19)}${offset}`;
}

class Dictionary {
  readonly entries: string[] = [];
  private readonly index = new Map<string, number>();
  ref(value: string): number {
    let i = this.index.get(value);
    if (i === undefined) {
      i = this.entries.length;
      this.entries.push(value);
      this.index.set(value, i);
    }
    return i;
  }
}

const ENVELOPE = [
  'id',
  'type',
  'caseId',
  'officeId',
  'deviceId',
  'deviceSeq',
  'staffId',
  'deviceTime',
  'serverSeq',
] as const;

/**
 * The decoded event carries the original's payload object itself, so the envelope's fields, and
 * no field beyond them, decide whether the compact form gave the event back exactly.
 */
function sameEvent(decoded: PageEvent, original: PageEvent): boolean {
  return (
    Object.keys(original).length === ENVELOPE.length + 1 &&
    'payload' in original &&
    ENVELOPE.every((key) => decoded[key] === original[key])
  );
}

/**
 * Encodes cases, each given with its events in serverSeq order (all of one case, one office).
 */
export function encodeInitialPage(
  cases: readonly { caseId: string; events: readonly PageEvent[] }[],
): InitialPageBody {
  const dict = new Dictionary();
  const out: CompactCase[] = cases.map(({ caseId, events }) => {
    const officeId = events[0]?.officeId ?? '';
    const officeRef = dict.ref(officeId);
    let previousTime = 0;
    let previousSeq = 0;
    const compact = events.map((event): CompactEvent | PageEvent => {
      const encoded = encodeEvent(event, officeId, previousTime, previousSeq, dict);
      if (encoded) {
        const decoded = decodeEvent(encoded, caseId, officeId, previousTime, previousSeq, (i) =>
          i < dict.entries.length ? (dict.entries[i] ?? '') : '',
        );
        if (sameEvent(decoded.event, event)) {
          previousTime = decoded.time;
          previousSeq = event.serverSeq;
          return encoded;
        }
      }
      // Whole: the times and serverSeqs of the following events count from this one.
      const time = splitTime(event.deviceTime);
      if (time) previousTime = time.local;
      previousSeq = event.serverSeq;
      return event;
    });
    return [caseId, officeRef, compact];
  });
  return { dictionary: dict.entries, cases: out };
}

function encodeEvent(
  event: PageEvent,
  officeId: string,
  previousTime: number,
  previousSeq: number,
  dict: Dictionary,
): CompactEvent | null {
  const time = splitTime(event.deviceTime);
  const id = UUID_V7ISH.exec(event.id);
  const type = PAGE_EVENT_TYPES.indexOf(event.type);
  if (!time || !id || type < 0 || event.officeId !== officeId) return null;
  const hex = `${id[1]}${id[2]}${id[3]}${id[4]}${id[5]}`;
  const idMs = Number.parseInt(hex.slice(0, 12), 16);
  const utcMs = (time.local - offsetSeconds(time.offset)) * 1000;
  return [
    idMs - utcMs,
    hex.slice(12),
    type,
    dict.ref(event.deviceId),
    event.deviceSeq,
    dict.ref(event.staffId),
    time.local - previousTime,
    dict.ref(time.offset),
    event.serverSeq - previousSeq,
    event.payload,
  ];
}

function decodeEvent(
  compact: CompactEvent,
  caseId: string,
  officeId: string,
  previousTime: number,
  previousSeq: number,
  word: (i: number) => string,
): { event: PageEvent; time: number } {
  const [idOffset, idRest, type, device, deviceSeq, staff, seconds, offsetRef, seqStep, payload] =
    compact;
  const local = previousTime + seconds;
  const offset = word(offsetRef);
  const utcMs = (local - offsetSeconds(offset)) * 1000;
  const hex = `${(utcMs + idOffset).toString(16).padStart(12, '0')}${idRest}`;
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const event = {
    id,
    type: PAGE_EVENT_TYPES[type],
    caseId,
    officeId,
    deviceId: word(device),
    deviceSeq,
    staffId: word(staff),
    deviceTime: joinTime(local, offset),
    payload,
    serverSeq: previousSeq + seqStep,
  } as PageEvent;
  return { event, time: local };
}

/** The page's cases with their events, in the order the server sent them. */
export function decodeInitialPage(
  page: InitialPageBody,
): { caseId: string; events: PageEvent[] }[] {
  const word = (i: number) => page.dictionary[i] ?? '';
  return page.cases.map(([caseId, officeRef, compact]) => {
    const officeId = word(officeRef);
    let previousTime = 0;
    let previousSeq = 0;
    const events = compact.map((item) => {
      if (!Array.isArray(item)) {
        const time = splitTime(item.deviceTime);
        if (time) previousTime = time.local;
        previousSeq = item.serverSeq;
        return item;
      }
      const decoded = decodeEvent(item, caseId, officeId, previousTime, previousSeq, word);
      previousTime = decoded.time;
      previousSeq = decoded.event.serverSeq;
      return decoded.event;
    });
    return { caseId, events };
  });
}
