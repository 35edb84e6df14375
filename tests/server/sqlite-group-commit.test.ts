/**
 * SQLite group commit: transactions that queue up together share one COMMIT, but each keeps the
 * meaning of its own transaction — one that throws is rolled back alone, the others are kept, and
 * none is answered before the group is durable. The disk's sync of one group overlaps the work of
 * the next, and nothing read or written is answered before the syncs it depends on.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GROUP_BUDGET_MS, openSqlite } from '../../sync-server/db/sqlite';
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

/** A disk whose syncs finish only when the test says so. */
function heldDisk() {
  const syncs: { resolve(): void; reject(error: Error): void }[] = [];
  const syncFile = (_fd: number) =>
    new Promise<void>((resolve, reject) => {
      syncs.push({ resolve, reject });
    });
  return { syncs, syncFile };
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 1_000 && !condition(); i++) await new Promise((r) => setTimeout(r, 1));
  expect(condition()).toBe(true);
}

/** Whether a promise has settled, without waiting for it. */
function watch<T>(promise: Promise<T>) {
  const state = {
    settled: false,
    ok: false,
    value: undefined as T | undefined,
    error: undefined as unknown,
  };
  promise.then(
    (value) => Object.assign(state, { settled: true, ok: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

describe('SQLite commits whose syncs overlap the next work', () => {
  let dir: string;
  let db: Db;
  let disk: ReturnType<typeof heldDisk>;
  /** the group budget's clock: it moves only when a test moves it */
  let elapsed: number;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'qabyldau-held-'));
    disk = heldDisk();
    elapsed = 0;
    db = openSqlite(join(dir, 'held.db'), { syncFile: disk.syncFile, elapsedMs: () => elapsed });
    const created = db.run('CREATE TABLE t (n INTEGER PRIMARY KEY)');
    await until(() => disk.syncs.length === 1);
    disk.syncs.shift()?.resolve();
    await created;
  });
  afterEach(async () => {
    for (const sync of disk.syncs) sync.resolve();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insert = (n: number) =>
    db.transaction(async (tx) => {
      await tx.run('INSERT INTO t (n) VALUES (?)', [n]);
      const row = await tx.first<{ c: number }>('SELECT COUNT(*) AS c FROM t');
      return row?.c;
    });

  /**
   * Two groups committed, their syncs both under way and the second's already finished: the
   * first is committed, not yet durable, when the next one runs and sees its row.
   */
  const twoGroupsSyncing = async () => {
    const first = watch(insert(1));
    await until(() => disk.syncs.length === 1);
    const second = watch(insert(2));
    await until(() => disk.syncs.length === 2);
    disk.syncs[1]?.resolve();
    return { first, second };
  };

  it('commits the transactions that queued up together with one COMMIT and one sync', async () => {
    const all = Array.from({ length: 10 }, (_, i) => watch(insert(i)));
    await until(() => disk.syncs.length === 1);
    await new Promise((r) => setTimeout(r, 5));
    expect(all.filter((t) => t.settled)).toEqual([]);
    disk.syncs[0]?.resolve();
    await until(() => all.every((t) => t.settled));
    expect(all.map((t) => t.value)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    // Ten transactions, one group: the disk was asked once.
    expect(disk.syncs).toHaveLength(1);
  });

  it('closes a group once its budget is spent, the rest going into the next group', async () => {
    const slow = (n: number) =>
      db.transaction(async (tx) => {
        await tx.run('INSERT INTO t (n) VALUES (?)', [n]);
        // The fourth transaction of the group is the one that spends the budget.
        if (n === 3) elapsed += GROUP_BUDGET_MS;
      });
    const all = Array.from({ length: 10 }, (_, i) => watch(slow(i)));
    await until(() => disk.syncs.length === 2);
    // The first group's sync answers its four, not the six behind them.
    disk.syncs[0]?.resolve();
    await until(() => all.slice(0, 4).every((t) => t.settled));
    await new Promise((r) => setTimeout(r, 5));
    expect(all.map((t) => t.settled)).toEqual([...Array(4).fill(true), ...Array(6).fill(false)]);
    disk.syncs[1]?.resolve();
    await until(() => all.every((t) => t.settled));
    expect(all.every((t) => t.ok)).toBe(true);
    expect(disk.syncs).toHaveLength(2);
    const rows = await db.all<{ n: number }>('SELECT n FROM t ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 10 }, (_, i) => i));
  });

  it('runs the next group during a sync and answers each group after its own sync and the ones before', async () => {
    const { first, second } = await twoGroupsSyncing();
    await new Promise((r) => setTimeout(r, 5));
    expect([first.settled, second.settled]).toEqual([false, false]);
    disk.syncs[0]?.resolve();
    await until(() => first.settled && second.settled);
    expect([first.value, second.value]).toEqual([1, 2]);
  });

  it('gives what a read saw only once it is durable', async () => {
    const written = watch(insert(7));
    await until(() => disk.syncs.length === 1);
    const read = watch(db.first<{ n: number }>('SELECT n FROM t WHERE n = 7'));
    await new Promise((r) => setTimeout(r, 5));
    expect(read.settled).toBe(false);
    disk.syncs[0]?.resolve();
    await until(() => read.settled);
    expect(read.value).toEqual({ n: 7 });
    expect(written.value).toBe(1);
  });

  it('fails a group whose sync failed and the groups that may have built on it, not later ones', async () => {
    const { first, second } = await twoGroupsSyncing();
    disk.syncs[0]?.reject(new Error('EIO: the disk failed'));
    await until(() => first.settled && second.settled);
    expect([first.ok, second.ok]).toEqual([false, false]);
    expect(String(second.error)).toContain('EIO');
    const third = watch(insert(3));
    await until(() => disk.syncs.length === 3);
    disk.syncs[2]?.resolve();
    await until(() => third.settled);
    expect(third.ok).toBe(true);
  });
});

describe('WAL checkpoints on a worker thread', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qabyldau-checkpoint-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  /** Rows the database file holds by itself: only what a checkpoint moved out of the WAL. */
  const rowsInMainFile = (file: string): number => {
    const copy = join(dir, `copy-${Date.now()}-${Math.random()}.db`);
    copyFileSync(file, copy);
    const alone = new Database(copy, { readonly: true });
    try {
      return (alone.prepare('SELECT COUNT(*) AS c FROM t').get() as { c: number }).c;
    } catch {
      return -1; // the table is not in the file yet (or the copy caught a page mid-write)
    } finally {
      alone.close();
    }
  };

  it('moves commits into the database file long before the writer would, and stops on close', async () => {
    const file = join(dir, 'server.db');
    const db = openSqlite(file, { checkpointInWorker: true });
    await db.run('CREATE TABLE t (n INTEGER PRIMARY KEY)');
    await db.transaction(async (tx) => {
      for (let n = 0; n < 500; n++) await tx.run('INSERT INTO t (n) VALUES (?)', [n]);
    });
    // A few WAL pages: far below the writer's own automatic checkpoint (8,000 pages).
    expect(statSync(`${file}-wal`).size).toBeLessThan(8_000 * 4096);
    await until(() => rowsInMainFile(file) === 500);
    await db.close();
    // SQLite removes the WAL when the last connection to the file closes: the thread's is
    // closed too.
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('leaves the database file alone without one', async () => {
    const file = join(dir, 'plain.db');
    const db = openSqlite(file);
    await db.run('CREATE TABLE t (n INTEGER PRIMARY KEY)');
    await db.run('INSERT INTO t (n) VALUES (1)');
    await new Promise((r) => setTimeout(r, 600));
    expect(rowsInMainFile(file)).toBe(-1);
    await db.close();
  });
});
