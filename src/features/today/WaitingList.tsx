/**
 * Results at the village waiting for the citizen: since when, how many days, and — after a
 * month (seed 003, line 3096) — flagged uncollected in words and with a symbol, longest waiting
 * first.
 */
import { useTranslation } from 'react-i18next';
import type { WaitingItem } from '../../db/today';
import { formatDateKz } from '../../domain/time';
import { DeadlineMark } from '../case/DeadlineMark';
import { CaseLine } from './CaseLine';
import { TodaySection } from './TodaySection';

export function WaitingList({ items }: { items: readonly WaitingItem[] }) {
  const { t } = useTranslation();
  return (
    <TodaySection
      id="waiting"
      title={t('today.toHandOut')}
      count={items.length}
      empty={t('today.toHandOutNone')}
    >
      {items.map(({ row, deadline, waiting }) => (
        <li key={row.id} className={`today-row row-${deadline.colour}`} data-testid="waiting-row">
          <CaseLine row={row} />
          <span className="line">
            {t('today.readySince', { date: formatDateKz(waiting.since) })} ·{' '}
            <strong data-testid="days-waiting">
              {waiting.daysWaiting > 0
                ? t('today.waitingDays', { count: waiting.daysWaiting })
                : t('today.waitingToday')}
            </strong>{' '}
            <DeadlineMark deadline={deadline} />
          </span>
          {waiting.isUncollected && (
            <span className="line uncollected" data-testid="uncollected">
              <span aria-hidden="true">⚠ </span>
              {t('today.uncollected', { date: formatDateKz(waiting.uncollectedFrom) })}
            </span>
          )}
        </li>
      ))}
    </TodaySection>
  );
}
