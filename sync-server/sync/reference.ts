/**
 * Reference data for one device: its district, the district's offices, and the staff of the
 * device's own office with their PIN hashes (only the people who can sign in on this device,
 * so a lost village laptop carries no other office's hashes), and everyone's name and role for
 * the case histories, and the devices it may name there: its own office's, or, on a district
 * device, the district's (a village laptop learns nothing of other offices' devices).
 */
import type { ReferenceResponse } from '../../src/domain/sync/protocol';
import type { Db } from '../db/types';
import type { AuthenticatedDevice } from '../http/auth';
import { ApiError } from '../http/errors';
import { listCalendarYears, listEditions } from '../queries/admin';
import { listKnownDevices } from '../queries/devices';
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
  };
}
