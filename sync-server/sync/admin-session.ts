/**
 * The district administrator's sessions (ADR 0015): every admin call carries a token the server
 * issued to a district administrator on that device, for 30 minutes — with her online sign-in,
 * or for a proof of her key (`sync/identity.ts`). The server keeps only the token's hash.
 *
 * `requireAdmin` is the one gate of every admin call (those of `admin.ts`, `staff-admin.ts`,
 * `office-details.ts`, `unsent-import.ts` and `audit.ts`): the session says who asks; a
 * `staffId` in a request is not read.
 */
import { ADMIN_SESSION_MINUTES } from '../../src/domain/identity/lockout';
import type { AdminSession } from '../../src/domain/sync/protocol';
import type { Db } from '../db/types';
import type { AuthenticatedDevice } from '../http/auth';
import { ApiError } from '../http/errors';
import { findSession, insertSession } from '../queries/identity';
import { listStaff } from '../queries/reference';
import { newSessionToken, sha256Hex } from '../secrets';

/** Who asks for an admin call: the device, and the session token it sent, if any. */
export interface AdminAsker {
  device: AuthenticatedDevice;
  session: string | undefined;
}

/** The longest session token read; the server's own are 43 characters. */
const MAX_TOKEN_LENGTH = 128;

/**
 * A new session for a person on a device, expiring `ADMIN_SESSION_MINUTES` from `now`; null when
 * `nonce` was used before (a replayed session request).
 */
export async function issueSession(
  tx: Db,
  staffId: string,
  deviceId: string,
  nonce: string | null,
  now: Date,
): Promise<AdminSession | null> {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + ADMIN_SESSION_MINUTES * 60_000).toISOString();
  const isNew = await insertSession(tx, {
    tokenHash: sha256Hex(token),
    staffId,
    deviceId,
    nonce,
    issuedAt: now.toISOString(),
    expiresAt,
  });
  return isNew ? { token, expiresAt } : null;
}

/**
 * Only a district administrator, in a live session issued on this district device. Answers her
 * staff id. A village device is refused as before (no session is ever issued there); a missing,
 * unknown, expired or other device's session is `admin-session-required`, which sends the app
 * to ask for a new one; a person no longer the administrator is `role-not-allowed`.
 */
export async function requireAdmin(tx: Db, asker: AdminAsker, now: Date): Promise<string> {
  const { device, session } = asker;
  if (device.office.kind !== 'district') {
    throw new ApiError('role-not-allowed', 'reference data is changed from a district device');
  }
  const required = (message: string) => new ApiError('admin-session-required', message);
  if (!session || session.length > MAX_TOKEN_LENGTH) throw required('no administrator session');
  const row = await findSession(tx, sha256Hex(session));
  // Another device's token is as unknown here as a made-up one.
  if (!row || row.device_id !== device.row.id) throw required('unknown session');
  if (row.expires_at <= now.toISOString()) throw required('the session has expired');
  const person = (await listStaff(tx, device.office.id)).find((s) => s.id === row.staff_id);
  // Deactivation ends her sessions; a session outliving it is ended all the same.
  if (!person?.isActive) throw required('the session ended');
  if (person.role !== 'district_admin') {
    throw new ApiError('role-not-allowed', 'only the district administrator', {
      role: person.role,
    });
  }
  return person.id;
}
