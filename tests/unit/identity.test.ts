/**
 * The identity module's pieces on their own (ADR 0015): the PIN rule, the server's verifier
 * (Argon2id, and the PBKDF2 hashes written before it), the device's seal, and the proofs of
 * events and sessions. Argon2id runs at the low cost the tests use; the standard cost only
 * changes how long each try takes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../src/domain/case/events';
import {
  checkPin,
  eventProof,
  isEventProof,
  isOutdated,
  isPushProof,
  isSessionProof,
  LOW_PIN_COST,
  makePinVerifier,
  newNonce,
  newProofKey,
  openSeal,
  pinProblem,
  pushProof,
  STANDARD_PIN_COST,
  sealKey,
  sessionProof,
} from '../../src/domain/identity';
import { fromBase64Url, sameBytes, toBase64Url } from '../../src/domain/identity/bytes';
import { nodeMac } from '../../sync-server/digest';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

const event = {
  id: '01900000-0000-7000-8000-000000000001',
  type: 'case.received',
  caseId: '01900000-0000-7000-8000-0000000000aa',
  officeId: 'akt-01',
  deviceId: 'dev-1',
  deviceSeq: 7,
  staffId: 'akt-00-district_executor',
  deviceTime: '2026-03-18T10:30:00+05:00',
  payload: {},
} as CaseEvent;

describe('the PIN rule', () => {
  it('takes 6 to 12 digits and nothing else', () => {
    expect(pinProblem('123456')).toBeNull();
    expect(pinProblem('123456789012')).toBeNull();
    expect(pinProblem('12345')?.details).toMatchObject({ reason: 'length', min: 6 });
    expect(pinProblem('1234567890123')?.details).toMatchObject({ reason: 'length', max: 12 });
    expect(pinProblem('12345a')?.details).toMatchObject({ reason: 'digits' });
  });
});

describe("the server's verifier", () => {
  it('holds the PIN it was made from, and no other', async () => {
    const verifier = await makePinVerifier('482913', LOW_PIN_COST);
    expect(verifier).toMatchObject({ algorithm: 'argon2id', ...LOW_PIN_COST });
    expect(JSON.stringify(verifier)).not.toContain('482913');
    expect(await checkPin('482913', verifier)).toBe(true);
    expect(await checkPin('482914', verifier)).toBe(false);
    expect(isOutdated(verifier, LOW_PIN_COST)).toBe(false);
    expect(isOutdated(verifier, STANDARD_PIN_COST)).toBe(true);
  });

  it('still reads a PBKDF2 hash written before Argon2id, and calls it outdated', async () => {
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const key = await crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode('4444'),
      'PBKDF2',
      false,
      ['deriveBits'],
    );
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1000 },
      key,
      256,
    );
    const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
    const legacy = {
      algorithm: 'PBKDF2-SHA256' as const,
      iterations: 1000,
      salt: b64(salt),
      hash: b64(new Uint8Array(bits)),
    };
    expect(await checkPin('4444', legacy)).toBe(true);
    expect(await checkPin('4445', legacy)).toBe(false);
    expect(isOutdated(legacy, LOW_PIN_COST)).toBe(true);
  });
});

describe("the device's seal", () => {
  it('opens with the PIN it was sealed with and gives the key back; any other PIN opens nothing', async () => {
    const key = newProofKey();
    const seal = await sealKey('730512', key, LOW_PIN_COST);
    expect(await openSeal('730512', seal)).toEqual(key);
    expect(await openSeal('730513', seal)).toBeNull();
    expect(await openSeal('', seal)).toBeNull();
  });
});

describe('proofs', () => {
  const key = newProofKey();
  const proof = eventProof(key, event);

  it("holds for the event it was made for with the key it was made with, whatever the event's seq", () => {
    expect(proof).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(isEventProof(key, event, proof)).toBe(true);
    // A renumbered event (renumberOutbox) keeps its proof.
    expect(isEventProof(key, { ...event, deviceSeq: 9 }, proof)).toBe(true);
  });

  it('fails for another key, another person, another event, and any changed character', () => {
    expect(isEventProof(newProofKey(), event, proof)).toBe(false);
    expect(isEventProof(key, { ...event, staffId: 'akt-00-district_head' }, proof)).toBe(false);
    expect(isEventProof(key, { ...event, id: '01900000-0000-7000-8000-000000000002' }, proof)).toBe(
      false,
    );
    expect(isEventProof(key, { ...event, deviceId: 'dev-2' }, proof)).toBe(false);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    for (let i = 0; i < proof.length; i++) {
      for (const c of alphabet) {
        if (c === proof[i]) continue;
        const changed = proof.slice(0, i) + c + proof.slice(i + 1);
        expect(isEventProof(key, event, changed), `${i}:${c}`).toBe(false);
      }
    }
  });

  it('is the same made by the server’s native HMAC as by the device’s', () => {
    expect(eventProof(key, event, nodeMac)).toBe(proof);
    expect(isEventProof(key, event, proof, nodeMac)).toBe(true);
    expect(isEventProof(newProofKey(), event, proof, nodeMac)).toBe(false);
  });

  it('of a push, holds for its events’ proofs in their order, and for nothing else', () => {
    const other = eventProof(key, { ...event, id: '01900000-0000-7000-8000-000000000002' });
    const whole = pushProof([proof, other]);
    expect(whole).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(isPushProof([proof, other], whole)).toBe(true);
    expect(isPushProof([other, proof], whole)).toBe(false);
    expect(isPushProof([proof], whole)).toBe(false);
    expect(isPushProof([proof, other, other], whole)).toBe(false);
    // An event sent twice does not cancel itself out, as it would under an XOR of the proofs.
    expect(isPushProof([proof, other, other], pushProof([proof]))).toBe(false);
    expect(
      isPushProof([proof, other], `${whole.slice(0, -1)}${whole.endsWith('A') ? 'B' : 'A'}`),
    ).toBe(false);
  });

  it('of a session, holds once made over the same device, person and nonce', () => {
    const nonce = newNonce();
    const made = sessionProof(key, 'dev-1', 'akt-00-district_admin', nonce);
    const request = { deviceId: 'dev-1', staffId: 'akt-00-district_admin', nonce, proof: made };
    expect(isSessionProof(key, request)).toBe(true);
    expect(isSessionProof(key, { ...request, deviceId: 'dev-2' })).toBe(false);
    expect(isSessionProof(key, { ...request, nonce: newNonce() })).toBe(false);
    expect(isSessionProof(newProofKey(), request)).toBe(false);
  });
});

describe('base64url', () => {
  it('spells any bytes as Node does, and takes back only that spelling', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 70 }), fc.nat(63), (bytes, k) => {
        const text = Buffer.from(bytes).toString('base64url');
        expect(toBase64Url(bytes)).toBe(text);
        expect(fromBase64Url(text)).toEqual(bytes);
        if (text.length % 4 === 0) return;
        // Another last character: other bytes, or refused (never the same bytes again).
        const last = text.at(-1) ?? '';
        const other = ALPHABET[(ALPHABET.indexOf(last) + 1 + k) % 64] ?? '';
        if (other === last) return;
        const decoded = fromBase64Url(text.slice(0, -1) + other);
        expect(decoded === null || !sameBytes(decoded, bytes)).toBe(true);
      }),
    );
    for (const bad of ['a', 'ab=c', 'äb', 'ab c']) expect(fromBase64Url(bad)).toBeNull();
  });
});
