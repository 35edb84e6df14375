/**
 * `backup <file>`: a consistent, portable backup of the store the server uses (DATA_DIR /
 * DATABASE_URL), safe to run while the server works — from a timer, for instance. The file
 * format is in backup/format.ts; `restore` reads it into SQLite or PostgreSQL.
 *
 * Backup and restore open the store themselves (`needsStore: false` tells the runner to stay
 * out): the runner's store commands create the demo district on an empty database, and a
 * restore needs that database empty, while a backup must only read what is there.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeBackup } from '../backup/backup';
import { BackupError, type BackupSummary } from '../backup/format';
import { openStore, storeConfigFromEnv } from '../db/open';
import type { Db } from '../db/types';
import { CommandFailure, type PureCommand, requireSinglePositional } from './command';

/** Opens the server's store without seeding it; backup errors become the CLI's exit 1. */
export async function withStore<T>(
  work: (db: Db) => Promise<T>,
  options: { mustExist: boolean },
): Promise<T> {
  const config = storeConfigFromEnv();
  const file = join(config.dataDir, 'qabyldau.db');
  // A timer with a wrong DATA_DIR would otherwise back up a new, empty database every night.
  if (options.mustExist && !config.databaseUrl && !existsSync(file)) {
    throw new CommandFailure('store-missing', `no database at ${file}: check DATA_DIR`);
  }
  const db = await openStore(config);
  try {
    return await work(db);
  } catch (error) {
    if (error instanceof BackupError) throw new CommandFailure(error.code, error.message);
    throw error;
  } finally {
    await db.close();
  }
}

export function summaryText(verb: string, summary: BackupSummary): string {
  const total = Object.values(summary.tables).reduce((a, b) => a + b, 0);
  return [
    `${verb} ${total} rows, ${summary.bytes} bytes: ${summary.file}`,
    ...Object.entries(summary.tables).map(([name, n]) => `  ${name.padEnd(18)} ${n}`),
  ].join('\n');
}

export const backupCommand: PureCommand = {
  needsStore: false,
  summary: 'write a consistent backup of the store to a gzip file (while the server runs)',
  usage: 'backup <file> [--json]',
  options: {},
  allowPositionals: true,
  async run(context) {
    const file = requireSinglePositional(context, 'file');
    const summary = await withStore((db) => writeBackup(db, file, context.now), {
      mustExist: true,
    });
    return { json: summary, text: summaryText('backed up', summary) };
  },
};
