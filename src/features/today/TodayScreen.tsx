/**
 * The village office's home screen: what is overdue at any stage, what must go to the district
 * today and in the next days, files the district returned, results waiting for the citizen, and
 * the citizens to call — each section with its count, each row opening its case. Read live from
 * the device (`todayOf`) as of the runtime clock's minute, so it works offline and changes as
 * the office works and as sync brings the district's steps.
 */
import { useTranslation } from 'react-i18next';
import { todayOf } from '../../db/today';
import { useLive } from '../../db/useLive';
import { formatDateTimeKz } from '../../domain/time';
import { useSession } from '../../state/session';
import { useRuntime } from '../app/runtime';
import { useNow } from '../app/useNow';
import { InstallHint } from '../install/InstallHint';
import { CallList } from './CallList';
import { FirstSteps } from './FirstSteps';
import { ForwardList } from './ForwardList';
import { OverdueList } from './OverdueList';
import { ReturnedList } from './ReturnedList';
import { WaitingList } from './WaitingList';

export function TodayScreen() {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const officeId = useSession((s) => s.credentials?.officeId) ?? '';
  const now = useNow();
  const live = useLive(() => todayOf(db, officeId, now), [officeId, now]);

  return (
    <main aria-busy={live.status === 'loading'}>
      <h1>{t('today.title')}</h1>
      <p className="hint" data-testid="today-as-of">
        {t('today.asOf', { date: formatDateTimeKz(now) })}
      </p>
      <InstallHint isDismissible />
      {live.status === 'error' && (
        <p role="alert" className="error">
          {t('today.readFailed')}
        </p>
      )}
      {live.status === 'ready' &&
        (live.data.hasNoCases ? (
          <FirstSteps />
        ) : (
          <>
            <p data-testid="today-attention">
              <strong>
                {live.data.needsAttention > 0
                  ? t('today.attention', { count: live.data.needsAttention })
                  : t('today.nothingUrgent')}
              </strong>
            </p>
            <OverdueList items={live.data.overdue} />
            <ForwardList items={live.data.toForward} />
            <ReturnedList items={live.data.returned} />
            <WaitingList items={live.data.toHandOut} />
            <CallList items={live.data.toCall} />
          </>
        ))}
    </main>
  );
}
