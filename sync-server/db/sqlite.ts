/**
 * SQLite adapter over better-sqlite3: the embedded default, one file per district server.
 *
 * better-sqlite3 is synchronous and has one connection, while our transactions are async
 * functions. Between two awaits of one transaction another request could run a statement on the
 * same connection and land inside that transaction, so every use of the connection — single
 * statements too — waits its turn on one queue. A transaction holds the queue until it commits.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Db, SqlValue } from './types';

type Statement = Database.Statement<SqlValue[]>;

export function openSqlite(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const conn = new Database(file);
  // WAL lets readers (the CLI, a backup) work while the server writes; FULL makes a commit that
  // was acknowledged to a device survive a power cut, which rural offices see often.
  conn.pragma('journal_mode = WAL');
  conn.pragma('synchronous = FULL');
  conn.pragma('foreign_keys = ON');
  // The CLI may write while the server runs; wait for its lock rather than fail at once.
  conn.pragma('busy_timeout = 5000');

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
    run: (sql, params) => exclusive(() => direct.run(sql, params)),
    transaction: (fn) =>
      exclusive(async () => {
        // IMMEDIATE takes the write lock at once, so another process (the CLI) cannot slip a
        // write between our reads and writes and serverSeq order stays commit order.
        conn.exec('BEGIN IMMEDIATE');
        try {
          const value = await fn(tx);
          conn.exec('COMMIT');
          return value;
        } catch (error) {
          if (conn.inTransaction) conn.exec('ROLLBACK');
          throw error;
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
      }),
  };
}
