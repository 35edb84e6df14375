/**
 * Reference data for one device: its district, the district's offices, the staff of the
 * device's own office (the people who can sign in on it: names, roles, active or not — nothing a
 * PIN can be tried against, ADR 0015), everyone's name and role for the case histories, and the
 * devices it may name there: its own office's, or, on a district device, the district's (a
 * village laptop learns nothing of other offices' devices). And what it needs about sign-in:
 * the cost to seal proof keys at, who has a live key on it (a seal of anyone else is dropped:
 * her PIN was reset) and who is locked out on it.
 */
import type { PinCost } from '../../src/domain/identity/pin';
import type { ReferenceResponse } from '../../src/domain/sync/protocol';
import type { Db } from '../db/types';
import type { AuthenticatedDevice } from '../http/auth';
import { ApiError } from '../http/errors';
import { listCalendarYears, listEditions } from '../queries/admin';
import { listKnownDevices } from '../queries/devices';
import { liveKeysOfDevice, locksOfDevice } from '../queries/identity';
import {
  getDistrict,
  getReferenceVersion,
  getServerPublicUrl,
  listOffices,
  listPeople,
  listStaff,
} from '../queries/reference';

export async function referenceFor(
  db: Db,
  device: AuthenticatedDevice,
  serverTime: string,
  pinCost: PinCost,
): Promise<ReferenceResponse> {
  const { office, row } = device;
  const district = await getDistrict(db, office.districtId);
  if (!district) throw new ApiError('office-unknown', 'the device office has no district');
  // The administrator's address wins; the server's PUBLIC_URL is every other district's.
  const publicUrl = district.publicUrl ?? (await getServerPublicUrl(db));
  return {
    serverTime,
    version: await getReferenceVersion(db),
    district: publicUrl ? { ...district, publicUrl } : district,
    offices: await listOffices(db, district.id),
    staff: await listStaff(db, office.id),
    people: await listPeople(db, district.id),
    catalogEditions: await listEditions(db),
    calendarYears: await listCalendarYears(db),
    device: { id: row.id, officeId: office.id, officeKind: office.kind, deviceNo: row.device_no },
    devices: await listKnownDevices(
      db,
      office.kind === 'district' ? { districtId: district.id } : { officeId: office.id },
    ),
    identity: {
      pinCost,
      keys: [...(await liveKeysOfDevice(db, row.id)).keys()].sort(),
      signInLocks: await locksOfDevice(db, row.id, office.id),
    },
  };
}
