/**
 * Takes a backup of a store (format.ts) while the server keeps working. Everything — the applied
 * migrations, the row counts and the rows — is read inside one snapshot (`Db.snapshot`), so a
 * push committing meanwhile is in the backup entirely or not at all, and serverSeq has no holes:
 * restoring the file gives devices a server they can pull from without missing an event.
 */
import { resolve } from 'node:path';
import { MIGRATIONS } from '../db/migrations';
import type { Db, SqlValue } from '../db/types';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupError,
  type BackupHeader,
  type BackupSummary,
  type BackupTableHeader,
  rowLine,
  type SqlRow,
  writeGzipLines,
} from './format';
import { BACKUP_TABLES, quote, tableColumns } from './tables';

/** Rows per query: a page of events is a few hundred kilobytes at most. */
const PAGE = 1000;

async function appliedMigrations(tx: Db): Promise<string[]> {
  const rows = await tx.all<{ id: string }>('SELECT id FROM schema_migrations');
  const applied = new Set(rows.map((r) => r.id));
  const known = MIGRATIONS.map((m) => m.id);
  const unknown = [...applied].filter((id) => !known.includes(id)).sort();
  // A newer build has migrated this store: it may hold tables this build would leave out.
  if (unknown.length > 0) {
    throw new BackupError(
      'backup-schema-newer',
      `the store's schema is newer than this build (unknown migrations: ${unknown.join(', ')}); back up with the build that runs the server`,
    );
  }
  return known.filter((id) => applied.has(id));
}

/** The rows of one table in key order, a page per query, all inside the caller's snapshot. */
async function* tableLines(
  tx: Db,
  table: BackupTableHeader,
  key: readonly string[],
): AsyncGenerator<string> {
  const select = `SELECT ${table.columns.map(quote).join(', ')} FROM ${quote(table.name)}`;
  const order = `ORDER BY ${key.map(quote).join(', ')} LIMIT ${PAGE}`;
  // One column compares as itself, two as a row value: `(a, b) > (?, ?)` on both stores.
  const after =
    key.length === 1
      ? `${quote(key[0] ?? '')} > ?`
      : `(${key.map(quote).join(', ')}) > (${key.map(() => '?').join(', ')})`;
  let last: SqlValue[] | undefined;
  for (;;) {
    const rows: SqlRow[] =
      last === undefined
        ? await tx.all<SqlRow>(`${select} ${order}`)
        : await tx.all<SqlRow>(`${select} WHERE ${after} ${order}`, last);
    for (const row of rows) yield rowLine(table.name, row);
    if (rows.length < PAGE) return;
    const lastRow = rows.at(-1);
    last = key.map((column) => lastRow?.[column] ?? null);
  }
}

async function* backupLines(tx: Db, header: BackupHeader): AsyncGenerator<string> {
  yield `${JSON.stringify(header)}\n`;
  for (const table of header.tables) {
    const key = BACKUP_TABLES.find((t) => t.name === table.name)?.key ?? [];
    yield* tableLines(tx, table, key);
  }
}

/** Writes a backup of `db` to `file` (via `<file>.tmp`); answers what it holds. */
export async function writeBackup(db: Db, file: string, now: Date): Promise<BackupSummary> {
  const target = resolve(file);
  return db.snapshot(async (tx) => {
    const schemaMigrations = await appliedMigrations(tx);
    const tables: BackupTableHeader[] = [];
    for (const { name } of BACKUP_TABLES) {
      const columns = await tableColumns(tx, name);
      const count = await tx.first<{ n: number }>(`SELECT COUNT(*) AS n FROM ${quote(name)}`);
      tables.push({ name, columns, rows: Number(count?.n ?? 0) });
    }
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: now.toISOString(),
      store: tx.dialect,
      schemaMigrations,
      tables,
    };
    let bytes: number;
    try {
      bytes = await writeGzipLines(target, backupLines(tx, header));
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
        throw new BackupError('backup-write-failed', `cannot write ${target}: ${message}`);
      }
      throw error;
    }
    return {
      file: target,
      tables: Object.fromEntries(tables.map((t) => [t.name, t.rows])),
      bytes,
    };
  });
}
