/**
 * `deadline`: the deadlines of one application as the device would count them, for an
 * administrator answering "when is this due?" or checking a talon's date by hand. It runs the
 * same engine as intake over the shipped catalog and working-day calendar: each step's due, and
 * the result date the talon prints.
 *
 * `--completed <stage>=<date-time>` (repeatable) records when a stage was actually done, so the
 * later steps are counted from that moment, as on a case in progress. `resultDue` stays the
 * talon's date, counted from the registration alone: the talon never changes once printed.
 */
import { DEFAULT_CALENDAR, isIsoDate } from '../../src/domain/calendar';
import { findService } from '../../src/domain/catalog';
import { CHANNEL_KINDS, type StepStage } from '../../src/domain/catalog/schema';
import {
  completionsByStage,
  deadlinePlan,
  resultDue,
  type StageCompletions,
  type StepDeadline,
} from '../../src/domain/deadline';
import { ApiError } from '../http/errors';
import {
  CommandFailure,
  optionList,
  type PureCommand,
  requireOneOf,
  requireString,
  UsageError,
} from './command';

/** `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`, Kazakhstan wall clock, the forms the engine takes. */
function isLocalMoment(value: string): boolean {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!match?.[1] || !isIsoDate(match[1])) return false;
  return match[2] === undefined || (Number(match[2]) <= 23 && Number(match[3]) <= 59);
}

function requireMoment(name: string, value: string): string {
  if (!isLocalMoment(value)) {
    throw new UsageError(`--${name} must be YYYY-MM-DD or YYYY-MM-DDTHH:mm, got "${value}"`);
  }
  return value;
}

/** `review=2026-04-10T15:00` → { review: '2026-04-10T15:00' }, for stages the channel has. */
function parseCompletions(values: string[], stages: readonly StepStage[]): StageCompletions {
  const completions: StageCompletions = {};
  for (const value of values) {
    const [stage = '', at = ''] = value.split('=', 2);
    if (!(stages as readonly string[]).includes(stage)) {
      throw new UsageError(
        `--completed "${value}": the stage must be one of this channel's: ${stages.join(', ')}`,
      );
    }
    if (completions[stage as StepStage] !== undefined) {
      throw new UsageError(`--completed: stage ${stage} given twice`);
    }
    completions[stage as StepStage] = requireMoment('completed', at);
  }
  return completions;
}

function stageJson(step: StepDeadline) {
  return {
    stepId: step.stepId,
    stage: step.stage,
    role: step.role,
    action: { kk: step.action.kk, ru: step.action.ru },
    duration: { value: step.duration.value, unit: step.duration.unit },
    start: step.start,
    due: step.due,
    isDone: step.isDone,
    ...(step.completedAt === undefined ? {} : { completedAt: step.completedAt }),
  };
}

export const deadlineCommand: PureCommand = {
  needsStore: false,
  summary: "an application's step deadlines and the talon's result date",
  usage:
    'deadline --service <id> --channel <provider|pso|akim|egov> --registered <YYYY-MM-DDTHH:mm> ' +
    '[--completed <stage>=<YYYY-MM-DDTHH:mm>]... [--json]',
  options: {
    service: { type: 'string' },
    channel: { type: 'string' },
    registered: { type: 'string' },
    completed: { type: 'string', multiple: true },
  },
  async run(context) {
    const serviceId = requireString(context, 'service');
    const channelKind = requireOneOf(context, 'channel', CHANNEL_KINDS);
    const registeredAt = requireMoment('registered', requireString(context, 'registered'));

    const service = findService(serviceId);
    if (!service) throw new ApiError('service-unknown', `no service ${serviceId} in the catalog`);
    const channel = service.channels[channelKind];
    if (!channel) {
      const offered = CHANNEL_KINDS.filter((k) => service.channels[k] !== undefined);
      throw new ApiError(
        'channel-unknown',
        `service ${serviceId} has no ${channelKind} channel (it has: ${offered.join(', ') || 'none'})`,
      );
    }
    if (channel.steps.length === 0) {
      // The regulation names the channel but gives no steps (e.g. it refers to the Standard),
      // so there is nothing to count a deadline from.
      throw new CommandFailure(
        'channel-no-steps',
        `the regulation lists no steps for the ${channelKind} channel of service ${serviceId}, so it has no deadlines to count`,
      );
    }
    const completions = parseCompletions(optionList(context, 'completed'), [
      ...new Set(channel.steps.map((s) => s.stage)),
    ]);

    const plan = deadlinePlan(
      DEFAULT_CALENDAR,
      channel,
      registeredAt,
      completionsByStage(channel, completions),
    );
    const talon = resultDue(DEFAULT_CALENDAR, channel, registeredAt);
    const { registration } = plan;
    const json = {
      service: service.id,
      channel: channelKind,
      deleted: service.isDeleted,
      registration: {
        submittedAt: registration.submittedAt,
        effectiveDay: registration.effectiveDay,
        effectiveAt: registration.effectiveAt,
        reason: registration.reason,
        isSubmissionDayCounted: registration.isSubmissionDayCounted,
      },
      stages: plan.steps.map(stageJson),
      resultDue: talon.date,
      missingYears: plan.missingYears,
    };

    const idWidth = Math.max(...plan.steps.map((s) => s.stepId.length));
    const text = [
      `${service.id} ${channelKind}: ${service.name.kk}`,
      ...(service.isDeleted ? ['note: this regulation is deleted'] : []),
      `registered ${registeredAt}; counts from ${registration.effectiveDay} (${registration.reason})`,
      ...plan.steps.map((s) =>
        [
          `  ${s.stepId.padEnd(idWidth)}`,
          s.role.padEnd(20),
          `${s.duration.value} ${s.duration.unit}`.padEnd(17),
          `due ${s.due.padEnd(16)}`,
          s.completedAt ? `done ${s.completedAt}` : s.isDone ? 'done' : '',
        ]
          .join(' ')
          .trimEnd(),
      ),
      `result due (talon): ${talon.date}`,
      ...(plan.missingYears.length > 0
        ? [`note: no calendar data for ${plan.missingYears.join(', ')}; counted by the law only`]
        : []),
    ].join('\n');
    return { json, text };
  },
};
