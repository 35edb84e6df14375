/**
 * PIN hashes as a release before ADR 0015 wrote them — PBKDF2-SHA256 with a random salt, base64
 * in JSON — made here with Web Crypto for tests of stores and backups that earlier releases left.
 * The server reads them as `PinVerifier`s until each person's next sign-in replaces them.
 */
export interface LegacyPinHash {
  algorithm: 'PBKDF2-SHA256';
  iterations: number;
  salt: string;
  hash: string;
}

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));

/** Few iterations by default: a test needs the shape and a working check, not the slowness. */
export async function legacyPinHash(pin: string, iterations = 1000): Promise<LegacyPinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return {
    algorithm: 'PBKDF2-SHA256',
    iterations,
    salt: toBase64(salt),
    hash: toBase64(new Uint8Array(bits)),
  };
}
