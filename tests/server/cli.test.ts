/**
 * The administrator's CLI as a person or a script runs it: a child process with its own
 * DATA_DIR (or DATABASE_URL), stable JSON, clear errors with a non-zero exit.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../sync-server/db/sqlite';
import { hashEnrollCode } from '../../sync-server/secrets';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

async function cli(dataDir: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(tsx, ['sync-server/cli.ts', ...args], { cwd: root, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('cli', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'qabyldau-cli-'));
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists the demo offices of a fresh database as JSON', async () => {
    const { code, stdout } = await cli(dataDir, ['offices', '--json']);
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
    const { code, stdout } = await cli(dataDir, [
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
    const db = openSqlite(join(dataDir, 'qabyldau.db'));
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
    const mismatch = await cli(dataDir, [
      'enroll-code',
      '--office',
      'akt-01',
      '--role',
      'district',
      '--json',
    ]);
    expect(mismatch.code).not.toBe(0);
    expect(mismatch.stderr).toContain('office-mismatch');
    const unknown = await cli(dataDir, ['enroll-code', '--office', 'nowhere', '--role', 'akimat']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('office-unknown');
    const missing = await cli(dataDir, ['enroll-code', '--role', 'akimat']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--office is required');
    const badRole = await cli(dataDir, ['enroll-code', '--office', 'akt-01', '--role', 'admin']);
    expect(badRole.code).toBe(2);
    const badFlag = await cli(dataDir, ['offices', '--bogus']);
    expect(badFlag.code).toBe(2);
    const badCommand = await cli(dataDir, ['frobnicate']);
    expect(badCommand.code).toBe(2);
    expect(badCommand.stderr).toContain('unknown command');
  });
});
