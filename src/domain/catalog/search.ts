/**
 * Finding a service at the desk by what a person types: words of its Kazakh or Russian name, its
 * number ("004-01", "00401", "004"), or the act's region or number ("Маңғыстау", "03/09"). Every
 * word typed must occur somewhere, in any order and any case.
 *
 * Kazakh letters are folded to the Russian letters that stand for them on a keyboard without a
 * Kazakh layout (ә→а, қ→к, ү→у, і→и, …): an office laptop often has none, and "жардемакы" must
 * find "жәрдемақы". Ё is folded to Е for the same reason.
 *
 * The act title is left out of what is searched: 003's title ("regulations in the social
 * protection sphere") would make one word match every service of the act.
 */
import type { Act, Service } from './schema';

const FOLD: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ё: 'е',
};

/** Lower case, Kazakh letters folded, quotes and punctuation other than - and / dropped. */
export function foldText(text: string): string {
  return text
    .toLocaleLowerCase('kk')
    .replace(/[әғқңөұүһіё]/g, (c) => FOLD[c] ?? c)
    .replace(/[«»"“”„'(),.;:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface ServiceEntry {
  service: Service;
  act: Act | undefined;
  /** everything searchable, folded */
  haystack: string;
}

/** A service with its act, ready to be searched. */
export function serviceEntry(service: Service, act: Act | undefined): ServiceEntry {
  const parts = [
    service.id,
    service.id.replace('-', ''),
    service.name.kk,
    service.name.ru,
    ...(act ? [act.number, act.region.kk, act.region.ru, act.issuer.kk, act.issuer.ru] : []),
  ];
  return { service, act, haystack: foldText(parts.join(' ')) };
}

/**
 * The entries matching `query`, in the order given (the screen puts recently used services
 * first), except that a service whose number is the query comes first. An empty query matches
 * everything.
 */
export function searchServices(entries: readonly ServiceEntry[], query: string): ServiceEntry[] {
  const words = foldText(query).split(' ').filter(Boolean);
  if (words.length === 0) return [...entries];
  const found = entries.filter((e) => words.every((w) => e.haystack.includes(w)));
  const digits = query.replace(/\D/g, '');
  const exact = found.find((e) => digits.length === 5 && e.service.id.replace('-', '') === digits);
  return exact ? [exact, ...found.filter((e) => e !== exact)] : found;
}

/** `ids` (most recent first) that are among the entries, then the other entries in their order. */
export function recentFirst(
  entries: readonly ServiceEntry[],
  ids: readonly string[],
): ServiceEntry[] {
  const byId = new Map(entries.map((e) => [e.service.id, e]));
  const recent = ids.flatMap((id) => byId.get(id) ?? []);
  const rest = entries.filter((e) => !ids.includes(e.service.id));
  return [...recent, ...rest];
}
