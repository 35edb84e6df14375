/**
 * `import-unsent <file> --json` and `audit --json` as a script runs them: a child process on the
 * store's own DATA_DIR (or DATABASE_URL), the same report as the admin screen's import, exactly
 * once however often the file is imported, and a file that is not one refused with exit code 1
 * and nothing changed.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/domain/admin/audit';
import type { UnsentImportReport } from '../../src/domain/admin/unsent-file';
import { deriveEventId } from '../../src/domain/case/event-id';
import type { CaseEvent } from '../../src/domain/case/events';
import { LOW_PIN_COST } from '../../src/domain/identity/pin';
import { eventProof, newProofKey } from '../../src/domain/identity/proof';
import { migrate } from '../../sync-server/db/migrations';
import { openPostgres } from '../../sync-server/db/postgres';
import { openSqlite } from '../../sync-server/db/sqlite';
import type { Db } from '../../sync-server/db/types';
import { registerProofKey } from '../../sync-server/queries/identity';
import { ensureDemoDistrict } from '../../sync-server/seed/demo';
import { enrollDevice, issueEnrollCode } from '../../sync-server/sync/enroll';
import { registration, staffOf } from './helpers';
import { unsentFile } from './unsent-files';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const postgresUrl = process.env.TEST_DATABASE_URL;

interface Target {
  name: string;
  setup(): Promise<{ env: NodeJS.ProcessEnv; db: Db; cleanup(): Promise<void> }>;
}

const TARGETS: Target[] = [
  {
    name: 'sqlite',
    async setup() {
      const dataDir = mkdtempSync(join(tmpdir(), 'qabyldau-import-'));
      const db = openSqlite(join(dataDir, 'qabyldau.db'));
      return {
        env: { DATA_DIR: dataDir },
        db,
        cleanup: async () => {
          await db.close();
          rmSync(dataDir, { recursive: true, force: true });
        },
      };
    },
  },
  ...(postgresUrl
    ? [
        {
          name: 'postgres',
          async setup() {
            const schema = `qabyldau_import_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
            const admin = new pg.Client({ connectionString: postgresUrl });
            await admin.connect();
            await admin.query(`CREATE SCHEMA ${schema}`);
            const db = openPostgres(postgresUrl, { schema });
            const separator = postgresUrl.includes('?') ? '&' : '?';
            return {
              env: {
                DATABASE_URL: `${postgresUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
              },
              db,
              cleanup: async () => {
                await db.close();
                await admin.query(`DROP SCHEMA ${schema} CASCADE`);
                await admin.end();
              },
            };
          },
        } satisfies Target,
      ]
    : []),
];

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

const SPECIALIST = staffOf('akt-01', 'akimat_specialist');

describe.each(TARGETS)('import-unsent on $name', (target) => {
  let store: Awaited<ReturnType<Target['setup']>>;
  let dir: string;
  let deviceId: string;
  const paths = { good: '', corrupt: '', other: '' };

  beforeAll(async () => {
    store = await target.setup();
    await migrate(store.db);
    const now = new Date('2026-03-18T05:30:00Z');
    await ensureDemoDistrict(store.db, now, {}, LOW_PIN_COST);
    const code = await issueEnrollCode(store.db, 'akt-01', 'akimat', now);
    deviceId = (await enrollDevice(store.db, code, now)).deviceId;
    // The specialist signed in on the device, which proved her events with her key there.
    const key = newProofKey();
    await registerProofKey(store.db, SPECIALIST, deviceId, key, now);
    const events = [1, 2]
      .map((seq): CaseEvent => {
        const deviceTime = '2026-03-18T10:30:00+05:00';
        const caseId = uuidv7();
        return {
          id: deriveEventId({
            deviceId,
            deviceSeq: seq,
            deviceTime,
            caseId,
            type: 'case.registered',
          }),
          type: 'case.registered',
          caseId,
          officeId: 'akt-01',
          deviceId,
          deviceSeq: seq,
          staffId: SPECIALIST,
          deviceTime,
          payload: registration(800 + seq),
        } as CaseEvent;
      })
      .map((event) => ({ ...event, proof: eventProof(key, event) }));
    dir = mkdtempSync(join(tmpdir(), 'qabyldau-unsent-'));
    paths.good = join(dir, 'unsent.json');
    writeFileSync(paths.good, JSON.stringify(unsentFile(deviceId, 'akt-01', events), null, 2));
    paths.corrupt = join(dir, 'corrupt.json');
    writeFileSync(paths.corrupt, '{"format": "qabyldau-unsent-events", "events": [');
    paths.other = join(dir, 'other.json');
    writeFileSync(paths.other, JSON.stringify({ format: 'qabyldau-backup', rows: [] }));
  });
  afterAll(async () => {
    await store?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const eventCount = async () =>
    Number((await store.db.first<{ n: number }>('SELECT COUNT(*) AS n FROM events'))?.n);

  it('takes the file once and reports every event with stable keys; again, all already there', async () => {
    const first = await cli(store.env, ['import-unsent', paths.good, '--json']);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as UnsentImportReport;
    expect(Object.keys(report).sort()).toEqual(
      [
        'accepted',
        'alreadyThere',
        'deviceId',
        'deviceName',
        'deviceNo',
        'events',
        'exportedAt',
        'importedAt',
        'officeId',
        'rejected',
        'total',
      ].sort(),
    );
    expect(report).toMatchObject({ deviceId, total: 2, accepted: 2, alreadyThere: 0, rejected: 0 });
    expect(report.events.map((e) => [e.deviceSeq, e.regNumber, e.status])).toEqual([
      [1, '01-1-0801', 'accepted'],
      [2, '01-1-0802', 'accepted'],
    ]);
    expect(await eventCount()).toBe(2);

    const second = await cli(store.env, ['import-unsent', paths.good, '--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ accepted: 0, alreadyThere: 2, rejected: 0 });
    expect(await eventCount()).toBe(2);
  });

  it('refuses a corrupt file or another kind of file with exit code 1, changing nothing', async () => {
    for (const path of [paths.corrupt, paths.other]) {
      const reply = await cli(store.env, ['import-unsent', path, '--json']);
      expect(reply.code).toBe(1);
      expect(reply.stderr).toContain('unsent-file-invalid');
    }
    expect((await cli(store.env, ['import-unsent', '--json'])).code).toBe(2);
    expect(await eventCount()).toBe(2);
  });

  it('audits the person who recorded them, with the device and the proof of each', async () => {
    const reply = await cli(store.env, [
      'audit',
      '--staff',
      SPECIALIST,
      '--from',
      '2026-03-01',
      '--to',
      '2026-03-31',
      '--json',
    ]);
    expect(reply.code).toBe(0);
    const page = JSON.parse(reply.stdout) as AuditPage;
    expect(page.total).toBe(2);
    expect(page.entries.map((e) => [e.regNumber, e.deviceId, e.deviceOfficeId, e.proof])).toEqual([
      ['01-1-0802', deviceId, 'akt-01', 'verified'],
      ['01-1-0801', deviceId, 'akt-01', 'verified'],
    ]);
  });
});
