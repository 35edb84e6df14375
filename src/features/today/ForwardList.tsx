/**
 * Cases whose forward step is open: what must go to the district in a transfer batch today and
 * in the next days, soonest due first, each with its colour and due.
 */
import { useTranslation } from 'react-i18next';
import type { ForwardItem } from '../../db/today';
import { hrefOf } from '../app/router';
import { DeadlineMark } from '../case/DeadlineMark';
import { CaseLine } from './CaseLine';
import { TodaySection } from './TodaySection';

export function ForwardList({ items }: { items: readonly ForwardItem[] }) {
  const { t } = useTranslation();
  return (
    <TodaySection
      id="forward"
      title={t('today.toForward')}
      count={items.length}
      empty={t('today.toForwardNone')}
      footer={
        <a className="button" href={hrefOf({ name: 'transfer' })}>
          {t('today.makeBatch')}
        </a>
      }
    >
      {items.map(({ row, deadline }) => (
        <li key={row.id} className={`today-row row-${deadline.colour}`}>
          <CaseLine row={row} />
          <span className="line">
            <DeadlineMark deadline={deadline} isDueShown />
          </span>
        </li>
      ))}
    </TodaySection>
  );
}
