/**
 * Backup and restore of a working district: a store with the demo district, enrolled devices,
 * a chain of cases, a rejected event, administrator changes and a revoked device is backed up,
 * restored into a fresh store of the same kind and of the other kind (SQLite ⇄ PostgreSQL when
 * TEST_DATABASE_URL is set), and must come back equal table by table and serve the same devices:
 * tokens authenticate, pull returns the same events with the same serverSeq, and a device's next
 * event follows on. A damaged file, a newer schema or a store that already holds data are
 * refused without changing anything. The command line is tested as a child process at the end.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOW_PIN_COST } from '../../src/domain/identity/pin';
import type { ReferenceResponse } from '../../src/domain/sync/protocol';
import { buildServer } from '../../sync-server/app';
import { writeBackup } from '../../sync-server/backup/backup';
import { BackupError, type BackupHeader, type SqlRow } from '../../sync-server/backup/format';
import { checkBackup, restoreBackup } from '../../sync-server/backup/restore';
import {
  BACKUP_TABLES,
  listTables,
  MIGRATIONS_TABLE,
  tableColumns,
} from '../../sync-server/backup/tables';
import { MIGRATIONS } from '../../sync-server/db/migrations';
import { openPostgres } from '../../sync-server/db/postgres';
import { openSqlite } from '../../sync-server/db/sqlite';
import type { Db } from '../../sync-server/db/types';
import { ensureDemoDistrict } from '../../sync-server/seed/demo';
import { issueEnrollCode } from '../../sync-server/sync/enroll';
import {
  call,
  Device,
  enrollDevice,
  type Harness,
  newCaseId,
  registration,
  STORES,
  type Store,
  staffOf,
  startServer,
  TestClock,
} from './helpers';
import { legacyPinHash } from './legacy-pins';

const ADMIN = staffOf('akt-district', 'district_admin');

type Dump = Record<string, SqlRow[]>;

/** One value as both stores mean it: pg may hand 64-bit integers as bigint or numeric text. */
function normalise(value: unknown): unknown {
  if (typeof value === 'bigint') return Number(value);
  return value;
}

/** Every backed-up table, rows as plain objects with sorted keys, sorted by primary key. */
async function dump(db: Db): Promise<Dump> {
  const out: Dump = {};
  for (const { name, key } of BACKUP_TABLES) {
    const rows = await db.all<SqlRow>(`SELECT * FROM ${name}`);
    out[name] = rows
      .map(
        (row) =>
          Object.fromEntries(
            Object.keys(row)
              .sort()
              .map((k) => [k, normalise(row[k])]),
          ) as SqlRow,
      )
      // JavaScript order, not the store's collation: SQLite and PostgreSQL sort text differently.
      .sort((a, b) => {
        for (const k of key) {
          const x = a[k] ?? '';
          const y = b[k] ?? '';
          if (x !== y) return x < y ? -1 : 1;
        }
        return 0;
      });
  }
  return out;
}

const counts = (d: Dump) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k, v.length]));

/** A server on an existing store, as `main.ts` would start one after a restore. */
async function serve(db: Db, clock: TestClock): Promise<Harness> {
  const app = await buildServer({ db, clock });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    db,
    connect: () => db,
    app,
    clock,
    base: `http://127.0.0.1:${port}`,
    close: () => app.close(),
  };
}

/** What a district looks like after some weeks of work. */
interface District {
  village: Device;
  neighbour: Device;
  district: Device;
  revoked: Device;
  unusedCode: string;
  /** the village's first push, to send again */
  firstPush: unknown[];
}

async function work(h: Harness): Promise<District> {
  const village = await enrollDevice(h, 'akt-01', 'akimat');
  const neighbour = await enrollDevice(h, 'akt-02', 'akimat');
  const district = await enrollDevice(h, 'akt-district', 'district');
  const revoked = await enrollDevice(h, 'akt-03', 'akimat');
  const specialist = staffOf('akt-01', 'akimat_specialist');
  const executor = staffOf('akt-district', 'district_executor');
  const head = staffOf('akt-district', 'district_head');
  const ok = (reply: Awaited<ReturnType<Device['push']>>) =>
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);

  // Five cases go to the district in one transfer batch; three come back decided.
  const cases = Array.from({ length: 5 }, () => newCaseId());
  const batchId = newCaseId();
  const firstPush = cases.flatMap((caseId, i) => [
    village.event('case.registered', caseId, specialist, registration(i + 1)),
    village.event('batch.sent', caseId, specialist, {
      batchId,
      batchNumber: '01-T-0001',
      caseCount: cases.length,
    }),
  ]);
  ok(await village.push(firstPush));
  h.clock.advance(3_600_000);
  for (const caseId of cases.slice(0, 3)) {
    ok(
      await district.push([
        district.event('case.received', caseId, executor, { batchId }, 'akt-01'),
        district.event('case.decided', caseId, executor, { outcome: 'approved' }, 'akt-01'),
        // Only the head signs: this one is rejected and kept with its reason.
        district.event('case.signed', caseId, executor, {}, 'akt-01'),
        district.event('case.signed', caseId, head, {}, 'akt-01'),
        district.event('result.sent', caseId, executor, {}, 'akt-01'),
      ]),
    );
  }
  h.clock.advance(86_400_000);
  const handedOut = cases[0] ?? '';
  ok(
    await village.push([
      village.event('result.received', handedOut, specialist, {}),
      village.event('result.handed_out', handedOut, specialist, { recipient: 'Серікова Ә.' }),
    ]),
  );
  const neighbourStaff = staffOf('akt-02', 'akim');
  ok(
    await neighbour.push(
      [1, 2, 3].map((n) =>
        neighbour.event('case.registered', newCaseId(), neighbourStaff, registration(n)),
      ),
    ),
  );

  // The administrator's reference data: a checklist edition, next year's calendar, the acts;
  // in her session, which the backup keeps with the proof keys and a wrong PIN counted.
  const session = await district.session(ADMIN);
  expect((await village.signIn(specialist, '000000')).status).toBe(401);
  const admin = async (method: string, path: string, json?: unknown) => {
    const reply = await call(h, method, path, {
      token: district.enrollment.token,
      session,
      ...(json === undefined ? {} : { json }),
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  };
  await admin('POST', '/api/v1/admin/catalog/checklists', {
    serviceId: '003-06',
    documents: [{ id: 'application', name: { kk: 'Өтініш', ru: 'Заявление' } }],
  });
  await admin('PUT', '/api/v1/admin/calendar/2028', {
    kurbanAit: '2028-05-05',
    transfers: [{ dayOff: '2028-05-12', workDay: '2028-05-13', order: 'Үкімет қаулысы (мысал)' }],
    source: 'Үкімет қаулысы (мысал)',
  });
  await admin('PUT', '/api/v1/admin/district/acts', { actIds: ['000', '003'] });
  await admin('POST', `/api/v1/admin/devices/${revoked.id}/revoke`);

  // Devices report what they have made; one code is issued and not used yet.
  await call(h, 'GET', `/api/v1/sync/pull?cursor=0&deviceSeq=${village.seq + 2}`, {
    token: village.enrollment.token,
  });
  const unusedCode = await issueEnrollCode(h.db, 'akt-05', 'akimat', h.clock.now());
  return { village, neighbour, district, revoked, unusedCode, firstPush };
}

function rowsOf(file: string): { header: BackupHeader; rows: { table: string; row: SqlRow }[] } {
  const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
  expect(lines.at(-1)).toBe('');
  const [first = '', ...rest] = lines.slice(0, -1);
  return {
    header: JSON.parse(first) as BackupHeader,
    rows: rest.map((l) => JSON.parse(l) as { table: string; row: SqlRow }),
  };
}

/** Writes a backup file by hand: a header and row lines, gzipped (or not). */
function writeLines(file: string, lines: unknown[], gzip = true): void {
  const text = lines.map((l) => `${JSON.stringify(l)}\n`).join('');
  writeFileSync(file, gzip ? gzipSync(text) : text);
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof BackupError) return error.code;
    throw error;
  }
  throw new Error('expected the backup to be refused');
}

describe.each(STORES)('backup and restore of a $name store', (source) => {
  let h: Harness;
  let d: District;
  let dir: string;
  let file: string;
  let original: Dump;

  beforeAll(async () => {
    h = await startServer(source);
    d = await work(h);
    dir = mkdtempSync(join(tmpdir(), 'qabyldau-backup-'));
    file = join(dir, 'district.qbk.gz');
    // Another connection, as the CLI run from a timer would have.
    const conn = h.connect();
    try {
      await writeBackup(conn, file, h.clock.now());
    } finally {
      await conn.close();
    }
    original = await dump(h.db);
  });
  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('covers every table of the migrated store, parents before children', async () => {
    const names = BACKUP_TABLES.map((t) => t.name);
    const tables = (await listTables(h.db)).filter((t) => t !== MIGRATIONS_TABLE);
    // A migration that adds a table without adding it to BACKUP_TABLES fails here.
    expect(tables).toEqual([...names].sort());
    for (const { name, key } of BACKUP_TABLES) {
      expect(await tableColumns(h.db, name)).toEqual(expect.arrayContaining([...key]));
      const parents =
        h.db.dialect === 'sqlite'
          ? await h.db.all<{ parent: string }>(
              'SELECT "table" AS parent FROM pragma_foreign_key_list(?)',
              [name],
            )
          : await h.db.all<{ parent: string }>(
              `SELECT ccu.table_name AS parent
               FROM information_schema.table_constraints tc
               JOIN information_schema.constraint_column_usage ccu
                 ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
               WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()
                 AND tc.table_name = ?`,
              [name],
            );
      for (const { parent } of parents) {
        expect(names.indexOf(parent), `${name} → ${parent}`).toBeLessThan(names.indexOf(name));
      }
    }
  });

  it('writes gzip JSON lines: a header with migrations and counts, then rows table by table', () => {
    const { header, rows } = rowsOf(file);
    expect(header).toMatchObject({
      format: 'qabyldau-backup',
      version: 1,
      createdAt: h.clock.now().toISOString(),
      store: source.name,
      schemaMigrations: MIGRATIONS.map((m) => m.id),
    });
    expect(header.tables.map((t) => t.name)).toEqual(BACKUP_TABLES.map((t) => t.name));
    expect(Object.fromEntries(header.tables.map((t) => [t.name, t.rows]))).toEqual(
      counts(original),
    );
    // Rows come in header order, each with exactly the header's columns.
    const order = rows.map((r) => r.table).filter((t, i, all) => all[i - 1] !== t);
    expect(order).toEqual(header.tables.filter((t) => t.rows > 0).map((t) => t.name));
    for (const { table, row } of rows) {
      expect(Object.keys(row)).toEqual(header.tables.find((t) => t.name === table)?.columns);
    }
    expect(counts(original)).toMatchObject({ events: 27, rejected_events: 3, devices: 4 });
    expect(existsSync(`${file}.tmp`)).toBe(false);
  });

  describe.each(STORES)('restored into a fresh $name store', (target) => {
    let store: Awaited<ReturnType<Store['open']>>;
    let restored: Harness;

    beforeAll(async () => {
      store = await target.open();
      const summary = await restoreBackup(store.db, file);
      expect(summary).toEqual({ file, tables: counts(original), bytes: statSync(file).size });
      restored = await serve(store.db, new TestClock(h.clock.now()));
    });
    afterAll(async () => {
      await restored?.close();
      await store?.cleanup();
    });

    it('holds every table exactly as the source did', async () => {
      const copy = await dump(store.db);
      for (const { name } of BACKUP_TABLES) expect(copy[name], name).toEqual(original[name]);
    });

    it('authenticates the same devices and serves the same events with the same serverSeq', async () => {
      for (const device of [d.village, d.neighbour, d.district]) {
        const before = new Device(h, device.enrollment);
        const after = new Device(restored, device.enrollment);
        const expected = await before.pullAll(7);
        const got = await after.pullAll(7);
        expect(got.length).toBeGreaterThan(0);
        expect(got).toEqual(expected);
      }
      const reference = await call<ReferenceResponse>(restored, 'GET', '/api/v1/sync/reference', {
        token: d.village.enrollment.token,
      });
      expect(reference.status).toBe(200);
      expect(reference.body.catalogEditions).toHaveLength(1);
      expect(reference.body.calendarYears['2028']?.kurbanAit).toBe('2028-05-05');
      expect(reference.body.district.actIds).toEqual(['000', '003']);
    });

    it('goes on where the source stopped: next seq, duplicates, revocation, unused codes', async () => {
      // A copy of the village device on the restored server, at the same deviceSeq.
      const village = new Device(restored, d.village.enrollment);
      village.seq = d.village.seq;
      const maxSeq = Math.max(...(original.events ?? []).map((e) => Number(e.server_seq)));
      const next = await village.push([
        village.event(
          'case.registered',
          newCaseId(),
          staffOf('akt-01', 'akimat_specialist'),
          registration(9),
        ),
      ]);
      expect(next.body.results).toEqual([
        { id: expect.any(String), status: 'accepted', serverSeq: maxSeq + 1 },
      ]);
      // The same events again, as after a lost answer: duplicates with their original serverSeq.
      const resent = await village.push(d.firstPush);
      expect(resent.body.results.map((r) => r.status)).toEqual(d.firstPush.map(() => 'duplicate'));
      expect(resent.body.results.map((r) => (r.status === 'rejected' ? 0 : r.serverSeq))).toEqual(
        (original.events ?? []).slice(0, d.firstPush.length).map((e) => e.server_seq),
      );

      const gone = await call(restored, 'GET', '/api/v1/sync/pull?cursor=0', {
        token: d.revoked.enrollment.token,
      });
      expect(gone.status).toBe(401);
      expect(gone.body).toMatchObject({ error: { code: 'device-revoked' } });

      const enrolled = await call(restored, 'POST', '/api/v1/enroll', {
        json: { code: d.unusedCode },
      });
      expect(enrolled.status).toBe(200);
      expect(enrolled.body).toMatchObject({ officeId: 'akt-05', deviceNo: 1 });
    });
  });

  it('refuses a store that holds data unless forced, and then replaces all of it', async () => {
    const target = await source.open();
    try {
      await ensureDemoDistrict(target.db, h.clock.now(), process.env, LOW_PIN_COST);
      await issueEnrollCode(target.db, 'akt-09', 'akimat', h.clock.now());
      const before = await dump(target.db);
      expect(await refusal(restoreBackup(target.db, file))).toBe('store-not-empty');
      expect(await dump(target.db)).toEqual(before);

      await restoreBackup(target.db, file, { force: true });
      expect(await dump(target.db)).toEqual(original);
    } finally {
      await target.cleanup();
    }
  });

  it('refuses a truncated or damaged file and leaves the target as it was', async () => {
    const bytes = readFileSync(file);
    const text = gunzipSync(bytes).toString('utf8');
    const lines = text.split('\n').slice(0, -1);
    const header = JSON.parse(lines[0] ?? '{}') as BackupHeader;
    const variants: [string, Buffer | string, string][] = [
      ['cut gzip', bytes.subarray(0, Math.floor(bytes.length / 2)), 'backup-corrupt'],
      ['cut before gzip trailer', bytes.subarray(0, bytes.length - 4), 'backup-corrupt'],
      [
        'flipped byte',
        Buffer.from(bytes.map((b, i) => (i === Math.floor(bytes.length / 2) ? b ^ 0xff : b))),
        'backup-corrupt',
      ],
      ['last row missing', gzipSync(`${lines.slice(0, -1).join('\n')}\n`), 'backup-corrupt'],
      ['cut inside a line', gzipSync(text.slice(0, -10)), 'backup-corrupt'],
      ['an extra row', gzipSync(`${text}${lines.at(-1)}\n`), 'backup-corrupt'],
      ['not gzip', text, 'backup-corrupt'],
      ['empty', Buffer.alloc(0), 'backup-corrupt'],
      ['only a header', gzipSync(`${lines[0]}\n`), 'backup-corrupt'],
      [
        'a row with a bad value',
        gzipSync(
          `${lines
            .map((l, i) => (i === 5 ? l.replace(/"id":"[^"]*"/, '"id":{"x":1}') : l))
            .join('\n')}\n`,
        ),
        'backup-corrupt',
      ],
      [
        'a newer schema',
        gzipSync(
          [
            JSON.stringify({
              ...header,
              schemaMigrations: [...header.schemaMigrations, '9999-from-the-future'],
            }),
            ...lines.slice(1),
            '',
          ].join('\n'),
        ),
        'backup-schema-newer',
      ],
      [
        'another format version',
        gzipSync([JSON.stringify({ ...header, version: 2 }), ...lines.slice(1), ''].join('\n')),
        'backup-format',
      ],
    ];

    const empty = await source.open();
    const full = await source.open();
    try {
      await restoreBackup(full.db, file);
      const emptyBefore = await dump(empty.db);
      for (const [name, content, code] of variants) {
        const bad = join(dir, `bad-${name.replace(/\W+/g, '-')}.gz`);
        writeFileSync(bad, content);
        expect(await refusal(checkBackup(bad)), name).toBe(code);
        expect(await refusal(restoreBackup(empty.db, bad)), name).toBe(code);
        expect(await refusal(restoreBackup(full.db, bad, { force: true })), name).toBe(code);
      }
      expect(await refusal(checkBackup(join(dir, 'missing.gz')))).toBe('backup-unreadable');
      expect(await dump(empty.db)).toEqual(emptyBefore);
      expect(await dump(full.db)).toEqual(original);
    } finally {
      await empty.cleanup();
      await full.cleanup();
    }
  });

  it('restores a backup of an older schema, newer columns taking their defaults', async () => {
    // As a backup taken before migration 0003 (device health) would look.
    const { header, rows } = rowsOf(file);
    const dropped = ['last_seen_at', 'reported_seq'];
    const older: BackupHeader = {
      ...header,
      schemaMigrations: header.schemaMigrations.slice(
        0,
        header.schemaMigrations.indexOf('0003-device-health'),
      ),
      tables: header.tables.map((t) =>
        t.name === 'devices' ? { ...t, columns: t.columns.filter((c) => !dropped.includes(c)) } : t,
      ),
    };
    const oldFile = join(dir, 'older.gz');
    writeLines(oldFile, [
      older,
      ...rows.map(({ table, row }) => ({
        table,
        row:
          table === 'devices'
            ? Object.fromEntries(Object.entries(row).filter(([c]) => !dropped.includes(c)))
            : row,
      })),
    ]);
    const target = await source.open();
    try {
      await restoreBackup(target.db, oldFile);
      const copy = await dump(target.db);
      expect(copy.devices).toEqual(
        original.devices?.map((d) => ({ ...d, last_seen_at: null, reported_seq: 0 })),
      );
      expect(copy.events).toEqual(original.events);
    } finally {
      await target.cleanup();
    }
  });

  it('is one moment of the district while devices keep pushing', async () => {
    const devices = [
      { device: await enrollDevice(h, 'akt-04', 'akimat'), office: 'akt-04' },
      { device: await enrollDevice(h, 'akt-06', 'akimat'), office: 'akt-06' },
    ];
    /** Both devices push a case and its transfer at once. */
    const pushRound = (round: number) =>
      Promise.all(
        devices.map(async ({ device, office }) => {
          const caseId = newCaseId();
          const staff = staffOf(office, 'akimat_specialist');
          const reply = await device.push([
            device.event('case.registered', caseId, staff, registration(round)),
            device.event('batch.sent', caseId, staff, {
              batchId: newCaseId(),
              batchNumber: `0${round}-T`,
              caseCount: 1,
            }),
          ]);
          expect(reply.status).toBe(200);
        }),
      );
    // Each backup starts while a round of pushes is on its way, on its own connection as the
    // CLI's would be; where its snapshot falls within the round is up to the scheduler.
    const files: string[] = [];
    const conn = h.connect();
    try {
      for (let round = 0; round < 12; round++) {
        const f = join(dir, `during-${round}.gz`);
        await Promise.all([pushRound(round), writeBackup(conn, f, h.clock.now())]);
        files.push(f);
      }
    } finally {
      await conn.close();
    }

    for (const f of files) {
      const { header, rows } = rowsOf(f);
      const of = (table: string) => rows.filter((r) => r.table === table).map((r) => r.row);
      const events = of('events');
      const seqs = events.map((e) => Number(e.server_seq));
      // No hole in serverSeq, and every case and device matches the events the file holds.
      expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
      for (const c of of('cases')) {
        const last = Math.max(
          ...events.filter((e) => e.case_id === c.case_id).map((e) => Number(e.server_seq)),
        );
        expect(Number(c.last_server_seq), String(c.case_id)).toBe(last);
      }
      const made = [...events, ...of('rejected_events')];
      for (const dev of of('devices')) {
        const last = Math.max(
          0,
          ...made.filter((e) => e.device_id === dev.id).map((e) => Number(e.device_seq)),
        );
        expect(Number(dev.last_seq), String(dev.id)).toBe(last);
      }
      expect(header.tables.find((t) => t.name === 'events')?.rows).toBe(events.length);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The command line, as an administrator or a timer runs it.

const execFileP = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

async function cli(env: NodeJS.ProcessEnv, args: string[]) {
  const full: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!env.DATABASE_URL) delete full.DATABASE_URL;
  if (!env.DEMO) delete full.DEMO;
  try {
    const { stdout, stderr } = await execFileP(tsx, ['sync-server/cli.ts', ...args], {
      cwd: root,
      env: full,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const postgresUrl = process.env.TEST_DATABASE_URL;

// Each command is a fresh tsx process of a second or more; a machine busy with other suites is slower.
describe('backup and restore commands', { timeout: 90_000 }, () => {
  let dir: string;
  const dataDir = (name: string) => join(dir, name);
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'qabyldau-backup-cli-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('backs up one DATA_DIR and restores into another, refusing a second restore without --force', async () => {
    const a = { DATA_DIR: dataDir('a') };
    const b = { DATA_DIR: dataDir('b') };
    expect((await cli(a, ['enroll-code', '--office', 'akt-01', '--role', 'akimat'])).code).toBe(0);
    const file = join(dir, 'a.gz');
    const backup = await cli(a, ['backup', file, '--json']);
    expect(backup.code, backup.stderr).toBe(0);
    const summary = JSON.parse(backup.stdout) as {
      file: string;
      tables: Record<string, number>;
      bytes: number;
    };
    expect(summary).toEqual({
      file,
      tables: expect.objectContaining({ districts: 1, offices: 18, staff: 38, enroll_codes: 1 }),
      bytes: statSync(file).size,
    });
    expect(Object.keys(summary.tables)).toEqual(BACKUP_TABLES.map((t) => t.name));

    const restore = await cli(b, ['restore', file, '--json']);
    expect(restore.code, restore.stderr).toBe(0);
    expect(JSON.parse(restore.stdout)).toEqual(summary);
    const source = openSqlite(join(dataDir('a'), 'qabyldau.db'));
    const copy = openSqlite(join(dataDir('b'), 'qabyldau.db'));
    try {
      expect(await dump(copy)).toEqual(await dump(source));
    } finally {
      await source.close();
      await copy.close();
    }

    const again = await cli(b, ['restore', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('store-not-empty');
    expect(again.stderr).toContain('--force');
    const forced = await cli(b, ['restore', file, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    const total = Object.values(summary.tables).reduce((a, b) => a + b, 0);
    expect(forced.stdout).toContain(`restored ${total} rows`);
  });

  it('exits 2 on wrong arguments and 1 on a missing store, file or a damaged file', async () => {
    const a = { DATA_DIR: dataDir('a') };
    const wrong = [
      ['backup'],
      ['backup', 'one.gz', 'two.gz'],
      ['restore'],
      ['restore', 'x.gz', '--bogus'],
    ];
    const results = await Promise.all(wrong.map((args) => cli(a, args)));
    results.forEach((result, i) => {
      expect(result.code, wrong[i]?.join(' ')).toBe(2);
      expect(result.stderr).toContain('usage:');
    });
    const noStore = await cli({ DATA_DIR: dataDir('nowhere') }, ['backup', join(dir, 'n.gz')]);
    expect(noStore.code).toBe(1);
    expect(noStore.stderr).toContain('store-missing');
    expect(existsSync(dataDir('nowhere'))).toBe(false);

    const missing = await cli({ DATA_DIR: dataDir('c') }, ['restore', join(dir, 'missing.gz')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('backup-unreadable');
    const cut = join(dir, 'cut.gz');
    writeFileSync(cut, readFileSync(join(dir, 'a.gz')).subarray(0, 900));
    const damaged = await cli({ DATA_DIR: dataDir('c') }, ['restore', cut]);
    expect(damaged.code).toBe(1);
    expect(damaged.stderr).toContain('backup-corrupt');
    // Refused before the store was opened: not even an empty database was created.
    expect(existsSync(dataDir('c'))).toBe(false);

    const unwritable = await cli(a, ['backup', join(dir, 'no-such-dir', 'x.gz')]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain('backup-write-failed');
  });

  it('starts a real district with DEMO=0 from a district file in the backup format', async () => {
    const env = { DATA_DIR: dataDir('real'), DEMO: '0' };
    const offices = await cli(env, ['offices', '--json']);
    expect(offices.code).toBe(0);
    expect(JSON.parse(offices.stdout)).toEqual([]);

    // The layout docs/operations.md describes: one district, its department, one village.
    // The PINs as a release before ADR 0015 hashed them, which this build still reads.
    const pin = (p: string) => legacyPinHash(p).then((h) => JSON.stringify(h));
    const district = {
      id: 'zhana',
      name_kk: 'Жаңа аудан',
      name_ru: 'Жанинский район',
      is_demo: 0,
      act_ids: '["003","004"]',
    };
    const office = (id: string, kind: string, code: string, name: string) => ({
      id,
      district_id: 'zhana',
      kind,
      code,
      name_kk: name,
      name_ru: name,
      address_kk: 'Жаңа ауылы',
      address_ru: 'село Жана',
      phone: '87100000000',
    });
    const person = async (id: string, officeId: string, role: string, surname: string) => ({
      id,
      office_id: officeId,
      role,
      surname,
      given_name: 'Айгүл',
      patronymic: null,
      pin_hash: await pin('8431'),
      is_active: 1,
    });
    const rows = {
      districts: [district],
      offices: [
        office('zh-district', 'district', '00', 'Аудандық бөлім'),
        office('zh-01', 'akimat', '01', 'Жаңа ауылдық округі әкімінің аппараты'),
      ],
      staff: [
        await person('zh-district-admin', 'zh-district', 'district_admin', 'Сейітова'),
        await person('zh-01-specialist', 'zh-01', 'akimat_specialist', 'Омарова'),
        await person('zh-01-akim', 'zh-01', 'akim', 'Жұмабаев'),
      ],
    };
    const file = join(dir, 'zhana.qbk.gz');
    writeLines(file, [
      {
        format: 'qabyldau-backup',
        version: 1,
        createdAt: '2026-03-18T05:30:00.000Z',
        store: 'sqlite',
        schemaMigrations: MIGRATIONS.map((m) => m.id),
        tables: Object.entries(rows).map(([name, list]) => ({
          name,
          columns: Object.keys(list[0] ?? {}),
          rows: list.length,
        })),
      },
      ...Object.entries(rows).flatMap(([table, list]) => list.map((row) => ({ table, row }))),
    ]);
    const restored = await cli(env, ['restore', file]);
    expect(restored.code, restored.stderr).toBe(0);
    const code = await cli(env, ['enroll-code', '--office', 'zh-01', '--role', 'akimat', '--json']);
    expect(code.code, code.stderr).toBe(0);
    const listed = JSON.parse((await cli(env, ['offices', '--json'])).stdout) as { id: string }[];
    expect(listed.map((o) => o.id)).toEqual(['zh-district', 'zh-01']);
  });

  it.runIf(postgresUrl)('moves a district from its SQLite file to PostgreSQL', async () => {
    const url = postgresUrl ?? '';
    const schema = `qabyldau_bk_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const separator = url.includes('?') ? '&' : '?';
    const env = {
      DATABASE_URL: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    };
    const target = openPostgres(url, { schema });
    const source = openSqlite(join(dataDir('a'), 'qabyldau.db'));
    try {
      const restored = await cli(env, ['restore', join(dir, 'a.gz'), '--json']);
      expect(restored.code, restored.stderr).toBe(0);
      expect(await dump(target)).toEqual(await dump(source));
      const back = join(dir, 'from-pg.gz');
      expect((await cli(env, ['backup', back])).code).toBe(0);
      expect(rowsOf(back).header.store).toBe('postgres');
    } finally {
      await source.close();
      await target.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  });
});
