/**
 * The header on every screen: the office, a clear demo-data banner, sync state (waiting events,
 * last sync, a wrong-clock warning), the language switch and the signed-in person.
 */
import { useTranslation } from 'react-i18next';
import { syncCounts } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { shortName } from '../../domain/names';
import { formatDateTimeKz } from '../../domain/time';
import { describeProblem } from '../../i18n';
import { usePrefs, useSession } from '../../state/session';
import { UpdateOffer } from '../update/UpdateOffer';
import { applyUpdate } from '../update/worker';
import { hrefOf } from './router';
import { useRuntime } from './runtime';
import { useSyncStatus } from './syncStatus';
import { useLang } from './useLang';

/** Talon dates come from the device clock; beyond this the person is warned. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

export function Header() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db, engine } = useRuntime();
  const { lang, setLang } = usePrefs();
  const { staff, credentials, signOut } = useSession();
  const status = useSyncStatus((s) => s.status);
  const counts = useLive(() => syncCounts(db), []);
  const ref = useLive(async () => {
    const office = credentials ? await db.offices.get(credentials.officeId) : undefined;
    const district = await db.districts.toCollection().first();
    return { office, district };
  }, [credentials?.officeId]);
  const isSkewed = Math.abs(status.clockSkewMs ?? 0) > MAX_CLOCK_SKEW_MS;

  return (
    <header className="no-print">
      {ref.data?.district?.isDemo && (
        <p className="demo-banner" role="note">
          {t('app.demoBanner')}
        </p>
      )}
      <div className="bar">
        <strong>{t('app.name')}</strong>
        <span>{loc(ref.data?.office?.name)}</span>
        <span className="sync-state" aria-live="polite">
          {counts.data && counts.data.pending > 0
            ? t('sync.waiting', { count: counts.data.pending })
            : t('sync.allSent')}
          {status.lastSyncAt &&
            ` · ${t('sync.lastSyncShort', { at: formatDateTimeKz(status.lastSyncAt) })}`}
          {counts.data && counts.data.rejected > 0 && (
            <a href={hrefOf({ name: 'sync' })} className="warn">
              {' '}
              · {t('sync.rejectedCount', { count: counts.data.rejected })}
            </a>
          )}
        </span>
        <button type="button" onClick={() => void engine.syncNow()} disabled={status.isRunning}>
          {t('sync.now')}
        </button>
        <select
          aria-label={t('app.language')}
          value={lang}
          onChange={(e) => setLang(e.target.value as 'kk' | 'ru')}
        >
          <option value="kk">Қазақша</option>
          <option value="ru">Русский</option>
        </select>
        {staff && (
          <span>
            {shortName(staff)}{' '}
            <button
              type="button"
              onClick={() => {
                signOut();
                // The next person to sign in starts on the office's home screen, not on the
                // case or form the last one left open.
                window.location.hash = '#/';
              }}
            >
              {t('signIn.signOut')}
            </button>
          </span>
        )}
      </div>
      {(status.lastError === 'device-revoked' || status.lastError === 'unauthorized') && (
        <p role="alert" className="error">
          {describeProblem(t, { code: status.lastError })}{' '}
          <a href={hrefOf({ name: 'sync' })}>{t('sync.export')}</a>
        </p>
      )}
      {status.lastError === 'protocol-unsupported' && (
        // The service worker fetches the new app in the background; applying it starts it.
        <p role="alert" className="error">
          {describeProblem(t, { code: 'protocol-unsupported' })}{' '}
          <button type="button" onClick={() => void applyUpdate()}>
            {t('app.reload')}
          </button>
        </p>
      )}
      {isSkewed && (
        <p role="alert" className="error">
          {t('sync.clockSkew', { minutes: Math.round((status.clockSkewMs ?? 0) / 60_000) })}
        </p>
      )}
      <UpdateOffer />
    </header>
  );
}
