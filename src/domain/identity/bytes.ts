/** Byte helpers of the identity module: base64 forms, a constant-time comparison, Argon2id. */
import type { PinCost } from './pin';

export const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
export const fromBase64 = (text: string): Uint8Array =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** base64url without padding: proofs, keys and nonces travel in JSON and headers. */
export const toBase64Url = (bytes: Uint8Array): string =>
  toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
/**
 * The bytes of their one spelling in base64url, or null. `atob` ignores the unused low bits of
 * the last character (two of them for 32 bytes), so four strings would decode to one proof: a
 * proof with its last character changed would still hold. Only the spelling `toBase64Url` gives
 * is taken.
 */
export function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  const padded = text.replace(/-/g, '+').replace(/_/g, '/');
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(padded + '='.repeat((4 - (padded.length % 4)) % 4));
  } catch {
    return null;
  }
  return toBase64Url(bytes) === text ? bytes : null;
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
