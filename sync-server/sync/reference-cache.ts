/**
 * The staff and offices a push authorizes events against, read once per reference version
 * instead of inside every push. Every change to offices or staff bumps the version in the same
 * transaction (queries/reference.ts), and a push reads the version under the sync write lock
 * (with its position, in the same statement), so a push never judges by staff older than the
 * version it sees. On PostgreSQL this takes two round trips out of the lock that makes pushes
 * take turns. One cache per store: tests run several servers in one process.
 *
 * So are each device's live proof keys (ADR 0015): registering and revoking a key move the
 * version in their own transaction (`queries/identity.ts`), so a PIN reset that revoked a key
 * counts from the next push on, and a push does not read the keys again under the lock.
 */
import type { Office, Staff } from '../../src/domain/reference';
import type { Db } from '../db/types';
import { liveKeysOfDevice } from '../queries/identity';
import { listOffices, listStaff } from '../queries/reference';

interface ReferenceCache {
  version: string;
  staffByOffice: Map<string, Staff[]>;
  officesByDistrict: Map<string, Office[]>;
  keysByDevice: Map<string, ReadonlyMap<string, Uint8Array>>;
}

const caches = new WeakMap<Db, ReferenceCache>();

/**
 * Staff of `officeId` and offices of `districtId` as of reference `version`; read through `tx`
 * (the push's transaction) when this version has not been seen yet.
 */
export async function referenceForPush(
  db: Db,
  tx: Db,
  version: string,
  officeId: string,
  districtId: string,
): Promise<{ staff: Staff[]; offices: Office[] }> {
  let cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = fresh(version);
    caches.set(db, cache);
  }
  let staff = cache.staffByOffice.get(officeId);
  if (!staff) {
    staff = await listStaff(tx, officeId);
    cache.staffByOffice.set(officeId, staff);
  }
  let offices = cache.officesByDistrict.get(districtId);
  if (!offices) {
    offices = await listOffices(tx, districtId);
    cache.officesByDistrict.set(districtId, offices);
  }
  return { staff, offices };
}

function fresh(version: string): ReferenceCache {
  return {
    version,
    staffByOffice: new Map(),
    officesByDistrict: new Map(),
    keysByDevice: new Map(),
  };
}

/** The live proof keys of a device, by person, as of reference `version`. */
export async function keysForPush(
  db: Db,
  tx: Db,
  version: string,
  deviceId: string,
): Promise<ReadonlyMap<string, Uint8Array>> {
  let cache = caches.get(db);
  if (!cache || cache.version !== version) {
    cache = fresh(version);
    caches.set(db, cache);
  }
  let keys = cache.keysByDevice.get(deviceId);
  if (!keys) {
    keys = await liveKeysOfDevice(tx, deviceId);
    cache.keysByDevice.set(deviceId, keys);
  }
  return keys;
}
