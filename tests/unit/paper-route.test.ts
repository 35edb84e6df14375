/**
 * Paper addresses: the app's router hands `#/print/…` to the print view whole; the print view
 * reads it against the table of papers, with the language, the size and a paper's own
 * parameters, and turns every wrong address into a problem to tell, never an exception.
 */
import { describe, expect, it } from 'vitest';
import { hrefOf, parseRoute } from '../../src/features/app/router';
import { PAPERS } from '../../src/features/print/papers';
import { type PaperSpec, paperHref, parsePaperRoute } from '../../src/features/print/route';

/** What `paperHref` wrote, read back as the app reads it. */
function readBack(href: string) {
  const route = parseRoute(href);
  if (route?.name !== 'print') throw new Error(`${href} is not a paper's address`);
  return parsePaperRoute(route.address, PAPERS);
}

describe('the app router', () => {
  it('hands a paper’s whole address to the print view', () => {
    expect(parseRoute('#/print/talon/01-26-01-0001?lang=ru&size=80mm')).toEqual({
      name: 'print',
      address: 'talon/01-26-01-0001?lang=ru&size=80mm',
    });
    expect(parseRoute('#/print/journal?from=2026-12-01&to=2026-12-31')).toEqual({
      name: 'print',
      address: 'journal?from=2026-12-01&to=2026-12-31',
    });
    expect(parseRoute('#/print')).toEqual({ name: 'print', address: '' });
  });

  it('writes the address it reads', () => {
    for (const hash of ['#/print/register/T01-26-01-001?lang=kk', '#/case/abc', '#/journal']) {
      const route = parseRoute(hash);
      expect(route && hrefOf(route)).toBe(hash);
    }
  });

  it('no longer knows the old talon and register addresses', () => {
    expect(parseRoute('#/talon/0190d9a2')).toBeNull();
    expect(parseRoute('#/register/0190d9a2')).toBeNull();
  });
});

describe('parsePaperRoute', () => {
  it('reads each paper of the table with Kazakh as the default language', () => {
    expect(parsePaperRoute('talon/01-26-01-0001', PAPERS)).toEqual({
      ok: true,
      request: {
        paper: 'talon',
        id: '01-26-01-0001',
        lang: 'kk',
        size: null,
        orientation: 'portrait',
        params: {},
      },
    });
    const journal = parsePaperRoute(
      'journal?from=2026-12-01&to=2026-12-31&lang=ru&size=a4',
      PAPERS,
    );
    expect(journal).toMatchObject({
      ok: true,
      request: {
        paper: 'journal',
        id: '',
        lang: 'ru',
        size: 'a4',
        orientation: 'landscape',
        params: { from: '2026-12-01', to: '2026-12-31' },
      },
    });
    expect(parsePaperRoute('sheet/003-06?size=80mm', PAPERS)).toMatchObject({
      ok: true,
      request: { paper: 'sheet', id: '003-06', size: '80mm' },
    });
    expect(parsePaperRoute('register/T01-26-01-001', PAPERS)).toMatchObject({
      ok: true,
      request: { paper: 'register', id: 'T01-26-01-001' },
    });
  });

  it('names the problem of a wrong address', () => {
    const problem = (address: string) => {
      const parsed = parsePaperRoute(address, PAPERS);
      return parsed.ok ? null : parsed.problem;
    };
    expect(problem('')).toEqual({ code: 'paper-unknown', details: { paper: '' } });
    expect(problem('passport/1')).toEqual({
      code: 'paper-unknown',
      details: { paper: 'passport' },
    });
    // Names every object has are not papers.
    expect(problem('constructor/1')?.code).toBe('paper-unknown');
    expect(problem('toString')?.code).toBe('paper-unknown');
    expect(problem('talon')).toEqual({ code: 'paper-id-missing', details: { paper: 'talon' } });
    expect(problem('talon/?lang=kk')?.code).toBe('paper-id-missing');
    expect(problem('journal/5?from=2026-12-01&to=2026-12-31')?.code).toBe('paper-unknown');
    expect(problem('talon/1?lang=en')).toEqual({
      code: 'paper-lang-invalid',
      details: { value: 'en' },
    });
    expect(problem('talon/1?size=a5')).toEqual({
      code: 'paper-size-invalid',
      details: { value: 'a5' },
    });
    expect(problem('talon/%E0%A4%A')?.code).toBe('paper-not-found');
  });

  it('checks the journal’s period', () => {
    const code = (query: string) => {
      const parsed = parsePaperRoute(`journal?${query}`, PAPERS);
      return parsed.ok ? 'ok' : parsed.problem.code;
    };
    expect(code('from=2026-12-01&to=2026-12-01')).toBe('ok');
    expect(code('')).toBe('paper-period-invalid');
    expect(code('from=2026-12-01')).toBe('paper-period-invalid');
    expect(code('from=2026-12-31&to=2026-12-01')).toBe('paper-period-invalid');
    expect(code('from=2026-02-30&to=2026-03-01')).toBe('paper-period-invalid');
    expect(code('from=01.12.2026&to=2026-12-31')).toBe('paper-period-invalid');
  });

  it('takes a new paper from its table entry alone', () => {
    const papers: Record<'receipt' | 'order', PaperSpec> = {
      receipt: { hasId: true, orientation: 'portrait' },
      order: {
        hasId: true,
        orientation: 'portrait',
        checkParams: (params) =>
          params.copy === undefined || /^\d$/.test(params.copy)
            ? null
            : { code: 'paper-param-invalid', details: { param: 'copy', value: params.copy } },
      },
    };
    expect(parsePaperRoute('receipt/01-26-01-0007?lang=ru', papers)).toMatchObject({
      ok: true,
      request: { paper: 'receipt', id: '01-26-01-0007', lang: 'ru' },
    });
    expect(parsePaperRoute('order/01-26-01-0007?copy=x', papers)).toEqual({
      ok: false,
      problem: { code: 'paper-param-invalid', details: { param: 'copy', value: 'x' } },
    });
    expect(parsePaperRoute('talon/01-26-01-0007', papers)).toMatchObject({ ok: false });
  });
});

describe('paperHref', () => {
  it('makes addresses the print view reads back', () => {
    expect(paperHref('talon', '01-26-01-0001')).toBe('#/print/talon/01-26-01-0001');
    expect(
      readBack(paperHref('talon', '01-26-01-0001', { lang: 'ru', size: '80mm' })),
    ).toMatchObject({
      ok: true,
      request: { paper: 'talon', id: '01-26-01-0001', lang: 'ru', size: '80mm' },
    });
    expect(
      readBack(paperHref('journal', '', { from: '2026-12-01', to: '2026-12-31' })),
    ).toMatchObject({ ok: true, request: { params: { from: '2026-12-01', to: '2026-12-31' } } });
  });

  it('keeps an id with characters an address cannot carry as they are', () => {
    const href = paperHref('register', 'T01/26 ә?');
    expect(readBack(href)).toMatchObject({ ok: true, request: { id: 'T01/26 ә?' } });
  });
});
