/**
 * A result waiting at the village for the citizen to collect it: since when, how many days, and
 * whether it counts as uncollected.
 *
 * The akim-channel regulations give the hand-out its own short term (003-06: one working day)
 * but say nothing of a citizen who does not come. The one rule the seeds give is the ХҚО's: it
 * keeps a result not collected in time for one month, then passes it to the provider for further
 * storage (seed 003, line 3096, regulation 20 — `act003b.ts` carries it as a special rule); 002
 * obliges staff to keep documents not collected within the set term (seed 002, lines 314–315).
 * Qabyldau applies the same month at the village office: a result waiting a month or more is
 * flagged uncollected, so the clerk calls the citizen again and keeps the paper apart.
 */
import { type IsoDate, type LocalDateTime, toDayNumber } from '../calendar/dates';

/** Seed 003, line 3096: a result not collected is kept for one month. */
export const UNCOLLECTED_AFTER_MONTHS = 1;

export interface ResultWaiting {
  /** the day the result became ready to hand out at the village */
  since: IsoDate;
  /** whole calendar days since then (0 on the day it arrived) */
  daysWaiting: number;
  /** the first day it counts as uncollected */
  uncollectedFrom: IsoDate;
  isUncollected: boolean;
}

/**
 * When the result became ready to hand out: the last step recorded in the case's current round
 * (the result's arrival from the district, or the akim's signature of a certificate rendered at
 * the village).
 */
export function readySince(done: Readonly<Record<string, string>>): LocalDateTime | undefined {
  return Object.values(done).sort().at(-1);
}

/** The same day `months` later; the month's last day where it is shorter (31 Jan → 28 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
  const index = y * 12 + (m - 1) + months;
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(d, last))}`;
}

export function resultWaiting(since: LocalDateTime, asOf: LocalDateTime): ResultWaiting {
  const day = since.slice(0, 10);
  const today = asOf.slice(0, 10);
  const uncollectedFrom = addMonths(day, UNCOLLECTED_AFTER_MONTHS);
  return {
    since: day,
    daysWaiting: Math.max(0, toDayNumber(today) - toDayNumber(day)),
    uncollectedFrom,
    isUncollected: today >= uncollectedFrom,
  };
}
