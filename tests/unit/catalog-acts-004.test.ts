import { describe, expect, it } from 'vitest';
import { act004, services004 } from '../../src/domain/catalog/acts/act004';
import { actSchema, type Channel, serviceSchema } from '../../src/domain/catalog/schema';

function stepDurations(channel: Channel | undefined): string[] {
  return (channel?.steps ?? []).map((s) => `${s.id}:${s.duration.value}${s.duration.unit[0]}`);
}

describe('act 004 (child benefit, Aktogay district)', () => {
  it('parses with the catalog schema', () => {
    expect(() => actSchema.parse(act004)).not.toThrow();
    for (const service of services004) expect(() => serviceSchema.parse(service)).not.toThrow();
  });

  it('holds the act figures from seed lines 6–9', () => {
    expect(act004.number).toBe('03/09');
    expect(act004.date).toBe('2013-01-30');
    expect(act004.justiceRegistration).toEqual({ number: '2200', date: '2013-03-05' });
    expect(act004.repeal).toMatchObject({ number: '12/02', date: '2013-05-02' });
  });

  it('has one service with provider, akim and pso channels and no e-gov', () => {
    expect(services004.map((s) => s.id)).toEqual(['004-01']);
    const [service] = services004;
    expect(service?.name.kk).toBe(
      '18 жасқа дейінгі балалары бар отбасыларға мемлекеттік жәрдемақылар тағайындау',
    );
    expect(Object.keys(service?.channels ?? {}).sort()).toEqual(['akim', 'provider', 'pso']);
  });

  it('akim channel: 15 min, 3 wd, inspection 5 wd, forward within 20 calendar days of registration', () => {
    const akim = services004[0]?.channels.akim;
    const forward = akim?.steps.find((s) => s.stage === 'forward');
    expect(forward?.anchor).toEqual({
      from: 'registration',
      limit: { value: 20, unit: 'calendar_days' },
    });
    expect(stepDurations(akim)).toEqual([
      'register:15m',
      'assign_inspection:3w',
      'inspect:5w',
      'forward:20c',
      'receive:15m',
      'calculate:2w',
      'check:1w',
      'decide:1w',
      'notify:3w',
      'handout:0w',
    ]);
    expect(akim?.total).toMatchObject({ value: 30, unit: 'calendar_days', isStated: true });
    expect(akim?.submissionDayCounts).toBeNull();
  });

  it('provider total is 10 working days as stated, and matches its steps', () => {
    const provider = services004[0]?.channels.provider;
    expect(provider?.total).toMatchObject({ value: 10, unit: 'working_days', isStated: true });
    const days = (provider?.steps ?? [])
      .filter((s) => s.duration.unit === 'working_days')
      .reduce((sum, s) => sum + s.duration.value, 0);
    expect(days).toBe(10);
    expect(provider?.steps.find((s) => s.id === 'accept_conclusion')?.isParallelWithPrevious).toBe(
      true,
    );
  });

  it('pso: 10 calendar days stated, submission day not counted, steps sum to 11 working days', () => {
    const pso = services004[0]?.channels.pso;
    expect(pso?.total).toMatchObject({ value: 10, unit: 'calendar_days', isStated: true });
    expect(pso?.submissionDayCounts).toBe(false);
    const days = (pso?.steps ?? [])
      .filter((s) => s.duration.unit === 'working_days')
      .reduce((sum, s) => sum + s.duration.value, 0);
    expect(days).toBe(11);
    expect(services004[0]?.inconsistencies?.length).toBeGreaterThan(0);
  });

  it('lists the seven documents of para 13 and the 3-working-day return of an incomplete package', () => {
    const service = services004[0];
    expect(service?.checklist.kind).toBe('listed');
    expect(service?.checklist.documents).toHaveLength(7);
    const rule = service?.specialRules.find((r) => r.kind === 'return_incomplete_package');
    expect(rule?.duration).toEqual({ value: 3, unit: 'working_days' });
    expect(service?.refusalGrounds.kind).toBe('listed');
    expect(service?.fee).toEqual({ kind: 'not_stated' });
  });
});
