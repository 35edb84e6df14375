/**
 * One write lock for the sync log. Call it first thing inside a transaction that assigns
 * serverSeq, device numbers or seeds the district.
 *
 * On PostgreSQL, several server instances may share one database. Two pushes committing in
 * parallel could otherwise take serverSeq 7 and 8 and commit 8 first; a device pulling between
 * the two commits would move its cursor past 7 and never see it. A transaction-scoped advisory
 * lock makes writers take turns, so serverSeq order is commit order. Under READ COMMITTED each
 * statement after the lock sees everything committed before it, so the reads that follow (last
 * seq, case state) are current. The lock is released by COMMIT or ROLLBACK.
 *
 * On SQLite, `BEGIN IMMEDIATE` already holds the database's single write lock.
 */
import type { Db } from './types';

/** Arbitrary constant naming the lock ("qaby" in ASCII); one lock for all sync writes. */
const SYNC_WRITE_LOCK = 0x71616279;

export async function lockSyncWrites(tx: Db): Promise<void> {
  if (tx.dialect === 'postgres') {
    await tx.first('SELECT pg_advisory_xact_lock(?)', [SYNC_WRITE_LOCK]);
  }
}
