/**
 * The regulation's steps for this case's channel with each one's due date, counted by the
 * deadline engine from the actual completion of the earlier stages. Overdue stages stand out.
 */
import { useTranslation } from 'react-i18next';
import type { CaseRow } from '../../db/schema';
import type { Service } from '../../domain/catalog/schema';
import { stageDeadlines } from '../../domain/deadline';
import { formatDateKz, toLocalDateTime } from '../../domain/time';
import { useLang } from '../app/useLang';
import { useCalendar } from '../app/useReference';

export function StageDeadlines({ caseRow, service }: { caseRow: CaseRow; service: Service }) {
  const { t } = useTranslation();
  const { loc } = useLang();
  const calendar = useCalendar();
  const channel = service.channels[caseRow.channel];
  if (!channel || !calendar) return null;
  const today = toLocalDateTime(new Date()).slice(0, 10);
  const stages = stageDeadlines(calendar, channel, caseRow.registeredAt, caseRow.completions);

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
            const isOverdue = !s.isDone && s.dueDate < today;
            return (
              <tr key={s.stepId} className={isOverdue ? 'overdue' : undefined}>
                <td>{loc(s.action)}</td>
                <td>{t(`stepRoles.${s.role}`)}</td>
                <td>{t(`units.${s.duration.unit}`, { count: s.duration.value })}</td>
                <td>{formatDateKz(s.dueDate)}</td>
                <td>
                  {s.completedAt
                    ? formatDateKz(s.completedAt)
                    : s.isDone
                      ? '✓'
                      : isOverdue
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
