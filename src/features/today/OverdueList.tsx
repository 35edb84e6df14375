/**
 * Cases overdue at any stage — the village's own steps and the district's, as far as the device
 * knows them from sync — with what the file waits for and who does it, where the file is and
 * by how many days.
 */
import { useTranslation } from 'react-i18next';
import type { OverdueItem } from '../../db/today';
import { formatDue } from '../../domain/time';
import { useLang } from '../app/useLang';
import { DeadlineMark } from '../case/DeadlineMark';
import { CaseLine } from './CaseLine';
import { TodaySection } from './TodaySection';

export function OverdueList({ items }: { items: readonly OverdueItem[] }) {
  const { t } = useTranslation();
  const { loc } = useLang();
  return (
    <TodaySection
      id="overdue"
      title={t('today.overdue')}
      count={items.length}
      empty={t('today.overdueNone')}
    >
      {items.map(({ row, deadline, step, where, daysLate, waitingFor }) => (
        <li key={row.id} className="today-row row-overdue">
          <CaseLine row={row} />
          <span className="line">
            <DeadlineMark deadline={deadline} />{' '}
            <strong>
              {daysLate > 0 ? t('today.lateBy', { count: daysLate }) : t('today.lateToday')}
            </strong>{' '}
            · {t('today.dueWas', { date: formatDue(step.due) })}
          </span>
          <span className="line hint">
            {waitingFor
              ? t('waiting.line', {
                  what: t(`waiting.${waitingFor.type.replace('.', '_')}`),
                  who: waitingFor.roles.map((r) => t(`roles.${r}`)).join(', '),
                })
              : t('today.step', { step: loc(step.action), who: t(`stepRoles.${step.role}`) })}{' '}
            {t('today.where', { place: t(`place.${where}`) })}
          </span>
        </li>
      ))}
    </TodaySection>
  );
}
