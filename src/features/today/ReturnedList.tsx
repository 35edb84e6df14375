/**
 * Files the district returned to the village: when, which documents are missing or wrong (by
 * their checklist names), the district's reason. Once completed they go back in a new batch.
 */
import { useTranslation } from 'react-i18next';
import type { ReturnedItem } from '../../db/today';
import { formatDateTimeKz } from '../../domain/time';
import { useLang } from '../app/useLang';
import { DeadlineMark } from '../case/DeadlineMark';
import { CaseLine } from './CaseLine';
import { TodaySection } from './TodaySection';

export function ReturnedList({ items }: { items: readonly ReturnedItem[] }) {
  const { t } = useTranslation();
  const { loc } = useLang();
  return (
    <TodaySection
      id="returned"
      title={t('today.returned')}
      count={items.length}
      empty={t('today.returnedNone')}
    >
      {items.map(({ row, deadline, returned, documents }) => (
        <li key={row.id} className={`today-row row-${deadline.colour}`}>
          <CaseLine row={row} />
          <span className="line">
            {t('today.returnedAt', { at: formatDateTimeKz(returned.at) })}{' '}
            <DeadlineMark deadline={deadline} isDueShown />
          </span>
          {documents.length > 0 && (
            <span className="line">
              {t('today.documents')}{' '}
              {documents
                .map((d) => `${d.name ? loc(d.name) : d.id} (${t(`returnForm.${d.problem}`)})`)
                .join('; ')}
            </span>
          )}
          {returned.reason && (
            <span className="line hint">{t('today.reason', { reason: returned.reason })}</span>
          )}
        </li>
      ))}
    </TodaySection>
  );
}
