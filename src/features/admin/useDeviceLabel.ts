/**
 * A device as the admin screen names it: the administrator's name for it, or, unnamed, its
 * office and number ("Ақтоғай ауылы №2"), in the interface's language.
 */
import { districtOffices } from '../../db/offices';
import { useLive } from '../../db/useLive';
import { deviceLabel } from '../../domain/admin/devices';
import { useRuntime } from '../app/runtime';
import { useLang } from '../app/useLang';

export function useDeviceLabel() {
  const { db } = useRuntime();
  const { loc } = useLang();
  const offices = useLive(() => districtOffices(db), []).data ?? [];
  return (device: {
    deviceName?: string | null;
    name?: string | null;
    officeId?: string | null;
    deviceOfficeId?: string | null;
    deviceNo: number | null;
  }): string => {
    const officeId = device.deviceOfficeId ?? device.officeId ?? '';
    const name = device.deviceName ?? device.name ?? null;
    return deviceLabel({
      name,
      officeName: loc(offices.find((o) => o.id === officeId)?.name) || officeId,
      deviceNo: device.deviceNo ?? 0,
    });
  };
}
