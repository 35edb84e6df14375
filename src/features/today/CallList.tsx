/**
 * Citizens to call, with their phone numbers: those whose result is ready (longest waiting
 * first) and those whose file came back needing documents. A phone that was not written at
 * intake is said so, so the clerk looks for it another way.
 */
import { useTranslation } from 'react-i18next';
import type { CallItem } from '../../db/today';
import { hrefOf } from '../app/router';
import { SyncMark } from '../sync/SyncMark';
import { TodaySection } from './TodaySection';

export function CallList({ items }: { items: readonly CallItem[] }) {
  const { t } = useTranslation();
  return (
    <TodaySection
      id="call"
      title={t('today.toCall')}
      count={items.length}
      empty={t('today.toCallNone')}
    >
      {items.map(({ row, why, phone, waiting }) => (
        <li key={`${row.id}-${why}`} className="today-row" data-testid="call-row">
          <span className="line">
            <strong>
              {row.applicant.surname} {row.applicant.givenName}
              {row.applicant.patronymic ? ` ${row.applicant.patronymic}` : ''}
            </strong>{' '}
            —{' '}
            {phone ? (
              <a
                href={`tel:${phone.replace(/[^\d+]/g, '')}`}
                aria-label={`${t('today.phone')} ${phone}`}
              >
                {phone}
              </a>
            ) : (
              <em>{t('today.noPhone')}</em>
            )}
          </span>
          <span className="line hint">
            {why === 'result_ready' ? t('today.callResult') : t('today.callDocuments')}
            {waiting && waiting.daysWaiting > 0
              ? ` (${t('today.waitingDays', { count: waiting.daysWaiting })})`
              : ''}{' '}
            · <a href={hrefOf({ name: 'case', caseId: row.id })}>{row.regNumber}</a>{' '}
            <SyncMark caseId={row.id} />
          </span>
        </li>
      ))}
    </TodaySection>
  );
}
