/**
 * A report's figures. Case counts come from the period's cases (`cases.ts`); every step figure
 * (on time, late, open, durations) is counted from the step rows (`steps.ts`) and nothing else,
 * so `report` and `export steps` agree for any period. Desk time comes from the registrations.
 * The keys are the `report --json` keys (docs/adr/0011-reports.md).
 */
import { deskMinutes } from '../catalog/desk';
import type { ChannelKind, Duration, StepRole, StepStage } from '../catalog/schema';
import { STEP_STAGES } from '../catalog/schema';
import type { ReportCase } from './cases';
import type { ReportPeriod } from './period';
import type { ReportSources, StepRow } from './steps';

/** What became of the group's applications by the end of the period. */
export interface CaseCounts {
  /** applications registered in the period */
  received: number;
  /** applications refused at the desk in the period (the refusal register) */
  refusedAtIntake: number;
  /** registered cases whose file the district returned to the village at least once */
  returned: number;
  /** registered cases neither closed nor cancelled */
  inProgress: number;
  /** signed approvals */
  approved: number;
  /** signed refusals, and returned files closed with a refusal */
  refused: number;
  /** results handed to the applicant or a representative */
  handedOut: number;
  /** registrations cancelled (withdrawn, registered in error) */
  cancelled: number;
}

/** Steps completed in time, late, and still open; the share in time among those completed. */
export interface OnTime {
  completed: number;
  onTime: number;
  late: number;
  open: number;
  /** 100 × onTime / completed, one decimal; null when nothing was completed */
  onTimePercent: number | null;
}

export interface StageFigures extends OnTime {
  stage: StepStage;
}

/** One step of a service's channel: its term, how the cases kept it, how long they took. */
export interface StepFigures extends OnTime {
  channel: ChannelKind;
  stepId: string;
  role: StepRole;
  stage: StepStage;
  term: Duration;
  /** mean of the completed steps' durations, in the term's unit, two decimals */
  averageDuration: number | null;
  /** the longest completed duration, in the term's unit */
  worstDuration: number | null;
}

/** Time at the desk, from the intake form opened to the paper printed. */
export interface DeskFigures {
  /** applications whose desk time the device measured */
  measured: number;
  averageSeconds: number | null;
  worstSeconds: number | null;
  /** the regulation's minutes for the intake, where all measured ones have the same; else null */
  minutes: number | null;
  /** measured applications whose regulation gives minutes for the intake */
  withTerm: number;
  /** of those, the ones that took longer than the minutes */
  overTerm: number;
}

export interface GroupFigures extends CaseCounts {
  /** every step of the group's cases */
  onTime: OnTime;
  /** per stage, in the stages' order; only stages the group's cases have */
  stages: StageFigures[];
  desk: DeskFigures;
}

export interface OfficeFigures extends GroupFigures {
  office: string;
}

export interface ServiceFigures extends GroupFigures {
  service: string;
  /** each step of each channel the service's cases came by */
  steps: StepFigures[];
}

export interface Report {
  from: string;
  to: string;
  /** the filters, null where none */
  office: string | null;
  service: string | null;
  total: GroupFigures;
  offices: OfficeFigures[];
  services: ServiceFigures[];
}

const percent = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((1000 * part) / whole) / 10;

/** On-time counts of rows. */
export function onTimeOf(rows: readonly StepRow[]): OnTime {
  let onTime = 0;
  let late = 0;
  let open = 0;
  for (const row of rows) {
    if (row.onTime === null) open += 1;
    else if (row.onTime) onTime += 1;
    else late += 1;
  }
  const completed = onTime + late;
  return { completed, onTime, late, open, onTimePercent: percent(onTime, completed) };
}

export function stagesOf(rows: readonly StepRow[]): StageFigures[] {
  return STEP_STAGES.flatMap((stage) => {
    const of = rows.filter((r) => r.stage === stage);
    return of.length === 0 ? [] : [{ stage, ...onTimeOf(of) }];
  });
}

/** Per channel and step, in the order the rows first name them. */
export function stepsOf(rows: readonly StepRow[]): StepFigures[] {
  const groups = new Map<string, StepRow[]>();
  for (const row of rows) {
    const key = `${row.channel}/${row.stepId}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((list) => {
    const first = list[0] as StepRow;
    const durations = list.flatMap((r) => (r.duration === null ? [] : [r.duration]));
    const sum = durations.reduce((a, b) => a + b, 0);
    return {
      channel: first.channel,
      stepId: first.stepId,
      role: first.role,
      stage: first.stage,
      term: first.term,
      ...onTimeOf(list),
      averageDuration:
        durations.length === 0 ? null : Math.round((100 * sum) / durations.length) / 100,
      worstDuration: durations.length === 0 ? null : Math.max(...durations),
    };
  });
}

export function caseCounts(cases: readonly ReportCase[]): CaseCounts {
  const registered = cases.filter((c) => !c.isRefusedAtIntake);
  const count = (test: (c: ReportCase) => boolean) => registered.filter(test).length;
  return {
    received: registered.length,
    refusedAtIntake: cases.length - registered.length,
    returned: count((c) => c.returns > 0),
    inProgress: count((c) => c.state.status !== 'closed' && !c.isCancelled),
    approved: count((c) => c.decision === 'approved'),
    refused: count((c) => c.decision === 'refused'),
    handedOut: count((c) => c.isHandedOut),
    cancelled: count((c) => c.isCancelled),
  };
}

export function deskOf(sources: ReportSources, cases: readonly ReportCase[]): DeskFigures {
  const measured = cases.flatMap((c) =>
    c.state.deskSeconds === undefined
      ? []
      : [{ seconds: c.state.deskSeconds, minutes: deskMinutes(sources.channelOf(c.state)) }],
  );
  const seconds = measured.map((m) => m.seconds);
  const minutes = new Set(measured.map((m) => m.minutes));
  const withTerm = measured.filter((m) => m.minutes !== undefined);
  const only = minutes.size === 1 ? [...minutes][0] : undefined;
  return {
    measured: measured.length,
    averageSeconds:
      seconds.length === 0 ? null : Math.round(seconds.reduce((a, b) => a + b, 0) / seconds.length),
    worstSeconds: seconds.length === 0 ? null : Math.max(...seconds),
    minutes: only ?? null,
    withTerm: withTerm.length,
    overTerm: withTerm.filter((m) => m.seconds > (m.minutes ?? 0) * 60).length,
  };
}

export function groupFigures(
  sources: ReportSources,
  cases: readonly ReportCase[],
  rows: readonly StepRow[],
): GroupFigures {
  return {
    ...caseCounts(cases),
    onTime: onTimeOf(rows),
    stages: stagesOf(rows),
    desk: deskOf(sources, cases),
  };
}

/** The keys of a group, sorted as text. */
function keysOf(values: Iterable<string>): string[] {
  return [...new Set(values)].sort();
}

/** The report of the period's cases and their rows (the same cases the rows were made from). */
export function reportOf(
  sources: ReportSources,
  period: ReportPeriod,
  filter: { office?: string | undefined; service?: string | undefined },
  cases: readonly ReportCase[],
  rows: readonly StepRow[],
): Report {
  const offices = keysOf(cases.map((c) => c.state.officeId));
  const services = keysOf(cases.map((c) => c.state.serviceId));
  return {
    from: period.from,
    to: period.to,
    office: filter.office ?? null,
    service: filter.service ?? null,
    total: groupFigures(sources, cases, rows),
    offices: offices.map((office) => ({
      office,
      ...groupFigures(
        sources,
        cases.filter((c) => c.state.officeId === office),
        rows.filter((r) => r.office === office),
      ),
    })),
    services: services.map((service) => {
      const of = rows.filter((r) => r.service === service);
      return {
        service,
        ...groupFigures(
          sources,
          cases.filter((c) => c.state.serviceId === service),
          of,
        ),
        steps: stepsOf(of),
      };
    }),
  };
}
