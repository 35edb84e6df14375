/**
 * The journal paper's period: `from` and `to`, days of registration, both included. Apart from
 * the paper itself so the route table checks an address without loading the paper.
 */
import type { PaperProblem } from '../route';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether the text is a day of the calendar in ISO form (2026-02-30 is not). */
export function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

export function checkPeriod(params: Readonly<Record<string, string>>): PaperProblem | null {
  const from = params.from ?? '';
  const to = params.to ?? '';
  // ISO dates compare as text: "from after to" is a period with nothing in it, surely a slip.
  if (!isIsoDate(from) || !isIsoDate(to) || from > to) {
    return { code: 'paper-period-invalid', details: { from, to } };
  }
  return null;
}
