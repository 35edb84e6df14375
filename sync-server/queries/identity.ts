/**
 * What the server keeps about who is who (ADR 0015), as plain functions over the `Db` port:
 * proof keys per person and device, wrong PINs and the locks they lead to, the administrators'
 * sessions. The callers hold the sync write lock around every change, check rights, and bump
 * the reference version where devices must learn of it.
 *
 * A lock is kept two ways. On one device: the pair's `locked_at` is set (five wrong PINs in a row
 * there, or the device's own report of its offline lock). Everywhere: the person's wrong PINs
 * summed over her devices reach ten; it is read from the sum, not stored, since a good PIN (which
 * sets every count of hers back to 0) cannot be reached while it holds.
 */

import { FAILURES_TO_LOCK_PERSON, type FailureCount } from '../../src/domain/identity/lockout';
import { decodeKey, encodeKey } from '../../src/domain/identity/proof';
import type { Db } from '../db/types';
import { bumpReferenceVersion } from './reference';

// Keys

/**
 * Registers a person's proof key on a device: one live key per pair, so a new sign-in there
 * replaces the secret and lifts an earlier revocation. Moves the reference version, in the same
 * transaction: devices list who has a key on them, and pushes read keys per version
 * (`sync/reference-cache.ts`).
 */
export async function registerProofKey(
  db: Db,
  staffId: string,
  deviceId: string,
  key: Uint8Array,
  now: Date,
): Promise<void> {
  await db.run(
    `INSERT INTO staff_keys (staff_id, device_id, secret, registered_at, revoked_at)
     VALUES (?, ?, ?, ?, NULL)
     ON CONFLICT (staff_id, device_id) DO UPDATE SET
       secret = excluded.secret, registered_at = excluded.registered_at, revoked_at = NULL`,
    [staffId, deviceId, encodeKey(key), now.toISOString()],
  );
  await bumpReferenceVersion(db, now);
}

/**
 * Revokes every live key of a person (a PIN reset); returns how many were live. Moves the
 * reference version, in the same transaction, as registering does.
 */
export async function revokeKeysOf(db: Db, staffId: string, now: Date): Promise<number> {
  const { changes } = await db.run(
    'UPDATE staff_keys SET revoked_at = ? WHERE staff_id = ? AND revoked_at IS NULL',
    [now.toISOString(), staffId],
  );
  if (changes > 0) await bumpReferenceVersion(db, now);
  return changes;
}

interface KeyRow {
  staff_id: string;
  secret: string;
}

/** The live keys on a device, by person: what a push checks its events' proofs against. */
export async function liveKeysOfDevice(db: Db, deviceId: string): Promise<Map<string, Uint8Array>> {
  const rows = await db.all<KeyRow>(
    'SELECT staff_id, secret FROM staff_keys WHERE device_id = ? AND revoked_at IS NULL',
    [deviceId],
  );
  const keys = new Map<string, Uint8Array>();
  for (const row of rows) {
    const key = decodeKey(row.secret);
    if (key) keys.set(row.staff_id, key);
  }
  return keys;
}

/** One person's live key on one device, or undefined. */
export async function liveKey(
  db: Db,
  staffId: string,
  deviceId: string,
): Promise<Uint8Array | undefined> {
  const row = await db.first<KeyRow>(
    `SELECT staff_id, secret FROM staff_keys
      WHERE staff_id = ? AND device_id = ? AND revoked_at IS NULL`,
    [staffId, deviceId],
  );
  return (row && decodeKey(row.secret)) ?? undefined;
}

/** The devices each person of a district has a live key on, by person, devices sorted. */
export async function keyDevicesOfDistrict(
  db: Db,
  districtId: string,
): Promise<Map<string, string[]>> {
  const rows = await db.all<{ staff_id: string; device_id: string }>(
    `SELECT k.staff_id, k.device_id
       FROM staff_keys k JOIN staff s ON s.id = k.staff_id JOIN offices o ON o.id = s.office_id
      WHERE o.district_id = ? AND k.revoked_at IS NULL
      ORDER BY k.staff_id, k.device_id`,
    [districtId],
  );
  const byPerson = new Map<string, string[]>();
  for (const row of rows) {
    const list = byPerson.get(row.staff_id) ?? [];
    list.push(row.device_id);
    byPerson.set(row.staff_id, list);
  }
  return byPerson;
}

// Wrong PINs and locks

/** A person's wrong PINs: on this device (in a row) and over all her devices. */
export async function failuresOf(
  db: Db,
  staffId: string,
  deviceId: string,
): Promise<FailureCount & { isLockedHere: boolean }> {
  const row = await db.first<{ on_device: number | null; of_person: number | null; locks: number }>(
    `SELECT SUM(CASE WHEN device_id = ? THEN failures ELSE 0 END) AS on_device,
            SUM(failures) AS of_person,
            SUM(CASE WHEN device_id = ? AND locked_at IS NOT NULL THEN 1 ELSE 0 END) AS locks
       FROM pin_failures WHERE staff_id = ?`,
    [deviceId, deviceId, staffId],
  );
  const onDevice = Number(row?.on_device ?? 0);
  const ofPerson = Number(row?.of_person ?? 0);
  return {
    onDevice,
    ofPerson,
    isLockedHere: Number(row?.locks ?? 0) > 0 || ofPerson >= FAILURES_TO_LOCK_PERSON,
  };
}

/** Counts one wrong PIN of a person on a device; `lock`: the count has reached a lock. */
export async function countFailure(
  db: Db,
  staffId: string,
  deviceId: string,
  lock: boolean,
  now: Date,
): Promise<void> {
  const lockedAt = lock ? now.toISOString() : null;
  await db.run(
    `INSERT INTO pin_failures (staff_id, device_id, failures, locked_at) VALUES (?, ?, 1, ?)
     ON CONFLICT (staff_id, device_id) DO UPDATE SET
       failures = pin_failures.failures + 1,
       locked_at = COALESCE(pin_failures.locked_at, excluded.locked_at)`,
    [staffId, deviceId, lockedAt],
  );
}

/**
 * A lock the device put on a person after wrong PINs offline: the pair counts as five wrong PINs
 * and is locked (an earlier lock keeps its time).
 */
export async function lockOnDevice(
  db: Db,
  staffId: string,
  deviceId: string,
  failures: number,
  now: Date,
): Promise<void> {
  await db.run(
    `INSERT INTO pin_failures (staff_id, device_id, failures, locked_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (staff_id, device_id) DO UPDATE SET
       failures = excluded.failures,
       locked_at = COALESCE(pin_failures.locked_at, excluded.locked_at)`,
    [staffId, deviceId, failures, now.toISOString()],
  );
}

/**
 * A good PIN: her wrong PINs on every device count from 0 again. A device's lock stays — a good
 * PIN is never checked where she is locked, and only an administrator lifts a lock.
 */
export async function resetFailures(db: Db, staffId: string): Promise<void> {
  await db.run('UPDATE pin_failures SET failures = 0 WHERE staff_id = ? AND failures <> 0', [
    staffId,
  ]);
}

/** The administrator's unlock, or a PIN reset: no wrong PINs, no lock, on any device. */
export async function clearFailures(db: Db, staffId: string): Promise<number> {
  const { changes } = await db.run('DELETE FROM pin_failures WHERE staff_id = ?', [staffId]);
  return changes;
}

/**
 * The people of an office locked on a device: there (its pair is locked), or everywhere (ten
 * wrong PINs over her devices).
 */
export async function locksOfDevice(db: Db, deviceId: string, officeId: string): Promise<string[]> {
  const rows = await db.all<{ staff_id: string }>(
    `SELECT f.staff_id FROM pin_failures f JOIN staff s ON s.id = f.staff_id
      WHERE s.office_id = ?
      GROUP BY f.staff_id
     HAVING SUM(f.failures) >= ?
         OR SUM(CASE WHEN f.device_id = ? AND f.locked_at IS NOT NULL THEN 1 ELSE 0 END) > 0
      ORDER BY f.staff_id`,
    [officeId, FAILURES_TO_LOCK_PERSON, deviceId],
  );
  return rows.map((r) => r.staff_id);
}

/** A person's lock as the administrator sees it: since when, and where (none: everywhere). */
export interface SignInLock {
  lockedAt: string;
  deviceIds: string[];
}

/** Every lock of a district's people, by person. */
export async function signInLocksOfDistrict(
  db: Db,
  districtId: string,
): Promise<Map<string, SignInLock>> {
  const rows = await db.all<{
    staff_id: string;
    device_id: string;
    failures: number;
    locked_at: string | null;
  }>(
    `SELECT f.staff_id, f.device_id, f.failures, f.locked_at
       FROM pin_failures f JOIN staff s ON s.id = f.staff_id JOIN offices o ON o.id = s.office_id
      WHERE o.district_id = ?
      ORDER BY f.staff_id, f.device_id`,
    [districtId],
  );
  const byPerson = new Map<string, typeof rows>();
  for (const row of rows) byPerson.set(row.staff_id, [...(byPerson.get(row.staff_id) ?? []), row]);
  const locks = new Map<string, SignInLock>();
  for (const [staffId, pairs] of byPerson) {
    const locked = pairs.filter((p) => p.locked_at !== null);
    const times = locked.map((p) => p.locked_at as string).sort();
    const isEverywhere =
      pairs.reduce((sum, p) => sum + Number(p.failures), 0) >= FAILURES_TO_LOCK_PERSON;
    // The ten-over-all-devices lock is stamped on the pair where the tenth came.
    const lockedAt = isEverywhere ? times.at(-1) : times[0];
    if (lockedAt === undefined) continue;
    locks.set(staffId, {
      lockedAt,
      deviceIds: isEverywhere ? [] : locked.map((p) => p.device_id),
    });
  }
  return locks;
}

// Sessions

export interface SessionRow {
  token_hash: string;
  staff_id: string;
  device_id: string;
  nonce: string | null;
  issued_at: string;
  expires_at: string;
}

/**
 * A new session. False when its nonce was used before on this device for this person (the
 * unique index): a session request is never answered twice.
 */
export async function insertSession(
  db: Db,
  session: {
    tokenHash: string;
    staffId: string;
    deviceId: string;
    nonce: string | null;
    issuedAt: string;
    expiresAt: string;
  },
): Promise<boolean> {
  const { changes } = await db.run(
    `INSERT INTO staff_sessions (token_hash, staff_id, device_id, nonce, issued_at, expires_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    [
      session.tokenHash,
      session.staffId,
      session.deviceId,
      session.nonce,
      session.issuedAt,
      session.expiresAt,
    ],
  );
  return changes > 0;
}

export async function findSession(db: Db, tokenHash: string): Promise<SessionRow | undefined> {
  return db.first<SessionRow>('SELECT * FROM staff_sessions WHERE token_hash = ?', [tokenHash]);
}

/**
 * Ends a person's sessions now. The rows stay, expired, so the nonces they were asked with stay
 * used: a recorded session request cannot be replayed once its session has ended.
 */
export async function endSessionsOf(db: Db, staffId: string, now: Date): Promise<number> {
  const at = now.toISOString();
  const { changes } = await db.run(
    'UPDATE staff_sessions SET expires_at = ? WHERE staff_id = ? AND expires_at > ?',
    [at, staffId, at],
  );
  return changes;
}

// Devices moving over

/**
 * The one declaration of a device enrolled before proofs (ADR 0015, "Moving over"): its events
 * up to `legacyThrough` predate proofs. Taken only from such a device and only once; returns
 * whether it was taken.
 */
export async function declareLegacyLimit(
  db: Db,
  id: string,
  legacyThrough: number,
): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE devices SET legacy_seq_limit = ?
      WHERE id = ? AND needs_proof_from_start = 0 AND legacy_seq_limit IS NULL`,
    [legacyThrough, id],
  );
  return changes > 0;
}
