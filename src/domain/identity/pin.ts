/**
 * The PIN and the server's verifier of it (ADR 0015). A PIN is 6 to 12 digits. The verifier is
 * Argon2id at a cost that makes trying every six-digit PIN take days on a laptop; it stays on the
 * server, which checks a PIN when a person signs in online. A verifier written before proofs
 * existed (PBKDF2) is still read, until the person's next online sign-in replaces it.
 *
 * Plain Web Crypto and hash-wasm, so the same code runs in Node and in the browser (the device
 * seals its key at the same cost: `seal.ts`).
 */
import { z } from 'zod';
import type { Problem } from '../errors';
import { argon2, fromBase64, sameBytes, toBase64 } from './bytes';

export const PIN_MIN_LENGTH = 6;
export const PIN_MAX_LENGTH = 12;

export function pinProblem(pin: string): Problem | null {
  if (!/^\d*$/.test(pin)) return { code: 'pin-invalid', details: { reason: 'digits' } };
  if (pin.length < PIN_MIN_LENGTH || pin.length > PIN_MAX_LENGTH) {
    return {
      code: 'pin-invalid',
      details: { reason: 'length', min: PIN_MIN_LENGTH, max: PIN_MAX_LENGTH },
    };
  }
  return null;
}

/** Argon2id's memory (KiB) and passes; parallelism is 1, as a browser tab computes it. */
export const pinCostSchema = z.object({
  memoryKiB: z.number().int().min(8).max(1_048_576),
  passes: z.number().int().min(1).max(20),
});
export type PinCost = z.infer<typeof pinCostSchema>;

/**
 * 128 MiB and 3 passes: about 0.58 s and 128 MiB per guess on a two-core machine, so all
 * 1,000,000 six-digit PINs take about 3.3 days there (ADR 0015).
 */
export const STANDARD_PIN_COST: PinCost = { memoryKiB: 131_072, passes: 3 };
/**
 * For tests and the benchmark's load generator only, which sign in hundreds of times; the
 * server takes it only when told to (`PIN_COST=low`).
 */
export const LOW_PIN_COST: PinCost = { memoryKiB: 64, passes: 1 };

export const pinVerifierSchema = z.discriminatedUnion('algorithm', [
  z.object({
    algorithm: z.literal('argon2id'),
    memoryKiB: z.number().int().min(8),
    passes: z.number().int().min(1),
    salt: z.string(),
    hash: z.string(),
  }),
  /** written before ADR 0015; replaced at the person's next online sign-in */
  z.object({
    algorithm: z.literal('PBKDF2-SHA256'),
    iterations: z.number().int().min(1),
    salt: z.string(),
    hash: z.string(),
  }),
]);
export type PinVerifier = z.infer<typeof pinVerifierSchema>;

export async function makePinVerifier(pin: string, cost: PinCost): Promise<PinVerifier> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await argon2(pin, salt, cost);
  return { algorithm: 'argon2id', ...cost, salt: toBase64(salt), hash: toBase64(hash) };
}

export async function checkPin(pin: string, verifier: PinVerifier): Promise<boolean> {
  const salt = fromBase64(verifier.salt);
  const hash =
    verifier.algorithm === 'argon2id'
      ? await argon2(pin, salt, verifier)
      : await pbkdf2(pin, salt, verifier.iterations);
  return sameBytes(hash, fromBase64(verifier.hash));
}

/** A verifier the server replaces at the next good sign-in: PBKDF2, or a cost below today's. */
export function isOutdated(verifier: PinVerifier, cost: PinCost): boolean {
  return (
    verifier.algorithm !== 'argon2id' ||
    verifier.memoryKiB < cost.memoryKiB ||
    verifier.passes < cost.passes
  );
}

async function pbkdf2(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
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
