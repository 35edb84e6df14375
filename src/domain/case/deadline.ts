/**
 * A case's deadline as a list row shows it: one colour and the step it is about. The colour is
 * the current step's, never a finished one's — a step completed late is history, shown in the
 * case's stage table, not a reason to paint today's list red.
 *
 * - `done`: the case is closed or cancelled;
 * - `overdue`: an open step's due has passed;
 * - `due_soon`: an open step is due today or on the next working day;
 * - `on_time`: anything else, including a case waiting at a step with no term of its own (a
 *   result waiting for the citizen to collect it).
 *
 * A handover the regulation writes no step for (the district confirming the file arrived, the
 * village confirming the result arrived) has no term of its own: its time is part of the next
 * step's term, which is already running — a file sent to the district and never confirmed there
 * turns overdue when the review's due has passed, not never.
 */
import { nextWorkingDay } from '../calendar/calendar';
import type { LocalDateTime } from '../calendar/dates';
import type { WorkCalendar } from '../calendar/types';
import type { Channel } from '../catalog/schema';
import {
  type DeadlineOptions,
  isOverdue,
  type StepDeadline,
  stageDeadlines,
  withVariant,
} from '../deadline';
import { nextActions, openSteps, type Process } from '../process';
import { type Case, processOf } from './reducer';

export type DeadlineColour = 'done' | 'on_time' | 'due_soon' | 'overdue';
export const DEADLINE_COLOURS: readonly DeadlineColour[] = [
  'overdue',
  'due_soon',
  'on_time',
  'done',
];

export interface CaseDeadline {
  colour: DeadlineColour;
  /** the open step with the earliest due, where an open step has a term */
  step?: StepDeadline;
}

/**
 * Whether nothing more can happen to the case: closed, cancelled, or any final status the
 * process adds later (a refusal at the desk). The process's word, so no list here goes stale.
 */
export function isFinished(state: Case): boolean {
  return nextActions(processOf(state), state).length === 0;
}

/**
 * The deadline of a case as of `asOf` (the office's local date-time). `channel` is the case's
 * channel from its catalog edition, without the variant (applied here).
 */
export function caseDeadline(
  cal: WorkCalendar,
  state: Case,
  channel: Channel,
  asOf: LocalDateTime,
  options: DeadlineOptions = {},
): CaseDeadline {
  if (isFinished(state)) return { colour: 'done' };
  const steps = stageDeadlines(
    cal,
    withVariant(channel, state.variant),
    state.registeredAt,
    state.completions,
    options,
  );
  const current = runningTerms(processOf(state), state);
  const open = steps
    .filter((s) => current.has(s.stepId) && !s.isDone)
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const step = open[0];
  if (!step) return { colour: 'on_time' };
  return { colour: stepColour(cal, step, asOf), step };
}

/**
 * The colour of one step still running as of `asOf`: overdue once its due has passed, due soon
 * on the working day before its due day and on that day, on time before. (A finished step has
 * no colour of its own: it is history, completed in time or late.)
 */
export function stepColour(
  cal: WorkCalendar,
  step: StepDeadline,
  asOf: LocalDateTime,
): Exclude<DeadlineColour, 'done'> {
  if (isOverdue(step, asOf)) return 'overdue';
  const soon = nextWorkingDay(cal, asOf.slice(0, 10));
  return step.dueDate <= soon ? 'due_soon' : 'on_time';
}

/**
 * The catalog steps whose terms run now: each open step's own, or for a step with no term (an
 * implicit handover) the next step's that has one.
 */
export function runningTerms(process: Process, state: Pick<Case, 'done'>): Set<string> {
  const terms = new Set<string>();
  for (const step of openSteps(process, state)) {
    const index = process.steps.indexOf(step);
    const term =
      step.deadlineStepId ??
      process.steps.slice(index + 1).find((s) => s.deadlineStepId !== null)?.deadlineStepId;
    if (term) terms.add(term);
  }
  return terms;
}
