/**
 * Paper addresses: `#/print/<paper>/<id>?lang=kk|ru&size=a4|80mm&<the paper's own params>`.
 * Which papers exist, and what each needs, is the table in `papers.ts`; this module only reads
 * an address against such a table, so it is tested without loading a single paper.
 *
 * A wrong address (an unknown paper, a language or size that does not exist, a missing number)
 * becomes a problem the print view tells in the interface's language, never an exception.
 */
import type { PaperLang } from '../../domain/paper-dates';
import { hrefOf } from '../app/router';

export const PAPER_SIZES = ['a4', '80mm'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];
const PAPER_LANGS: readonly PaperLang[] = ['kk', 'ru'];

export type PaperProblemCode =
  | 'paper-unknown'
  | 'paper-id-missing'
  | 'paper-lang-invalid'
  | 'paper-size-invalid'
  | 'paper-param-invalid'
  | 'paper-period-invalid'
  | 'paper-not-found'
  | 'paper-failed';

export interface PaperProblem {
  code: PaperProblemCode;
  details?: Record<string, string>;
}

/** What the route needs to know of a paper; `papers.ts` adds how to load it. */
export interface PaperSpec {
  /** the address names a record (`talon/<registration number>`), or names none (`journal`) */
  hasId: boolean;
  /** on A4; the 80 mm roll is always one long portrait page */
  orientation: 'portrait' | 'landscape';
  /** checks the paper's own parameters (the journal's period) */
  checkParams?(params: Readonly<Record<string, string>>): PaperProblem | null;
}

export interface PaperRequest<N extends string = string> {
  paper: N;
  /** the record the paper is of, decoded; '' for a paper that names none */
  id: string;
  lang: PaperLang;
  /** null: the size the device printed on last */
  size: PaperSize | null;
  orientation: PaperSpec['orientation'];
  /** every query parameter, the paper's own among them */
  params: Readonly<Record<string, string>>;
}

export type ParsedPaperRoute<N extends string = string> =
  | { ok: true; request: PaperRequest<N> }
  | { ok: false; problem: PaperProblem };

const fail = (
  code: PaperProblemCode,
  details?: Record<string, string>,
): { ok: false; problem: PaperProblem } => ({
  ok: false,
  problem: details ? { code, details } : { code },
});

/** Reads a paper's address (what follows `#/print/`) against the table of papers. */
export function parsePaperRoute<N extends string>(
  address: string,
  papers: Readonly<Record<N, PaperSpec>>,
): ParsedPaperRoute<N> {
  const queryAt = address.indexOf('?');
  const path = queryAt < 0 ? address : address.slice(0, queryAt);
  const query = queryAt < 0 ? '' : address.slice(queryAt + 1);
  const [paper = '', ...rest] = path.split('/');
  // `Object.hasOwn`: "constructor" or "toString" in an address is not a paper.
  if (!isPaperOf(papers, paper)) return fail('paper-unknown', { paper });
  const spec = papers[paper];
  let id: string;
  try {
    id = decodeURIComponent(rest.join('/')).trim();
  } catch {
    return fail('paper-not-found', { id: rest.join('/') });
  }
  if (spec.hasId && !id) return fail('paper-id-missing', { paper });
  if (!spec.hasId && id) return fail('paper-unknown', { paper: path });

  const params = Object.fromEntries(new URLSearchParams(query));
  const lang = params.lang ?? 'kk';
  if (!PAPER_LANGS.includes(lang as PaperLang)) return fail('paper-lang-invalid', { value: lang });
  const size = params.size ?? null;
  if (size !== null && !PAPER_SIZES.includes(size as PaperSize)) {
    return fail('paper-size-invalid', { value: size });
  }
  const problem = spec.checkParams?.(params) ?? null;
  if (problem) return { ok: false, problem };
  return {
    ok: true,
    request: {
      paper,
      id,
      lang: lang as PaperLang,
      size: size as PaperSize | null,
      orientation: spec.orientation,
      params,
    },
  };
}

function isPaperOf<N extends string>(
  papers: Readonly<Record<N, PaperSpec>>,
  name: string,
): name is N {
  return Object.hasOwn(papers, name);
}

/**
 * The address of a paper: `paperHref('talon', '01-26-01-0001')`,
 * `paperHref('journal', '', { from: '2026-12-01', to: '2026-12-31' })`. Without `lang` the paper
 * is Kazakh; without `size`, on the paper the device printed on last.
 */
export function paperHref(
  paper: string,
  id = '',
  params: Readonly<Record<string, string>> = {},
): string {
  const query = new URLSearchParams(params).toString();
  const path = id ? `${paper}/${encodeURIComponent(id)}` : paper;
  return hrefOf({ name: 'print', address: query ? `${path}?${query}` : path });
}
