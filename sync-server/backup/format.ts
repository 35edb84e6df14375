/**
 * The backup file: gzip (node:zlib) over JSON lines, the same for SQLite and PostgreSQL, so a
 * backup of one store restores into the other (how a district moves to a regional PostgreSQL).
 *
 *   line 1    {"format":"qabyldau-backup","version":1,"createdAt":…,"store":"sqlite",
 *              "schemaMigrations":["0001-sync-log",…],
 *              "tables":[{"name":"districts","columns":[…],"rows":1},…]}
 *   then      {"table":"districts","row":{"id":"aktogay",…}}   one line per row, table after
 *             table in the header's order (which is BACKUP_TABLES' foreign-key order)
 *
 * Values are what both stores hold: text, integers, null. The header's row counts come from the
 * same snapshot as the rows, so a file that ends early — cut by a full disk or a copy that
 * stopped — is caught by the count even where gzip's own end check could not be. Reading checks
 * everything before a caller sees a row: format, version, migrations this build knows, table and
 * column names, value types, order and counts.
 *
 * Files are written to `<file>.tmp`, flushed to disk, then renamed: a crash never leaves a half
 * backup under the real name, and the previous backup there stays intact until the new one is
 * complete.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import { MIGRATIONS } from '../db/migrations';
import type { Dialect, SqlValue } from '../db/types';
import { BACKUP_TABLES } from './tables';

export const BACKUP_FORMAT = 'qabyldau-backup';
export const BACKUP_VERSION = 1;

export interface BackupTableHeader {
  name: string;
  columns: string[];
  rows: number;
}

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  /** the store the backup was taken from; informative, a restore goes into either */
  store: Dialect;
  schemaMigrations: string[];
  tables: BackupTableHeader[];
}

export type SqlRow = Record<string, SqlValue>;

/** What a backup or restore reports: `--json` prints exactly this. */
export interface BackupSummary {
  file: string;
  tables: Record<string, number>;
  bytes: number;
}

/** A backup or restore that cannot go on; `code` is printed, the CLI exits with 1. */
export class BackupError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const rowLine = (table: string, row: SqlRow): string =>
  `${JSON.stringify({ table, row })}\n`;

/**
 * Writes the lines gzip-compressed to `<file>.tmp`, syncs, and renames over `file`.
 * Returns the size of the file written.
 */
export async function writeGzipLines(file: string, lines: AsyncIterable<string>): Promise<number> {
  const tmp = `${file}.tmp`;
  try {
    // `flush`: the data reaches the disk before the file is closed, so a power cut after the
    // rename cannot leave the new name on empty blocks.
    await pipeline(Readable.from(lines), createGzip(), createWriteStream(tmp, { flush: true }));
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  await syncDirectory(dirname(file));
  return (await stat(file)).size;
}

/** Makes the rename itself durable; some file systems refuse to sync a directory, harmlessly. */
async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // The file's own data is already on disk; only the name might be lost on a crash.
  }
}

/** Rows handed to the caller per call: enough to insert in few statements, little memory. */
const ROW_BATCH = 500;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isSqlValue = (value: unknown): value is SqlValue =>
  value === null ||
  typeof value === 'string' ||
  (typeof value === 'number' && Number.isFinite(value));

const corrupt = (message: string) => new BackupError('backup-corrupt', message);

/** The header as written by `backup`, or an error saying what is wrong with it. */
export function checkHeader(value: unknown): BackupHeader {
  if (!isRecord(value) || value.format !== BACKUP_FORMAT) {
    throw new BackupError('backup-format', 'not a Qabyldau backup (no qabyldau-backup header)');
  }
  if (value.version !== BACKUP_VERSION) {
    throw new BackupError(
      'backup-format',
      `backup format version ${String(value.version)} is not known to this build (it reads version ${BACKUP_VERSION}); use the build that wrote it or a newer one`,
    );
  }
  const { createdAt, store, schemaMigrations, tables } = value;
  if (typeof createdAt !== 'string' || (store !== 'sqlite' && store !== 'postgres')) {
    throw corrupt('header lacks createdAt or store');
  }
  if (!Array.isArray(schemaMigrations) || !schemaMigrations.every((m) => typeof m === 'string')) {
    throw corrupt('header lacks schemaMigrations');
  }
  checkMigrations(schemaMigrations);
  if (!Array.isArray(tables)) throw corrupt('header lacks tables');

  const order = BACKUP_TABLES.map((t) => t.name);
  let previous = -1;
  const checked: BackupTableHeader[] = [];
  for (const table of tables) {
    if (!isRecord(table) || typeof table.name !== 'string') throw corrupt('a table without name');
    const position = order.indexOf(table.name);
    if (position < 0) throw corrupt(`table ${table.name} is not one this build restores`);
    // Foreign-key order is what makes the restore's inserts valid; a reordered header is not ours.
    if (position <= previous) throw corrupt(`table ${table.name} is out of order or repeated`);
    previous = position;
    const { columns, rows } = table;
    if (
      !Array.isArray(columns) ||
      columns.length === 0 ||
      !columns.every((c) => typeof c === 'string') ||
      new Set(columns).size !== columns.length
    ) {
      throw corrupt(`table ${table.name}: bad column list`);
    }
    for (const key of BACKUP_TABLES[position]?.key ?? []) {
      if (!columns.includes(key)) throw corrupt(`table ${table.name}: no ${key} column`);
    }
    if (typeof rows !== 'number' || !Number.isSafeInteger(rows) || rows < 0) {
      throw corrupt(`table ${table.name}: bad row count`);
    }
    checked.push({ name: table.name, columns: columns as string[], rows });
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt,
    store,
    schemaMigrations: schemaMigrations as string[],
    tables: checked,
  };
}

/**
 * A backup from this build or an older one: its migrations are the first ones of this build's
 * list. One from a newer build may hold tables and columns this build does not know.
 */
export function checkMigrations(applied: readonly string[]): void {
  const known = MIGRATIONS.map((m) => m.id);
  const unknown = applied.filter((id) => !known.includes(id));
  if (unknown.length > 0) {
    throw new BackupError(
      'backup-schema-newer',
      `the backup's schema is newer than this build (unknown migrations: ${unknown.join(', ')}); restore it with the build that made it or a newer one`,
    );
  }
  if (applied.some((id, i) => known[i] !== id)) {
    throw corrupt(`schema migrations ${applied.join(', ')} are not in this build's order`);
  }
}

/** The gzip-decoded lines of a file, a line at a time; a truncated or damaged gzip throws. */
async function* readLines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      rest += decoder.write(chunk);
      let end = rest.indexOf('\n');
      while (end >= 0) {
        yield rest.slice(0, end);
        rest = rest.slice(end + 1);
        end = rest.indexOf('\n');
      }
    }
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  rest += decoder.end();
  // Every line the writer makes ends with a newline; text after the last one is a cut line.
  if (rest !== '') throw corrupt('the file ends inside a line');
}

function parseLine(line: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw corrupt(`line ${number} is not JSON`);
  }
}

export interface BackupVisitor {
  /** the checked header, before any row */
  header?(header: BackupHeader): Promise<void>;
  /** rows of one table, in batches, in file order */
  rows?(table: BackupTableHeader, rows: SqlRow[]): Promise<void>;
}

/**
 * Reads the whole file and checks it, handing the header and then the rows to `visit`. Returns
 * the header once every row has been read and counted. Any problem throws a BackupError; when a
 * caller inserts inside a transaction, the throw rolls the inserts back.
 */
export async function scanBackup(file: string, visit: BackupVisitor = {}): Promise<BackupHeader> {
  let header: BackupHeader | undefined;
  let tableIndex = 0;
  let seen = 0;
  let batch: SqlRow[] = [];
  let lineNo = 0;

  const flush = async (table: BackupTableHeader) => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await visit.rows?.(table, rows);
  };

  try {
    for await (const line of readLines(file)) {
      lineNo += 1;
      const value = parseLine(line, lineNo);
      if (!header) {
        header = checkHeader(value);
        await visit.header?.(header);
        continue;
      }
      if (!isRecord(value) || typeof value.table !== 'string' || !isRecord(value.row)) {
        throw corrupt(`line ${lineNo} is not a table row`);
      }
      // Tables whose rows are all read (and empty ones) are passed over in header order.
      let table = header.tables[tableIndex];
      while (table && seen === table.rows) {
        await flush(table);
        tableIndex += 1;
        seen = 0;
        table = header.tables[tableIndex];
      }
      if (!table) throw corrupt(`line ${lineNo}: more rows than the header counts`);
      if (value.table !== table.name) {
        throw corrupt(`line ${lineNo}: a row of ${value.table} where ${table.name} was expected`);
      }
      const row = value.row;
      const keys = Object.keys(row);
      if (keys.length !== table.columns.length || !table.columns.every((c) => c in row)) {
        throw corrupt(
          `line ${lineNo}: the row's columns differ from the header's for ${table.name}`,
        );
      }
      for (const column of table.columns) {
        if (!isSqlValue(row[column])) {
          throw corrupt(`line ${lineNo}: ${table.name}.${column} is not text, a number or null`);
        }
      }
      batch.push(row as SqlRow);
      seen += 1;
      if (batch.length >= ROW_BATCH) await flush(table);
    }
  } catch (error) {
    if (error instanceof BackupError) throw error;
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      throw new BackupError('backup-unreadable', `cannot read ${file}: ${message}`);
    }
    if (typeof code === 'string' && code.startsWith('Z_')) {
      throw corrupt(`not a complete gzip file (${message})`);
    }
    throw error;
  }

  if (!header) throw corrupt('the file is empty');
  const table = header.tables[tableIndex];
  if (table) await flush(table);
  // What is left must be fully read: the current table, and every later one empty.
  const short = header.tables
    .slice(tableIndex)
    .map((t, i) => ({ name: t.name, expected: t.rows, got: i === 0 ? seen : 0 }))
    .filter((t) => t.got !== t.expected);
  if (short.length > 0) {
    const list = short.map((t) => `${t.name} ${t.got} of ${t.expected}`).join(', ');
    throw corrupt(`the file ends early: rows read ${list}`);
  }
  return header;
}
