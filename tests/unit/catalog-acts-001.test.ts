import { describe, expect, it } from 'vitest';
import { act001, services001 } from '../../src/domain/catalog/acts/act001';
import { actSchema, serviceSchema } from '../../src/domain/catalog/schema';

describe('act 001 (Almaty oblast, resolution No. 275, guardianship)', () => {
  it('parses with the catalog schema', () => {
    expect(() => actSchema.parse(act001)).not.toThrow();
    for (const s of services001) expect(() => serviceSchema.parse(s)).not.toThrow();
  });

  it('holds the act figures from seed lines 7–11', () => {
    expect(act001).toMatchObject({ number: '275', date: '2016-06-02' });
    expect(act001.justiceRegistration).toEqual({ number: '3898', date: '2016-07-13' });
    expect(act001.repeal).toMatchObject({ number: '42', date: '2019-01-28' });
  });

  it('has two free services at the provider office and on e-gov, with no akim or ХҚО channel', () => {
    expect(services001.map((s) => s.id)).toEqual(['001-01', '001-02']);
    for (const s of services001) {
      expect(Object.keys(s.channels).sort()).toEqual(['egov', 'provider']);
      expect(s.fee.kind).toBe('free');
      expect(s.checklist.kind).toBe('per_standard');
    }
  });

  it('review takes 2 working days for foster care and 6 for adoption; totals are computed', () => {
    const review = (i: number) =>
      services001[i]?.channels.provider?.steps.find((s) => s.id === 'review')?.duration;
    expect(review(0)).toEqual({ value: 2, unit: 'working_days' });
    expect(review(1)).toEqual({ value: 6, unit: 'working_days' });
    expect(services001[0]?.channels.provider?.total).toMatchObject({
      value: 4,
      unit: 'working_days',
      isStated: false,
    });
    expect(services001[1]?.channels.provider?.total).toMatchObject({ value: 8, isStated: false });
    expect(services001[1]?.channels.provider?.total?.note?.ru).toContain('30 минут');
  });
});
