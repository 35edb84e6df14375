/**
 * Act 003, regulations 11–20: the transcribed catalog data parses with the catalog schema, every
 * Kazakh name and every step duration can be found in the seed lines it cites, and figures
 * checked by hand against the seed (`003_051d4fcbe1fd319b.txt`) stay as read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { services003b } from '../../src/domain/catalog/acts/act003b';
import {
  type Channel,
  type ChannelKind,
  type SeedRef,
  type Service,
  serviceSchema,
} from '../../src/domain/catalog/schema';

const SEED = '003_051d4fcbe1fd319b.txt';
const seedLines = readFileSync(new URL(`../../../shared/seeds/${SEED}`, import.meta.url), 'utf8')
  .split('\n')
  .map((line) => line.trimEnd());

/** The cited lines, with the letter-spacing of the PDF extraction squeezed out. */
function cited(ref: SeedRef): string {
  const [from, to] = ref.lines;
  return seedLines
    .slice(from - 1, to)
    .join(' ')
    .replace(/\s+/g, '');
}

function service(id: string): Service {
  const found = services003b.find((s) => s.id === id);
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

function kinds(id: string): string[] {
  return Object.keys(service(id).channels).sort();
}

describe('act 003, regulations 11–20', () => {
  it('has the ten regulations in the act order', () => {
    expect(services003b.map((s) => s.id)).toEqual([
      '003-11',
      '003-12',
      '003-13',
      '003-14',
      '003-15',
      '003-16',
      '003-17',
      '003-18',
      '003-19',
      '003-20',
    ]);
  });

  it.each(services003b.map((s) => [s.id, s] as const))(
    '%s parses with the service schema',
    (_, s) => {
      expect(() => serviceSchema.parse(s)).not.toThrow();
      expect(s.actId).toBe('003');
      expect(s.isDeleted).toBe(false);
    },
  );

  it('names each service exactly as the act lists it (ll. 41–61)', () => {
    const list = seedLines.slice(40, 61).join('\n');
    for (const s of services003b) expect(list, s.id).toContain(`«${s.name.kk}»`);
  });

  it('cites only lines of the seed, each range in order', () => {
    for (const s of services003b) {
      const refs: SeedRef[] = [s.source, s.provider.source];
      for (const c of Object.values(s.channels)) {
        if (!c) continue;
        refs.push(c.source, ...c.steps.map((step) => step.source));
      }
      for (const ref of refs) {
        expect(ref.seed, s.id).toBe(SEED);
        expect(ref.lines[0], s.id).toBeLessThanOrEqual(ref.lines[1]);
        expect(ref.lines[1], s.id).toBeLessThanOrEqual(seedLines.length);
        expect(cited(ref), `${s.id} ${ref.lines}`).not.toBe('');
      }
    }
  });

  it('finds every stated step duration, number and unit, in the lines it cites', () => {
    // calendar days: "күнтізбелік 8 (сегіз) күні", or a bare "1 (бір) күн" read as one
    const unitWord = {
      minutes: 'минут',
      hours: 'сағат',
      working_days: 'жұмыскүн',
      calendar_days: 'күн',
    };
    for (const s of services003b) {
      for (const c of Object.values(s.channels)) {
        for (const step of c?.steps ?? []) {
          if (step.duration.value === 0) continue;
          expect(cited(step.source), `${s.id} ${step.id}`).toContain(String(step.duration.value));
          expect(cited(step.source), `${s.id} ${step.id}`).toContain(unitWord[step.duration.unit]);
        }
        for (const v of c?.variants ?? []) {
          for (const d of Object.values(v.durations)) {
            expect(cited(v.source), `${s.id} ${v.id}`).toContain(String(d.value));
            expect(cited(v.source), `${s.id} ${v.id}`).toContain(unitWord[d.unit]);
          }
        }
      }
    }
  });

  it('has unique step ids within each channel', () => {
    for (const s of services003b) {
      for (const c of Object.values(s.channels)) {
        const ids = (c?.steps ?? []).map((step) => step.id);
        expect(new Set(ids).size, s.id).toBe(ids.length);
      }
    }
  });

  it('states no totals and no rule on the day of submission', () => {
    for (const s of services003b) {
      for (const c of Object.values(s.channels)) {
        expect(c?.total?.isStated ?? false, s.id).toBe(false);
        expect(c?.submissionDayCounts, s.id).toBeNull();
      }
    }
  });

  it('marks the portal steps, which the regulations give no duration, as not stated', () => {
    for (const s of services003b) {
      const egov = s.channels.egov;
      if (!egov) continue;
      expect(egov.total, s.id).toBeUndefined();
      for (const step of egov.steps) {
        expect(step.duration.value, s.id).toBe(0);
        expect(step.note, s.id).toBeDefined();
      }
    }
  });

  it('names the channels each regulation lists', () => {
    expect(kinds('003-11')).toEqual(['provider']);
    expect(kinds('003-12')).toEqual(['provider']);
    expect(kinds('003-13')).toEqual(['akim', 'egov', 'provider']);
    expect(kinds('003-14')).toEqual(['egov', 'provider']);
    expect(kinds('003-15')).toEqual(['akim', 'provider', 'pso']);
    expect(kinds('003-16')).toEqual(['akim', 'provider', 'pso']);
    expect(kinds('003-17')).toEqual(['egov', 'provider', 'pso']);
    expect(kinds('003-18')).toEqual(['egov', 'provider']);
    expect(kinds('003-19')).toEqual(['provider']);
    expect(kinds('003-20')).toEqual(['egov', 'pso']);
  });

  it('refers to the Standard for documents; lists none', () => {
    for (const s of services003b) {
      expect(s.checklist.kind, s.id).toBe('per_standard');
      expect(s.fee.kind, s.id).toBe('free');
    }
    expect(service('003-11').refusalGrounds.kind).toBe('per_standard');
    expect(service('003-12').refusalGrounds.kind).toBe('per_standard');
    expect(service('003-19').refusalGrounds.kind).toBe('not_stated');
  });
});

describe('003-11 medical-social institutions', () => {
  it('runs through the social worker and the oblast department', () => {
    expect(chain('003-11', 'provider')).toEqual([
      ['register', 15, 'minutes'],
      ['to_social_worker', 2, 'working_days'],
      ['needs_conclusion', 10, 'working_days'],
      ['forward_to_oblast', 1, 'calendar_days'],
      ['oblast_register', 30, 'minutes'],
      ['oblast_review', 3, 'working_days'],
      ['oblast_sign', 15, 'minutes'],
      ['oblast_return', 1, 'calendar_days'],
      ['handout', 10, 'minutes'],
    ]);
    // "1 (бір) күн" without "жұмыс": read as a calendar day and said so
    const steps = channel('003-11', 'provider').steps;
    expect(steps[3]?.note).toBeDefined();
    expect(steps[7]?.note).toBeDefined();
    expect(channel('003-11', 'provider').total).toBeUndefined();
  });
});

describe('003-12 home care', () => {
  it('provider: 15 min / 1 / 11 / 1 / 1 working days, 14 computed', () => {
    expect(chain('003-12', 'provider')).toEqual([
      ['register', 15, 'minutes'],
      ['head_review', 1, 'working_days'],
      ['review', 11, 'working_days'],
      ['sign', 1, 'working_days'],
      ['handout', 1, 'working_days'],
    ]);
    expect(channel('003-12', 'provider').total).toMatchObject({
      value: 14,
      unit: 'working_days',
      isStated: false,
    });
  });
});

describe('003-13 assistance by decision of local representative bodies', () => {
  it('akim channel: 1 / 3 / 1 / 2 / 1 working days', () => {
    expect(chain('003-13', 'akim')).toEqual([
      ['register_forward', 1, 'working_days'],
      ['review', 3, 'working_days'],
      ['sign', 1, 'working_days'],
      ['return', 2, 'working_days'],
      ['handout', 1, 'working_days'],
    ]);
    expect(channel('003-13', 'akim').steps.map((s) => [s.role, s.stage])).toEqual([
      ['akimat_specialist', 'forward'],
      ['district_executor', 'review'],
      ['district_head', 'sign'],
      ['district_executor', 'return'],
      ['akimat_specialist', 'handout'],
    ]);
    expect(channel('003-13', 'akim').total).toMatchObject({ value: 8, isStated: false });
  });

  it('review takes 16 working days (akim) or 18 (provider) when documents are missing', () => {
    const akim = channel('003-13', 'akim');
    expect(akim.steps[1]?.source.lines).toEqual([1884, 1886]);
    expect(akim.variants?.map((v) => [v.id, v.durations, v.source.lines])).toEqual([
      ['missing_documents', { review: { value: 16, unit: 'working_days' } }, [1886, 1886]],
    ]);
    const provider = channel('003-13', 'provider');
    expect(provider.steps[1]?.duration).toEqual({ value: 6, unit: 'working_days' });
    expect(provider.variants?.map((v) => [v.id, v.durations, v.source.lines])).toEqual([
      ['missing_documents', { review: { value: 18, unit: 'working_days' } }, [1870, 1870]],
    ]);
  });

  it('talon holds registration date, date of receipt and who accepted (l. 1882)', () => {
    const talon = service('003-13').talonContents;
    expect(talon).toHaveLength(3);
    for (const item of talon) expect(item.source.lines).toEqual([1882, 1882]);
  });
});

describe('003-14 referrals to active employment measures', () => {
  it('provider: 5 / 10 / 10 / 5 minutes, 30 computed; six kinds of result', () => {
    expect(chain('003-14', 'provider').map(([, value, unit]) => [value, unit])).toEqual([
      [5, 'minutes'],
      [10, 'minutes'],
      [10, 'minutes'],
      [5, 'minutes'],
    ]);
    expect(channel('003-14', 'provider').total).toMatchObject({ value: 30, unit: 'minutes' });
    expect(service('003-14').results).toHaveLength(6);
  });
});

describe('003-15 fuel assistance for rural social-sector specialists', () => {
  it('akim channel: 3 / 8 / 1 / 2 / 1 working days, 15 computed', () => {
    expect(chain('003-15', 'akim')).toEqual([
      ['register_forward', 3, 'working_days'],
      ['review', 8, 'working_days'],
      ['sign', 1, 'working_days'],
      ['return', 2, 'working_days'],
      ['handout', 1, 'working_days'],
    ]);
    expect(channel('003-15', 'akim').total).toMatchObject({ value: 15, isStated: false });
    expect(service('003-15').talonContents).toHaveLength(3);
  });

  it('ХҚО desk: 10 min identity data, 5 min receipt; no total', () => {
    expect(chain('003-15', 'pso')).toEqual([
      ['fetch_identity_data', 10, 'minutes'],
      ['issue_receipt', 5, 'minutes'],
    ]);
    expect(channel('003-15', 'pso').total).toBeUndefined();
    expect(service('003-15').receiptContents).toHaveLength(1);
  });

  it('accepts a representative by power of attorney', () => {
    const kindsOfRules = service('003-15').specialRules.map((r) => r.kind);
    expect(kindsOfRules).toContain('representative_by_power_of_attorney');
  });
});

describe('003-16 certificate of belonging to targeted-assistance recipients', () => {
  it('the akim renders it himself, in minutes: 9 / 5 / 1', () => {
    expect(chain('003-16', 'akim')).toEqual([
      ['register_review', 9, 'minutes'],
      ['sign', 5, 'minutes'],
      ['handout', 1, 'minutes'],
    ]);
    expect(channel('003-16', 'akim').steps.map((s) => s.role)).toEqual([
      'akimat_specialist',
      'akim',
      'akimat_specialist',
    ]);
    expect(channel('003-16', 'akim').steps.some((s) => s.role.startsWith('district_'))).toBe(false);
    expect(channel('003-16', 'akim').total).toMatchObject({ value: 15, unit: 'minutes' });
  });

  it('names the rural akim as provider next to the district departments (l. 2354)', () => {
    expect(service('003-16').provider.text.kk).toContain('ауылдық округ әкімі');
    expect(service('003-16').provider.source.lines).toEqual([2354, 2354]);
  });
});

describe('003-17 disabled children schooled at home', () => {
  it('provider: 15 min / 8 / 1 / 1 working days', () => {
    expect(chain('003-17', 'provider').map(([, value]) => value)).toEqual([15, 8, 1, 1]);
    expect(channel('003-17', 'provider').total).toMatchObject({ value: 10, unit: 'working_days' });
  });
});

describe('003-18 foreign labour permits', () => {
  it('is rendered by the oblast department, with a commission and the applicant in the chain', () => {
    expect(service('003-18').provider.text.kk).toContain('басқармасы');
    expect(chain('003-18', 'provider')).toEqual([
      ['register', 20, 'minutes'],
      ['check', 5, 'working_days'],
      ['commission', 10, 'working_days'],
      ['notify', 3, 'working_days'],
      ['guarantee_documents', 20, 'working_days'],
      ['sign', 15, 'minutes'],
      ['handout', 3, 'working_days'],
    ]);
    const roles = channel('003-18', 'provider').steps.map((s) => s.role);
    expect(roles).toContain('commission');
    expect(roles).toContain('applicant');
  });
});

describe('003-19 oralman status', () => {
  it('provider only: 15 min / 5 working days / 15 min / 10 min', () => {
    expect(chain('003-19', 'provider').map(([, value, unit]) => [value, unit])).toEqual([
      [15, 'minutes'],
      [5, 'working_days'],
      [15, 'minutes'],
      [10, 'minutes'],
    ]);
    expect(service('003-19').provider.text.kk).toContain('басқармасы');
  });
});

describe('003-20 housing assistance', () => {
  it('counts the provider steps in calendar days: 8 / 1 / 1, sent back to the ХҚО', () => {
    expect(chain('003-20', 'pso')).toEqual([
      ['fetch_identity_data', 10, 'minutes'],
      ['issue_receipt', 5, 'minutes'],
      ['review', 8, 'calendar_days'],
      ['sign', 1, 'calendar_days'],
      ['return', 1, 'calendar_days'],
    ]);
    expect(channel('003-20', 'pso').total).toMatchObject({
      value: 10,
      unit: 'calendar_days',
      isStated: false,
    });
  });

  it('refers to the Standard of Decree No. 185, not No. 217 (l. 3052)', () => {
    const checklist = service('003-20').checklist;
    expect(checklist.kind === 'per_standard' && checklist.reference.kk).toContain('№ 185');
  });

  it('keeps uncollected results a month, then 1 + 1 working days to fetch them back', () => {
    const timed = service('003-20').specialRules.filter((r) => r.duration);
    expect(timed.map((r) => [r.duration, r.source.lines])).toEqual([
      [{ value: 1, unit: 'working_days' }, [3098, 3098]],
      [{ value: 1, unit: 'working_days' }, [3098, 3098]],
    ]);
  });
});
