/**
 * Staff PINs. The server stores and distributes only a PBKDF2 hash, so a device can check a PIN
 * offline while the PIN itself is never stored anywhere. Uses the Web Crypto API, which both
 * browsers and Node provide as `globalThis.crypto`, so the same code runs on both sides.
 */
import type { PinHash } from './reference';

/** Slow enough to make guessing a 4–6 digit PIN from a stolen device costly, fast on a cheap laptop. */
export const PIN_ITERATIONS = 100_000;

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string): Uint8Array =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(pin, salt, iterations);
  return { algorithm: 'PBKDF2-SHA256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  const hash = await derive(pin, fromBase64(stored.salt), stored.iterations);
  const expected = fromBase64(stored.hash);
  // Constant-time comparison: the difference accumulates over every byte.
  let diff = hash.length ^ expected.length;
  for (let i = 0; i < Math.min(hash.length, expected.length); i++) {
    diff |= (hash[i] ?? 0) ^ (expected[i] ?? 0);
  }
  return diff === 0;
}
