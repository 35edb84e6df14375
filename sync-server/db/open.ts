/**
 * Chooses the store from the environment, the same way for the server and the CLI:
 * `DATABASE_URL` → PostgreSQL; otherwise SQLite at `${DATA_DIR:-./data}/qabyldau.db`.
 * Migrations run before the database is handed out.
 */
import { join } from 'node:path';
import { migrate } from './migrations';
import { openPostgres } from './postgres';
import { openSqlite } from './sqlite';
import type { Db } from './types';

export interface StoreConfig {
  databaseUrl?: string;
  dataDir: string;
}

export function storeConfigFromEnv(env: NodeJS.ProcessEnv = process.env): StoreConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.DATA_DIR || './data',
  };
}

export function describeStore(config: StoreConfig): string {
  return config.databaseUrl
    ? 'PostgreSQL (DATABASE_URL)'
    : `SQLite ${join(config.dataDir, 'qabyldau.db')}`;
}

export async function openStore(config: StoreConfig): Promise<Db> {
  const db = config.databaseUrl
    ? openPostgres(config.databaseUrl)
    : openSqlite(join(config.dataDir, 'qabyldau.db'), { checkpointInWorker: true });
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
