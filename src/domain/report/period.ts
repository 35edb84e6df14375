/**
 * The period a report covers: office days `from` to `to`, both included, in the offices' wall
 * clock (Asia/Almaty, as events carry it). A case belongs to the period by the day it was
 * registered (or refused at the desk); what happened to it is counted as of the end of `to`.
 */
import { type IsoDate, isIsoDate } from '../calendar/dates';
import type { Problem } from '../errors';

export interface ReportPeriod {
  from: IsoDate;
  to: IsoDate;
}

/** What is wrong with a period, or null: both dates real, `from` not after `to`. */
export function periodProblem(from: string, to: string): Problem | null {
  if (!isIsoDate(from)) return { code: 'date-invalid', details: { field: 'from' } };
  if (!isIsoDate(to)) return { code: 'date-invalid', details: { field: 'to' } };
  if (from > to) return { code: 'report-period-invalid', details: { from, to } };
  return null;
}

/** The last minute of the period's last day: the moment outcomes are counted as of. */
export function periodEnd(period: ReportPeriod): string {
  return `${period.to}T23:59`;
}

/** Whether a local date or date-time falls on a day of the period. */
export function isInPeriod(period: ReportPeriod, local: string): boolean {
  const day = local.slice(0, 10);
  return day >= period.from && day <= period.to;
}

/** The first day of `today`'s month to `today`: the report screen's default period. */
export function monthToDate(today: IsoDate): ReportPeriod {
  return { from: `${today.slice(0, 8)}01`, to: today };
}
