/** Byte helpers of the identity module: base64 forms, a constant-time comparison, Argon2id. */
import type { PinCost } from './pin';

export const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
export const fromBase64 = (text: string): Uint8Array =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

const URL_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
/** each base64url character's six bits; -1: not one */
const URL_VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < URL_ALPHABET.length; i++) URL_VALUES[URL_ALPHABET.charCodeAt(i)] = i;

/**
 * base64url without padding: proofs, keys and nonces travel in JSON and headers. By table, not
 * through `btoa` and three replacements: the server encodes a proof for every pushed event.
 */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out +=
      URL_ALPHABET.charAt(n >> 18) +
      URL_ALPHABET.charAt((n >> 12) & 63) +
      URL_ALPHABET.charAt((n >> 6) & 63) +
      URL_ALPHABET.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = ((bytes[i] ?? 0) << 16) | (rest === 2 ? (bytes[i + 1] ?? 0) << 8 : 0);
    out += URL_ALPHABET.charAt(n >> 18) + URL_ALPHABET.charAt((n >> 12) & 63);
    if (rest === 2) out += URL_ALPHABET.charAt((n >> 6) & 63);
  }
  return out;
}

/**
 * The bytes of their one spelling in base64url, or null. The last character of a text whose
 * length is not a multiple of four has unused low bits (two of them for 32 bytes); decoders such
 * as `atob` ignore them, so four strings would decode to one proof and a proof with its last
 * character changed would still hold. Only the spelling `toBase64Url` gives is taken: those
 * bits must be zero.
 */
export function fromBase64Url(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let held = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? (URL_VALUES[code] ?? -1) : -1;
    if (value < 0) return null;
    bits = ((bits << 6) | value) & 0xffffff;
    held += 6;
    if (held >= 8) {
      held -= 8;
      out[at++] = (bits >> held) & 0xff;
    }
  }
  // What is left over must be the zero bits of the last character.
  return (bits & ((1 << held) - 1)) === 0 ? out : null;
}

/** Equal bytes, in time that does not depend on where they first differ. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** Equal texts, likewise: a proof the server made beside the one it was given. */
export function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Argon2id of a PIN, 32 bytes. hash-wasm is loaded when first needed: the app's start-up
 * script does without it until someone signs in.
 */
export async function argon2(pin: string, salt: Uint8Array, cost: PinCost): Promise<Uint8Array> {
  const { argon2id } = await import('hash-wasm');
  return argon2id({
    password: pin,
    salt,
    parallelism: 1,
    iterations: cost.passes,
    memorySize: cost.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
}
