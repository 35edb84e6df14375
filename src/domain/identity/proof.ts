/**
 * Proofs (ADR 0015). A person's proof key is 32 random bytes made on the device at her first
 * online sign-in there and registered with the server. Every event she records carries
 * HMAC-SHA256(key, its canonical content without deviceSeq); a session request carries one over
 * the device, the person and a nonce. The server holds the key and checks both.
 *
 * `deviceSeq` is left out because a device renumbers unsent events after a lost write
 * (`renumberOutbox`); the id covers the event's identity and never changes, so a proof cannot be
 * moved to another event. Synchronous (@noble/hashes), because the device proves events inside
 * its append transaction, where an asynchronous Web Crypto call would end the transaction; the
 * server, which checks every pushed event, gives its native HMAC (`Mac`).
 *
 * On the wire a push carries one proof for all its events (`pushProof`): SHA-256 over their
 * proofs in order. 32 random bytes per event were most of a case's bytes on the wire, and the
 * server recomputes each event's proof anyway, so one digest of them proves the same.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { type CaseEvent, canonicalJson } from '../case/events';
import { fromBase64Url, sameBytes, toBase64Url } from './bytes';

export const PROOF_KEY_BYTES = 32;
/** base64url of a 32-byte key or MAC */
export const PROOF_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newProofKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(PROOF_KEY_BYTES));
}

export const encodeKey = toBase64Url;
export function decodeKey(text: string): Uint8Array | null {
  if (!PROOF_PATTERN.test(text)) return null;
  return fromBase64Url(text);
}

/** What an event's proof covers: its content as stored, without `deviceSeq`. */
export function proofMessage(event: CaseEvent): string {
  const { caseId, deviceId, deviceTime, id, officeId, payload, staffId, type } = event;
  return `qabyldau-proof-1\n${canonicalJson({ caseId, deviceId, deviceTime, id, officeId, payload, staffId, type })}`;
}

/** HMAC-SHA256 of a text by a key. */
export type Mac = (key: Uint8Array, message: string) => Uint8Array;
/** In JavaScript and synchronous: what the device's append transaction can wait for. */
export const jsMac: Mac = (key, message) => hmac(sha256, key, utf8ToBytes(message));

function matches(key: Uint8Array, message: string, proof: string, mac: Mac): boolean {
  const given = PROOF_PATTERN.test(proof) ? fromBase64Url(proof) : null;
  if (!given) return false;
  return sameBytes(mac(key, message), given);
}

export const eventProof = (key: Uint8Array, event: CaseEvent, mac: Mac = jsMac): string =>
  toBase64Url(mac(key, proofMessage(event)));

export const isEventProof = (
  key: Uint8Array,
  event: CaseEvent,
  proof: string,
  mac: Mac = jsMac,
): boolean => matches(key, proofMessage(event), proof, mac);

/**
 * The proof each event must carry: by the live key on this device of the person it names; null
 * when she has none there. Made once per event object, since a push's proof and each event's
 * check ask for the same one.
 */
export function proofsBy(
  keys: ReadonlyMap<string, Uint8Array>,
  mac: Mac = jsMac,
): (event: CaseEvent) => string | null {
  const made = new WeakMap<CaseEvent, string | null>();
  return (event) => {
    const known = made.get(event);
    if (known !== undefined) return known;
    const key = keys.get(event.staffId);
    const proof = key ? eventProof(key, event, mac) : null;
    made.set(event, proof);
    return proof;
  };
}

/**
 * One proof for a push: SHA-256 over its events' proofs, in the push's order. Whoever lacks the
 * key of one of them cannot make it, and it binds every event to its place: no event can be
 * added, dropped, swapped or repeated under it. (An XOR of the proofs, the textbook aggregate
 * MAC, would let an event sent twice cancel itself out.)
 */
export function pushProof(proofs: readonly string[]): string {
  return toBase64Url(sha256(utf8ToBytes(`qabyldau-push-1\n${proofs.join('\n')}`)));
}

export function isPushProof(proofs: readonly string[], proof: string): boolean {
  const given = PROOF_PATTERN.test(proof) ? fromBase64Url(proof) : null;
  const expected = fromBase64Url(pushProof(proofs));
  return given !== null && expected !== null && sameBytes(expected, given);
}

/** What a session request's proof covers. */
const sessionMessage = (deviceId: string, staffId: string, nonce: string) =>
  `qabyldau-session-1\n${deviceId}\n${staffId}\n${nonce}`;

export const sessionProof = (key: Uint8Array, deviceId: string, staffId: string, nonce: string) =>
  toBase64Url(jsMac(key, sessionMessage(deviceId, staffId, nonce)));

export const isSessionProof = (
  key: Uint8Array,
  request: { deviceId: string; staffId: string; nonce: string; proof: string },
): boolean =>
  matches(
    key,
    sessionMessage(request.deviceId, request.staffId, request.nonce),
    request.proof,
    jsMac,
  );

export function newNonce(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}
