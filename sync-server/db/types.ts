/**
 * The one storage port of the sync server. Query modules are plain functions that take a `Db`,
 * so the same SQL runs on the embedded SQLite file of a single district and on PostgreSQL when a
 * region consolidates districts. SQL is written once with `?` placeholders; the PostgreSQL
 * adapter numbers them. Keep `?` out of string literals in SQL for that reason.
 *
 * The interface is async because `pg` is; the SQLite adapter resolves at once.
 */
export type SqlValue = string | number | null;

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  readonly dialect: Dialect;
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  first<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  run(sql: string, params?: readonly SqlValue[]): Promise<{ changes: number }>;
  /**
   * Run `fn` in one transaction: committed when it resolves, rolled back when it throws. Inside,
   * use only the `tx` handed in; calling `transaction` on `tx` joins the same transaction.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /**
   * Run `fn` in one read-only transaction that sees the database as of its first read, while
   * writers carry on: a backup taken during a push holds all of that push or none of it. It takes
   * no write lock, so the server is not held up. Inside, use only the `tx` handed in.
   */
  snapshot<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
