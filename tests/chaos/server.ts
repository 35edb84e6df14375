/**
 * The district server as the chaos run sees it: the real `sync-server/main.ts` in a child
 * process (tests/support/server-process.ts), on a fixed port behind the proxy, on SQLite in a
 * temporary DATA_DIR or on PostgreSQL in a schema of its own. The administrator's CLI issues enrollment codes against the same
 * store, and the verifier opens the store directly to read what was really committed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPostgres } from '../../sync-server/db/postgres';
import { openSqlite } from '../../sync-server/db/sqlite';
import type { Db } from '../../sync-server/db/types';
import { DistrictServer } from '../support/server-process';

export { freePort } from '../support/server-process';

/** Where the server keeps its data for one run, and how to read it afterwards. */
export interface ChaosStore {
  name: 'sqlite' | 'postgres';
  /** environment for the server and the CLI */
  env: Record<string, string>;
  /** a direct connection for verification */
  open(): Db;
  dispose(): Promise<void>;
}

export function sqliteStore(): ChaosStore {
  const dataDir = mkdtempSync(join(tmpdir(), 'qabyldau-chaos-'));
  return {
    name: 'sqlite',
    env: { DATA_DIR: dataDir },
    open: () => openSqlite(join(dataDir, 'qabyldau.db')),
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A fresh schema on the given PostgreSQL server. The server reads only DATABASE_URL, so the
 * schema travels in the URL as the connection's `options` (`-c search_path=…`), which `pg`
 * passes to PostgreSQL at startup.
 */
export async function postgresStore(baseUrl: string, tag: string): Promise<ChaosStore> {
  const schema = `chaos_${tag}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  const url = new URL(baseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'qabyldau-chaos-'));
  return {
    name: 'postgres',
    env: { DATABASE_URL: url.toString(), DATA_DIR: dataDir },
    open: () => openPostgres(baseUrl, { schema }),
    async dispose() {
      rmSync(dataDir, { recursive: true, force: true });
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

/**
 * The server of a chaos run: the sources under tsx (the chaos suite runs before the build), on
 * the run's store, at the tests' PIN cost (`PIN_COST=low`, taken under `NODE_ENV=test`): every
 * device signs two or three people in through it, and the standard cost would spend a minute of
 * the two cores on Argon2id before the storm.
 */
export class ServerChild extends DistrictServer {
  constructor(port: number, store: ChaosStore) {
    super({ port, env: { ...store.env, PIN_COST: 'low', NODE_ENV: 'test' }, mode: 'source' });
  }
}
