/**
 * The per-step rows of a report (`export steps`): one row per case and catalog step, with the
 * step's term, its due from the deadline engine (`stageDeadlines`, the same dates the case screen
 * and the talon show), when it was completed, and whether in time. Every step figure of the
 * report is counted from these rows (`figures.ts`), so the export and the report cannot differ.
 *
 * Rows are the steps the case has walked or still has to walk: a step passed over (the head's
 * optional resolution, implied done by a later step) has no time of its own and no row, and
 * neither have the steps a finished case never reached (a returned file closed with a refusal, a
 * cancelled registration, a refusal at the desk). So `completedAt` is null exactly while a step
 * is open, and `onTime` with it.
 */
import { isWorkingDay, workingDaysBetween } from '../calendar/calendar';
import { type IsoDate, parseLocal, toDayNumber } from '../calendar/dates';
import type { WorkCalendar } from '../calendar/types';
import { isFinished } from '../case/deadline';
import type { Case } from '../case/reducer';
import type {
  Channel,
  ChannelKind,
  Duration,
  DurationUnit,
  StepRole,
  StepStage,
} from '../catalog/schema';
import {
  type DeadlineOptions,
  isOverdue,
  type StepDeadline,
  stageDeadlines,
  withVariant,
} from '../deadline';
import type { ReportCase } from './cases';

/** One case's one step. The keys are the `export steps --json` keys. */
export interface StepRow {
  registrationNumber: string;
  /** the office that registered the case */
  office: string;
  service: string;
  channel: ChannelKind;
  /** the catalog step's id within its channel */
  stepId: string;
  role: StepRole;
  stage: StepStage;
  /** the step's term, its variant applied */
  term: Duration;
  /** a date; a local date-time for a step counted in minutes or hours */
  due: string;
  /** local date-time; null while the step is open */
  completedAt: string | null;
  /** null while the step is open */
  onTime: boolean | null;
  /** from the step's start to its completion, in the unit of its term; null while open */
  duration: number | null;
}

/** What the rows are counted with besides the events. */
export interface ReportSources {
  calendar: WorkCalendar;
  /** the case's channel in the catalog edition it was registered under, its variant not applied */
  channelOf(state: Pick<Case, 'serviceId' | 'channel' | 'catalogVersion'>): Channel | undefined;
  /** the deadline engine's options for an office (its hours) */
  optionsFor(officeId: string): DeadlineOptions;
}

/**
 * How long a step took, in its term's unit, counted as its term is: working days over the
 * calendar, calendar days, or minutes (hours) of wall clock. Day counts follow the start-day
 * rule of the term (the day after the start is day 1, unless the regulation counts the start
 * day); a minute-long step whose start has no time of day is not measured.
 */
export function elapsed(
  cal: WorkCalendar,
  unit: DurationUnit,
  start: string,
  completedAt: string,
  isStartDayCounted: boolean,
): number | null {
  const from = parseLocal(start);
  const to = parseLocal(completedAt);
  const startDay = (counted: boolean, date: IsoDate) =>
    counted && isWorkingDay(cal, date) ? 1 : 0;
  switch (unit) {
    case 'working_days':
      return Math.max(
        0,
        workingDaysBetween(cal, from.date, to.date) + startDay(isStartDayCounted, from.date),
      );
    case 'calendar_days':
      return Math.max(
        0,
        toDayNumber(to.date) - toDayNumber(from.date) + (isStartDayCounted ? 1 : 0),
      );
    case 'minutes':
    case 'hours': {
      if (from.minutes === null || to.minutes === null) return null;
      const minutes =
        (toDayNumber(to.date) - toDayNumber(from.date)) * 24 * 60 + to.minutes - from.minutes;
      const value = Math.max(0, minutes) / (unit === 'hours' ? 60 : 1);
      return Math.round(value * 100) / 100;
    }
  }
}

function rowOf(cal: WorkCalendar, state: Case, step: StepDeadline): StepRow {
  const completedAt = step.completedAt ?? null;
  return {
    registrationNumber: state.regNumber,
    office: state.officeId,
    service: state.serviceId,
    channel: state.channel,
    stepId: step.stepId,
    role: step.role,
    stage: step.stage,
    term: step.duration,
    due: step.due,
    completedAt,
    onTime: completedAt === null ? null : !isOverdue(step, completedAt),
    duration:
      completedAt === null
        ? null
        : elapsed(cal, step.duration.unit, step.start, completedAt, step.isStartDayCounted),
  };
}

/** One case's rows, in the channel's order; none for a service the catalog no longer has. */
export function caseStepRows(sources: ReportSources, one: ReportCase): StepRow[] {
  const { state } = one;
  if (one.isRefusedAtIntake) return [];
  const channel = sources.channelOf(state);
  if (!channel) return [];
  const steps = stageDeadlines(
    sources.calendar,
    withVariant(channel, state.variant),
    state.registeredAt,
    state.completions,
    sources.optionsFor(state.officeId),
  );
  const finished = isFinished(state);
  return steps
    .filter((s) => (s.isDone ? s.completedAt !== undefined : !finished))
    .map((s) => rowOf(sources.calendar, state, s));
}

/** The rows of every case of the period, case by case in the period's order. */
export function stepRows(sources: ReportSources, cases: readonly ReportCase[]): StepRow[] {
  return cases.flatMap((one) => caseStepRows(sources, one));
}
