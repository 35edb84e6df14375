/**
 * `process`: the steps a case of a service and channel walks, as the app and the server run
 * them — `buildProcess` over the shipped catalog edition, the same function the device's
 * commands, the server's push validation and the authorization matrix ask. For each step: where
 * it happens, the regulation's role and who records it in Qabyldau, its stage and term (null for
 * a handover the catalog leaves implicit), the event that records it, the papers it produces and
 * the variants that give it another term. `--variant` applies one, as intake does.
 *
 * A reference command: it answers from the domain alone and opens no database.
 */
import { CATALOG_VERSION, findService } from '../../src/domain/catalog';
import {
  CHANNEL_KINDS,
  type ChannelKind,
  type Duration,
  type Step,
} from '../../src/domain/catalog/schema';
import { buildProcess, type ProcessStep } from '../../src/domain/process';
import { ApiError } from '../http/errors';
import { CommandFailure, type PureCommand, requireString } from './command';

const span = (d: Duration) => `${d.value} ${d.unit}`;

function stepJson(step: ProcessStep, anchor: Step['anchor']) {
  return {
    id: step.id,
    at: step.at,
    role: step.role,
    stage: step.stage,
    duration: step.duration && { value: step.duration.value, unit: step.duration.unit },
    records: step.records,
    papers: [...step.papers],
    variants: step.variants.map((v) => ({
      id: v.id,
      duration: { value: v.duration.value, unit: v.duration.unit },
    })),
    performers: [...step.performers],
    parallel: step.isParallelWithPrevious,
    optional: step.isOptional,
    implicit: step.deadlineStepId === null,
    // 004: the akim forwards within 20 calendar days of registration, not of the previous step
    ...(anchor ? { anchor: { from: anchor.from, limit: anchor.limit } } : {}),
  };
}

/** A plain table: every column as wide as its widest cell. */
function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export const processCommand: PureCommand = {
  needsStore: false,
  summary: 'the steps a case of a service and channel walks, as the app and server run them',
  usage: 'process --service <id> --channel <provider|pso|akim|egov> [--variant <id>] [--json]',
  options: {
    service: { type: 'string' },
    channel: { type: 'string' },
    variant: { type: 'string' },
  },
  async run(context) {
    const serviceId = requireString(context, 'service');
    const channelName = requireString(context, 'channel');
    const variant =
      context.options.variant === undefined ? null : requireString(context, 'variant');

    const service = findService(serviceId);
    if (!service) throw new ApiError('service-unknown', `no service ${serviceId} in the catalog`);
    const offered = CHANNEL_KINDS.filter((k) => service.channels[k] !== undefined);
    // A channel the service does not have, whether or not it is a channel at all: exit 1.
    const channel = (CHANNEL_KINDS as readonly string[]).includes(channelName)
      ? service.channels[channelName as ChannelKind]
      : undefined;
    if (!channel) {
      throw new ApiError(
        'channel-unknown',
        `service ${serviceId} has no ${channelName} channel (it has: ${offered.join(', ') || 'none'})`,
      );
    }
    const kind = channelName as ChannelKind;
    if (channel.steps.length === 0) {
      throw new CommandFailure(
        'channel-no-steps',
        `the regulation lists no steps for the ${kind} channel of service ${serviceId}, so a case cannot be registered on it`,
      );
    }
    if (variant !== null && !channel.variants?.some((v) => v.id === variant)) {
      const ids = channel.variants?.map((v) => v.id) ?? [];
      throw new ApiError(
        'variant-unknown',
        `the ${kind} channel of service ${serviceId} has no variant ${variant} (${
          ids.length ? `it has: ${ids.join(', ')}` : 'it has none'
        })`,
      );
    }
    const process = buildProcess({
      serviceId,
      channel: kind,
      edition: CATALOG_VERSION,
      variant,
    });
    if (!process) {
      // The catalog and the outlines the process is built from disagree: outlines.json is stale.
      throw new CommandFailure(
        'process-unavailable',
        `no process for ${serviceId} ${kind}: src/domain/process/outlines.json does not match the catalog`,
      );
    }

    const anchorOf = (s: ProcessStep) =>
      channel.steps.find((c) => c.id === s.deadlineStepId)?.anchor;
    const variants = (channel.variants ?? []).map((v) => ({
      id: v.id,
      name: { kk: v.name.kk, ru: v.name.ru },
      durations: v.durations,
      source: { seed: v.source.seed, lines: v.source.lines },
    }));
    const json = {
      service: service.id,
      channel: kind,
      edition: process.edition,
      variant: process.variant,
      deleted: service.isDeleted,
      steps: process.steps.map((s) => stepJson(s, anchorOf(s))),
      channelVariants: variants,
    };

    const rows = process.steps.map((s, i) => [
      `${i + 1}${s.isParallelWithPrevious ? '‖' : ''}`,
      s.id,
      s.at,
      s.role,
      s.stage,
      s.duration ? span(s.duration) : '—',
      s.records ?? '—',
      s.performers.join(',') || '—',
      s.papers.join(',') || '—',
      [
        ...(anchorOf(s) ? [`from registration`] : []),
        ...(s.isOptional ? ['optional'] : []),
        ...(s.deadlineStepId === null ? ['implicit'] : []),
        ...s.variants.map((v) => `${v.id}: ${span(v.duration)}`),
      ].join('; '),
    ]);
    const text = [
      `${service.id} ${kind} (edition ${process.edition}${
        variant ? `, variant ${variant}` : ''
      }): ${service.name.kk}`,
      ...(service.isDeleted ? ['note: this regulation is deleted'] : []),
      ...table(
        ['#', 'step', 'at', 'role', 'stage', 'term', 'records', 'recorded by', 'papers', 'notes'],
        rows,
      ),
      ...(variants.length
        ? [
            'variants (chosen at intake):',
            ...variants.map(
              (v) =>
                `  ${v.id}: ${v.name.ru} — ${Object.entries(v.durations)
                  .map(([step, d]) => `${step} ${span(d)}`)
                  .join(', ')} (${v.source.seed}:${v.source.lines[0]}–${v.source.lines[1]})`,
            ),
          ]
        : []),
      '‖ runs with the previous step; implicit: a handover the regulation writes no step for (no term of its own)',
    ].join('\n');
    return { json, text };
  },
};
