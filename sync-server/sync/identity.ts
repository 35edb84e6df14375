/**
 * Who signs in, as the server sees it (ADR 0015): a person's online sign-in on a device, which
 * checks her PIN against the verifier and registers the device's fresh proof key for her there;
 * an administrator's session asked for with a proof of that key instead of the PIN; and a
 * device's report of a lock it put on someone after wrong PINs offline.
 *
 * The PIN is checked outside any transaction (Argon2id takes half a second and 128 MiB; at most
 * two run at once, `pin-work.ts`), and what follows from it is written under the sync write lock,
 * where the lock is looked at again: a guess answered after the fifth wrong one is `pin-locked`
 * whether it was right or not, so guessing in parallel wins nothing. A locked person is answered
 * `pin-locked` before her PIN is looked at, so a lock is not an oracle either.
 */
import {
  FAILURES_TO_LOCK_ON_DEVICE,
  isLocked,
  triesLeft as triesLeftOf,
} from '../../src/domain/identity/lockout';
import { isOutdated, type PinCost, pinProblem } from '../../src/domain/identity/pin';
import { decodeKey, isSessionProof } from '../../src/domain/identity/proof';
import type { Staff } from '../../src/domain/reference';
import type {
  AdminSession,
  SessionRequest,
  SessionResponse,
  SignInRequest,
  SignInResponse,
} from '../../src/domain/sync/protocol';
import { lockSyncWrites } from '../db/lock';
import type { Db } from '../db/types';
import type { AuthenticatedDevice } from '../http/auth';
import { ApiError } from '../http/errors';
import {
  countFailure,
  failuresOf,
  liveKey,
  lockOnDevice,
  registerProofKey,
  resetFailures,
} from '../queries/identity';
import { bumpReferenceVersion, listStaff } from '../queries/reference';
import { getPinVerifier, setStaffPin } from '../queries/staff';
import { issueSession } from './admin-session';
import { checkPinInTurn, makeVerifierInTurn } from './pin-work';

/** An active person of the device's own office, or `staff-unknown`. */
async function personOf(db: Db, device: AuthenticatedDevice, staffId: string): Promise<Staff> {
  const person = (await listStaff(db, device.office.id)).find((s) => s.id === staffId);
  // Someone of another office, inactive, or unknown: nobody who signs in on this device.
  if (!person?.isActive) {
    throw new ApiError('staff-unknown', 'no such person in this office', { staffId });
  }
  return person;
}

const locked = () => new ApiError('pin-locked', 'sign-in is locked; the administrator unlocks it');

/** Who may have an administrator's session: the district administrator, on a district device. */
const isAdminHere = (person: Staff, device: AuthenticatedDevice) =>
  person.role === 'district_admin' && device.office.kind === 'district';

/** What a sign-in came to; errors are thrown after its transaction commits, so its writes stay. */
type SignInOutcome =
  | { ok: true; session?: AdminSession }
  | { ok: false; error: ApiError }
  /** the verifier changed while the PIN was checked against it */
  | { ok: false; isStale: true };

export async function signIn(
  db: Db,
  device: AuthenticatedDevice,
  body: SignInRequest,
  now: Date,
  cost: PinCost,
): Promise<SignInResponse> {
  const key = decodeKey(body.key);
  if (!key) throw new ApiError('body-invalid', 'the key is not 32 bytes in base64url');
  // Once more when the verifier changed during the check: another sign-in of hers replaced an
  // outdated one, or the administrator reset her PIN.
  let outcome = await attempt(db, device, body, key, now, cost, false);
  if ('isStale' in outcome) outcome = await attempt(db, device, body, key, now, cost, true);
  if ('isStale' in outcome) throw new ApiError('server-error', 'the PIN changed during sign-in');
  if (!outcome.ok) throw outcome.error;
  return {
    serverTime: now.toISOString(),
    ...(outcome.session ? { session: outcome.session } : {}),
  };
}

async function attempt(
  db: Db,
  device: AuthenticatedDevice,
  body: SignInRequest,
  key: Uint8Array,
  now: Date,
  cost: PinCost,
  isLast: boolean,
): Promise<SignInOutcome> {
  await personOf(db, device, body.staffId);
  if ((await failuresOf(db, body.staffId, device.row.id)).isLockedHere) throw locked();
  // A new PIN that breaks the rule is refused before any Argon2id is spent on the request.
  const newPinProblem = body.newPin === undefined ? null : pinProblem(body.newPin);
  if (newPinProblem) {
    throw new ApiError('pin-invalid', 'the new PIN breaks the rule', newPinProblem.details);
  }
  const stored = await getPinVerifier(db, body.staffId);
  const isRight = stored ? await checkPinInTurn(body.pin, stored.verifier) : false;
  // Right, but shorter than today's rule (a PIN from before ADR 0015): she chooses a new one in
  // the same screen. Not a failure, since the PIN was right; unless a lock came meanwhile.
  if (isRight && body.newPin === undefined && pinProblem(body.pin)) {
    if ((await failuresOf(db, body.staffId, device.row.id)).isLockedHere) throw locked();
    throw new ApiError('pin-change-required', 'the PIN is shorter than the rule; choose a new one');
  }
  const replacement =
    isRight && stored && (body.newPin !== undefined || isOutdated(stored.verifier, cost))
      ? await makeVerifierInTurn(body.newPin ?? body.pin, cost)
      : undefined;

  return db.transaction(async (tx): Promise<SignInOutcome> => {
    await lockSyncWrites(tx);
    // Looked at again under the lock: another request may have deactivated or locked her.
    const person = await personOf(tx, device, body.staffId);
    const count = await failuresOf(tx, body.staffId, device.row.id);
    if (count.isLockedHere) return { ok: false, error: locked() };
    const current = await getPinVerifier(tx, body.staffId);
    if (current?.stored !== stored?.stored && !isLast) return { ok: false, isStale: true };
    if (!isRight || current?.stored !== stored?.stored) {
      const next = { onDevice: count.onDevice + 1, ofPerson: count.ofPerson + 1 };
      const isNowLocked = isLocked(next);
      await countFailure(tx, body.staffId, device.row.id, isNowLocked, now);
      // Devices learn the lock with the reference data; the administrator's list shows it.
      if (isNowLocked) await bumpReferenceVersion(tx, now);
      return {
        ok: false,
        error: new ApiError('pin-wrong', 'wrong PIN', { triesLeft: triesLeftOf(next) }),
      };
    }
    await resetFailures(tx, body.staffId);
    if (replacement) await setStaffPin(tx, body.staffId, replacement);
    // Moves the reference version: each device lists who has a live key on it.
    await registerProofKey(tx, body.staffId, device.row.id, key, now);
    if (!isAdminHere(person, device)) return { ok: true };
    const session = await issueSession(tx, body.staffId, device.row.id, null, now);
    return session ? { ok: true, session } : { ok: true };
  });
}

/**
 * An administrator's session for a proof of her key on this device over a fresh nonce: she
 * signed in offline (the seal opened) and the connection is back, or her session expired while
 * she worked. The nonce is used once; a proof of a revoked key, of another person's, or over
 * another device is `session-proof-invalid`.
 */
export async function sessionByProof(
  db: Db,
  device: AuthenticatedDevice,
  body: SessionRequest,
  now: Date,
): Promise<SessionResponse> {
  const invalid = () => new ApiError('session-proof-invalid', 'the proof does not hold');
  return db.transaction(async (tx) => {
    // With the write lock: a PIN reset committing meanwhile revokes the key before it is read.
    await lockSyncWrites(tx);
    if (device.office.kind !== 'district') {
      throw new ApiError('role-not-allowed', 'administration is done from a district device');
    }
    const person = await personOf(tx, device, body.staffId);
    if (!isAdminHere(person, device)) {
      throw new ApiError('role-not-allowed', 'only the district administrator', {
        role: person.role,
      });
    }
    const key = await liveKey(tx, body.staffId, device.row.id);
    const request = { deviceId: device.row.id, ...body };
    if (!key || !isSessionProof(key, request)) throw invalid();
    const session = await issueSession(tx, body.staffId, device.row.id, body.nonce, now);
    if (!session) throw invalid();
    return { serverTime: now.toISOString(), session };
  });
}

/**
 * The device locked a person after five wrong PINs offline: the server records the same lock
 * for the pair, so its own sign-in and the administrator's list agree with the device.
 */
export async function reportLockout(
  db: Db,
  device: AuthenticatedDevice,
  staffId: string,
  now: Date,
): Promise<{ serverTime: string }> {
  await db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    const person = (await listStaff(tx, device.office.id)).find((s) => s.id === staffId);
    // Only someone of the device's own office can be locked out of it.
    if (!person) throw new ApiError('staff-unknown', 'no such person in this office', { staffId });
    await lockOnDevice(tx, staffId, device.row.id, FAILURES_TO_LOCK_ON_DEVICE, now);
    await bumpReferenceVersion(tx, now);
  });
  return { serverTime: now.toISOString() };
}
