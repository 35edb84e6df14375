/**
 * What every printed paper is checked for, shared by the papers' browser tests: dates with month
 * names written out here apart from the app's formatter, every label of a paper in its language
 * and none of the other's, the bundled typeface alone, the 80 mm roll's width with every line
 * inside it.
 */
import { expect } from 'vitest';
import { PAPER_LABELS } from '../../../src/features/print/labels';
import { type PdfPaper, squash } from './paper';

/** 80 mm in PDF points, and what Chromium may round it to. */
export const ROLL_WIDTH_PT = (80 / 25.4) * 72;
export const A4 = { short: 595.28, long: 841.89 };

export type Lang = 'kk' | 'ru';
export const other = (lang: Lang): Lang => (lang === 'kk' ? 'ru' : 'kk');

/** Month names written out here, apart from the app's formatter, to check its output. */
const MONTHS = {
  kk: 'қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан',
  ru: 'января февраля марта апреля мая июня июля августа сентября октября ноября декабря',
};
export function dateWords(iso: string, lang: Lang): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const month = MONTHS[lang].split(' ')[m - 1];
  return `${d} ${month} ${y} ${lang === 'kk' ? 'ж.' : 'г.'}`;
}
export const dateTimeWords = (iso: string, lang: Lang) =>
  `${dateWords(iso, lang)}, ${iso.slice(11, 16)}`;

/** Every string of a label group, nested groups included; functions are not labels. */
export function strings(group: unknown): string[] {
  if (typeof group === 'string') return [group];
  if (!group || typeof group !== 'object') return [];
  return Object.values(group).flatMap(strings);
}

/** The strings of a group printed on every copy of the paper: its own, not its nested groups. */
export function printedAlways(group: Record<string, unknown>): string[] {
  return Object.values(group).filter((v): v is string => typeof v === 'string');
}

/**
 * The paper reads in its language: each of `expected` is in it, and no label of the other
 * language that this language does not share (ТАЛОН, №) is.
 */
export function expectLanguage(pdf: PdfPaper, lang: Lang, expected: string[]): void {
  const text = squash(pdf.text);
  for (const label of expected)
    expect(text, `"${label}" on the ${lang} paper`).toContain(squash(label));
  const own = new Set(strings(PAPER_LABELS[lang]).map(squash));
  for (const label of strings(PAPER_LABELS[other(lang)])) {
    if (own.has(squash(label))) continue;
    expect(text, `"${label}" (${other(lang)}) on the ${lang} paper`).not.toContain(squash(label));
  }
}

/** Chromium's PDF of a page printed with the bundled typeface embeds it and no fallback. */
export function expectBundledFont(pdf: PdfPaper): void {
  expect(pdf.fonts.length).toBeGreaterThan(0);
  for (const font of pdf.fonts) expect(font).toMatch(/^NotoSans-/);
}

export function expectRollPages(pdf: PdfPaper): void {
  for (const page of pdf.pages) {
    expect(Math.abs(page.width - ROLL_WIDTH_PT)).toBeLessThan(1);
    // Every line wrapped inside the roll, none past its edge.
    for (const item of page.items) {
      expect(item.x, item.str).toBeGreaterThanOrEqual(0);
      expect(item.x + item.width, item.str).toBeLessThanOrEqual(page.width + 0.5);
    }
  }
}
