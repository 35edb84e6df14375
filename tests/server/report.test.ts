/**
 * `report` and `export steps` as a script runs them: the CLI in a child process on a store
 * filled by `demo-activity` (SQLite, and PostgreSQL when TEST_DATABASE_URL is set). The report's
 * step figures are recounted here from the rows `export steps` gives for the same period, and
 * its case counts from the store's event log and case projection, by this file's own code; the
 * keys are the documented ones (docs/adr/0011-reports.md).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../src/domain/case/events';
import type { Case } from '../../src/domain/case/reducer';
import type { GroupFigures, Report, StepRow } from '../../src/domain/report';
import { openPostgres } from '../../sync-server/db/postgres';
import { openSqlite } from '../../sync-server/db/sqlite';
import type { Db } from '../../sync-server/db/types';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

interface Target {
  name: string;
  setup(): Promise<{ env: NodeJS.ProcessEnv; open(): Db; cleanup(): Promise<void> }>;
}

const TARGETS: Target[] = [
  {
    name: 'sqlite',
    async setup() {
      const dataDir = mkdtempSync(join(tmpdir(), 'qabyldau-report-'));
      return {
        env: { DATA_DIR: dataDir },
        open: () => openSqlite(join(dataDir, 'qabyldau.db')),
        cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  },
];
const postgresUrl = process.env.TEST_DATABASE_URL;
if (postgresUrl) {
  TARGETS.push({
    name: 'postgres',
    async setup() {
      const schema = `qabyldau_report_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      await admin.query(`CREATE SCHEMA ${schema}`);
      const separator = postgresUrl.includes('?') ? '&' : '?';
      return {
        env: {
          DATABASE_URL: `${postgresUrl}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
        },
        open: () => openPostgres(postgresUrl, { schema }),
        cleanup: async () => {
          await admin.query(`DROP SCHEMA ${schema} CASCADE`);
          await admin.end();
        },
      };
    },
  });
}

async function cli(targetEnv: NodeJS.ProcessEnv, args: string[]) {
  // The tests' PIN cost: the demo's people sign in through the server, which is not what the
  // report is about.
  const env: NodeJS.ProcessEnv = { ...process.env, PIN_COST: 'low', ...targetEnv };
  if (!targetEnv.DATABASE_URL) delete env.DATABASE_URL;
  try {
    const { stdout, stderr } = await run(tsx, ['sync-server/cli.ts', ...args], {
      cwd: root,
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const GROUP_KEYS = [
  'received',
  'refusedAtIntake',
  'returned',
  'inProgress',
  'approved',
  'refused',
  'handedOut',
  'cancelled',
  'onTime',
  'stages',
  'desk',
];
const ON_TIME_KEYS = ['completed', 'onTime', 'late', 'open', 'onTimePercent'];
const ROW_KEYS = [
  'registrationNumber',
  'office',
  'service',
  'channel',
  'stepId',
  'role',
  'stage',
  'term',
  'due',
  'completedAt',
  'onTime',
  'duration',
];

/** The test's own count of rows: on time, late, open and the share in time. */
function count(rows: readonly StepRow[]) {
  const onTime = rows.filter((r) => r.onTime === true).length;
  const late = rows.filter((r) => r.onTime === false).length;
  const open = rows.filter((r) => r.completedAt === null).length;
  const completed = onTime + late;
  return {
    completed,
    onTime,
    late,
    open,
    onTimePercent: completed === 0 ? null : Math.round((onTime / completed) * 1000) / 10,
  };
}

function checkGroup(group: GroupFigures, rows: readonly StepRow[]) {
  expect(group.onTime).toEqual(count(rows));
  const stages = [...new Set(rows.map((r) => r.stage))];
  expect(group.stages.map((s) => s.stage).sort()).toEqual(stages.sort());
  for (const stage of group.stages) {
    const { stage: name, ...figures } = stage;
    expect(figures, name).toEqual(count(rows.filter((r) => r.stage === name)));
  }
}

describe.each(TARGETS)('report and export steps on $name', (target) => {
  let store: Awaited<ReturnType<Target['setup']>>;
  let from = '';
  let to = '';
  let report: Report;
  let rows: StepRow[];
  let states: Case[];
  let events: CaseEvent[];

  beforeAll(async () => {
    store = await target.setup();
    const demo = await cli(store.env, ['demo-activity', '--days', '6', '--seed', '5', '--json']);
    expect(demo.code, demo.stderr).toBe(0);
    ({ from, to } = JSON.parse(demo.stdout) as { from: string; to: string });
    const [r, e] = await Promise.all([
      cli(store.env, ['report', '--from', from, '--to', to, '--json']),
      cli(store.env, ['export', 'steps', '--from', from, '--to', to, '--json']),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(e.code, e.stderr).toBe(0);
    report = JSON.parse(r.stdout) as Report;
    rows = JSON.parse(e.stdout) as StepRow[];
    const db = store.open();
    try {
      states = (await db.all<{ state: string }>('SELECT state FROM cases')).map(
        (x) => JSON.parse(x.state) as Case,
      );
      events = (
        await db.all<{ content: string }>('SELECT content FROM events ORDER BY server_seq')
      ).map((x) => JSON.parse(x.content) as CaseEvent);
    } finally {
      await db.close();
    }
  }, 240_000);

  afterAll(async () => {
    await store?.cleanup();
  });

  it('answers with the documented keys', () => {
    expect(Object.keys(report)).toEqual([
      'from',
      'to',
      'office',
      'service',
      'total',
      'offices',
      'services',
    ]);
    expect(report).toMatchObject({ from, to, office: null, service: null });
    expect(Object.keys(report.total)).toEqual(GROUP_KEYS);
    expect(Object.keys(report.total.onTime)).toEqual(ON_TIME_KEYS);
    expect(Object.keys(report.total.desk)).toEqual([
      'measured',
      'averageSeconds',
      'worstSeconds',
      'minutes',
      'withTerm',
      'overTerm',
    ]);
    expect(Object.keys(report.offices[0] ?? {})).toEqual(['office', ...GROUP_KEYS]);
    expect(Object.keys(report.services[0] ?? {})).toEqual(['service', ...GROUP_KEYS, 'steps']);
    expect(Object.keys(report.services[0]?.steps[0] ?? {})).toEqual([
      'channel',
      'stepId',
      'role',
      'stage',
      'term',
      ...ON_TIME_KEYS,
      'averageDuration',
      'worstDuration',
    ]);
    expect(rows.length).toBeGreaterThan(50);
    for (const row of rows) expect(Object.keys(row)).toEqual(ROW_KEYS);
  });

  it('rows: a due is a date, or a date-time for a step in minutes or hours; open rows have no verdict', () => {
    for (const row of rows) {
      const isClock = row.term.unit === 'minutes' || row.term.unit === 'hours';
      expect(row.due, row.registrationNumber).toMatch(
        isClock ? /^\d{4}-\d\d-\d\dT\d\d:\d\d$/ : /^\d{4}-\d\d-\d\d$/,
      );
      expect(row.onTime === null, row.registrationNumber).toBe(row.completedAt === null);
    }
    expect(rows.some((r) => r.onTime === false)).toBe(true);
    expect(rows.some((r) => r.onTime === null)).toBe(true);
  });

  it('every step figure of the report equals the rows of export steps counted here', () => {
    checkGroup(report.total, rows);
    for (const office of report.offices) {
      checkGroup(
        office,
        rows.filter((r) => r.office === office.office),
      );
    }
    for (const service of report.services) {
      const of = rows.filter((r) => r.service === service.service);
      checkGroup(service, of);
      for (const step of service.steps) {
        const mine = of.filter((r) => r.channel === step.channel && r.stepId === step.stepId);
        const durations = mine.flatMap((r) => (r.duration === null ? [] : [r.duration]));
        expect({ ...count(mine), term: mine[0]?.term }).toEqual({
          completed: step.completed,
          onTime: step.onTime,
          late: step.late,
          open: step.open,
          onTimePercent: step.onTimePercent,
          term: step.term,
        });
        expect(step.worstDuration).toBe(durations.length ? Math.max(...durations) : null);
        const mean = durations.reduce((a, b) => a + b, 0) / durations.length;
        expect(step.averageDuration).toBe(durations.length ? Math.round(mean * 100) / 100 : null);
      }
    }
  });

  it('the case counts equal the store’s log and projection counted here (the period ends today)', () => {
    const inPeriod = (day: string) => day >= from && day <= to;
    const registered = states.filter(
      (s) => s.status !== 'refused_at_intake' && inPeriod(s.registeredAt.slice(0, 10)),
    );
    const ids = new Set(registered.map((s) => s.id));
    const withEvent = (type: CaseEvent['type']) =>
      new Set(events.filter((e) => e.type === type && ids.has(e.caseId)).map((e) => e.caseId));
    const signed = withEvent('case.signed');
    const closedRefused = withEvent('case.refused');
    expect(report.total).toMatchObject({
      received: registered.length,
      refusedAtIntake: states.filter((s) => s.status === 'refused_at_intake').length,
      returned: withEvent('case.returned').size,
      inProgress: registered.filter((s) => s.status !== 'closed' && s.status !== 'cancelled')
        .length,
      approved: registered.filter((s) => signed.has(s.id) && s.outcome === 'approved').length,
      refused: registered.filter(
        (s) => (signed.has(s.id) && s.outcome === 'refused') || closedRefused.has(s.id),
      ).length,
      handedOut: withEvent('result.handed_out').size,
      cancelled: withEvent('case.cancelled').size,
    });
    expect(report.total.received).toBeGreaterThan(20);
    // each office's and each service's cases add up to the whole
    const sum = (list: GroupFigures[]) => list.reduce((n, g) => n + g.received, 0);
    expect(sum(report.offices)).toBe(report.total.received);
    expect(sum(report.services)).toBe(report.total.received);
  });

  it('a filtered report is that office’s or service’s part of the whole', async () => {
    const office = report.offices[0];
    const service = report.services[0];
    const [byOffice, byService] = await Promise.all([
      cli(store.env, [
        'report',
        '--from',
        from,
        '--to',
        to,
        '--office',
        office?.office ?? '',
        '--json',
      ]),
      cli(store.env, [
        'report',
        '--from',
        from,
        '--to',
        to,
        '--service',
        service?.service ?? '',
        '--json',
      ]),
    ]);
    const one = JSON.parse(byOffice.stdout) as Report;
    const { office: _o, ...officeFigures } = office as Report['offices'][number];
    expect(one.office).toBe(office?.office);
    expect(one.total).toEqual(officeFigures);
    const other = JSON.parse(byService.stdout) as Report;
    const { service: _s, steps: _steps, ...serviceFigures } = service as Report['services'][number];
    expect(other.total).toEqual(serviceFigures);
  });

  it('--csv gives the same rows, a header of the keys first', async () => {
    const answer = await cli(store.env, ['export', 'steps', '--from', from, '--to', to, '--csv']);
    expect(answer.code, answer.stderr).toBe(0);
    const lines = answer.stdout.trim().split('\r\n');
    expect(lines[0]).toBe(ROW_KEYS.join(','));
    expect(lines.length - 1).toBe(rows.length);
    const first = rows[0] as StepRow;
    expect(lines[1]?.split(',')).toEqual([
      first.registrationNumber,
      first.office,
      first.service,
      first.channel,
      first.stepId,
      first.role,
      first.stage,
      `${first.term.value} ${first.term.unit}`,
      first.due,
      first.completedAt ?? '',
      first.onTime === null ? '' : String(first.onTime),
      first.duration === null ? '' : String(first.duration),
    ]);
  });

  it('wrong arguments exit 2 with the reason, an unknown office 1', async () => {
    const answers = await Promise.all([
      cli(store.env, ['report', '--from', '2026-02-30', '--to', to, '--json']),
      cli(store.env, ['report', '--from', to, '--to', from === to ? '2000-01-01' : from]),
      cli(store.env, ['report', '--to', to]),
      cli(store.env, ['export', 'cases', '--from', from, '--to', to]),
      cli(store.env, ['export', 'steps', '--from', from, '--to', to, '--json', '--csv']),
      cli(store.env, ['report', '--from', from, '--to', to, '--office', 'akt-99']),
    ]);
    expect(answers.map((a) => a.code)).toEqual([2, 2, 2, 2, 2, 1]);
    expect(answers[0]?.stderr).toContain('--from must be a date');
    expect(answers[1]?.stderr).toContain('is after --to');
    expect(answers[2]?.stderr).toContain('--from is required');
    expect(answers[3]?.stderr).toContain('only "steps"');
    expect(answers[5]?.stderr).toContain('office-unknown');
  });
});
