import { describe, expect, it } from 'vitest';
import { act000, services000 } from '../../src/domain/catalog/acts/act000';
import { actSchema, type Service, serviceSchema } from '../../src/domain/catalog/schema';

function service(id: string): Service {
  const found = services000.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}

describe('act 000 (Almaty oblast, resolution No. 189)', () => {
  it('parses with the catalog schema', () => {
    expect(() => actSchema.parse(act000)).not.toThrow();
    for (const s of services000) expect(() => serviceSchema.parse(s)).not.toThrow();
  });

  it('holds the act figures from seed lines 7–11', () => {
    expect(act000).toMatchObject({ number: '189', date: '2016-04-14' });
    expect(act000.justiceRegistration).toEqual({ number: '3845', date: '2016-05-23' });
    expect(act000.repeal).toMatchObject({ number: '81', date: '2018-03-01' });
  });

  it('has ten services in the order of operative paragraph 1', () => {
    expect(services000.map((s) => s.id)).toEqual([
      '000-01',
      '000-02',
      '000-03',
      '000-04',
      '000-05',
      '000-06',
      '000-07',
      '000-08',
      '000-09',
      '000-10',
    ]);
    expect(service('000-06').name.kk).toBe('Жұмыссыз азаматтарға анықтама беру');
    expect(service('000-10').name.kk).toBe('Оралман мәртебесін беру');
  });

  it('000-01: the akim signs the certificate, 5 + 5 + 5 minutes', () => {
    const akim = service('000-01').channels.akim;
    expect(akim?.steps.map((s) => [s.role, s.duration.value, s.duration.unit])).toEqual([
      ['akimat_specialist', 5, 'minutes'],
      ['akim', 5, 'minutes'],
      ['akimat_specialist', 5, 'minutes'],
    ]);
    expect(akim?.total).toMatchObject({ value: 15, unit: 'minutes', isStated: false });
  });

  it('000-04: 9 working days at the provider, 14 through the akim, 8 through the ХҚО', () => {
    const s = service('000-04');
    expect(s.channels.provider?.total).toMatchObject({ value: 9, unit: 'working_days' });
    expect(s.channels.akim?.total).toMatchObject({ value: 14, unit: 'working_days' });
    expect(s.channels.pso?.steps).toHaveLength(8);
    expect(s.channels.pso?.total).toMatchObject({ value: 8, unit: 'working_days' });
    expect(s.channels.pso?.total?.note?.ru).toContain('90 минут');
  });

  it('000-03: 19 working days for a decision, 4 for a certificate', () => {
    const review = service('000-03').channels.provider?.steps.find((s) => s.id === 'review');
    expect(review?.duration).toEqual({ value: 19, unit: 'working_days' });
    expect(
      service('000-03').channels.provider?.variants?.map((v) => [v.id, v.durations.review]),
    ).toEqual([
      ['certificate', { value: 4, unit: 'working_days' }],
      ['duplicate', { value: 4, unit: 'working_days' }],
    ]);
  });

  it('000-07: the review step counts calendar days', () => {
    expect(service('000-07').channels.provider?.total).toMatchObject({
      value: 7,
      unit: 'calendar_days',
      isStated: false,
    });
  });

  it('000-10: 5 working days stated, free, six listed documents', () => {
    const s = service('000-10');
    expect(s.channels.provider?.total).toMatchObject({ value: 5, isStated: true });
    expect(s.fee.kind).toBe('free');
    expect(s.checklist.kind).toBe('listed');
    expect(s.checklist.documents).toHaveLength(6);
    expect(s.channels.akim).toBeUndefined();
  });

  it('refers every other checklist to paragraph 9 of the Standard and invents no documents', () => {
    for (const s of services000.filter((x) => x.id !== '000-10')) {
      expect(s.checklist.kind).toBe('per_standard');
      expect(s.checklist.documents).toBeUndefined();
    }
  });

  it('keeps channels whose steps are in missing appendices, with no steps', () => {
    for (const id of ['000-02', '000-08']) {
      const s = service(id);
      expect(Object.keys(s.channels).sort()).toEqual(['akim', 'provider', 'pso']);
      expect(s.channels.provider?.steps).toEqual([]);
    }
  });
});
