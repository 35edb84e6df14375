/**
 * Reports from the event log: for a period and optionally one office and one service, what came
 * of the applications and how the deadlines were kept. Pure: the server gives it the events of
 * its store, a district device those of its own copy, with the same calendar, catalog editions
 * and office hours, and both get the same figures (docs/adr/0011-reports.md).
 */
import type { CaseEvent } from '../case/events';
import { casesOfPeriod, type ReportFilter } from './cases';
import { type Report, reportOf } from './figures';
import type { ReportPeriod } from './period';
import { type ReportSources, type StepRow, stepRows } from './steps';

export type { ReportCase, ReportFilter } from './cases';
export { casesOfPeriod } from './cases';
export type {
  CaseCounts,
  DeskFigures,
  GroupFigures,
  OfficeFigures,
  OnTime,
  Report,
  ServiceFigures,
  StageFigures,
  StepFigures,
} from './figures';
export { onTimeOf, reportOf, stagesOf, stepsOf } from './figures';
export { isInPeriod, monthToDate, periodEnd, periodProblem, type ReportPeriod } from './period';
export { elapsed, type ReportSources, type StepRow, stepRows } from './steps';

/**
 * The report and its step rows, from the events of any cases in fold order (each case's events
 * in the log's order; cases may interleave).
 */
export function buildReport(
  sources: ReportSources,
  events: readonly CaseEvent[],
  period: ReportPeriod,
  filter: ReportFilter = {},
): { report: Report; rows: StepRow[] } {
  const cases = casesOfPeriod(events, period, filter);
  const rows = stepRows(sources, cases);
  return { report: reportOf(sources, period, filter, cases, rows), rows };
}
