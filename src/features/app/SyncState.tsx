/**
 * The header's sync state, in view on every screen once the device is enrolled: whether the
 * server can be reached (the browser's word, and whether the last request got through: a Wi-Fi
 * without an uplink says "online"), how many actions wait to be sent or else that all were sent,
 * and when the last good sync was, in words that follow the clock ("5 минут бұрын"). Changes of
 * connection and of the count are announced (a polite live region); the minute-by-minute time
 * is not.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { syncCounts } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { formatDateTimeKz, toLocalDateTime } from '../../domain/time';
import { usePrefs } from '../../state/session';
import { hrefOf } from './router';
import { useRuntime } from './runtime';
import { useSyncState } from './syncStatus';
import { useNow } from './useNow';
import { useOnline } from './useOnline';
import { useSyncWords } from './useSyncWords';
import './sync-state.css';

export function SyncState() {
  const { t } = useTranslation();
  const { db, ports } = useRuntime();
  const lang = usePrefs((s) => s.lang);
  const status = useSyncState();
  const isOnline = useOnline();
  const tick = useNow();
  // biome-ignore lint/correctness/useExhaustiveDependencies: the minute's tick and each report of the engine (a sync that ended) are when to read the clock again, not values it reads: right after a sync the header says "just now", also when the clock was set back meanwhile
  const now = useMemo(() => toLocalDateTime(ports.now()), [tick, status, ports]);
  const counts = useLive(() => syncCounts(db), []).data;
  const words = useSyncWords();
  const isConnected = isOnline && status.lastError !== 'network';
  const at = status.lastSyncAt ? formatDateTimeKz(status.lastSyncAt) : '';

  function lastSyncText(): string {
    if (!status.lastSyncAt) return t('syncState.neverSynced');
    // The exact time until the words have loaded.
    if (!words) return t('syncState.synced', { ago: at });
    const ago = words.timeAgo(status.lastSyncAt, now, lang);
    return ago ? t('syncState.synced', { ago }) : t('syncState.syncedJustNow');
  }

  return (
    <span role="status" className="sync-state">
      <span className={isConnected ? 'conn' : 'conn conn-off'} data-testid="connection">
        <span aria-hidden="true">{isConnected ? '●' : '○'}</span>{' '}
        {t(isConnected ? 'syncState.online' : 'syncState.offline')}
      </span>{' '}
      {/* two short lines beside the connection, so the header keeps to one row on a laptop */}
      <span className="sync-lines">
        <span>
          {counts && (
            <span data-testid="pending">
              {counts.pending > 0
                ? t('sync.waiting', { count: counts.pending })
                : t('sync.allSent')}
            </span>
          )}
          {counts && counts.rejected > 0 && (
            <>
              {' · '}
              <a href={hrefOf({ name: 'sync' })} className="warn">
                {t('sync.rejectedCount', { count: counts.rejected })}
              </a>
            </>
          )}
        </span>{' '}
        {/* not announced: it changes every minute */}
        <span
          className="sync-when"
          aria-live="off"
          data-testid="last-sync"
          title={status.lastSyncAt ? t('syncState.lastSyncAt', { at }) : undefined}
        >
          {lastSyncText()}
        </span>
      </span>
    </span>
  );
}
