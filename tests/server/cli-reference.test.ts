/**
 * The CLI's reference commands (catalog, calendar, deadline, iin, bin) as an administrator or a
 * script runs them: a child process, stable JSON, exit 2 for wrong arguments and 1 for a failed
 * command. They answer from the domain alone, so every run here points DATA_DIR at a directory
 * that does not exist and checks at the end that none of them created it.
 */

import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { controlDigit } from '../../src/domain/iin';
import { cliHarness } from '../support/cli';

const { cli, dataDir } = cliHarness('cli-ref');

async function cliJson<T>(args: string[]): Promise<T> {
  const { code, stdout, stderr } = await cli([...args, '--json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as T;
}

/** A number with a correct check digit (and one with a wrong one) from its first eleven digits. */
function withCheckDigit(first11: string): { valid: string; wrong: string } {
  const digit = controlDigit(first11);
  if (digit === null) throw new Error(`${first11}: no number is issued with these digits`);
  return { valid: `${first11}${digit}`, wrong: `${first11}${(digit + 1) % 10}` };
}

interface Duration {
  value: number;
  unit: string;
}

interface CatalogEntry {
  id: string;
  act: { issuer: { kk: string; ru: string }; number: string; date: string; seed: string };
  name: { kk: string; ru: string };
  deleted: boolean;
  channels: Record<
    string,
    {
      steps: { role: string; action: { kk: string; ru: string }; duration: Duration }[];
      total: (Duration & { stated: boolean }) | null;
    }
  >;
}

interface CalendarJson {
  year: number;
  nonWorkingDays: string[];
  workedWeekendDays: string[];
  workingDaysByMonth: number[];
}

interface DeadlineJson {
  stages: {
    stepId: string;
    role: string;
    action: { kk: string; ru: string };
    duration: Duration;
    due: string;
    isDone: boolean;
  }[];
  resultDue: string;
}

describe('catalog', () => {
  it('lists every service with its act, names and channel steps', async () => {
    const catalog = await cliJson<CatalogEntry[]>(['catalog']);
    expect(catalog).toHaveLength(36);
    expect(new Set(catalog.map((s) => s.id)).size).toBe(36);

    const service = catalog.find((s) => s.id === '003-06');
    expect(service?.act).toEqual({
      issuer: { kk: 'Маңғыстау облысы әкімдігі', ru: 'Акимат Мангистауской области' },
      number: '74',
      date: '2014-04-21',
      seed: '003_051d4fcbe1fd319b.txt',
    });
    expect(service?.deleted).toBe(false);
    const akim = service?.channels.akim;
    expect(akim?.steps.map((s) => s.duration)).toEqual(
      [13, 5, 1, 2, 1].map((value) => ({ value, unit: 'working_days' })),
    );
    expect(akim?.steps[0]?.role).toBe('akimat_specialist');
    expect(akim?.steps[0]?.action.kk).not.toBe('');
    expect(akim?.steps[0]?.action.ru).not.toBe('');
    expect(akim?.total).toEqual({ value: 22, unit: 'working_days', stated: false });

    // Every channel has the same keys: a missing total is null, never absent.
    for (const entry of catalog) {
      for (const channel of Object.values(entry.channels)) {
        expect(Object.keys(channel).sort()).toEqual(['steps', 'total']);
      }
    }
    expect(catalog.some((s) => s.deleted)).toBe(true);
  });

  it('prints a table for people', async () => {
    const { code, stdout } = await cli(['catalog']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^003-06 {2}provider,pso,akim +Он сегіз жасқа/m);
  });
});

describe('calendar', () => {
  it('gives the weekdays off and the working days of 2026', async () => {
    const year = await cliJson<CalendarJson>(['calendar', '--year', '2026']);
    expect(year.year).toBe(2026);
    // Nauryz 21–23 March 2026 falls on Saturday–Monday; the carry-overs take 24 and 25 March.
    expect(year.nonWorkingDays).toContain('2026-03-23');
    expect(year.workingDaysByMonth).toHaveLength(12);
    expect(year.workingDaysByMonth.reduce((sum, n) => sum + n, 0)).toBe(246);
    expect(year.workedWeekendDays).toEqual([]);
  });

  it('lists the Saturday worked by the 2024 transfer order', async () => {
    const year = await cliJson<CalendarJson>(['calendar', '--year', '2024']);
    expect(year.workedWeekendDays).toContain('2024-05-04');
  });

  it('refuses a missing or malformed year', async () => {
    const results = await Promise.all([
      cli(['calendar', '--json']),
      cli(['calendar', '--year', '26']),
      cli(['calendar', '--year', 'next']),
      cli(['calendar', '--year', '2012']),
    ]);
    expect(results.map((r) => r.code)).toEqual([2, 2, 2, 2]);
    expect(results[0]?.stderr).toContain('--year is required');
    expect(results[1]?.stderr).toContain('--year must be a year');
  });
});

describe('deadline', () => {
  const base = ['deadline', '--service', '003-06', '--channel', 'akim'];

  it("counts each step's due and the talon's result date", async () => {
    const plan = await cliJson<DeadlineJson>([...base, '--registered', '2026-03-18T10:30']);
    expect(plan.resultDue).toBe('2026-04-22');
    expect(plan.stages.map((s) => s.stepId)).toEqual([
      'register_forward',
      'review',
      'sign',
      'return',
      'handout',
    ]);
    expect(plan.stages[0]).toMatchObject({
      role: 'akimat_specialist',
      duration: { value: 13, unit: 'working_days' },
      due: '2026-04-09',
    });
    expect(plan.stages.at(-1)?.due).toBe('2026-04-22');
    expect(plan.stages[0]?.action.ru).not.toBe('');
  });

  it('counts later steps from a recorded completion; the talon date stays', async () => {
    const plan = await cliJson<DeadlineJson>([
      ...base,
      '--registered',
      '2026-03-18T10:30',
      '--completed',
      'forward=2026-03-20T12:00',
    ]);
    expect(plan.stages[0]?.isDone).toBe(true);
    // Five working days after Friday 20 March, across the Nauryz days off 23–25 March.
    expect(plan.stages[1]?.due).toBe('2026-04-01');
    expect(plan.resultDue).toBe('2026-04-22');
  });

  it('fails with the product error codes and exit 1', async () => {
    const [service, channel, noSteps] = await Promise.all([
      cli(['deadline', '--service', '999-99', '--channel', 'akim', '--registered', '2026-03-18']),
      cli(['deadline', '--service', '003-06', '--channel', 'egov', '--registered', '2026-03-18']),
      cli(['deadline', '--service', '000-02', '--channel', 'akim', '--registered', '2026-03-18']),
    ]);
    expect(service.code).toBe(1);
    expect(service.stderr).toContain('service-unknown');
    expect(channel.code).toBe(1);
    expect(channel.stderr).toContain('channel-unknown');
    expect(noSteps.code).toBe(1);
    expect(noSteps.stderr).toContain('no steps');
  });

  it('refuses malformed arguments with exit 2', async () => {
    const results = await Promise.all([
      cli([...base, '--registered', '18.03.2026 10:30']),
      cli([...base, '--registered', '2026-02-30T10:30']),
      cli([...base, '--registered', '2026-03-18T24:00']),
      cli([...base]),
      cli(['deadline', '--channel', 'akim', '--registered', '2026-03-18']),
      cli([...base, '--registered', '2026-03-18', '--completed', 'intake=2026-03-19']),
      cli([...base, '--registered', '2026-03-18', '--completed', 'forward']),
    ]);
    expect(results.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2, 2]);
    expect(results[0]?.stderr).toContain('--registered must be');
  });
});

describe('iin and bin', () => {
  const iin = withCheckDigit('90010130001');

  it('reads a valid IIN and reports a wrong check digit, exit 0 both ways', async () => {
    expect(await cliJson(['iin', iin.valid])).toMatchObject({
      valid: true,
      birthDate: '1990-01-01',
      sex: 'male',
    });
    expect(await cliJson(['iin', iin.wrong])).toEqual({ valid: false, reason: 'iin-checksum' });
    expect(await cliJson(['iin', '90010130001'])).toEqual({ valid: false, reason: 'iin-length' });
  });

  it('reads a valid BIN', async () => {
    const bin = withCheckDigit('14044000001');
    expect(await cliJson(['bin', bin.valid])).toMatchObject({
      valid: true,
      registeredMonth: '2014-04',
      entityType: 'resident_legal_entity',
      division: 'head_office',
    });
    expect(await cliJson(['bin', bin.wrong])).toEqual({ valid: false, reason: 'bin-checksum' });
  });

  it('refuses a missing or extra argument with exit 2', async () => {
    const results = await Promise.all([
      cli(['iin', '--json']),
      cli(['bin']),
      cli(['iin', iin.valid, iin.wrong]),
    ]);
    expect(results.map((r) => r.code)).toEqual([2, 2, 2]);
    expect(results[0]?.stderr).toContain('<iin> is required');
  });
});

describe('no store', () => {
  it('never creates DATA_DIR', async () => {
    const { code } = await cli(['catalog', '--json']);
    expect(code).toBe(0);
    // Every command above ran with this DATA_DIR too; a store command would have created it.
    expect(existsSync(dataDir())).toBe(false);
    const offices = await cli(['offices', '--json']);
    expect(offices.code).toBe(0);
    expect(existsSync(dataDir())).toBe(true);
  });
});
