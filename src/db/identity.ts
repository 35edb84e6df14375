/**
 * What the device keeps about sign-in (ADR 0015): seals of the people who signed in here online,
 * and the wrong PINs typed against them. A seal goes when the server no longer lists the
 * person's key for this device (the administrator reset her PIN); a lock is put on after five
 * wrong PINs in a row here, reported to the server, and lifted only when the server, having
 * learnt of it, no longer lists it (the administrator unlocked her). Locks the server holds for
 * this device (wrong PINs online, or ten over all her devices) arrive with the reference data and
 * are kept as locks it already knows of.
 *
 * The server's clock decides what a reference may undo: a reference made before a sign-in or a
 * report cannot know of it, and must not take the new seal away nor lift the new lock.
 */
import { FAILURES_TO_LOCK_ON_DEVICE } from '../domain/identity/lockout';
import type { Seal } from '../domain/identity/seal';
import type { ReferenceResponse } from '../domain/sync/protocol';
import { setMeta } from './meta';
import type { QabyldauDb, SignInLockRow } from './schema';

type Identity = ReferenceResponse['identity'];

const isBefore = (a: string, b: string) => Date.parse(a) < Date.parse(b);

export const isLockedRow = (row: SignInLockRow | undefined): boolean => Boolean(row?.lockedAt);

/**
 * The reference data's word on sign-in here, inside `applyReference`'s transaction (over `meta`,
 * `seals` and `signInLocks`). `serverTime`: when the server made the reference.
 */
export async function applyIdentity(
  db: QabyldauDb,
  identity: Identity,
  serverTime: string,
): Promise<void> {
  await setMeta(db, 'identity', identity);
  const keys = new Set(identity.keys);
  const seals = await db.seals.toArray();
  // A key revoked (a PIN reset) takes the seal with it: the person signs in online with her new
  // PIN. A seal made after the reference was is left for the next one to judge.
  const gone = seals.filter((s) => !keys.has(s.staffId) && !isBefore(serverTime, s.sealedAt));
  await db.seals.bulkDelete(gone.map((s) => s.staffId));

  const serverLocks = new Set(identity.signInLocks);
  const rows = await db.signInLocks.toArray();
  for (const row of rows) {
    if (serverLocks.has(row.staffId)) continue;
    // Lifted by the administrator: only a lock the server had learnt of before it made this
    // reference. A lock not reported yet stays, and goes to the server at the next sync.
    const isLifted =
      isLockedRow(row) &&
      row.isReported &&
      (row.reportedAt === undefined || !isBefore(serverTime, row.reportedAt));
    if (isLifted) await db.signInLocks.delete(row.staffId);
  }
  const byId = new Map(rows.map((r) => [r.staffId, r]));
  for (const staffId of serverLocks) {
    const row = byId.get(staffId);
    if (isLockedRow(row) && row?.isReported) continue;
    await db.signInLocks.put({
      staffId,
      failures: Math.max(row?.failures ?? 0, FAILURES_TO_LOCK_ON_DEVICE),
      lockedAt: row?.lockedAt ?? serverTime,
      isReported: true,
      reportedAt: serverTime,
    });
  }
}

/** A person's seal, made at her online sign-in; `sealedAt` is the server's time of it. */
export async function storeSeal(
  db: QabyldauDb,
  staffId: string,
  seal: Seal,
  sealedAt: string,
): Promise<void> {
  await db.transaction('rw', [db.seals, db.signInLocks], async () => {
    await db.seals.put({ staffId, seal, sealedAt });
    // The server took her PIN: wrong ones typed here before do not count any more.
    await db.signInLocks.delete(staffId);
  });
}

/** A good PIN here: the count starts again. Never lifts a lock (a locked seal is not opened). */
export async function clearFailures(db: QabyldauDb, staffId: string): Promise<void> {
  await db.transaction('rw', [db.signInLocks], async () => {
    const row = await db.signInLocks.get(staffId);
    if (row && !isLockedRow(row)) await db.signInLocks.delete(staffId);
  });
}

/** A wrong PIN against the seal: counted, and the fifth in a row locks. `at`: ISO date-time. */
export async function countWrongPin(
  db: QabyldauDb,
  staffId: string,
  at: string,
): Promise<SignInLockRow> {
  return db.transaction('rw', [db.signInLocks], async () => {
    const row = await db.signInLocks.get(staffId);
    const failures = (row?.failures ?? 0) + 1;
    const next: SignInLockRow = {
      staffId,
      failures,
      lockedAt: row?.lockedAt ?? (failures >= FAILURES_TO_LOCK_ON_DEVICE ? at : null),
      isReported: row?.isReported ?? false,
      ...(row?.reportedAt ? { reportedAt: row.reportedAt } : {}),
    };
    await db.signInLocks.put(next);
    return next;
  });
}

/** Locks this device put on that the server has not been told of. */
export async function unreportedLocks(db: QabyldauDb): Promise<SignInLockRow[]> {
  const rows = await db.signInLocks.toArray();
  return rows.filter((r) => isLockedRow(r) && !r.isReported);
}

/** The server recorded the lock, at its `serverTime`. */
export async function markReported(
  db: QabyldauDb,
  staffId: string,
  serverTime: string,
): Promise<void> {
  await db.transaction('rw', [db.signInLocks], async () => {
    const row = await db.signInLocks.get(staffId);
    if (!isLockedRow(row) || !row) return;
    await db.signInLocks.put({ ...row, isReported: true, reportedAt: serverTime });
  });
}
