/**
 * The administrator's CLI as a person or a script runs it: a child process with its own
 * DATA_DIR (or DATABASE_URL), stable JSON, clear errors with a non-zero exit.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgres } from '../../sync-server/db/postgres';
import { openSqlite } from '../../sync-server/db/sqlite';
import type { Db } from '../../sync-server/db/types';
import { hashEnrollCode } from '../../sync-server/secrets';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

interface Target {
  name: string;
  setup(): Promise<{ env: NodeJS.ProcessEnv; open(): Db; cleanup(): Promise<void> }>;
}

const sqliteTarget: Target = {
  name: 'sqlite',
  async setup() {
    const dataDir = mkdtempSync(join(tmpdir(), 'qabyldau-cli-'));
    return {
      env: { DATA_DIR: dataDir },
      open: () => openSqlite(join(dataDir, 'qabyldau.db')),
      cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  },
};

const postgresUrl = process.env.TEST_DATABASE_URL;

/** The CLI reads only DATABASE_URL, so the test's schema travels in the URL's `options`. */
const postgresTarget: Target = {
  name: 'postgres',
  async setup() {
    const url = postgresUrl ?? '';
    const schema = `qabyldau_cli_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const separator = url.includes('?') ? '&' : '?';
    return {
      env: {
        DATABASE_URL: `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      },
      open: () => openPostgres(url, { schema }),
      cleanup: async () => {
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    };
  },
};

const TARGETS = postgresUrl ? [sqliteTarget, postgresTarget] : [sqliteTarget];

async function cli(targetEnv: NodeJS.ProcessEnv, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, ...targetEnv };
  if (!targetEnv.DATABASE_URL) delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(tsx, ['sync-server/cli.ts', ...args], { cwd: root, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe.each(TARGETS)('cli on $name', (target) => {
  let store: Awaited<ReturnType<Target['setup']>>;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    store = await target.setup();
    env = store.env;
  });
  afterAll(async () => {
    await store.cleanup();
  });

  it('lists the demo offices of a fresh database as JSON', async () => {
    const { code, stdout } = await cli(env, ['offices', '--json']);
    expect(code).toBe(0);
    const offices = JSON.parse(stdout) as { id: string; kind: string; code: string }[];
    expect(offices).toHaveLength(18);
    expect(offices[0]).toEqual({
      id: 'akt-district',
      kind: 'district',
      code: '00',
      name: {
        kk: 'Ақтоғай ауданының жұмыспен қамту және әлеуметтік бағдарламалар бөлімі',
        ru: 'Отдел занятости и социальных программ Актогайского района',
      },
      address: {
        kk: '100200, Қарағанды облысы, Ақтоғай ауданы, Ақтоғай селосы, Бөкейхан көшесі 7',
        ru: '100200, Карагандинская область, Актогайский район, село Актогай, улица Бокейхана, 7',
      },
      phone: '8 (71037) 21416',
    });
    expect(offices.find((o) => o.id === 'akt-02')).toMatchObject({
      kind: 'akimat',
      code: '02',
      name: {
        kk: 'Абай ауылдық округі әкімінің аппараты',
        ru: 'Аппарат акима Абайского сельского округа',
      },
      address: { kk: 'Қарағанды облысы, Ақтоғай ауданы, Абай селолық округі, Абай көшесі 8' },
      phone: '87104123543',
    });
    expect(offices.map((o) => o.id).slice(1)).toEqual(
      Array.from({ length: 17 }, (_, i) => `akt-${String(i + 1).padStart(2, '0')}`),
    );
  });

  it('issues a one-time code that is stored hashed', async () => {
    const { code, stdout } = await cli(env, [
      'enroll-code',
      '--office',
      'akt-01',
      '--role',
      'akimat',
      '--json',
    ]);
    expect(code).toBe(0);
    const issued = JSON.parse(stdout) as { code: string };
    expect(issued.code).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}$/);
    const db = store.open();
    const row = await db.first<{ office_id: string }>(
      'SELECT office_id FROM enroll_codes WHERE code_hash = ?',
      [hashEnrollCode(issued.code)],
    );
    const plain = await db.first('SELECT 1 FROM enroll_codes WHERE code_hash = ?', [issued.code]);
    await db.close();
    expect(row?.office_id).toBe('akt-01');
    expect(plain).toBeUndefined();
  });

  it('fails clearly on bad arguments', async () => {
    const mismatch = await cli(env, [
      'enroll-code',
      '--office',
      'akt-01',
      '--role',
      'district',
      '--json',
    ]);
    expect(mismatch.code).not.toBe(0);
    expect(mismatch.stderr).toContain('office-mismatch');
    const unknown = await cli(env, ['enroll-code', '--office', 'nowhere', '--role', 'akimat']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('office-unknown');
    const missing = await cli(env, ['enroll-code', '--role', 'akimat']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--office is required');
    const badRole = await cli(env, ['enroll-code', '--office', 'akt-01', '--role', 'admin']);
    expect(badRole.code).toBe(2);
    const badFlag = await cli(env, ['offices', '--bogus']);
    expect(badFlag.code).toBe(2);
    const badCommand = await cli(env, ['frobnicate']);
    expect(badCommand.code).toBe(2);
    expect(badCommand.stderr).toContain('unknown command');
  });
});
