/**
 * Device tokens, administrators' session tokens and one-time enrollment codes. The server stores
 * only SHA-256 hashes of them: a copied database does not let anyone act as a device or an
 * administrator, or enroll a device.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** 32 random bytes, base64url: the bearer token a device holds after enrollment. */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** 32 random bytes, base64url: an administrator's session token (ADR 0015). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Letters and digits that cannot be mistaken for one another when read aloud over a bad phone
 * line or copied from paper: no 0/O, 1/I/L, 5/S, 2/Z, 8/B.
 */
export const ENROLL_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';

/** `XXXX-XXXX`: 25^8 ≈ 1.5·10^11 codes, one-time and kept hashed. */
export function newEnrollCode(): string {
  let code = '';
  for (let i = 0; i < 8; i++) {
    if (i === 4) code += '-';
    code += ENROLL_CODE_ALPHABET[randomInt(ENROLL_CODE_ALPHABET.length)];
  }
  return code;
}

/** People type codes in lower case, with spaces or without the dash; all of these are one code. */
export function normalizeEnrollCode(code: string): string {
  return code.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

export function hashEnrollCode(code: string): string {
  return sha256Hex(`enroll:${normalizeEnrollCode(code)}`);
}
