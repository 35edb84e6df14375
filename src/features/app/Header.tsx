/**
 * The header on every screen: the office, a clear demo-data banner, sync state (connection,
 * waiting events, last sync, an initial sync's progress, a wrong-clock warning), the language
 * switch and the signed-in person. Before the device is enrolled there is nothing to sync, and
 * the header claims nothing about it.
 */
import { useTranslation } from 'react-i18next';
import { useLive } from '../../db/useLive';
import { shortName } from '../../domain/names';
import { describeProblem } from '../../i18n';
import { usePrefs, useSession } from '../../state/session';
import { UpdateOffer } from '../update/UpdateOffer';
import { applyUpdate } from '../update/worker';
import { ClockWarning } from './ClockWarning';
import { PullProgress } from './PullProgress';
import { hrefOf } from './router';
import { useRuntime } from './runtime';
import { SyncState } from './SyncState';
import { useSyncState } from './syncStatus';
import { useLang } from './useLang';

export function Header() {
  const { t } = useTranslation();
  const { loc } = useLang();
  const { db, engine } = useRuntime();
  const { lang, setLang } = usePrefs();
  const { staff, credentials, signOut } = useSession();
  const status = useSyncState();
  const ref = useLive(async () => {
    const office = credentials ? await db.offices.get(credentials.officeId) : undefined;
    const district = await db.districts.toCollection().first();
    return { office, district };
  }, [credentials?.officeId]);

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
        {credentials && (
          <>
            <SyncState />
            <button type="button" onClick={() => void engine.syncNow()} disabled={status.isRunning}>
              {t('sync.now')}
            </button>
          </>
        )}
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
      {credentials && <PullProgress />}
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
      {credentials && <ClockWarning skewMs={status.clockSkewMs} />}
      <UpdateOffer />
    </header>
  );
}
