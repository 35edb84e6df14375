/**
 * A person's sign-in lock in words for the staff panel (ADR 0015): since when, and on which
 * devices by their labels ("Ақтоғай ауылы №2"), or on every device when her wrong PINs summed
 * over her devices locked her everywhere. The district device knows the district's devices from
 * the reference data; one it does not know yet is named by its id.
 */
import { useTranslation } from 'react-i18next';
import { useLive } from '../../db/useLive';
import { formatDateTimeKz, toLocalDateTime } from '../../domain/time';
import type { AdminStaffListing } from '../../sync/admin';
import { useRuntime } from '../app/runtime';
import { useDeviceLabel } from './useDeviceLabel';

export function useSignInLockText() {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const label = useDeviceLabel();
  const devices = useLive(() => db.devices.toArray(), []).data ?? [];
  return (lock: AdminStaffListing['signInLock']): string | null => {
    if (!lock) return null;
    const at = formatDateTimeKz(toLocalDateTime(new Date(lock.lockedAt)));
    if (lock.deviceIds.length === 0) return t('staffAdmin.lockedEverywhere', { at });
    const names = lock.deviceIds.map((id) => {
      const device = devices.find((d) => d.id === id);
      return device ? label(device) : id;
    });
    return t('staffAdmin.lockedOn', { at, devices: names.join(', ') });
  };
}
