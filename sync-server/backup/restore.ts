/**
 * Restores a backup (format.ts) into a migrated store, SQLite or PostgreSQL alike, whichever
 * store the backup came from.
 *
 * The file is read twice: `checkBackup` reads it whole before the store is even opened, so a
 * damaged file is refused without touching anything; `restoreBackup` then inserts every row in
 * one transaction, checking the file again as it goes and the row counts at the end. Any problem
 * rolls the whole restore back, so the target holds either the entire backup or what it held.
 *
 * A restore fills an empty store. Into a store that holds anything it goes only with `force`,
 * and then it replaces everything there: a district is never a mix of two moments.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { lockSyncWrites } from '../db/lock';
import type { Db } from '../db/types';
import {
  BackupError,
  type BackupHeader,
  type BackupSummary,
  type BackupTableHeader,
  type SqlRow,
  scanBackup,
} from './format';
import { BACKUP_TABLES, quote, tableColumns } from './tables';

/** Reads and checks the whole file without opening any store; answers its header. */
export function checkBackup(file: string): Promise<BackupHeader> {
  return scanBackup(resolve(file));
}

/** Bound parameters per INSERT, well under both stores' limits. */
const MAX_PARAMS = 900;

async function rowCounts(tx: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { name } of BACKUP_TABLES) {
    const row = await tx.first<{ n: number }>(`SELECT COUNT(*) AS n FROM ${quote(name)}`);
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

/** Every column the backup holds must exist here; newer columns take their defaults. */
async function checkColumns(tx: Db, header: BackupHeader): Promise<void> {
  for (const table of header.tables) {
    const here = await tableColumns(tx, table.name);
    const missing = table.columns.filter((c) => !here.includes(c));
    if (missing.length > 0) {
      throw new BackupError(
        'backup-schema-mismatch',
        `table ${table.name} has no column ${missing.join(', ')} in this store`,
      );
    }
  }
}

async function insertRows(tx: Db, table: BackupTableHeader, rows: SqlRow[]): Promise<void> {
  const columns = table.columns;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const into = `INSERT INTO ${quote(table.name)} (${columns.map(quote).join(', ')}) VALUES `;
  for (let i = 0; i < rows.length; i += perStatement) {
    const chunk = rows.slice(i, i + perStatement);
    const params = chunk.flatMap((row) => columns.map((c) => row[c] ?? null));
    try {
      await tx.run(into + chunk.map(() => tuple).join(', '), params);
    } catch (error) {
      // A duplicate key or a broken reference: the file is not one consistent district.
      throw new BackupError(
        'restore-failed',
        `cannot insert into ${table.name}: ${(error as Error).message}`,
      );
    }
  }
}

export interface RestoreOptions {
  /** replace whatever the store holds instead of refusing */
  force?: boolean;
}

/** Restores `file` into `db` in one transaction; answers the row counts now in the store. */
export async function restoreBackup(
  db: Db,
  file: string,
  options: RestoreOptions = {},
): Promise<BackupSummary> {
  const source = resolve(file);
  const tables = await db.transaction(async (tx) => {
    // A server running on this store waits for the restore rather than push into its middle.
    await lockSyncWrites(tx);
    const before = await rowCounts(tx);
    const held = Object.entries(before).filter(([, n]) => n > 0);
    if (held.length > 0 && !options.force) {
      const list = held.map(([name, n]) => `${name} ${n}`).join(', ');
      throw new BackupError(
        'store-not-empty',
        `the store already holds data (${list}); restore fills an empty store only — --force replaces everything in it`,
      );
    }
    // Children before parents, so foreign keys hold at every statement.
    for (const { name } of [...BACKUP_TABLES].reverse()) await tx.run(`DELETE FROM ${quote(name)}`);

    const header = await scanBackup(source, {
      header: (h) => checkColumns(tx, h),
      rows: (table, rows) => insertRows(tx, table, rows),
    });

    const after = await rowCounts(tx);
    const expected = Object.fromEntries(header.tables.map((t) => [t.name, t.rows]));
    const wrong = BACKUP_TABLES.filter(({ name }) => after[name] !== (expected[name] ?? 0));
    if (wrong.length > 0) {
      const list = wrong
        .map(({ name }) => `${name} ${after[name]} of ${expected[name] ?? 0}`)
        .join(', ');
      throw new BackupError('restore-count-mismatch', `rows after restore differ: ${list}`);
    }
    return after;
  });
  return { file: source, tables, bytes: (await stat(source)).size };
}
