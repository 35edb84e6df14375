/**
 * SQLite group commit: transactions that queue up together share one COMMIT, but each keeps the
 * meaning of its own transaction — one that throws is rolled back alone, the others are kept, and
 * none is answered before the group is durable.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqlite } from '../../sync-server/db/sqlite';
import type { Db } from '../../sync-server/db/types';

describe('SQLite transactions committed in groups', () => {
  let dir: string;
  let file: string;
  let db: Db;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qabyldau-group-'));
    file = join(dir, 'group.db');
    db = openSqlite(file);
    await db.run('CREATE TABLE t (n INTEGER PRIMARY KEY)');
  });
  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rolls back only the transaction that failed', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.run('INSERT INTO t (n) VALUES (?)', [i * 2]);
          await tx.run('INSERT INTO t (n) VALUES (?)', [i * 2 + 1]);
          if (i % 7 === 3) throw new Error(`refused ${i}`);
          return i;
        }),
      ),
    );
    const kept = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(results.filter((r) => r.status === 'rejected').map((r) => String(r.reason))).toEqual(
      [3, 10, 17, 24].map((i) => `Error: refused ${i}`),
    );
    const rows = await db.all<{ n: number }>('SELECT n FROM t ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual(kept.flatMap((i) => [i * 2, i * 2 + 1]));
  });

  it('answers a transaction only once another connection can read what it wrote', async () => {
    const reader = openSqlite(file);
    try {
      const seen = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          await db.transaction(async (tx) => {
            await tx.run('INSERT INTO t (n) VALUES (?)', [i]);
          });
          return reader.first<{ n: number }>('SELECT n FROM t WHERE n = ?', [i]);
        }),
      );
      expect(seen.map((row) => row?.n)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    } finally {
      await reader.close();
    }
  });

  it('sees the writes of earlier transactions of the same group', async () => {
    const sums = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.run('INSERT INTO t (n) VALUES (?)', [i]);
          const row = await tx.first<{ c: number }>('SELECT COUNT(*) AS c FROM t');
          return row?.c;
        }),
      ),
    );
    expect(sums).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  // The WAL's descriptor is kept open between syncs; a store that is closed and opened again
  // (tests, the CLI, a restore) must not leave one behind each time.
  it.runIf(existsSync('/proc/self/fd'))('leaves no descriptor open once closed', async () => {
    const open = () => readdirSync('/proc/self/fd').length;
    const other = join(dir, 'other.db');
    const before = open();
    for (let round = 0; round < 3; round++) {
      const store = openSqlite(other);
      await store.run('CREATE TABLE IF NOT EXISTS t (n INTEGER PRIMARY KEY)');
      await store.transaction(async (tx) => {
        await tx.run('INSERT INTO t (n) VALUES (?)', [round]);
      });
      expect(open()).toBeGreaterThan(before);
      await store.close();
    }
    expect(open()).toBe(before);
  });
});
