/**
 * Variants of a step's term, read from the seeds: every variant the catalog holds, its terms and
 * the seed lines it cites, checked against the seed text; and 004, whose two ways through the
 * precinct commission are two channels rather than a choice at intake.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_VERSION } from '../../src/domain/catalog';
import type { Channel, ChannelKind, Duration, SeedRef } from '../../src/domain/catalog/schema';
import { buildProcess } from '../../src/domain/process';

const SEEDS = join(import.meta.dirname, '..', '..', '..', 'shared', 'seeds');
const seedText = new Map<string, string[]>();

/** The cited lines without spaces: the seeds letter-space some words ("і ш і н д е"). */
function cited(ref: SeedRef): string {
  if (!seedText.has(ref.seed)) {
    seedText.set(ref.seed, readFileSync(join(SEEDS, ref.seed), 'utf8').split('\n'));
  }
  const [from, to] = ref.lines;
  return (seedText.get(ref.seed) ?? [])
    .slice(from - 1, to)
    .join(' ')
    .replace(/\s+/g, '');
}

function channel(serviceId: string, kind: ChannelKind): Channel {
  const found = CATALOG.services.find((s) => s.id === serviceId)?.channels[kind];
  if (!found) throw new Error(`${serviceId}/${kind} is not in the catalog`);
  return found;
}

const wd = (value: number): Duration => ({ value, unit: 'working_days' });

/** Every variant the seeds give, with the words of its lines that say it. */
const EXPECTED: {
  service: string;
  channel: ChannelKind;
  id: string;
  durations: Record<string, Duration>;
  lines: [number, number];
  words: string[];
}[] = [
  {
    service: '000-03',
    channel: 'provider',
    id: 'certificate',
    durations: { review: wd(4) },
    lines: [374, 376],
    words: ['куәліктінемесекуәліктіңтелнұсқасынрәсімдегенде4(төрт)жұмыскүннен'],
  },
  {
    service: '000-03',
    channel: 'provider',
    id: 'duplicate',
    durations: { review: wd(4) },
    lines: [374, 376],
    words: ['куәліктінемесекуәліктіңтелнұсқасынрәсімдегенде4(төрт)жұмыскүннен'],
  },
  {
    // 18 working days for the decision (l. 340), then the certificate within 3 working days
    // after the decision on registration (l. 344): 21 working days for the review step.
    service: '003-02',
    channel: 'provider',
    id: 'first_certificate',
    durations: { review: wd(21) },
    lines: [340, 344],
    words: [
      'танутуралышешімқабылдау–18(онсегіз)жұмыскүні',
      'алғашқыретжүгінгенкөрсетілетінқызметтіалушыларғакуәлікберу',
      'тіркеутуралышешімқабылданғаннанкейін3(үш)жұмыскүні',
    ],
  },
  {
    service: '003-02',
    channel: 'provider',
    id: 'duplicate',
    durations: { review: wd(3) },
    lines: [346, 346],
    words: ['куәліктіңтелнұсқасынберу–3(үш)жұмыскүніішінде'],
  },
  {
    service: '003-13',
    channel: 'provider',
    id: 'missing_documents',
    durations: { review: wd(18) },
    lines: [1870, 1870],
    words: ['құжаттаржетіспеген', '18(онсегіз)жұмыскүні'],
  },
  {
    service: '003-13',
    channel: 'akim',
    id: 'missing_documents',
    durations: { review: wd(16) },
    lines: [1886, 1886],
    words: ['құжаттаржетіспеген', '16(оналты)жұмыскүні'],
  },
];

describe('catalog variants', () => {
  it('are exactly the ones the seeds give', () => {
    const found = CATALOG.services.flatMap((s) =>
      (Object.entries(s.channels) as [ChannelKind, Channel | undefined][]).flatMap(([kind, c]) =>
        (c?.variants ?? []).map((v) => `${s.id}/${kind}/${v.id}`),
      ),
    );
    expect(found.sort()).toEqual(EXPECTED.map((e) => `${e.service}/${e.channel}/${e.id}`).sort());
  });

  for (const e of EXPECTED) {
    it(`${e.service} ${e.channel} ${e.id}: its terms, in the lines it cites`, () => {
      const c = channel(e.service, e.channel);
      const variant = c.variants?.find((v) => v.id === e.id);
      expect(variant?.durations).toEqual(e.durations);
      expect(variant?.source.lines).toEqual(e.lines);
      expect(variant?.source.seed).toBe(c.source.seed);
      expect(variant?.name.kk.length).toBeGreaterThan(0);
      expect(variant?.name.ru.length).toBeGreaterThan(0);
      const text = cited(variant?.source ?? c.source);
      for (const words of e.words) expect(text, words).toContain(words);
      // A variant changes steps of its own channel, inside the lines the step cites.
      for (const stepId of Object.keys(e.durations)) {
        const step = c.steps.find((s) => s.id === stepId);
        expect(step, stepId).toBeDefined();
        const [from, to] = step?.source.lines ?? [0, 0];
        expect(e.lines[0]).toBeGreaterThanOrEqual(from);
        expect(e.lines[1]).toBeLessThanOrEqual(to);
        // the step keeps the default term; the variant only replaces it when chosen
        expect(step?.duration).not.toEqual(e.durations[stepId]);
      }
    });
  }

  it('reach the process: a step lists its variants, and a chosen one sets its term', () => {
    const key = { serviceId: '003-02', channel: 'provider' as const, edition: CATALOG_VERSION };
    const review = buildProcess(key)?.steps.find((s) => s.id === 'review');
    expect(review?.duration).toEqual(wd(18));
    expect(review?.variants).toEqual([
      { id: 'first_certificate', duration: wd(21) },
      { id: 'duplicate', duration: wd(3) },
    ]);
    const duplicate = buildProcess({ ...key, variant: 'duplicate' });
    expect(duplicate?.variant).toBe('duplicate');
    expect(duplicate?.steps.find((s) => s.id === 'review')?.duration).toEqual(wd(3));
    expect(buildProcess({ ...key, variant: 'express' })).toBeNull();
  });

  it('004: the two ways through the commission are the two channels, with their own terms', () => {
    // The district akim's commission (4 ҚФБ, ll. 262–263) for the authorised body and the
    // ХҚО; the rural akim's (6 ҚФБ, ll. 265–267) for the rural akim. Within a channel the seed
    // gives one way only, so 004 has no variant to choose at intake.
    const provider = channel('004-01', 'provider');
    const akim = channel('004-01', 'akim');
    for (const c of [provider, akim, channel('004-01', 'pso')]) expect(c.variants).toBeUndefined();
    const term = (c: Channel, id: string) => {
      const step = c.steps.find((s) => s.id === id);
      return [step?.role, step?.duration.value, step?.duration.unit];
    };
    expect(term(provider, 'assign_inspection')).toEqual(['district_head', 1, 'working_days']);
    expect(term(akim, 'assign_inspection')).toEqual(['akim', 3, 'working_days']);
    expect(term(provider, 'inspect')).toEqual(['commission', 5, 'working_days']);
    expect(term(akim, 'inspect')).toEqual(['commission', 5, 'working_days']);
    const lines = cited({ seed: provider.source.seed, lines: [262, 267] });
    expect(lines).toContain('Ақтоғайауданыәкімініңшешіміменқұрылғанучаскеліккомиссия');
    expect(lines).toContain('ауылдықокругәкімішешіміменқұрылғанучаскеліккомиссия');
  });
});
