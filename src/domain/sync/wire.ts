/**
 * Events as the sync protocol carries them (docs/sync-protocol.md, "Events on the wire"): the
 * event itself, without what the receiver makes from the rest. An id derived from the envelope
 * (`deriveEventId`) is left out — it is about half of what a compressed event weighs, its
 * random bits being the one part gzip cannot shrink — and a pulled event carries its serverSeq
 * but not the server's receipt time, which devices do not keep.
 *
 * An event whose id is not derived (made before ids were, or renumbered after a power cut)
 * travels with it, so the wire form never changes an event.
 */

import { deriveEventId, hasDerivedId, type Sha256, sha256Text } from '../case/event-id';
import type { CaseEvent } from '../case/events';
import { pushProof } from '../identity/proof';

/** A pushed event: its id may be missing when derived. */
export type WireEvent = CaseEvent extends infer E
  ? E extends CaseEvent
    ? Omit<E, 'id'> & { id?: string }
    : never
  : never;

/** A pulled event: the wire event and its place in the server's log. */
export type WirePageEvent = WireEvent & { serverSeq: number };

/** An event as the device sends it. */
export function toWireEvent(event: CaseEvent): WireEvent {
  if (!hasDerivedId(event)) return event;
  const { id: _id, ...rest } = event;
  return rest;
}

/**
 * A push's events on the wire with their proofs: one for all (`pushProof`), each event's left
 * off, or, when the server refused that one, each event with its own.
 */
export function provenPush(
  events: readonly CaseEvent[],
  eachOwn = false,
): { events: WireEvent[]; proof?: string } {
  if (eachOwn) return { events: events.map(toWireEvent) };
  const proofs = events.flatMap((event) => (event.proof === undefined ? [] : [event.proof]));
  return {
    events: events.map(({ proof: _proof, ...bare }) => toWireEvent(bare as CaseEvent)),
    ...(proofs.length > 0 ? { proof: pushProof(proofs) } : {}),
  };
}

/**
 * A received event with its id made when it came without one. Anything but such an event is
 * given back as it came, for the schema to judge; an envelope that derives no id is left
 * without one, which the schema refuses.
 */
export function fromWireEvent(raw: unknown, digest: Sha256 = sha256Text): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw) || 'id' in raw) return raw;
  const { deviceId, deviceSeq, deviceTime, caseId, type } = raw as Record<string, unknown>;
  if (typeof deviceId !== 'string' || typeof deviceTime !== 'string') return raw;
  if (typeof caseId !== 'string' || typeof type !== 'string') return raw;
  if (!Number.isSafeInteger(deviceSeq)) return raw;
  const envelope = { deviceId, deviceSeq: deviceSeq as number, deviceTime, caseId, type };
  const id = deriveEventId(envelope, digest);
  return id === null ? raw : { id, ...raw };
}

/** A pulled page's events back in their whole form. */
export function fromWirePage(
  events: readonly WirePageEvent[],
): (CaseEvent & { serverSeq: number })[] {
  return events.map((event) => fromWireEvent(event) as CaseEvent & { serverSeq: number });
}

const DEVICE_TIME_KEY = '"deviceTime":"';

/**
 * A stored event as the JSON text of a `WirePageEvent`, from its stored content without parsing
 * it. The content is the event's canonical JSON (`eventContent`: keys in order, strings of the
 * envelope without quotes or escapes), so the envelope's `"id"` is the first `,"id":"` in it.
 */
export function wireEventJson(
  content: string,
  serverSeq: number,
  envelope: { id: string; deviceId: string; deviceSeq: number; caseId: string; type: string },
  digest: Sha256 = sha256Text,
): string {
  const withSeq = `${content.slice(0, content.lastIndexOf('}'))},"serverSeq":${Number(serverSeq)}}`;
  const timeAt = withSeq.indexOf(DEVICE_TIME_KEY);
  if (timeAt < 0) return withSeq;
  const timeFrom = timeAt + DEVICE_TIME_KEY.length;
  const deviceTime = withSeq.slice(timeFrom, withSeq.indexOf('"', timeFrom));
  const derived = deriveEventId(
    { ...envelope, deviceSeq: Number(envelope.deviceSeq), deviceTime },
    digest,
  );
  if (derived !== envelope.id) return withSeq;
  const field = `,"id":${JSON.stringify(envelope.id)}`;
  const at = withSeq.indexOf(field);
  return at < 0 ? withSeq : withSeq.slice(0, at) + withSeq.slice(at + field.length);
}
