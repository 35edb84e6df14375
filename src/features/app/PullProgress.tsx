/**
 * A long initial sync as it goes: a bar and "cases received of total", so the person at a
 * district device taking thousands of cases sees it move and knows how far it is. Without a
 * total (a server that does not say one, or before the first page) the bar runs without a value.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncState } from './syncStatus';
import './sync-state.css';

export function PullProgress() {
  const { t } = useTranslation();
  const textId = useId();
  const { progress } = useSyncState();
  // Nothing to take: a fresh office with no cases yet.
  if (!progress || progress.total === 0) return null;
  // Thousands apart by a space, as both languages write them ("3 001"); Chromium has no Kazakh
  // number data and would write "3,001" for kk.
  const number = new Intl.NumberFormat('ru-RU');
  const { received, total } = progress;
  return (
    <div className="pull-progress" data-testid="pull-progress">
      <span id={textId}>
        {total === undefined
          ? t('syncState.pullingNoTotal', { received: number.format(received) })
          : t('syncState.pulling', {
              received: number.format(received),
              total: number.format(total),
            })}
      </span>{' '}
      <progress
        aria-labelledby={textId}
        {...(total === undefined ? {} : { max: total, value: Math.min(received, total) })}
      />
    </div>
  );
}
