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
  it('has ten services 003-01 … 003-10 in the act order', () => {
    expect(services003a.map((s) => s.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `003-${String(i + 1).padStart(2, '0')}`),
    );
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

  it('keeps the Kazakh names exactly as in the act list (ll. 23–41)', () => {
    expect(service('003-01').name.kk).toBe('Жұмыссыз азаматтарды тіркеу және есепке қою');
    expect(service('003-06').name.kk).toBe(
      'Он сегіз жасқа дейінгі балаларға мемлекеттік жәрдемақы тағайындау',
    );
    expect(service('003-07').name.kk).toBe('Мемлекеттік атаулы әлеуметтік көмек тағайындау');
    expect(service('003-10').name.kk).toBe(
      'Мүгедектерді санаторий-курорттық емдеумен қамтамасыз ету үшін оларға құжаттарды ресімдеу',
    );
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

describe('act 003, regulations 1–5 and 7–10', () => {
  it('003-01: provider 15 min / 3 / 1 / 1 working days, ХҚО and portal without terms', () => {
    expect(chain('003-01', 'provider')).toEqual([
      ['register', 15, 'minutes'],
      ['review', 3, 'working_days'],
      ['sign', 1, 'working_days'],
      ['handout', 1, 'working_days'],
    ]);
    expect(channel('003-01', 'provider').total).toMatchObject({ value: 5, isStated: false });
    expect(channel('003-01', 'pso').steps).toEqual([]);
    expect(channel('003-01', 'egov').steps).toEqual([]);
    expect(service('003-01').receiptContents).toHaveLength(3);
  });

  it('003-02: decision in 18 working days; a first certificate 3 after it, a duplicate in 3', () => {
    const review = channel('003-02', 'provider').steps[1];
    expect(review?.duration).toEqual({ value: 18, unit: 'working_days' });
    expect(
      channel('003-02', 'provider').variants?.map((v) => [v.id, v.durations.review?.value]),
    ).toEqual([
      ['first_certificate', 21],
      ['duplicate', 3],
    ]);
    expect(review?.source.lines).toEqual([338, 346]);
    expect(channel('003-02', 'provider').total?.value).toBe(20);
    expect(service('003-02').name.kk.endsWith('куәліктер беру')).toBe(true);
  });

  it('003-03: provider steps in minutes (7 / 2 / 1) after amendment No. 295', () => {
    expect(chain('003-03', 'provider')).toEqual([
      ['register_review', 7, 'minutes'],
      ['sign', 2, 'minutes'],
      ['handout', 1, 'minutes'],
    ]);
    expect(channel('003-03', 'provider').total).toMatchObject({ value: 10, unit: 'minutes' });
    expect(service('003-03').channels.egov).toBeDefined();
  });

  it.each([
    ['003-04', 712],
    ['003-05', 816],
    ['003-08', 1260],
    ['003-09', 1377],
    ['003-10', 1474],
  ])('%s: provider only, 15 min / 1 / 7 / 1 / 1 working days from l. %i', (id, first) => {
    expect(Object.keys(service(id).channels)).toEqual(['provider']);
    expect(chain(id, 'provider')).toEqual([
      ['register', 15, 'minutes'],
      ['head_review', 1, 'working_days'],
      ['review', 7, 'working_days'],
      ['sign', 1, 'working_days'],
      ['handout', 1, 'working_days'],
    ]);
    const lines = channel(id, 'provider').steps.map((s) => s.source.lines[0]);
    expect(lines).toEqual([first, first + 2, first + 4, first + 6, first + 8]);
    expect(channel(id, 'provider').total?.value).toBe(10);
  });

  it('003-07: akim channel 13 / 5 / 1 / 2 / 1 working days from l. 1125', () => {
    expect(chain('003-07', 'akim').map(([, value]) => value)).toEqual([13, 5, 1, 2, 1]);
    expect(channel('003-07', 'akim').steps.map((s) => s.source.lines[0])).toEqual([
      1125, 1127, 1129, 1131, 1133,
    ]);
    expect(chain('003-07', 'provider').map(([, value]) => value)).toEqual([15, 5, 1, 1]);
  });

  it('refers to the Standard for every checklist and never invents documents', () => {
    for (const s of services003a) {
      expect(s.checklist.kind, s.id).toBe('per_standard');
      if (s.checklist.kind === 'per_standard') expect(s.checklist.documents).toBeUndefined();
    }
  });

  it('records amendment No. 295 in every regulation', () => {
    for (const s of services003a) {
      expect(
        s.specialRules.some((r) => r.kind === 'other' && r.text.ru.includes('№ 295')),
        s.id,
      ).toBe(true);
    }
  });

  it('states no total and leaves submission-day counting open', () => {
    for (const s of services003a) {
      for (const c of Object.values(s.channels)) {
        expect(c?.submissionDayCounts, s.id).toBeNull();
        if (c?.total) expect(c.total.isStated, s.id).toBe(false);
      }
    }
  });
});
