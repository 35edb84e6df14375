/**
 * Proofs (ADR 0015). A person's proof key is 32 random bytes made on the device at her first
 * online sign-in there and registered with the server. Every event she records carries
 * HMAC-SHA256(key, its canonical content without deviceSeq); a session request carries one over
 * the device, the person and a nonce. The server holds the key and checks both.
 *
 * `deviceSeq` is left out because a device renumbers unsent events after a lost write
 * (`renumberOutbox`); the id covers the event's identity and never changes, so a proof cannot be
 * moved to another event. Synchronous (@noble/hashes), because the device proves events inside
 * its append transaction, where an asynchronous Web Crypto call would end the transaction.
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

function mac(key: Uint8Array, message: string): string {
  return toBase64Url(hmac(sha256, key, utf8ToBytes(message)));
}

function matches(key: Uint8Array, message: string, proof: string): boolean {
  const given = PROOF_PATTERN.test(proof) ? fromBase64Url(proof) : null;
  if (!given) return false;
  return sameBytes(hmac(sha256, key, utf8ToBytes(message)), given);
}

export const eventProof = (key: Uint8Array, event: CaseEvent): string =>
  mac(key, proofMessage(event));

export const isEventProof = (key: Uint8Array, event: CaseEvent, proof: string): boolean =>
  matches(key, proofMessage(event), proof);

/** What a session request's proof covers. */
const sessionMessage = (deviceId: string, staffId: string, nonce: string) =>
  `qabyldau-session-1\n${deviceId}\n${staffId}\n${nonce}`;

export const sessionProof = (key: Uint8Array, deviceId: string, staffId: string, nonce: string) =>
  mac(key, sessionMessage(deviceId, staffId, nonce));

export const isSessionProof = (
  key: Uint8Array,
  request: { deviceId: string; staffId: string; nonce: string; proof: string },
): boolean =>
  matches(key, sessionMessage(request.deviceId, request.staffId, request.nonce), request.proof);

export function newNonce(): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(16)));
}
