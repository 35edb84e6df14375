/**
 * Act 003, regulations 1–10: the transcribed catalog data parses with the catalog schema, and
 * figures checked by hand against the seed (`003_051d4fcbe1fd319b.txt`) stay as read.
 */
import { describe, expect, it } from 'vitest';
import { act003, services003a } from '../../src/domain/catalog/acts/act003';
import {
  actSchema,
  type Channel,
  type ChannelKind,
  type Service,
  serviceSchema,
} from '../../src/domain/catalog/schema';

function service(id: string): Service {
  const found = services003a.find((s) => s.id === id);
  if (!found) throw new Error(`service ${id} missing`);
  return found;
}

function channel(id: string, kind: ChannelKind): Channel {
  const found = service(id).channels[kind];
  if (!found) throw new Error(`service ${id} has no ${kind} channel`);
  return found;
}

/** `[stepId, value, unit]` per step, to compare whole chains at once. */
function chain(id: string, kind: ChannelKind): [string, number, string][] {
  return channel(id, kind).steps.map((s) => [s.id, s.duration.value, s.duration.unit]);
}

describe('act 003', () => {
  it('parses with the act schema', () => {
    expect(() => actSchema.parse(act003)).not.toThrow();
  });

  it('keeps the header figures and the 241 / 342 conflict', () => {
    expect(act003.number).toBe('74');
    expect(act003.date).toBe('2014-04-21');
    expect(act003.justiceRegistration).toEqual({ number: '2432', date: '2014-05-26' });
    expect(act003.repeal.number).toBe('241 / 342');
    expect(act003.repeal.date).toBe('2015-11-04');
    expect(act003.inconsistencies[0]?.source.lines).toEqual([7, 9]);
  });
});

describe('act 003, regulations 1–10', () => {
  it('lists services in the act order', () => {
    const ids = services003a.map((s) => s.id);
    expect([...ids].sort()).toEqual(ids);
  });

  it.each(services003a.map((s) => [s.id, s] as const))(
    '%s parses with the service schema',
    (_, s) => {
      expect(() => serviceSchema.parse(s)).not.toThrow();
      expect(s.actId).toBe('003');
      for (const c of Object.values(s.channels)) {
        for (const step of c?.steps ?? []) expect(step.source.seed).toBe(act003.seed);
      }
    },
  );

  it('has unique step ids within each channel', () => {
    for (const s of services003a) {
      for (const c of Object.values(s.channels)) {
        const ids = (c?.steps ?? []).map((step) => step.id);
        expect(new Set(ids).size, s.id).toBe(ids.length);
      }
    }
  });
});

describe('003-06 child benefit under 18', () => {
  it('akim channel: 13 / 5 / 1 / 2 / 1 working days', () => {
    expect(chain('003-06', 'akim')).toEqual([
      ['register_forward', 13, 'working_days'],
      ['review', 5, 'working_days'],
      ['sign', 1, 'working_days'],
      ['return', 2, 'working_days'],
      ['handout', 1, 'working_days'],
    ]);
    const steps = channel('003-06', 'akim').steps;
    expect(steps.map((s) => [s.role, s.stage])).toEqual([
      ['akimat_specialist', 'forward'],
      ['district_executor', 'review'],
      ['district_head', 'sign'],
      ['district_executor', 'return'],
      ['akimat_specialist', 'handout'],
    ]);
    expect(steps[0]?.source.lines).toEqual([971, 971]);
    expect(steps[0]?.note).toBeDefined();
  });

  it('akim channel total is computed, not stated', () => {
    expect(channel('003-06', 'akim').total).toMatchObject({
      value: 22,
      unit: 'working_days',
      isStated: false,
    });
  });

  it('provider channel: 15 min / 5 / 1 / 1 working days', () => {
    expect(chain('003-06', 'provider')).toEqual([
      ['register', 15, 'minutes'],
      ['review', 5, 'working_days'],
      ['sign', 1, 'working_days'],
      ['handout', 1, 'working_days'],
    ]);
  });

  it('ХҚО desk: 10 min identity data, 5 min receipt; no portal channel', () => {
    expect(chain('003-06', 'pso')).toEqual([
      ['fetch_identity_data', 10, 'minutes'],
      ['issue_receipt', 5, 'minutes'],
    ]);
    expect(service('003-06').channels.egov).toBeUndefined();
  });

  it('talon holds registration date, date of receipt and who accepted (l. 971)', () => {
    const talon = service('003-06').talonContents;
    expect(talon).toHaveLength(3);
    for (const item of talon) expect(item.source.lines).toEqual([971, 971]);
  });

  it('refers to the Standard for documents (para 9) and refusal grounds (para 10)', () => {
    const s = service('003-06');
    expect(s.checklist.kind).toBe('per_standard');
    expect(s.refusalGrounds.kind).toBe('per_standard');
    expect(s.fee.kind).toBe('free');
  });
});
