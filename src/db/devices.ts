/**
 * Which device, in words: the devices this one knows from the reference data (its own office's
 * on a village device, the district's on a district device), named as the administrator named
 * them or by office and number (`domain/admin/devices.ts`). A device it does not know — another
 * office's, or any before the first reference sync that carries devices — is named by the office
 * of the person who used it, since people sign in only on their own office's devices.
 */
import { deviceLabel } from '../domain/admin/devices';
import type { Localized } from '../domain/catalog/schema';
import type { KnownDevice, Office, Person } from '../domain/reference';
import { getMeta } from './meta';
import type { QabyldauDb } from './schema';

/** A device as a screen shows it; `label` is in the interface's language (`loc`). */
export interface DeviceNaming {
  id: string;
  /**
   * what the device is called — only its office when it is not among those this one knows;
   * null: nothing is known of it, show its id
   */
  label: string | null;
}

type Loc = (text: Localized | undefined) => string;

/** What is needed to name the devices of a set of events, read once. */
export interface DeviceBook {
  devices: Map<string, KnownDevice>;
  offices: Map<string, Office>;
}

export async function deviceBook(db: QabyldauDb, deviceIds: Iterable<string>): Promise<DeviceBook> {
  const [found, offices] = await Promise.all([
    db.devices.bulkGet([...new Set(deviceIds)]),
    db.offices.toArray(),
  ]);
  const devices = new Map<string, KnownDevice>();
  for (const d of found) if (d) devices.set(d.id, d);
  return { devices, offices: new Map(offices.map((o) => [o.id, o])) };
}

/** The device's label, or, unknown, the office of the person who used it. */
export function nameDevice(
  book: DeviceBook,
  loc: Loc,
  deviceId: string,
  person?: Pick<Person, 'officeId'> | undefined,
): DeviceNaming {
  const device = book.devices.get(deviceId);
  if (device) {
    const officeName = loc(book.offices.get(device.officeId)?.name) || device.officeId;
    return {
      id: deviceId,
      label: deviceLabel({ name: device.name, officeName, deviceNo: device.deviceNo }),
    };
  }
  const office = person && book.offices.get(person.officeId);
  return { id: deviceId, label: office ? loc(office.name) : null };
}

/** This device as the Sync screen names it: its own entry of the reference data, if any yet. */
export async function ownDevice(
  db: QabyldauDb,
): Promise<
  | { id: string; officeId: string; deviceNo: number; name: string | null; office?: Office }
  | undefined
> {
  const creds = await getMeta(db, 'credentials');
  if (!creds) return undefined;
  const [known, office] = await Promise.all([
    db.devices.get(creds.deviceId),
    db.offices.get(creds.officeId),
  ]);
  return {
    id: creds.deviceId,
    officeId: creds.officeId,
    deviceNo: known?.deviceNo ?? creds.deviceNo,
    name: known?.name ?? null,
    ...(office ? { office } : {}),
  };
}
