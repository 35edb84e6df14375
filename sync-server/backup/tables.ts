/**
 * The tables a backup carries, in the one order that respects foreign keys: a restore inserts in
 * this order and a forced restore deletes in reverse. This list is the only place that names
 * them; a migration that adds a table must add it here too (tests/server/backup.test.ts fails
 * while a table of the migrated database is missing). `schema_migrations` is not in the list: the
 * backup header names the applied migrations and a restore migrates the target itself.
 *
 * Each table is read in order of its primary key, page by page, so a district with a million
 * events is never held in memory at once. A key of two columns (a person's proof key on one
 * device) is paged by both, compared as a row value, which both stores understand.
 */
import type { Db } from '../db/types';

export interface BackupTable {
  name: string;
  /** the primary key's columns, for paging and a stable order */
  key: readonly string[];
}

export const BACKUP_TABLES: readonly BackupTable[] = [
  { name: 'districts', key: ['id'] },
  { name: 'offices', key: ['id'] },
  { name: 'staff', key: ['id'] },
  { name: 'devices', key: ['id'] },
  { name: 'enroll_codes', key: ['code_hash'] },
  { name: 'events', key: ['server_seq'] },
  { name: 'rejected_events', key: ['id'] },
  { name: 'cases', key: ['case_id'] },
  { name: 'meta', key: ['key'] },
  { name: 'catalog_editions', key: ['seq'] },
  { name: 'calendar_years', key: ['year'] },
  { name: 'status_lookups', key: ['id'] },
  { name: 'unsent_imports', key: ['id'] },
  { name: 'staff_keys', key: ['staff_id', 'device_id'] },
  { name: 'pin_failures', key: ['staff_id', 'device_id'] },
  { name: 'staff_sessions', key: ['token_hash'] },
];

/** Kept by the migrations themselves, not by a backup. */
export const MIGRATIONS_TABLE = 'schema_migrations';

/** Every table of the store (in the current schema on PostgreSQL), sorted by name. */
export async function listTables(db: Db): Promise<string[]> {
  const rows =
    db.dialect === 'sqlite'
      ? await db.all<{ name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
      : await db.all<{ name: string }>(
          `SELECT table_name AS name FROM information_schema.tables
           WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`,
        );
  return rows.map((r) => r.name).sort();
}

/** The columns of one table in declaration order (ALTER TABLE adds at the end on both stores). */
export async function tableColumns(db: Db, table: string): Promise<string[]> {
  const rows =
    db.dialect === 'sqlite'
      ? await db.all<{ name: string }>('SELECT name FROM pragma_table_info(?) ORDER BY cid', [
          table,
        ])
      : await db.all<{ name: string }>(
          `SELECT column_name AS name FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position`,
          [table],
        );
  return rows.map((r) => r.name);
}

/** `"name"`: identifiers come from this list or the store's own catalog, quoted all the same. */
export const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;
