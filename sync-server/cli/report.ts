/**
 * `report` and `export steps`: a period's figures and the per-step rows they are counted from,
 * read from the store's event log by the same domain function a district device runs offline
 * (`src/domain/report`). Keys are stable (docs/adr/0011-reports.md).
 *
 *   report --from <date> --to <date> [--office <id>] [--service <id>] [--json]
 *   export steps --from <date> --to <date> [--office <id>] [--service <id>] [--json | --csv]
 *
 * Wrong or missing dates, a period ending before it starts, or an unknown export: exit code 2,
 * before the store is opened. An office or service the store does not know: exit code 1.
 */
import { findService } from '../../src/domain/catalog';
import {
  buildReport,
  type GroupFigures,
  type OnTime,
  periodProblem,
  type ReportPeriod,
  type StepRow,
} from '../../src/domain/report';
import type { Db } from '../db/types';
import { getOffice } from '../queries/reference';
import { eventsOfPeriod, reportSources } from '../queries/report';
import {
  type CommandContext,
  CommandFailure,
  type OptionSpec,
  requireString,
  type StoreCommand,
  UsageError,
} from './command';

const PERIOD_OPTIONS: OptionSpec = {
  from: { type: 'string' },
  to: { type: 'string' },
  office: { type: 'string' },
  service: { type: 'string' },
};

function periodOf(context: CommandContext): ReportPeriod {
  const from = requireString(context, 'from');
  const to = requireString(context, 'to');
  const problem = periodProblem(from, to);
  if (problem?.code === 'date-invalid') {
    throw new UsageError(`--${problem.details?.field} must be a date YYYY-MM-DD`);
  }
  if (problem) throw new UsageError(`--from ${from} is after --to ${to}`);
  return { from, to };
}

function optionalString(context: CommandContext, name: string): string | undefined {
  const value = context.options[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') {
    throw new UsageError(`--${name} needs a value`);
  }
  return value.trim();
}

async function filterOf(db: Db, context: CommandContext) {
  const office = optionalString(context, 'office');
  const service = optionalString(context, 'service');
  if (office !== undefined && !(await getOffice(db, office))) {
    throw new CommandFailure('office-unknown', `no office "${office}" in this store`);
  }
  if (service !== undefined && !findService(service)) {
    throw new CommandFailure('service-unknown', `no service "${service}" in the catalog`);
  }
  return { office, service };
}

async function reportFor(db: Db, context: CommandContext) {
  const period = periodOf(context);
  const filter = await filterOf(db, context);
  const [sources, events] = await Promise.all([
    reportSources(db),
    eventsOfPeriod(db, period, filter.office),
  ]);
  return buildReport(sources, events, period, filter);
}

/** A plain table: every column as wide as its widest cell, numbers to the right. */
function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

const pct = (t: OnTime) => (t.onTimePercent === null ? '—' : `${t.onTimePercent}%`);
const num = (n: number | null) => (n === null ? '—' : String(n));

const COUNT_HEADER = [
  'received',
  'refused@desk',
  'returned',
  'in progress',
  'approved',
  'refused',
  'handed out',
  'cancelled',
  'on time',
  'desk avg s',
];
const counts = (g: GroupFigures) => [
  String(g.received),
  String(g.refusedAtIntake),
  String(g.returned),
  String(g.inProgress),
  String(g.approved),
  String(g.refused),
  String(g.handedOut),
  String(g.cancelled),
  pct(g.onTime),
  num(g.desk.averageSeconds),
];

export const reportCommand: StoreCommand = {
  summary: 'a period’s applications and deadlines per office and service, from the event log',
  usage: 'report --from <date> --to <date> [--office <id>] [--service <id>] [--json]',
  options: PERIOD_OPTIONS,
  validate: (context) => void periodOf(context),
  async run(context) {
    const { report } = await reportFor(context.db, context);
    const text = [
      `${report.from} – ${report.to}${report.office ? `, office ${report.office}` : ''}${
        report.service ? `, service ${report.service}` : ''
      }`,
      '',
      table(
        ['office', ...COUNT_HEADER],
        [
          ...report.offices.map((o) => [o.office, ...counts(o)]),
          ['total', ...counts(report.total)],
        ],
      ),
      '',
      table(
        ['service', ...COUNT_HEADER],
        report.services.map((s) => [s.service, ...counts(s)]),
      ),
      '',
      table(
        ['stage', 'completed', 'on time', 'late', 'open', 'on time %'],
        report.total.stages.map((s) => [
          s.stage,
          String(s.completed),
          String(s.onTime),
          String(s.late),
          String(s.open),
          pct(s),
        ]),
      ),
      '',
      table(
        ['service/channel/step', 'term', 'completed', 'on time %', 'average', 'worst'],
        report.services.flatMap((s) =>
          s.steps.map((step) => [
            `${s.service}/${step.channel}/${step.stepId}`,
            `${step.term.value} ${step.term.unit}`,
            String(step.completed),
            pct(step),
            num(step.averageDuration),
            num(step.worstDuration),
          ]),
        ),
      ),
    ].join('\n');
    return { json: report, text };
  },
};

/** The `export steps` columns, in order: the rows' keys. */
export const STEP_COLUMNS = [
  'registrationNumber',
  'office',
  'service',
  'channel',
  'stepId',
  'role',
  'stage',
  'term',
  'due',
  'completedAt',
  'onTime',
  'duration',
] as const satisfies readonly (keyof StepRow)[];

function cellOf(row: StepRow, column: (typeof STEP_COLUMNS)[number]): string {
  const value = row[column];
  if (value === null) return '';
  if (typeof value === 'object') return `${value.value} ${value.unit}`;
  return String(value);
}

/** RFC 4180: commas, a field quoted when it holds a comma, a quote or a line break. */
function csv(rows: readonly StepRow[]): string {
  const field = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  return [
    STEP_COLUMNS.join(','),
    ...rows.map((r) => STEP_COLUMNS.map((c) => field(cellOf(r, c))).join(',')),
  ].join('\r\n');
}

function exportKind(context: CommandContext): 'steps' {
  const [what, ...extra] = context.positionals;
  if (what !== 'steps' || extra.length > 0) {
    throw new UsageError(`unknown export "${context.positionals.join(' ')}": only "steps"`);
  }
  if (context.options.csv === true && context.options.json === true) {
    throw new UsageError('--json and --csv: one or the other');
  }
  return what;
}

export const exportCommand: StoreCommand = {
  summary: 'one row per case and step of a period: due, completed at, on time',
  usage: 'export steps --from <date> --to <date> [--office <id>] [--service <id>] [--json | --csv]',
  options: { ...PERIOD_OPTIONS, csv: { type: 'boolean' } },
  allowPositionals: true,
  validate(context) {
    exportKind(context);
    periodOf(context);
  },
  async run(context) {
    const { rows } = await reportFor(context.db, context);
    const text =
      context.options.csv === true
        ? csv(rows)
        : table(
            [...STEP_COLUMNS],
            rows.map((r) => STEP_COLUMNS.map((c) => cellOf(r, c) || '—')),
          );
    return { json: rows, text };
  },
};
