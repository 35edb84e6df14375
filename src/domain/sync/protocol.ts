/**
 * The sync protocol's messages (see docs/sync-protocol.md). Shared by the device's sync client
 * and the server so both validate the same shapes.
 */
import { z } from 'zod';
import type { CalendarYearInput } from '../calendar/types';
import type { CatalogEdition } from '../catalog/editions';
import type { ErrorCode } from '../errors';
import type { PinCost } from '../identity/pin';
import { PROOF_PATTERN } from '../identity/proof';
import type { District, KnownDevice, Office, Person, Staff } from '../reference';
import type { OfficeKind } from '../roles';
import type { WirePageEvent } from './wire';

/**
 * 2: a push is answered with runs of serverSeqs and its exceptions; 3: events travel without
 * the ids their envelopes derive, pulled events without the server's receipt time
 * (docs/sync-protocol.md); 4: cases walk their regulation's process — the events of its steps
 * (commission, return, assignment, visa, send-back, refusal at the village, correction,
 * cancellation) and the steps' own payloads; 5: the full intake — an application refused at the
 * desk (`application.refused`, a case of its own), and a registration's representative, address,
 * consent, original-or-copy documents and desk time; 6: staff identity (ADR 0015) — every event
 * carries its person's proof, the reference data no PIN hashes, admin calls a session.
 */
export const PROTOCOL_VERSION = 6;
export const MAX_PUSH_EVENTS = 500;
export const MAX_PULL_LIMIT = 1000;
export const DEFAULT_PULL_LIMIT = 500;

export const enrollRequestSchema = z.object({ code: z.string().trim().min(4).max(64) });

export interface EnrollResponse {
  deviceId: string;
  token: string;
  officeId: string;
  officeKind: OfficeKind;
  /** the device's number within its office, used in registration numbers */
  deviceNo: number;
  protocolVersion: number;
  serverTime: string;
}

const seqSchema = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** What a pull asks for; a push may carry it to get the page in its answer. */
export const pageRequestSchema = z.object({
  cursor: seqSchema,
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).optional(),
  /** the device holds its own events up to this deviceSeq (docs/sync-protocol.md, "Pull") */
  held: seqSchema,
  /** the last seq the device has made */
  deviceSeq: seqSchema,
});
export type PageRequest = z.infer<typeof pageRequestSchema>;

/** Events are validated one by one (`eventSchema`) so one bad event does not sink the batch. */
export const pushRequestSchema = z.object({
  protocolVersion: z.number().int(),
  events: z.array(z.unknown()).max(MAX_PUSH_EVENTS),
  /** the pull page after this cursor, answered with the push: one round trip for both */
  pull: pageRequestSchema.optional(),
  /**
   * A device that held unsent events when it moved to proofs declares once the highest seq of
   * them (ADR 0015, "Moving over"); the server takes it only from a device enrolled before then.
   */
  transition: z.object({ legacyThrough: seqSchema }).optional(),
  /**
   * One proof for the events that come without their own (`pushProof`, ADR 0015): a push so
   * proved is taken or refused whole (`push-proof-invalid`), and the device sends it again with
   * each event's proof, so that only the events whose proofs fail are rejected.
   */
  proof: z.string().regex(PROOF_PATTERN).optional(),
});

const pinText = z.string().min(1).max(64);
const staffIdText = z.string().min(1).max(64);

/**
 * A person's sign-in checked by the server (ADR 0015): her first on a device, which registers
 * her proof key there; an administrator's, which also opens a session. `newPin` answers
 * `pin-change-required` (a PIN shorter than today's rule).
 */
export const signInRequestSchema = z.object({
  staffId: staffIdText,
  pin: pinText,
  key: z.string().regex(PROOF_PATTERN),
  newPin: pinText.optional(),
});
export type SignInRequest = z.infer<typeof signInRequestSchema>;

export interface AdminSession {
  token: string;
  /** ISO date-time, the server's clock */
  expiresAt: string;
}

export interface SignInResponse {
  serverTime: string;
  /** for a district administrator on a district device */
  session?: AdminSession;
}

/** A session asked for with the person's proof key, not her PIN. */
export const sessionRequestSchema = z.object({
  staffId: staffIdText,
  nonce: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
  proof: z.string().regex(PROOF_PATTERN),
});
export type SessionRequest = z.infer<typeof sessionRequestSchema>;

export interface SessionResponse {
  serverTime: string;
  session: AdminSession;
}

/** A lock the device put on a person after wrong PINs offline, reported at its next sync. */
export const lockoutReportSchema = z.object({ staffId: staffIdText });

/** The header an admin call carries its session in. */
export const SESSION_HEADER = 'x-staff-session';

/**
 * How far a device holds its own events after the server confirmed these seqs of exactly the
 * events sent (accepted, duplicate): the mark moves over those that follow it without a hole; a
 * hole may be an event the device lost. The device keeps its mark by it, and the server uses it
 * for the page a push answers with.
 */
export function heldAfter(held: number, confirmedSeqs: readonly number[]): number {
  let mark = held;
  for (const seq of [...confirmedSeqs].sort((a, b) => a - b)) {
    if (seq === mark + 1) mark = seq;
    else if (seq > mark) break;
  }
  return mark;
}

/** The server's word on one pushed event, as the push decides it. */
export type PushResult =
  | { id: string; status: 'accepted' | 'duplicate'; serverSeq: number }
  | { id: string; status: 'rejected'; code: ErrorCode; details?: Record<string, string | number> };

/** An answer that is not a plain acceptance, by the event's place in the push (from 0). */
export type PushException =
  | { i: number; status: 'duplicate'; serverSeq: number }
  | { i: number; status: 'rejected'; code: ErrorCode; details?: Record<string, string | number> };

/**
 * The answer to a push. Most events are simply accepted, so they are not listed one by one:
 * the events not named in `others` are the accepted ones, and they take the serverSeqs of
 * `accepted` in the order they were pushed. `accepted` holds runs `[first, count]`; the server
 * gives a push's accepted events consecutive serverSeqs (under its write lock), so it is one run,
 * but any runs are understood.
 */
export interface PushResponse {
  serverTime: string;
  accepted: [first: number, count: number][];
  others: PushException[];
  /**
   * When the push asked for it (`pull`): the page a pull would answer after this push, its own
   * events held up to the asked `held` moved over this push's confirmed seqs (`heldAfter`).
   */
  page?: Omit<PullResponse, 'serverTime'>;
}

/** The server's results in the answer's form. */
export function toPushAnswer(
  results: readonly PushResult[],
): Pick<PushResponse, 'accepted' | 'others'> {
  const accepted: [number, number][] = [];
  const others: PushException[] = [];
  results.forEach((result, i) => {
    if (result.status === 'rejected') {
      const { id: _id, ...rest } = result;
      others.push({ i, ...rest });
    } else if (result.status === 'duplicate') {
      others.push({ i, status: 'duplicate', serverSeq: result.serverSeq });
    } else {
      const run = accepted.at(-1);
      if (run && run[0] + run[1] === result.serverSeq) run[1]++;
      else accepted.push([result.serverSeq, 1]);
    }
  });
  return { accepted, others };
}

/**
 * The answer back as one result per pushed event, `ids` being the pushed events' ids in order.
 * `null` when it does not fit the push (not one answer per event): such an answer is not applied.
 */
export function fromPushAnswer(
  ids: readonly string[],
  answer: Pick<PushResponse, 'accepted' | 'others'>,
): PushResult[] | null {
  if (!Array.isArray(answer.accepted) || !Array.isArray(answer.others)) return null;
  const byIndex = new Map<number, PushException>();
  for (const other of answer.others) {
    if (!Number.isInteger(other.i) || other.i < 0 || other.i >= ids.length) return null;
    if (byIndex.has(other.i)) return null;
    byIndex.set(other.i, other);
  }
  const seqs: number[] = [];
  for (const [first, count] of answer.accepted) {
    for (let k = 0; k < count; k++) seqs.push(first + k);
  }
  if (seqs.length !== ids.length - byIndex.size) return null;
  let next = 0;
  return ids.map((id, i): PushResult => {
    const other = byIndex.get(i);
    if (!other) return { id, status: 'accepted', serverSeq: seqs[next++] as number };
    const { i: _i, ...rest } = other;
    return { id, ...rest };
  });
}

export interface PullResponse {
  serverTime: string;
  /** in their wire form (`./wire.ts`) */
  events: WirePageEvent[];
  /** pass back as `cursor` to continue; the highest serverSeq included (or the one given) */
  cursor: number;
  hasMore: boolean;
  referenceVersion: string;
  /** the highest serverSeq the server holds */
  headSeq?: number;
  /** the last deviceSeq the server has taken from the calling device */
  deviceSeq?: number;
}

export interface ReferenceResponse {
  serverTime: string;
  version: string;
  district: District;
  offices: Office[];
  /** people of the device's own office, for the sign-in list */
  staff: Staff[];
  /** everyone in the district by name and role, so histories say who did what */
  people: Person[];
  /** catalog editions made by the district administrator, oldest first; the last is current */
  catalogEditions: CatalogEdition[];
  /** calendar years the administrator entered, by year; they take precedence over the shipped ones */
  calendarYears: Record<string, CalendarYearInput>;
  device: { id: string; officeId: string; officeKind: OfficeKind; deviceNo: number };
  /**
   * the devices this one may know by name: its own office's (a village device) or the
   * district's (a district device), revoked ones too, since their events stay in histories;
   * absent from an older server
   */
  devices?: KnownDevice[];
  /** what the device needs about sign-in (ADR 0015) */
  identity: {
    /** the Argon2id cost the device seals proof keys at */
    pinCost: PinCost;
    /** people of its office with a live proof key on this device; a seal of anyone else goes */
    keys: string[];
    /** people locked on this device (here, or everywhere) until an administrator lifts it */
    signInLocks: string[];
  };
}

export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: Record<string, string | number> };
  serverTime: string;
}

export interface ChecksumResponse {
  serverTime: string;
  from: number;
  to: number;
  count: number;
  digest: number;
}
