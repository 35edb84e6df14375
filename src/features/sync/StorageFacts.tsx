/**
 * The device's storage as the browser reports it: whether it keeps this site's data under
 * storage pressure (persistent), how much the records take and how much more the site may use.
 * Read when the screen opens and after each sync round, through the storage port.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  browserStorage,
  type StorageFacts as Facts,
  readStorageFacts,
  type StoragePort,
} from '../../db/storage-port';
import { useSyncStatus } from '../app/syncStatus';
import { formatBytes } from './bytes';

export function StorageFacts({ port }: { port?: StoragePort }) {
  const { t } = useTranslation();
  const [facts, setFacts] = useState<Facts | null>(null);

  useEffect(() => {
    let isCurrent = true;
    const read = () =>
      void readStorageFacts(port ?? browserStorage()).then((answer) => {
        if (isCurrent) setFacts(answer);
      });
    read();
    // A sync round is what changes the usage while the screen is open.
    const stop = useSyncStatus.subscribe((now, before) => {
      if (now.status.lastSyncAt !== before.status.lastSyncAt) read();
    });
    return () => {
      isCurrent = false;
      stop();
    };
  }, [port]);

  if (!facts) return null;
  const persisted =
    facts.isPersisted === null
      ? t('storage.persistUnknown')
      : facts.isPersisted
        ? t('storage.persistYes')
        : t('storage.persistNo');
  return (
    <section aria-labelledby="storage-title">
      <h2 id="storage-title">{t('storage.title')}</h2>
      <dl className="facts">
        <dt>{t('storage.persist')}</dt>
        <dd data-testid="storage-persisted">{persisted}</dd>
        <dt>{t('storage.used')}</dt>
        <dd data-testid="storage-used">
          {facts.usage === null ? t('storage.unknown') : formatBytes(facts.usage, t)}
        </dd>
        <dt>{t('storage.free')}</dt>
        <dd data-testid="storage-free">
          {facts.free === null ? t('storage.unknown') : formatBytes(facts.free, t)}
        </dd>
      </dl>
      {facts.isPersisted !== true && <p className="hint">{t('storage.persistAdvice')}</p>}
    </section>
  );
}
