/**
 * PostgreSQL adapter over a `pg` pool, for a region that consolidates districts and runs several
 * server instances behind a load balancer. Placeholders `?` become `$1, $2, …`; 64-bit integers
 * (serverSeq, counts) come back as numbers, safe far beyond any district's event count.
 */
import pg from 'pg';
import type { Db, SqlValue } from './types';

const INT8_OID = 20;

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format as 'text')) as pg.CustomTypesConfig['getTypeParser'],
};

export function numberPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * The numbered text of each statement seen, so a push's bulk statements (their SQL is made once
 * per size) are not rewritten on every run. SQL comes from the code, so the set is small; the
 * bound only guards against a caller that builds SQL with values in it.
 */
const numbered = new Map<string, string>();
const MAX_NUMBERED = 1000;

function numberedText(sql: string): string {
  let text = numbered.get(sql);
  if (text === undefined) {
    text = numberPlaceholders(sql);
    if (numbered.size >= MAX_NUMBERED) numbered.clear();
    numbered.set(sql, text);
  }
  return text;
}

type Queryable = Pick<pg.Pool, 'query'>;

function over(client: Queryable, transaction: Db['transaction'], snapshot: Db['snapshot']): Db {
  const query = async (sql: string, params: readonly SqlValue[] = []) =>
    client.query({ text: numberedText(sql), values: [...params], types });
  return {
    dialect: 'postgres',
    all: async <T>(sql: string, params?: readonly SqlValue[]) =>
      (await query(sql, params)).rows as T[],
    first: async <T>(sql: string, params?: readonly SqlValue[]) =>
      (await query(sql, params)).rows[0] as T | undefined,
    run: async (sql, params) => ({ changes: (await query(sql, params)).rowCount ?? 0 }),
    transaction,
    snapshot,
    close: async () => undefined,
  };
}

export interface PostgresOptions {
  /** a schema to work in (tests give each run its own); the default is the server's search_path */
  schema?: string;
}

export function openPostgres(connectionString: string, options: PostgresOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString,
    max: 10,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle client that loses its connection emits here; without a listener it would crash the
  // process. The pool replaces the client on next use.
  pool.on('error', () => undefined);

  /** One client from BEGIN to COMMIT; a nested transaction or snapshot joins it. */
  const within =
    (begin: string): Db['transaction'] =>
    async (fn) => {
      const client = await pool.connect();
      try {
        await client.query(begin);
        const join: Db['transaction'] = (inner) => inner(tx);
        const tx: Db = over(client, join, join);
        const value = await fn(tx);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    };
  const transaction = within('BEGIN');
  // REPEATABLE READ: every statement sees the snapshot of the first one, so a backup that reads
  // table after table is one moment of the district. Since pushes commit in serverSeq order
  // (db/lock.ts), that moment never holds event 8 without event 7.
  const snapshot = within('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');

  return { ...over(pool, transaction, snapshot), close: () => pool.end() };
}
