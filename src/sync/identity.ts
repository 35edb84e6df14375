/**
 * Signing in on the device (ADR 0015). A person's first sign-in on a device goes to the server,
 * which checks her PIN and registers a fresh proof key for her here; the device seals the key
 * under the PIN and keeps only the seal. Afterwards the seal is the PIN check, online or not: a
 * PIN that opens it is hers, and the key it gives proves what she records. Five wrong PINs in a
 * row lock her here; the lock is reported to the server at once when there is a connection, else
 * at the next sync, and only an administrator lifts it.
 *
 * An administrator also needs the server's session for admin calls: it comes with an online
 * sign-in, or is asked for by proving the key (`renewAdminSession`), so one who signed in offline
 * gets it once the connection is back, without typing her PIN again.
 *
 * Loaded with the sign-in screen (Argon2 comes with it), not with the app's start-up script.
 */
import {
  clearFailures,
  countWrongPin,
  isLockedRow,
  markReported,
  storeSeal,
  unreportedLocks,
} from '../db/identity';
import { type Credentials, getMeta } from '../db/meta';
import type { QabyldauDb } from '../db/schema';
import type { Problem } from '../domain/errors';
import { FAILURES_TO_LOCK_ON_DEVICE } from '../domain/identity/lockout';
import { pinProblem, STANDARD_PIN_COST } from '../domain/identity/pin';
import {
  decodeKey,
  encodeKey,
  newNonce,
  newProofKey,
  sessionProof,
} from '../domain/identity/proof';
import { openSeal, type Seal, sealKey } from '../domain/identity/seal';
import type { Staff } from '../domain/reference';
import type {
  AdminSession,
  SessionRequest,
  SessionResponse,
  SignInRequest,
  SignInResponse,
} from '../domain/sync/protocol';
import { createHttp, HttpFailure, type HttpPort } from './http';

export interface IdentityDeps {
  db: QabyldauDb;
  credentials: Credentials;
  /** the server's HTTP port; by default the credentials' server */
  http?: HttpPort;
  /** the clock a lock is dated by */
  now?: () => Date;
}

export type SignInOutcome =
  | { ok: true; staff: Staff; proofKey: string; adminSession?: AdminSession }
  | { ok: false; problem: Problem };

export type SessionOutcome = { ok: true; session: AdminSession } | { ok: false; problem: Problem };

const httpOf = (deps: IdentityDeps) => deps.http ?? createHttp(deps.credentials.serverUrl);

/** A failed request as the person is told it: no answer at all means no connection. */
function problemOf(error: unknown, offline: Problem['code']): Problem {
  if (!(error instanceof HttpFailure)) throw error;
  if (error.kind === 'network') return { code: offline };
  return error.details ? { code: error.code, details: error.details } : { code: error.code };
}

/** Administration is the district administrator's, on a district device. */
const isAdministrator = (staff: Staff, credentials: Credentials) =>
  staff.role === 'district_admin' && credentials.officeKind === 'district';

/**
 * Signs `staffId` in with her PIN; `newPin` answers `pin-change-required` (her PIN is shorter
 * than the rule). The order: a lock here; a seal here, opened by the PIN; else the server.
 */
export async function signInOnDevice(
  deps: IdentityDeps,
  staffId: string,
  pin: string,
  newPin?: string,
): Promise<SignInOutcome> {
  const { db, credentials } = deps;
  const staff = await db.staff.get(staffId);
  // Only the office's active people sign in here; the server would say the same.
  if (!staff?.isActive || staff.officeId !== credentials.officeId) {
    return { ok: false, problem: { code: 'staff-unknown' } };
  }
  // Locked: refused before the PIN is looked at, so a lock tells nothing about the PIN.
  if (isLockedRow(await db.signInLocks.get(staffId))) {
    return { ok: false, problem: { code: 'pin-locked' } };
  }
  const sealed = await db.seals.get(staffId);
  if (sealed) return openHere(deps, staff, pin, sealed.seal);
  return signInOnline(deps, staff, pin, newPin);
}

async function openHere(
  deps: IdentityDeps,
  staff: Staff,
  pin: string,
  seal: Seal,
): Promise<SignInOutcome> {
  const { db, credentials } = deps;
  const key = await openSeal(pin, seal);
  if (!key) {
    const at = (deps.now?.() ?? new Date()).toISOString();
    const row = await countWrongPin(db, staff.id, at);
    if (!isLockedRow(row)) {
      return {
        ok: false,
        problem: {
          code: 'pin-wrong',
          details: { triesLeft: Math.max(0, FAILURES_TO_LOCK_ON_DEVICE - row.failures) },
        },
      };
    }
    // The fifth: she is locked here from now on; the server hears of it now if it can.
    await reportSignInLocks(db, httpOf(deps), credentials);
    return { ok: false, problem: { code: 'pin-locked' } };
  }
  await clearFailures(db, staff.id);
  const proofKey = encodeKey(key);
  if (!isAdministrator(staff, credentials)) return { ok: true, staff, proofKey };
  // Online, an administrator gets her session at once; offline she signs in all the same and
  // the admin screens ask for it when she uses them.
  const session = await renewAdminSession(deps, staff.id, proofKey);
  return session.ok
    ? { ok: true, staff, proofKey, adminSession: session.session }
    : { ok: true, staff, proofKey };
}

/** Her first sign-in here (or the first since her PIN was reset): the server checks the PIN. */
async function signInOnline(
  deps: IdentityDeps,
  staff: Staff,
  pin: string,
  newPin?: string,
): Promise<SignInOutcome> {
  const { db, credentials } = deps;
  // A new PIN that breaks the rule is refused here without asking the server.
  const invalid = newPin === undefined ? null : pinProblem(newPin);
  if (invalid) return { ok: false, problem: invalid };
  const key = newProofKey();
  const request: SignInRequest = {
    staffId: staff.id,
    pin,
    key: encodeKey(key),
    ...(newPin === undefined ? {} : { newPin }),
  };
  let answer: SignInResponse;
  try {
    answer = await httpOf(deps).request<SignInResponse>(
      'POST',
      '/api/v1/staff/sign-in',
      request,
      credentials.token,
    );
  } catch (error) {
    return { ok: false, problem: problemOf(error, 'sign-in-needs-connection') };
  }
  // Sealed at the cost the server names, so a stolen device's seal costs what its verifier does.
  const cost = (await getMeta(db, 'identity'))?.pinCost ?? STANDARD_PIN_COST;
  const seal = await sealKey(newPin ?? pin, key, cost);
  await storeSeal(db, staff.id, seal, answer.serverTime);
  return {
    ok: true,
    staff,
    proofKey: encodeKey(key),
    ...(answer.session ? { adminSession: answer.session } : {}),
  };
}

/** An administrator's session, asked for by proving her key on this device. */
export async function renewAdminSession(
  deps: IdentityDeps,
  staffId: string,
  proofKey: string,
): Promise<SessionOutcome> {
  const key = decodeKey(proofKey);
  if (!key) return { ok: false, problem: { code: 'session-proof-invalid' } };
  const nonce = newNonce();
  const request: SessionRequest = {
    staffId,
    nonce,
    proof: sessionProof(key, deps.credentials.deviceId, staffId, nonce),
  };
  try {
    const answer = await httpOf(deps).request<SessionResponse>(
      'POST',
      '/api/v1/staff/session',
      request,
      deps.credentials.token,
    );
    return { ok: true, session: answer.session };
  } catch (error) {
    return { ok: false, problem: problemOf(error, 'offline') };
  }
}

/**
 * Tells the server of the locks this device put on that it does not know of yet, so that its
 * lock and the administrator's view agree (ADR 0015). Returns how many it took. A refused report
 * is tried again at the next sync; without a connection the rest wait too. Never throws for the
 * server's answer: a sync round goes on without it.
 */
export async function reportSignInLocks(
  db: QabyldauDb,
  http: HttpPort,
  credentials: Credentials,
): Promise<number> {
  let reported = 0;
  for (const lock of await unreportedLocks(db)) {
    try {
      const answer = await http.request<{ serverTime: string }>(
        'POST',
        '/api/v1/staff/lockout',
        { staffId: lock.staffId },
        credentials.token,
      );
      await markReported(db, lock.staffId, answer.serverTime);
      reported++;
    } catch (error) {
      if (!(error instanceof HttpFailure)) throw error;
      if (error.kind === 'network') break;
    }
  }
  return reported;
}
