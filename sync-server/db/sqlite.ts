/**
 * SQLite adapter over better-sqlite3: the embedded default, one file per district server.
 *
 * better-sqlite3 is synchronous and has one connection, while our transactions are async
 * functions. Between two awaits of one transaction another request could run a statement on the
 * same connection and land inside that transaction, so every use of the connection — single
 * statements too — waits its turn on one queue. A transaction holds the queue until it commits.
 *
 * Group commit: with `synchronous = FULL` every COMMIT waits for the disk, and under load that
 * wait, not the work, bounds how many pushes a second the server takes. Transactions that queue
 * up while others run are therefore committed together: each runs in its own SAVEPOINT (one that
 * fails is rolled back alone, as if it had its own transaction), and one COMMIT makes the group
 * durable before any of them is answered. A group takes no more work after `GROUP_BUDGET_MS`, so
 * the first transaction of a group is not held long by the ones behind it.
 *
 * The disk wait itself happens off the main thread and overlaps the next group's work: SQLite
 * commits without syncing and `wal-sync.ts` makes the commit durable in the thread pool before
 * anyone it concerns is answered. Reads outside transactions wait for the same syncs, so nothing
 * a request reads is told to anyone before it would survive a power cut.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { startCheckpointer } from './checkpointer';
import type { Db, SqlValue } from './types';
import { type SyncFile, walSync } from './wal-sync';

type Statement = Database.Statement<SqlValue[]>;

export const GROUP_BUDGET_MS = 20;

interface Waiting {
  fn: (tx: Db) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export interface SqliteOptions {
  /** how the WAL file is made durable; tests hold it to see who waits for the disk */
  syncFile?: SyncFile;
  /** WAL checkpoints in a worker thread (`checkpointer.ts`): the server's store */
  checkpointInWorker?: boolean;
  /**
   * forward-only milliseconds a group's budget is measured on; `performance.now` when absent.
   * Tests step it to close a group where they choose.
   */
  elapsedMs?: () => number;
}

export function openSqlite(file: string, options: SqliteOptions = {}): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const conn = new Database(file);
  // WAL lets readers (the CLI, a backup) work while the server writes. A commit that was
  // acknowledged to a device must survive a power cut, which rural offices see often: SQLite
  // does not wait for the disk at COMMIT (NORMAL), `wal-sync.ts` does, off the main thread.
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = NORMAL');
  // Checkpoints every 8,000 WAL pages (32 MB) instead of SQLite's 1,000: the pages a district's
  // pushes write again and again (the events table's last leaves, its indexes' last pages, the
  // cases) are copied into the database once per checkpoint, so fewer checkpoints copy them
  // fewer times. Measured: 5–12 % more events a second at 100 devices (docs/benchmarks.md); the
  // commit that runs a checkpoint takes longer, so the p99 of 200 devices' pushes rose from
  // about 11 to 18–32 ms, within its 50 ms.
  conn.pragma('wal_autocheckpoint = 8000');
  conn.pragma('foreign_keys = ON');
  // The CLI may write while the server runs; wait for its lock rather than fail at once.
  conn.pragma('busy_timeout = 5000');

  const wal = walSync(file, options.syncFile);
  const elapsedMs = options.elapsedMs ?? (() => performance.now());
  const checkpointer =
    options.checkpointInWorker && file !== ':memory:' ? startCheckpointer(file) : null;

  const cache = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = conn.prepare<SqlValue[]>(sql);
      cache.set(sql, stmt);
    }
    return stmt;
  };

  const direct: Omit<Db, 'transaction' | 'snapshot' | 'close'> = {
    dialect: 'sqlite',
    all: async <T>(sql: string, params: readonly SqlValue[] = []) =>
      prepare(sql).all(...params) as T[],
    first: async <T>(sql: string, params: readonly SqlValue[] = []) =>
      prepare(sql).get(...params) as T | undefined,
    run: async (sql: string, params: readonly SqlValue[] = []) => ({
      changes: prepare(sql).run(...params).changes,
    }),
  };

  let queue: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work, work);
    queue = result.catch(() => undefined);
    return result;
  };

  const waiting: Waiting[] = [];
  let isGroupQueued = false;

  /**
   * Runs waiting transactions, each in a savepoint, under one BEGIN IMMEDIATE … COMMIT, then
   * answers them. Never throws: a failure goes to the transactions it concerns.
   */
  const commitGroup = async (): Promise<void> => {
    const started = elapsedMs();
    const done: { job: Waiting; value: unknown }[] = [];
    const failed: { job: Waiting; error: unknown }[] = [];
    let running: Waiting | undefined;
    try {
      // IMMEDIATE takes the write lock at once, so another process (the CLI) cannot slip a
      // write between our reads and writes and serverSeq order stays commit order.
      conn.exec('BEGIN IMMEDIATE');
    } catch (error) {
      // The lock stayed taken past busy_timeout: what is waiting fails, as it did one by one.
      for (const job of waiting.splice(0)) job.reject(error);
      startNextGroup();
      return;
    }
    try {
      for (running = waiting.shift(); running; running = waiting.shift()) {
        conn.exec('SAVEPOINT tx');
        try {
          const value = await running.fn(tx);
          conn.exec('RELEASE tx');
          done.push({ job: running, value });
        } catch (error) {
          // Some errors (a full disk, I/O) make SQLite roll back the whole transaction itself;
          // the group's work so far is then gone too, and the outer catch fails all of it.
          if (!conn.inTransaction) throw error;
          conn.exec('ROLLBACK TO tx');
          conn.exec('RELEASE tx');
          failed.push({ job: running, error });
        }
        if (elapsedMs() - started >= GROUP_BUDGET_MS) break;
      }
      running = undefined;
      conn.exec('COMMIT');
    } catch (error) {
      if (conn.inTransaction) conn.exec('ROLLBACK');
      // Nothing of the group was committed: each of its transactions fails with this error.
      for (const { job } of done) failed.push({ job, error });
      if (running) failed.push({ job: running, error });
      for (const { job, error: why } of failed) job.reject(why);
      startNextGroup();
      return;
    }
    // The connection goes on to the next group while the disk works; this group is answered
    // once its commit is durable, or fails with the sync (a device's retry finds what was kept).
    const durable = wal.committed();
    startNextGroup();
    void durable
      .then(
        () => {
          for (const { job, value } of done) job.resolve(value);
        },
        (error: unknown) => {
          for (const { job } of done) job.reject(error);
        },
      )
      .then(() => {
        for (const { job, error } of failed) job.reject(error);
      });
  };

  const startNextGroup = () => {
    isGroupQueued = waiting.length > 0;
    if (isGroupQueued) void exclusive(commitGroup);
  };

  /**
   * A read or write outside a transaction, on the connection in its turn; its result is given
   * once everything committed when it ran is durable, as a transaction's is.
   */
  const settled = <T>(work: () => Promise<T>, isWrite: boolean): Promise<T> =>
    exclusive(async () => {
      const value = await work();
      return { value, durable: isWrite ? wal.committed() : wal.durable() };
    }).then(async ({ value, durable }) => {
      await durable;
      return value;
    });

  const tx: Db = {
    ...direct,
    transaction: (fn) => fn(tx),
    snapshot: (fn) => fn(tx),
    close: async () => undefined,
  };

  return {
    dialect: 'sqlite',
    all: (sql, params) => settled(() => direct.all(sql, params), false),
    first: (sql, params) => settled(() => direct.first(sql, params), false),
    // A write outside a transaction commits by itself, so it is made durable the same way.
    run: (sql, params) => settled(() => direct.run(sql, params), true),
    transaction: <T>(fn: (tx: Db) => Promise<T>) =>
      new Promise<T>((resolve, reject) => {
        waiting.push({ fn, resolve: resolve as (value: unknown) => void, reject });
        if (!isGroupQueued) {
          isGroupQueued = true;
          void exclusive(commitGroup);
        }
      }),
    snapshot: (fn) =>
      exclusive(async () => {
        // What the backup reads must be durable: no commit can come meanwhile (the snapshot
        // holds the connection), so waiting once at the start is enough.
        await wal.durable();
        // A deferred BEGIN takes no lock; under WAL the first read fixes the snapshot and the
        // server's writers (other connections) go on. query_only makes a stray write fail here
        // rather than quietly take the write lock for the whole backup.
        conn.exec('BEGIN');
        conn.pragma('query_only = ON');
        try {
          const value = await fn(tx);
          conn.exec('COMMIT');
          return value;
        } catch (error) {
          if (conn.inTransaction) conn.exec('ROLLBACK');
          throw error;
        } finally {
          conn.pragma('query_only = OFF');
        }
      }),
    close: () =>
      exclusive(async () => {
        await checkpointer?.close();
        await wal.close();
        conn.close();
      }),
  };
}
