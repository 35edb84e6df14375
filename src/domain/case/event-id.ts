/**
 * Event ids. An event is identified by its device and that device's sequence number — the
 * device numbers its events without gaps — so its id is made from its envelope: a UUIDv7 whose
 * time is the event's device time and whose 74 "random" bits are SHA-256 of the device id, the
 * sequence number, the case and the event type (a name-based UUID, as RFC 9562 allows). The id
 * keeps what a random UUIDv7 gives (one text form for every store, time order, uniform bits),
 * and a receiver that has the envelope can make the id itself, so the sync protocol need not
 * carry it (`src/domain/sync/wire.ts`).
 *
 * The case and the type are in the hash because a device can number twice: when a power cut
 * took its latest events after the server had stored them, its next events take their numbers
 * (`renumberOutbox` sorts that out). A new event under a lost event's number would otherwise
 * get the lost event's id if its device clock showed the same second, and the server would
 * take it for a changed copy of that event.
 *
 * Nothing relies on an id being derived: events made before this, and events whose sequence
 * number changed after they were made (`renumberOutbox`), keep the id they have and travel
 * with it.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The envelope fields an id is made of. */
export interface IdEnvelope {
  deviceId: string;
  deviceSeq: number;
  /** the envelope's offset date-time */
  deviceTime: string;
  caseId: string;
  type: string;
}

/**
 * SHA-256 of a text as UTF-8. The app hashes with @noble/hashes; the server passes Node's native
 * digest, the same bytes in about a third of the time, for the id of every event it receives.
 */
export type Sha256 = (text: string) => Uint8Array;

export const sha256Text: Sha256 = (text) => sha256(utf8ToBytes(text));

/** The id an event's envelope derives; `null` when its time cannot be read. */
export function deriveEventId(e: IdEnvelope, digest: Sha256 = sha256Text): string | null {
  const ms = Date.parse(e.deviceTime);
  if (!Number.isFinite(ms) || ms < 0 || ms >= 2 ** 48) return null;
  const h = digest(`${e.deviceId}/${e.deviceSeq}/${e.caseId}/${e.type}`);
  const time = ms.toString(16).padStart(12, '0');
  // version 7 in the 13th digit, variant 10 in the two high bits of the 17th
  const randA = `7${((h[0] as number) & 0x0f).toString(16)}${HEX[h[1] as number]}`;
  const randB = `${HEX[((h[2] as number) & 0x3f) | 0x80]}${HEX[h[3] as number]}`;
  let node = '';
  for (let i = 4; i < 10; i++) node += HEX[h[i] as number];
  return `${time.slice(0, 8)}-${time.slice(8)}-${randA}-${randB}-${node}`;
}

/** Whether an event's id is the one its envelope derives. */
export function hasDerivedId(event: IdEnvelope & { id: string }): boolean {
  return deriveEventId(event) === event.id;
}
