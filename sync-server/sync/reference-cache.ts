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

/** The store's cache for reference `version`, started afresh when the version moved. */
function cacheAt(db: Db, version: string): ReferenceCache {
  const cache = caches.get(db);
  if (cache?.version === version) return cache;
  const fresh: ReferenceCache = {
    version,
    staffByOffice: new Map(),
    officesByDistrict: new Map(),
    keysByDevice: new Map(),
  };
  caches.set(db, fresh);
  return fresh;
}

/** What `map` holds under `key`, or what `read` gives, kept there. */
async function held<T>(map: Map<string, T>, key: string, read: () => Promise<T>): Promise<T> {
  const known = map.get(key);
  if (known !== undefined) return known;
  const value = await read();
  map.set(key, value);
  return value;
}

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
  const cache = cacheAt(db, version);
  return {
    staff: await held(cache.staffByOffice, officeId, () => listStaff(tx, officeId)),
    offices: await held(cache.officesByDistrict, districtId, () => listOffices(tx, districtId)),
  };
}

/** The live proof keys of a device, by person, as of reference `version`. */
export function keysForPush(
  db: Db,
  tx: Db,
  version: string,
  deviceId: string,
): Promise<ReadonlyMap<string, Uint8Array>> {
  return held(cacheAt(db, version).keysByDevice, deviceId, () => liveKeysOfDevice(tx, deviceId));
}
