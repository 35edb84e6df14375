/**
 * A device's name, which the administrator gives it when the enrollment code is issued
 * ("Ақтоғай, қабылдау үстелі") and may change later. Every list of devices shows it; a device
 * nobody named yet is shown by its office and number, as before.
 */
import type { Problem } from '../errors';

export const DEVICE_NAME_MAX_LENGTH = 60;

export const tidyDeviceName = (name: string): string => name.trim().replace(/\s+/g, ' ');

/** Null for a good name; an empty one is refused where a name is set (not when issuing a code). */
export function deviceNameProblem(name: string): Problem | null {
  const tidy = tidyDeviceName(name);
  if (!tidy) return { code: 'field-required', details: { field: 'deviceName' } };
  if (tidy.length > DEVICE_NAME_MAX_LENGTH) {
    return { code: 'device-name-invalid', details: { max: DEVICE_NAME_MAX_LENGTH } };
  }
  return null;
}

/** "Ақтоғай, қабылдау үстелі", or, unnamed, "Ақтоғай ауылы №2". */
export function deviceLabel(device: {
  name?: string | null | undefined;
  officeName: string;
  deviceNo: number;
}): string {
  return device.name ? device.name : `${device.officeName} №${device.deviceNo}`;
}
