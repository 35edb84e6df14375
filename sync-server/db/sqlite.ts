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
 * The disk wait itself happens off the main thread: SQLite commits without syncing
 * (`synchronous = NORMAL`, which in WAL mode keeps the database consistent but not yet durable)
 * and the server then syncs the WAL file through libuv's thread pool before it answers anyone or
 * runs anything else on the connection. A transaction is durable once its WAL frames are on
 * disk, so the guarantee is FULL's — nothing is acknowledged, and nothing another request could
 * read is used, before it would survive a power cut — while the event loop goes on parsing and
 * checking the pushes that will make up the next group.
 */
import {
  closeSync,
  fdatasync,
  fstatSync,
  mkdirSync,
  openSync,
  type Stats,
  statSync,
} from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Db, SqlValue } from './types';

type Statement = Database.Statement<SqlValue[]>;

const GROUP_BUDGET_MS = 20;

interface Waiting {
  fn: (tx: Db) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export function openSqlite(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const conn = new Database(file);
  // WAL lets readers (the CLI, a backup) work while the server writes. A commit that was
  // acknowledged to a device must survive a power cut, which rural offices see often: SQLite
  // does not wait for the disk at COMMIT (NORMAL), `syncWal` below does, off the main thread.
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

  const wal = `${file}-wal`;
  /**
   * A descriptor of the WAL file, kept open between syncs: opening and closing it for every
   * group cost more main-thread time than the sync. SQLite keeps the file while any connection
   * is open (ours is, until `close`), but the descriptor is checked against the path before each
   * sync all the same, so a file replaced under us is reopened rather than a stale one synced.
   */
  let walFd: number | null = null;
  const closeWalFd = () => {
    if (walFd !== null) closeSync(walFd);
    walFd = null;
  };
  /**
   * Makes what was committed durable: the WAL's frames reach the disk (fdatasync of the file,
   * whichever descriptor wrote it). Without a WAL file everything was checkpointed into the
   * database, which SQLite syncs itself when it checkpoints.
   */
  const syncWal = async (): Promise<void> => {
    if (file === ':memory:') return;
    let path: Stats;
    try {
      path = statSync(wal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (walFd !== null) {
      const held = fstatSync(walFd);
      if (held.ino !== path.ino || held.dev !== path.dev) closeWalFd();
    }
    if (walFd === null) {
      try {
        walFd = openSync(wal, 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
        throw error;
      }
    }
    const fd = walFd;
    // On the thread pool: the main thread goes on parsing and checking the next pushes.
    await new Promise<void>((resolve, reject) => {
      fdatasync(fd, (error) => (error ? reject(error) : resolve()));
    });
  };

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
    const started = performance.now();
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
      isGroupQueued = false;
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
        if (performance.now() - started >= GROUP_BUDGET_MS) break;
      }
      running = undefined;
      conn.exec('COMMIT');
      // Still holding the connection: the next group, a pull or a backup reads these writes
      // only once they are durable.
      await syncWal();
    } catch (error) {
      if (conn.inTransaction) conn.exec('ROLLBACK');
      // Nothing of the group was committed, or its commit is not known to be durable: each of
      // its transactions fails with this error (a device's retry finds whatever was kept).
      for (const { job } of done) failed.push({ job, error });
      if (running) failed.push({ job: running, error });
      done.length = 0;
    }
    isGroupQueued = waiting.length > 0;
    if (isGroupQueued) void exclusive(commitGroup);
    for (const { job, value } of done) job.resolve(value);
    for (const { job, error } of failed) job.reject(error);
  };

  const tx: Db = {
    ...direct,
    transaction: (fn) => fn(tx),
    snapshot: (fn) => fn(tx),
    close: async () => undefined,
  };

  return {
    dialect: 'sqlite',
    all: (sql, params) => exclusive(() => direct.all(sql, params)),
    first: (sql, params) => exclusive(() => direct.first(sql, params)),
    // A write outside a transaction commits by itself, so it is made durable the same way.
    run: (sql, params) =>
      exclusive(async () => {
        const result = await direct.run(sql, params);
        await syncWal();
        return result;
      }),
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
        conn.close();
        closeWalFd();
      }),
  };
}
