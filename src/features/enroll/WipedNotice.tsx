/**
 * Told on the enrollment screen when the browser deleted an enrolled device's records
 * (src/db/device-marker.ts): what happened, what is safe and what is not, and what to do. Only
 * what the marker knows is said: the device's number and enrollment date, and how many actions
 * were still unsent when the app last looked.
 */
import { useTranslation } from 'react-i18next';
import type { DeviceMarker } from '../../db/device-marker';
import { formatDateKz, formatDateTimeKz } from '../../domain/time';

export function WipedNotice({ marker }: { marker: DeviceMarker }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="wiped-title" className="notice" data-testid="storage-wiped">
      <h2 id="wiped-title">{t('storage.wiped.title')}</h2>
      <p>
        {t('storage.wiped.what', {
          deviceNo: marker.deviceNo,
          date: formatDateKz(marker.enrolledAt),
        })}
      </p>
      <p>{t('storage.wiped.safe')}</p>
      {marker.unsent > 0 ? (
        <p>
          {t('storage.wiped.unsent', { count: marker.unsent, at: formatDateTimeKz(marker.seenAt) })}{' '}
          {t('storage.wiped.file', { deviceNo: marker.deviceNo })}
        </p>
      ) : (
        <p>{t('storage.wiped.allSent', { at: formatDateTimeKz(marker.seenAt) })}</p>
      )}
      <p>
        <strong>{t('storage.wiped.todo')}</strong>
      </p>
    </section>
  );
}
