/**
 * Reference data on the device: offices, staff, the district, the devices it knows by name, who
 * holds a proof key and who is locked out here (src/db/identity.ts), and the working-day calendar the deadlines are counted with. The calendar shipped with the app is
 * the base; years the district administrator adds arrive with the reference data and take
 * precedence.
 */
import type { WorkCalendar } from '../domain/calendar';
import type { Catalog } from '../domain/catalog';
import type { ReferenceResponse } from '../domain/sync/protocol';
import { applyIdentity } from './identity';
import { getMeta, setMeta } from './meta';
import type { QabyldauDb } from './schema';

/**
 * Replace the device's reference data with the server's, in one transaction; with it what the
 * server says about sign-in here (seals whose key was revoked go, locks lifted or put on).
 */
export async function applyReference(db: QabyldauDb, ref: ReferenceResponse): Promise<void> {
  const tables = [
    db.offices,
    db.staff,
    db.people,
    db.districts,
    db.devices,
    db.meta,
    db.seals,
    db.signInLocks,
  ];
  await db.transaction('rw', tables, async () => {
    await db.offices.clear();
    await db.offices.bulkPut(ref.offices);
    await db.staff.clear();
    await db.staff.bulkPut(ref.staff);
    await db.people.clear();
    await db.people.bulkPut(ref.people);
    await db.districts.clear();
    await db.districts.put(ref.district);
    // An older server sends no devices: they are shown by office and number, as before.
    await db.devices.clear();
    await db.devices.bulkPut(ref.devices ?? []);
    await setMeta(db, 'catalogEditions', ref.catalogEditions);
    await setMeta(db, 'calendarYears', ref.calendarYears);
    // A server from before staff identity sends none: seals and locks are left as they are.
    if (ref.identity) await applyIdentity(db, ref.identity, ref.serverTime);
    await setMeta(db, 'referenceVersion', ref.version);
  });
}

/**
 * The calendar with the district's years. The shipped years are built when their module is
 * evaluated, so it is loaded the first time a calendar is asked for, not with the app's start.
 */
export async function loadCalendar(db: QabyldauDb): Promise<WorkCalendar> {
  const { calendarWithYears } = await import('../domain/calendar/editions');
  return calendarWithYears((await getMeta(db, 'calendarYears')) ?? {});
}

/**
 * The catalog of a given edition (a case's `catalogVersion`), or the current one when no
 * version is asked for. A case registered under the shipped catalog gets the shipped catalog.
 *
 * The catalog's data (every regulation's text) is a module of its own, loaded the first time a
 * catalog is asked for, so it is not part of the script that starts the app.
 */
export async function loadCatalog(db: QabyldauDb, version?: string): Promise<Catalog> {
  const { applyEdition } = await import('../domain/catalog/overlay');
  const editions = (await getMeta(db, 'catalogEditions')) ?? [];
  if (version === undefined) return applyEdition(editions.at(-1));
  return applyEdition(editions.find((e) => e.version === version));
}

/** Loads the catalog's and the calendar's code ahead of the first screen that needs them. */
export async function preloadReference(): Promise<void> {
  await Promise.all([import('../domain/catalog/overlay'), import('../domain/calendar/editions')]);
}
