/**
 * Sync status for the people who need to trust it: what waits to be sent, when the last sync
 * succeeded, the device clock compared with the server, which device this is (by the name the
 * administrator gave it), and every event the server rejected with its reason — kept until a
 * person deals with it.
 */
import { useTranslation } from 'react-i18next';
import { ownDevice } from '../../db/devices';
import { exportUnsent } from '../../db/export';
import { syncCounts } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { deviceLabel } from '../../domain/admin/devices';
import { formatDateTimeKz, toOffsetDateTime } from '../../domain/time';
import { describeProblem } from '../../i18n';
import { PullProgress } from '../app/PullProgress';
import { useRuntime } from '../app/runtime';
import { useSyncState } from '../app/syncStatus';
import { useLang } from '../app/useLang';
import { InstallHint } from '../install/InstallHint';
import { RejectedList } from './RejectedList';
import { StorageFacts } from './StorageFacts';

export function SyncScreen() {
  const { t } = useTranslation();
  const { db, engine } = useRuntime();
  const { loc } = useLang();
  const counts = useLive(() => syncCounts(db), []);
  // Its name comes with the reference data, from the sync after the administrator gives it.
  const own = useLive(() => ownDevice(db), []).data;
  const ownLabel =
    own &&
    deviceLabel({
      name: own.name,
      officeName: loc(own.office?.name) || own.officeId,
      deviceNo: own.deviceNo,
    });
  const status = useSyncState();
  const isLockedOut = status.lastError === 'device-revoked' || status.lastError === 'unauthorized';

  async function download() {
    const data = await exportUnsent(db, toOffsetDateTime(new Date()));
    const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `qabyldau-unsent-${data.deviceId.slice(-8)}-${data.exportedAt.slice(0, 10)}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  return (
    <main>
      <h1>{t('sync.title')}</h1>
      <PullProgress />
      <dl className="facts">
        <dt>{t('sync.pending')}</dt>
        <dd data-testid="pending-count">{counts.data?.pending ?? 0}</dd>
        <dt>{t('sync.lastSync')}</dt>
        <dd>{status.lastSyncAt ? formatDateTimeKz(status.lastSyncAt) : '—'}</dd>
        <dt>{t('sync.lastError')}</dt>
        <dd>
          {status.lastError ? describeProblem(t, { code: status.lastError as 'network' }) : '—'}
        </dd>
        <dt>{t('sync.device')}</dt>
        <dd data-testid="device-name">
          {own && (
            <>
              {own.name ? `${own.name} (№${own.deviceNo})` : ownLabel} <code>{own.id}</code>
            </>
          )}
        </dd>
      </dl>
      {isLockedOut && (
        <p role="alert" className="error">
          {describeProblem(t, { code: status.lastError as 'device-revoked' })}{' '}
          {t('sync.exportHint')}
        </p>
      )}
      <button type="button" onClick={() => void engine.syncNow()} disabled={status.isRunning}>
        {t('sync.now')}
      </button>
      <button type="button" onClick={() => void download()}>
        {t('sync.export')}
      </button>
      <StorageFacts />
      <RejectedList />
      <InstallHint isDismissible={false} />
    </main>
  );
}
