/**
 * The regulation's steps for this case's channel (with the variant chosen at intake) and each
 * one's due date, counted by the deadline engine from what has actually been completed. The
 * steps that may be recorded now are marked; overdue steps stand out. Minute- and hour-long
 * steps (the akim's signature of 003-16) show the time of day.
 */
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../db/schema';
import { processOf } from '../../domain/case/reducer';
import type { Service } from '../../domain/catalog/schema';
import { isOverdue, stageDeadlines, withVariant } from '../../domain/deadline';
import { openSteps } from '../../domain/process';
import { formatDateKz, formatDateTimeKz, toLocalDateTime } from '../../domain/time';
import { useLang } from '../app/useLang';
import { useCalendar } from '../app/useReference';

/** A due or completion as the table shows it: a date, or a date and time where known. */
export function formatDue(value: string): string {
  return value.length > 10 ? formatDateTimeKz(value) : formatDateKz(value);
}

export function StageDeadlines({ caseRow, service }: { caseRow: CaseRow; service: Service }) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const calendar = useCalendar();
  const offered = service.channels[caseRow.channel];
  if (!offered || !calendar) return null;
  const channel = withVariant(offered, caseRow.variant);
  const now = toLocalDateTime(new Date());
  const stages = stageDeadlines(calendar, channel, caseRow.registeredAt, caseRow.completions);
  const isOpen = caseRow.status !== 'closed' && caseRow.status !== 'cancelled';
  const current = new Set(
    isOpen ? openSteps(processOf(caseRow), caseRow).map((s) => s.deadlineStepId) : [],
  );

  return (
    <section aria-labelledby="stages-title">
      <h2 id="stages-title">{t('case.stages')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('stages.step')}</th>
            <th>{t('stages.who')}</th>
            <th>{t('stages.duration')}</th>
            <th>{t('stages.due')}</th>
            <th>{t('stages.done')}</th>
          </tr>
        </thead>
        <tbody>
          {stages.map((s) => {
            const isLate = isOpen && !s.isDone && isOverdue(s, now);
            const isCurrent = current.has(s.stepId);
            return (
              <tr
                key={s.stepId}
                data-step={s.stepId}
                className={isLate ? 'overdue' : isCurrent ? 'current' : undefined}
                aria-current={isCurrent ? 'step' : undefined}
              >
                <td>
                  {isCurrent && <strong>{t('stages.now')}: </strong>}
                  {loc(s.action)}
                </td>
                <td>{t(`stepRoles.${s.role}`)}</td>
                <td>{t(`units.${s.duration.unit}`, { count: s.duration.value })}</td>
                <td data-testid="step-due">{formatDue(s.due)}</td>
                <td>
                  {s.completedAt
                    ? formatDue(s.completedAt)
                    : s.isDone
                      ? '✓'
                      : isLate
                        ? t('stages.overdue')
                        : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
