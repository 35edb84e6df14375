/**
 * The deadline engine: walks a channel's steps in order and gives each step its start and due
 * moment, from the registration and from what has actually been done. A step starts when the
 * previous one was actually completed, or else at the previous one's due date; a step tied to
 * the registration (004: forward "within 20 calendar days of registration") is due from the
 * registration whatever happens before it; a step that runs in parallel with the previous one
 * starts with it, and the next step waits for both. The talon's "result ready" date is the due
 * date of the last step when nothing has been done yet.
 *
 * Results are plain data (they go into projections); `isOverdue` is a separate function.
 */

import { missingYears } from '../calendar/calendar';
import type { IsoDate } from '../calendar/dates';
import type { WorkCalendar } from '../calendar/types';
import type { Channel, Duration, Localized, StepRole, StepStage } from '../catalog/schema';
import {
  compareMoments,
  dueAfter,
  formatMoment,
  laterMoment,
  type Moment,
  momentOf,
} from './duration';
import {
  DEFAULT_BUSINESS_HOURS,
  type DeadlineOptions,
  effectiveRegistration,
  type RegistrationRule,
} from './registration';

/** Actual completion times (local date-times) of the channel's steps, by step id. */
export type StepCompletions = Readonly<Record<string, string>>;

/** Completion times by stage, as people say them ("forwarded on …"). */
export type StageCompletions = Partial<Record<StepStage, string>>;

/** A stage's completion ends the last step of that stage (a stage may have several steps). */
export function completionsByStage(channel: Channel, stages: StageCompletions): StepCompletions {
  const out: Record<string, string> = {};
  for (const [stage, at] of Object.entries(stages)) {
    const step = channel.steps.findLast((s) => s.stage === stage);
    if (step && at !== undefined) out[step.id] = at;
  }
  return out;
}

/** The channel with a variant's terms in place of its steps' own (an unknown variant: as is). */
export function withVariant(channel: Channel, variantId: string | undefined): Channel {
  const variant = channel.variants?.find((v) => v.id === variantId);
  if (!variant) return channel;
  return {
    ...channel,
    steps: channel.steps.map((s) => {
      const duration = variant.durations[s.id];
      return duration ? { ...s, duration } : s;
    }),
  };
}

export interface StepDeadline {
  stepId: string;
  role: StepRole;
  stage: StepStage;
  action: Localized;
  duration: Duration;
  /** how the due was found: after the previous step, in parallel with it, or from registration */
  basis: 'sequence' | 'parallel' | 'registration';
  /** ISO date, or local date-time when the time of day is known */
  start: string;
  /** ISO date; local date-time for minute and hour steps */
  due: string;
  /** the due's date, for journals and the talon */
  dueDate: IsoDate;
  /** the start day is day 1 of this step's term (the regulation counts the submission day) */
  isStartDayCounted: boolean;
  /** completed, or implied done because a later step was completed */
  isDone: boolean;
  /** the recorded completion, on the step that closes its stage */
  completedAt?: string;
}

export interface DeadlinePlan {
  registration: RegistrationRule;
  steps: StepDeadline[];
  /** years the deadlines run through that the calendar does not hold (counted by law only) */
  missingYears: number[];
}

/** The index of each step with a recorded completion. */
function closingSteps(channel: Channel, completions: StepCompletions): Map<number, string> {
  const closing = new Map<number, string>();
  channel.steps.forEach((step, index) => {
    const at = completions[step.id];
    if (at !== undefined) closing.set(index, at);
  });
  return closing;
}

/** The steps' deadlines with the registration rule that applied and any calendar gaps. */
export function deadlinePlan(
  cal: WorkCalendar,
  channel: Channel,
  registeredAt: string,
  completions: StepCompletions = {},
  options: DeadlineOptions = {},
): DeadlinePlan {
  const hours = options.businessHours ?? DEFAULT_BUSINESS_HOURS;
  const registration = effectiveRegistration(cal, channel, registeredAt, options);
  const registrationStart = momentOf(registration.effectiveAt);
  const closing = closingSteps(channel, completions);
  // A completed step implies that every step before it in the chain is done.
  const lastClosed = Math.max(-1, ...closing.keys());

  const steps: StepDeadline[] = [];
  let groupStart: Moment = registrationStart;
  let groupStartIsRegistration = true;
  let groupEnd: Moment = registrationStart;

  channel.steps.forEach((step, index) => {
    const isParallel = index > 0 && step.isParallelWithPrevious === true;
    const start = isParallel ? groupStart : groupEnd;
    const startIsRegistration = isParallel ? groupStartIsRegistration : index === 0;
    const due = step.anchor
      ? dueAfter(
          cal,
          step.anchor.limit,
          registrationStart,
          registration.isSubmissionDayCounted,
          hours,
        )
      : dueAfter(
          cal,
          step.duration,
          start,
          startIsRegistration && registration.isSubmissionDayCounted,
          hours,
        );
    const completedAt = closing.get(index);
    const end = completedAt === undefined ? due : momentOf(completedAt);

    steps.push({
      stepId: step.id,
      role: step.role,
      stage: step.stage,
      action: step.action,
      duration: step.duration,
      basis: step.anchor ? 'registration' : isParallel ? 'parallel' : 'sequence',
      start: formatMoment(start),
      due: formatMoment(due),
      dueDate: due.date,
      isStartDayCounted: step.anchor
        ? registration.isSubmissionDayCounted
        : startIsRegistration && registration.isSubmissionDayCounted,
      isDone: completedAt !== undefined || index < lastClosed,
      ...(completedAt === undefined ? {} : { completedAt }),
    });

    if (isParallel) {
      groupEnd = laterMoment(groupEnd, end);
    } else {
      groupStart = start;
      groupStartIsRegistration = startIsRegistration;
      groupEnd = end;
    }
  });

  // ISO dates sort as text.
  const lastDue =
    [registration.effectiveDay, ...steps.map((s) => s.dueDate)].sort().at(-1) ??
    registration.effectiveDay;
  return {
    registration,
    steps,
    missingYears: missingYears(cal, registration.effectiveDay, lastDue),
  };
}

/** Each step's start and due, in the channel's order. */
export function stageDeadlines(
  cal: WorkCalendar,
  channel: Channel,
  registeredAt: string,
  completions: StepCompletions = {},
  options: DeadlineOptions = {},
): StepDeadline[] {
  return deadlinePlan(cal, channel, registeredAt, completions, options).steps;
}

export interface ResultDue {
  /** the date the result can be collected: what the talon prints */
  date: IsoDate;
  /** the last step's due as computed (a date-time for a minute-long last step) */
  dueAt: string;
  lastStepId: string | null;
  registration: RegistrationRule;
  missingYears: number[];
}

/**
 * The date the result can be collected, as printed on the talon: the due date of the last step
 * with nothing yet completed. When the last steps run in parallel, the latest of them.
 */
export function resultDue(
  cal: WorkCalendar,
  channel: Channel,
  registeredAt: string,
  options: DeadlineOptions = {},
): ResultDue {
  const plan = deadlinePlan(cal, channel, registeredAt, {}, options);
  let last: StepDeadline | undefined;
  for (const step of plan.steps) {
    if (!last || compareMoments(momentOf(step.due), momentOf(last.due)) >= 0) last = step;
  }
  return {
    date: last?.dueDate ?? plan.registration.effectiveDay,
    dueAt: last?.due ?? plan.registration.effectiveAt,
    lastStepId: last?.stepId ?? null,
    registration: plan.registration,
    missingYears: plan.missingYears,
  };
}

/**
 * Whether a step is late as of `asOf` (local date-time or date): an open step whose due has
 * passed, or a completed step that was completed after its due. A step only implied done by a
 * later completion is never reported late (its own time is not known). A date-only due lasts
 * to the end of that day; a date-only `asOf` is the start of that day.
 */
export function isOverdue(step: StepDeadline, asOf: string): boolean {
  if (step.isDone && step.completedAt === undefined) return false;
  const when = momentOf(step.completedAt ?? asOf);
  const at: Moment =
    step.completedAt === undefined && when.minutes === null ? { ...when, minutes: 0 } : when;
  return compareMoments(at, momentOf(step.due)) > 0;
}
