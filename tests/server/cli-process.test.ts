import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { cliHarness } from '../support/cli';

const { cli, dataDir } = cliHarness('cli-process');

interface Duration {
  value: number;
  unit: string;
}

interface ProcessJson {
  service: string;
  channel: string;
  edition: string;
  variant: string | null;
  steps: {
    id: string;
    at: 'village' | 'district' | 'pso';
    role: string;
    stage: string;
    duration: Duration | null;
    records: string | null;
    papers: string[];
    variants: { id: string; duration: Duration }[];
    performers: string[];
    optional: boolean;
  }[];
}

async function processJson(args: string[]): Promise<ProcessJson> {
  const { code, stdout, stderr } = await cli(['process', ...args, '--json']);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return JSON.parse(stdout) as ProcessJson;
}

const wd = (value: number): Duration => ({ value, unit: 'working_days' });

afterAll(() => {
  // A reference command opens no store, so it never creates DATA_DIR.
  expect(existsSync(dataDir())).toBe(false);
});

describe('process', () => {
  it('004-01 akim: the akim orders the commission, its act at the village, the district decides', async () => {
    const p = await processJson(['--service', '004-01', '--channel', 'akim']);
    expect(p).toMatchObject({ service: '004-01', channel: 'akim', edition: '2026.1' });
    expect(p.variant).toBeNull();
    expect(p.steps.map((s) => [s.id, s.at, s.role, s.stage, s.duration, s.records])).toEqual([
      [
        'register',
        'village',
        'akimat_specialist',
        'intake',
        { value: 15, unit: 'minutes' },
        'case.registered',
      ],
      ['assign_inspection', 'village', 'akim', 'other', wd(3), 'commission.ordered'],
      ['inspect', 'village', 'commission', 'inspection', wd(5), 'commission.inspected'],
      [
        'forward',
        'village',
        'akimat_specialist',
        'forward',
        { value: 20, unit: 'calendar_days' },
        'batch.sent',
      ],
      [
        'receive',
        'district',
        'district_executor',
        'receive',
        { value: 15, unit: 'minutes' },
        'case.received',
      ],
      ['assign', 'district', 'district_head', 'other', null, 'case.assigned'],
      ['calculate', 'district', 'district_executor', 'review', wd(2), 'case.decided'],
      ['check', 'district', 'district_sector_head', 'review', wd(1), 'case.endorsed'],
      ['decide', 'district', 'district_head', 'sign', wd(1), 'case.signed'],
      ['notify', 'district', 'district_executor', 'return', wd(3), 'result.sent'],
      ['receive_result', 'village', 'akimat_specialist', 'return', null, 'result.received'],
      ['handout', 'village', 'akimat_specialist', 'handout', wd(0), 'result.handed_out'],
    ]);
    const step = (id: string) => p.steps.find((s) => s.id === id);
    expect(step('register')?.papers).toEqual(['talon', 'receipt']);
    expect(step('assign_inspection')?.papers).toEqual(['commission_order']);
    expect(step('inspect')?.papers).toEqual(['inspection_act']);
    // The commission has no device: its act is recorded at the village by the specialist or the akim.
    expect(step('inspect')?.performers).toEqual(['akimat_specialist', 'akim']);
    expect(step('assign_inspection')?.performers).toEqual(['akim']);
    expect(step('check')?.performers).toEqual(['district_sector_head']);
    expect(step('decide')?.performers).toEqual(['district_head']);
    expect(step('assign')?.optional).toBe(true);
    for (const s of p.steps) expect(s.variants).toEqual([]);
  });

  it('003-16 akim: every step at the village, the akim signs, no batch', async () => {
    const p = await processJson(['--service', '003-16', '--channel', 'akim']);
    expect(p).toMatchObject({ service: '003-16', channel: 'akim', edition: '2026.1' });
    expect(p.steps.map((s) => [s.id, s.at, s.role, s.records, s.duration?.unit])).toEqual([
      ['register_review', 'village', 'akimat_specialist', 'case.registered', 'minutes'],
      ['sign', 'village', 'akim', 'case.signed', 'minutes'],
      ['handout', 'village', 'akimat_specialist', 'result.handed_out', 'minutes'],
    ]);
    expect(p.steps.find((s) => s.id === 'sign')?.performers).toEqual(['akim']);
    expect(p.steps.some((s) => s.records === 'batch.sent')).toBe(false);
  });

  it('003-02 provider: a variant sets its step term and is named in the answer', async () => {
    const p = await processJson([
      '--service',
      '003-02',
      '--channel',
      'provider',
      '--variant',
      'duplicate',
    ]);
    expect(p.variant).toBe('duplicate');
    const review = p.steps.find((s) => s.id === 'review');
    expect(review?.duration).toEqual(wd(3));
    expect(review?.variants).toEqual([
      { id: 'first_certificate', duration: wd(21) },
      { id: 'duplicate', duration: wd(3) },
    ]);
  });

  it('prints a table for people', async () => {
    const { code, stdout } = await cli(['process', '--service', '004-01', '--channel', 'akim']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^004-01 akim \(edition 2026\.1\): 18 жасқа/m);
    expect(stdout).toMatch(
      /^2 +assign_inspection +village +akim +other +3 working_days +commission\.ordered/m,
    );
    expect(stdout).toMatch(/^4 +forward .* from registration$/m);
  });

  it('an unknown service, channel or variant, or a channel without steps: a message and exit 1', async () => {
    const [service, channel, notAChannel, variant, noSteps] = await Promise.all([
      cli(['process', '--service', '009-99', '--channel', 'akim', '--json']),
      cli(['process', '--service', '004-01', '--channel', 'egov', '--json']),
      cli(['process', '--service', '004-01', '--channel', 'post']),
      cli(['process', '--service', '003-02', '--channel', 'provider', '--variant', 'express']),
      cli(['process', '--service', '000-02', '--channel', 'provider']),
    ]);
    expect(service).toMatchObject({ code: 1, stdout: '' });
    expect(service.stderr).toContain('service-unknown: no service 009-99 in the catalog');
    expect(channel).toMatchObject({ code: 1, stdout: '' });
    expect(channel.stderr).toContain(
      'channel-unknown: service 004-01 has no egov channel (it has: provider, pso, akim)',
    );
    expect(notAChannel.code).toBe(1);
    expect(notAChannel.stderr).toContain('channel-unknown');
    expect(variant.code).toBe(1);
    expect(variant.stderr).toContain(
      'has no variant express (it has: first_certificate, duplicate)',
    );
    expect(noSteps.code).toBe(1);
    expect(noSteps.stderr).toContain('channel-no-steps');
  });

  it('wrong arguments: the usage and exit 2', async () => {
    const [missing, unknownOption] = await Promise.all([
      cli(['process', '--channel', 'akim']),
      cli(['process', '--service', '004-01', '--channel', 'akim', '--edition', '2025.1']),
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--service is required');
    expect(missing.stderr).toContain('usage: process --service <id>');
    expect(unknownOption.code).toBe(2);
  });
});
