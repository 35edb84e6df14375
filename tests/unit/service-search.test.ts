/**
 * The desk's service search over the shipped catalog: words of the Kazakh or Russian name in any
 * order and case (with or without Kazakh letters), the number with or without its dash, the
 * act's region; recently used services first; and the desk minutes the regulations give.
 */
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/domain/catalog';
import { deskMinutes } from '../../src/domain/catalog/desk';
import {
  foldText,
  recentFirst,
  type ServiceEntry,
  searchServices,
  serviceEntry,
} from '../../src/domain/catalog/search';
import { servicesFor } from '../../src/domain/catalog/select';

/** What the demo district offers through the rural akim: acts 003 and 004. */
const entries: ServiceEntry[] = servicesFor(CATALOG, ['003', '004'], 'akim').map((s) =>
  serviceEntry(
    s,
    CATALOG.acts.find((a) => a.id === s.actId),
  ),
);
const ids = (query: string) => searchServices(entries, query).map((e) => e.service.id);

describe('service search', () => {
  it('offers the district’s akim-channel services, each with its act', () => {
    expect(entries.map((e) => e.service.id)).toEqual([
      '003-06',
      '003-07',
      '003-13',
      '003-15',
      '003-16',
      '004-01',
    ]);
    expect(entries.every((e) => e.act)).toBe(true);
  });

  it('finds a Kazakh word of the name, with or without Kazakh letters, in any case', () => {
    // The child benefit reads alike in the two regions' regulations: both are found.
    expect(ids('жәрдемақы')).toEqual(['003-06', '004-01']);
    expect(ids('ЖӘРДЕМАҚЫ')).toEqual(['003-06', '004-01']);
    expect(ids('жардемакы')).toEqual(['003-06', '004-01']);
    expect(ids('анықтама')).toEqual(['003-16']);
    expect(ids('отын')).toEqual(['003-15']);
  });

  it('finds a Russian word of the name, in any case', () => {
    expect(ids('пособи')).toEqual(['003-06', '004-01']);
    expect(ids('ТОПЛИВА')).toEqual(['003-15']);
    expect(ids('справки')).toEqual(['003-16']);
  });

  it('needs every word typed, in any order and either language', () => {
    expect(ids('семьям пособий')).toEqual(['004-01']);
    expect(ids('пособий семьям')).toEqual(['004-01']);
    expect(ids('18 жәрдемақылар')).toEqual(['004-01']);
    expect(ids('адресной справки')).toEqual(['003-16']);
    expect(ids('пособий топлива')).toEqual([]);
  });

  it('finds a service by its number, with or without the dash, and an act by its number', () => {
    expect(ids('004-01')).toEqual(['004-01']);
    expect(ids('00401')).toEqual(['004-01']);
    expect(ids('003-16')).toEqual(['003-16']);
    expect(ids('00316')).toEqual(['003-16']);
    expect(ids('004')).toEqual(['004-01']);
    expect(ids('003')).toEqual(['003-06', '003-07', '003-13', '003-15', '003-16']);
    expect(ids('03/09')).toEqual(['004-01']);
  });

  it('tells apart services that read alike by the act’s region', () => {
    expect(ids('Маңғыстау жәрдемақы')).toEqual(['003-06']);
    expect(ids('карагандинская пособий')).toEqual(['004-01']);
    expect(ids('Ақтоғай')).toEqual(['004-01']);
  });

  it('offers everything for an empty query, and nothing for a word no service has', () => {
    expect(ids('')).toHaveLength(entries.length);
    expect(ids('   ')).toHaveLength(entries.length);
    expect(ids('зейнетақы')).toEqual([]);
  });

  it('puts the recently used services first, most recent first, and a typed number before them', () => {
    const ordered = recentFirst(entries, ['004-01', '003-13', '999-99']);
    expect(ordered.map((e) => e.service.id)).toEqual([
      '004-01',
      '003-13',
      '003-06',
      '003-07',
      '003-15',
      '003-16',
    ]);
    expect(searchServices(ordered, 'жәрдемақы').map((e) => e.service.id)).toEqual([
      '004-01',
      '003-06',
    ]);
    expect(searchServices(recentFirst(entries, ['003-16']), '00306')[0]?.service.id).toBe('003-06');
  });

  it('folds Kazakh letters and punctuation', () => {
    expect(foldText(' «Әлеуметтік»  ҚОРҒАУ, Ұлы Үй Іс Ғ Ң Ө Һ ё ')).toBe(
      'алеуметтик коргау улы уй ис г н о х е',
    );
  });
});

describe('desk minutes', () => {
  const service = (id: string) => CATALOG.services.find((s) => s.id === id);

  it('are the intake step’s minutes where the regulation gives them', () => {
    expect(deskMinutes(service('004-01')?.channels.akim)).toBe(15);
    expect(deskMinutes(service('003-16')?.channels.akim)).toBe(9);
    expect(deskMinutes(service('000-01')?.channels.akim)).toBe(5);
  });

  it('are none where the intake is one step with the forwarding, counted in days', () => {
    expect(service('003-06')?.channels.akim?.steps[0]?.duration.unit).toBe('working_days');
    expect(deskMinutes(service('003-06')?.channels.akim)).toBeUndefined();
    expect(deskMinutes(undefined)).toBeUndefined();
  });
});
