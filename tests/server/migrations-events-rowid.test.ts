/**
 * Migration 0004 on SQLite: a store made by the earlier migrations, holding events, is rebuilt so
 * that serverSeq is the rowid — every event kept with its serverSeq and content, the separate
 * serverSeq index gone, the other indexes back, and new events stored after the old ones.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate } from '../../sync-server/db/migrations';
import { openSqlite } from '../../sync-server/db/sqlite';
import type { Db } from '../../sync-server/db/types';

const BEFORE = MIGRATIONS.findIndex((m) => m.id === '0004-events-rowid');

interface Row {
  server_seq: number;
  id: string;
  type: string;
  case_id: string;
  office_id: string;
  device_id: string;
  device_seq: number;
  content: string;
  server_time: string;
}

const row = (seq: number): Row => ({
  server_seq: seq,
  id: `event-${seq}`,
  type: seq % 2 ? 'registered' : 'batch_sent',
  case_id: `case-${seq % 7}`,
  office_id: seq % 3 ? 'akt-01' : 'akt-02',
  device_id: 'device-1',
  device_seq: seq,
  content: JSON.stringify({ id: `event-${seq}`, n: seq }),
  server_time: `2026-03-18T05:30:${String(seq % 60).padStart(2, '0')}.000Z`,
});

async function insert(db: Db, rows: Row[]): Promise<void> {
  for (const r of rows) {
    await db.run(
      `INSERT INTO events (server_seq, id, type, case_id, office_id, device_id, device_seq, content, server_time)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        r.server_seq,
        r.id,
        r.type,
        r.case_id,
        r.office_id,
        r.device_id,
        r.device_seq,
        r.content,
        r.server_time,
      ],
    );
  }
}

describe('migration 0004 on sqlite: serverSeq becomes the rowid', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qabyldau-migrate-'));
    db = openSqlite(join(dir, 'qabyldau.db'));
  });
  afterEach(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every event and drops the separate serverSeq index', async () => {
    expect(BEFORE).toBeGreaterThan(0);
    await migrate(db, MIGRATIONS.slice(0, BEFORE));
    // Inserted out of order: the rebuilt table must still read back in serverSeq order.
    const rows = [5, 1, 4, 2, 3, 9_007_199_254, 6].map(row);
    await insert(db, rows);
    const autoIndexes = async () =>
      (await db.all<{ name: string }>("SELECT name FROM pragma_index_list('events')"))
        .map((i) => i.name)
        .filter((n) => n.startsWith('sqlite_autoindex'));
    // Before: one automatic index for the BIGINT primary key, one for the unique id.
    expect(await autoIndexes()).toHaveLength(2);

    expect(await migrate(db, MIGRATIONS.slice(0, BEFORE + 1))).toEqual(['0004-events-rowid']);

    const after = await db.all<Row>('SELECT * FROM events ORDER BY server_seq');
    expect(after).toEqual([...rows].sort((a, b) => a.server_seq - b.server_seq));
    expect(await autoIndexes()).toHaveLength(1);
    const rowids = await db.all<{ rid: number; server_seq: number }>(
      'SELECT rowid AS rid, server_seq FROM events',
    );
    expect(rowids).toHaveLength(rows.length);
    for (const r of rowids) expect(r.rid).toBe(r.server_seq);
    const indexes = (
      await db.all<{ name: string }>("SELECT name FROM pragma_index_list('events')")
    ).map((i) => i.name);
    expect(indexes).toEqual(expect.arrayContaining(['events_office_seq', 'events_case']));

    // The unique id still holds, and a new event goes after the old ones.
    await expect(insert(db, [{ ...row(10), id: 'event-1' }])).rejects.toThrow(/UNIQUE/);
    await insert(db, [row(9_007_199_255)]);
    const last = await db.first<{ n: number }>('SELECT MAX(server_seq) AS n FROM events');
    expect(last?.n).toBe(9_007_199_255);
  });

  it('runs once: a migrated store is left as it is', async () => {
    await migrate(db);
    await insert(db, [row(1), row(2)]);
    expect(await migrate(db)).toEqual([]);
    // Every column the rows were written with, as written; the later proof column left empty.
    const stored = await db.all<Row & { proof: string | null }>(
      'SELECT * FROM events ORDER BY server_seq',
    );
    expect(stored).toEqual([row(1), row(2)].map((r) => ({ ...r, proof: null })));
  });
});
