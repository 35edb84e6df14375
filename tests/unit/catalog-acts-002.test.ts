import { describe, expect, it } from 'vitest';
import { act002, services002 } from '../../src/domain/catalog/acts/act002';
import { actSchema, type Service, serviceSchema } from '../../src/domain/catalog/schema';

function service(id: string): Service {
  const found = services002.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}

describe('act 002 (Almaty city, e-services, resolution N 1/231)', () => {
  it('parses with the catalog schema', () => {
    expect(() => actSchema.parse(act002)).not.toThrow();
    for (const s of services002) expect(() => serviceSchema.parse(s)).not.toThrow();
  });

  it('holds the act figures from seed lines 6–9', () => {
    expect(act002).toMatchObject({ number: '1/231', date: '2012-03-30' });
    expect(act002.justiceRegistration).toEqual({ number: '935', date: '2012-05-04' });
    expect(act002.repeal).toMatchObject({ number: '2/236', date: '2014-04-11' });
  });

  it('has three services; the second was deleted by resolution 11.02.2013 N 1/58', () => {
    expect(services002.map((s) => s.id)).toEqual(['002-01', '002-02', '002-03']);
    const deleted = service('002-02');
    expect(deleted.isDeleted).toBe(true);
    expect(deleted.deletedNote?.source.lines).toEqual([1712, 1714]);
    expect(deleted.deletedNote?.text.kk).toContain('11.02.2013 N 1/58');
    expect(deleted.channels).toEqual({});
    expect(services002.filter((s) => s.isDeleted)).toHaveLength(1);
  });

  it('002-01: execution is 3 working days via ХҚО and 1 via e-gov; no akim channel', () => {
    const s = service('002-01');
    expect(Object.keys(s.channels).sort()).toEqual(['egov', 'provider', 'pso']);
    const execute = (c: 'pso' | 'egov') => s.channels[c]?.steps.find((x) => x.id === 'execute');
    expect(execute('pso')?.duration).toEqual({ value: 3, unit: 'working_days' });
    expect(execute('egov')?.duration).toEqual({ value: 1, unit: 'working_days' });
    expect(s.channels.pso?.steps).toHaveLength(15);
    expect(s.channels.pso?.steps.at(-1)).toMatchObject({
      stage: 'handout',
      duration: { value: 30, unit: 'minutes' },
    });
    expect(s.channels.provider?.total).toMatchObject({ value: 39, unit: 'minutes' });
  });

  it('002-03: 10 working days at the district department and on e-gov', () => {
    const s = service('002-03');
    expect(Object.keys(s.channels).sort()).toEqual(['egov', 'provider']);
    expect(s.channels.provider?.total).toMatchObject({ value: 10, unit: 'working_days' });
    expect(s.channels.egov?.total).toMatchObject({ value: 10, unit: 'working_days' });
    expect(s.channels.egov?.total?.note?.ru).toContain('39 минут');
  });

  it('keeps step ids unique within every channel and states no talon, fee or document list', () => {
    for (const s of services002) {
      for (const channel of Object.values(s.channels)) {
        const ids = channel?.steps.map((x) => x.id) ?? [];
        expect(new Set(ids).size).toBe(ids.length);
      }
      expect(s.talonContents).toEqual([]);
      expect(s.fee.kind).toBe('not_stated');
      expect(s.checklist.kind).toBe('per_standard');
    }
  });
});
