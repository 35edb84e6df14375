/**
 * The report's tables: what came of the applications per office and per service, with the share
 * of steps done in time and the desk time; the deadlines kept per stage; and each service's
 * steps against their terms. Every cell carries its figure's key (`data-key`), the same key the
 * command line's `report --json` gives it.
 */
import { useTranslation } from 'react-i18next';
import type { ChannelKind } from '../../domain/catalog/schema';
import { buildProcess } from '../../domain/process';
import type { GroupFigures, Report, ServiceFigures, StageFigures } from '../../domain/report';
import { eventTypeKey } from '../../i18n';
import { decimal, durationText, percentText, secondsText, termText } from './words';

type T = (key: string, options?: Record<string, unknown>) => string;

export const COUNT_KEYS = [
  'received',
  'refusedAtIntake',
  'returned',
  'inProgress',
  'approved',
  'refused',
  'handedOut',
  'cancelled',
] as const;

export interface Names {
  office(id: string): string;
  service(id: string): string;
}

/** The cells of one group's row, after its name. */
export function groupCells(t: T, g: GroupFigures): { key: string; text: string }[] {
  return [
    ...COUNT_KEYS.map((key) => ({ key, text: decimal(g[key]) })),
    { key: 'onTimePercent', text: percentText(t, g.onTime.onTimePercent) },
    { key: 'deskAverage', text: secondsText(t, g.desk.averageSeconds) },
    {
      key: 'deskOver',
      text: g.desk.withTerm === 0 ? t('reports.none') : `${g.desk.overTerm} / ${g.desk.withTerm}`,
    },
  ];
}

export function groupHeaders(t: T): string[] {
  return [
    ...COUNT_KEYS.map((key) => t(`reports.${key}`)),
    t('reports.onTime'),
    t('reports.deskAverage'),
    t('reports.deskOver'),
  ];
}

function GroupTable({
  id,
  caption,
  first,
  rows,
  total,
}: {
  id: string;
  caption: string;
  first: string;
  rows: { id: string; name: string; figures: GroupFigures }[];
  total: GroupFigures;
}) {
  const { t } = useTranslation();
  const line = (key: string, name: string, figures: GroupFigures, isTotal = false) => (
    <tr key={key} data-id={key} className={isTotal ? 'report-total' : undefined}>
      <th scope="row">{name}</th>
      {groupCells(t, figures).map((c) => (
        <td key={c.key} data-key={c.key}>
          {c.text}
        </td>
      ))}
    </tr>
  );
  return (
    <div className="report-scroll">
      <table id={id} className="report-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {groupHeaders(t).map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => line(r.id, r.name, r.figures))}
          {line('total', t('reports.total'), total, true)}
        </tbody>
      </table>
    </div>
  );
}

function StageTable({ stages }: { stages: StageFigures[] }) {
  const { t } = useTranslation();
  return (
    <table id="report-stages" className="report-table">
      <caption>{t('reports.byStage')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.stage')}</th>
          <th scope="col">{t('reports.completed')}</th>
          <th scope="col">{t('reports.inTime')}</th>
          <th scope="col">{t('reports.late')}</th>
          <th scope="col">{t('reports.open')}</th>
          <th scope="col">{t('reports.onTime')}</th>
        </tr>
      </thead>
      <tbody>
        {stages.map((s) => (
          <tr key={s.stage} data-id={s.stage}>
            <th scope="row">{t(`reports.stages.${s.stage}`)}</th>
            <td data-key="completed">{s.completed}</td>
            <td data-key="onTime">{s.onTime}</td>
            <td data-key="late">{s.late}</td>
            <td data-key="open">{s.open}</td>
            <td data-key="onTimePercent">{percentText(t, s.onTimePercent)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The event that records a catalog step, for its row's second line: a stage alone ("other") does
 * not say that the step is the akim's order to the commission. Editions never change steps.
 */
function recordedBy(service: string, channel: ChannelKind, step: string): string | null {
  const process = buildProcess({ serviceId: service, channel, edition: 'report' });
  return process?.steps.find((s) => s.deadlineStepId === step)?.records ?? null;
}

function StepTable({ services, names }: { services: ServiceFigures[]; names: Names }) {
  const { t } = useTranslation();
  return (
    <table id="report-steps" className="report-table">
      <caption>{t('reports.bySteps')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.step')}</th>
          <th scope="col">{t('reports.role')}</th>
          <th scope="col">{t('reports.term')}</th>
          <th scope="col">{t('reports.completed')}</th>
          <th scope="col">{t('reports.onTime')}</th>
          <th scope="col">{t('reports.average')}</th>
          <th scope="col">{t('reports.worst')}</th>
        </tr>
      </thead>
      {services.map((service) => (
        <tbody key={service.service} data-service={service.service}>
          <tr>
            <th scope="rowgroup" colSpan={7} className="report-service">
              {names.service(service.service)}
            </th>
          </tr>
          {service.steps.map((s) => (
            <tr key={`${s.channel}/${s.stepId}`} data-id={`${s.channel}/${s.stepId}`}>
              <th scope="row">
                {t(`reports.stages.${s.stage}`)}
                <StepEvent type={recordedBy(service.service, s.channel, s.stepId)} />
              </th>
              <td className="text">{t(`stepRoles.${s.role}`)}</td>
              <td className="text">{termText(t, s.term)}</td>
              <td data-key="completed">{s.completed}</td>
              <td data-key="onTimePercent">{percentText(t, s.onTimePercent)}</td>
              <td data-key="averageDuration">{durationText(t, s.averageDuration, s.term.unit)}</td>
              <td data-key="worstDuration">{durationText(t, s.worstDuration, s.term.unit)}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}

function StepEvent({ type }: { type: string | null }) {
  const { t } = useTranslation();
  return type ? <span className="report-event">{t(eventTypeKey(type))}</span> : null;
}

export function ReportTables({ report, names }: { report: Report; names: Names }) {
  const { t } = useTranslation();
  return (
    <>
      <GroupTable
        id="report-offices"
        caption={t('reports.byOffice')}
        first={t('reports.office')}
        rows={report.offices.map((o) => ({
          id: o.office,
          name: names.office(o.office),
          figures: o,
        }))}
        total={report.total}
      />
      <GroupTable
        id="report-services"
        caption={t('reports.byService')}
        first={t('reports.service')}
        rows={report.services.map((s) => ({
          id: s.service,
          name: names.service(s.service),
          figures: s,
        }))}
        total={report.total}
      />
      <StageTable stages={report.total.stages} />
      <StepTable services={report.services} names={names} />
    </>
  );
}
