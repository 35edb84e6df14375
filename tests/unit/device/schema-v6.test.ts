/**
 * Device schema version 6: the devices this one knows by name, stored with the reference data.
 * A version-5 database opens with every row as it was and an empty `devices` table; the next
 * reference sync fills it, a rename replaces the name, and an older server's reference (no
 * devices) leaves devices shown by office and number again. Histories name a device by its
 * label, and one this device does not know by the office of the person who used it.
 */

import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { deviceBook, nameDevice, ownDevice } from '../../../src/db/devices';
import { getMeta } from '../../../src/db/meta';
import { applyReference } from '../../../src/db/reference';
import { QabyldauDb } from '../../../src/db/schema';
import type { Localized } from '../../../src/domain/catalog/schema';
import { LOW_PIN_COST } from '../../../src/domain/identity/pin';
import { controlDigit } from '../../../src/domain/iin';
import type { KnownDevice, Office } from '../../../src/domain/reference';
import type { ReferenceResponse } from '../../../src/domain/sync/protocol';
import { AKIM, makeDevice, OFFICE, SPECIALIST, TestClock } from './fixtures';

/** The stores of src/db/schema.ts up to version 5, as the previous version of the app had them. */
function version5(name: string, factory: IDBFactory): Dexie {
  const db = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  db.version(2).stores({
    events: 'id, caseId, status, serverSeq, [deviceId+deviceSeq], type',
    cases: 'id, regNumber, status, officeId, registeredAt, iin, surnameLower, batchId, updatedAt',
    outbox: 'deviceSeq',
    meta: 'key',
    offices: 'id, kind',
    staff: 'id, officeId',
    districts: 'id',
    people: 'id, officeId',
  });
  db.version(3).stores({ histories: 'caseId, lastSeq' });
  db.version(4).stores({});
  db.version(5).stores({
    cases:
      'id, regNumber, status, officeId, registeredAt, iin, surnameLower, batchId, updatedAt, rev',
    journalCache: 'key',
  });
  return db;
}

const IIN = `85041241234${controlDigit('85041241234')}`;

const DISTRICT_OFFICE: Office = {
  ...OFFICE,
  id: 'akt-district',
  kind: 'district',
  code: '00',
  name: { kk: 'Ақтоғай аудандық бөлімі', ru: 'Актогайский районный отдел' },
};

const kk = (text: Localized | undefined) => text?.kk ?? '';
const ru = (text: Localized | undefined) => text?.ru ?? '';

function reference(devices: KnownDevice[] | undefined): ReferenceResponse {
  return {
    serverTime: '2026-03-18T05:30:00.000Z',
    version: `v-${Math.random()}`,
    district: { id: 'aktogay', name: { kk: 'Ақтоғай', ru: 'Актогай' }, isDemo: true, actIds: [] },
    offices: [DISTRICT_OFFICE, OFFICE],
    staff: [SPECIALIST, AKIM],
    people: [
      {
        id: SPECIALIST.id,
        officeId: OFFICE.id,
        role: SPECIALIST.role,
        surname: 'Әбенова',
        givenName: 'Гүлмира',
      },
      {
        id: 'akt-district-executor',
        officeId: DISTRICT_OFFICE.id,
        role: 'district_executor',
        surname: 'Омаров',
        givenName: 'Ержан',
      },
    ],
    catalogEditions: [],
    calendarYears: {},
    device: { id: 'dev-1', officeId: OFFICE.id, officeKind: 'akimat', deviceNo: 3 },
    identity: { pinCost: LOW_PIN_COST, keys: [], signInLocks: [] },
    ...(devices ? { devices } : {}),
  };
}

describe('device schema version 6', () => {
  it('opens a version-5 database with every row as it was and an empty table of devices', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const source = await makeDevice(clock);
    const r = await source.commands.registerCase({
      serviceId: '003-06',
      channel: 'akim',
      applicant: { iin: IIN, surname: 'Сейітқалиева', givenName: 'Гүлназ' },
      personalDataConsent: true,
      presentedDocuments: [],
      confirmDuplicate: true,
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const tables = {
      cases: await source.db.cases.toArray(),
      events: await source.db.events.toArray(),
      outbox: await source.db.outbox.toArray(),
      meta: await source.db.meta.toArray(),
      offices: await source.db.offices.toArray(),
      staff: await source.db.staff.toArray(),
    };
    const factory = new IDBFactory();
    const old = version5('v5', factory);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkPut(rows);
    });
    old.close();

    const db = new QabyldauDb('v5', { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect(await db.cases.toArray()).toEqual(tables.cases);
    expect(await db.events.toArray()).toEqual(tables.events);
    expect(await db.outbox.toArray()).toEqual(tables.outbox);
    // Version 7 notes the seq up to which the unsent events predate proofs; nothing else.
    expect((await db.meta.toArray()).filter((m) => m.key !== 'legacyThrough')).toEqual(tables.meta);
    expect(await getMeta(db, 'legacyThrough')).toBe(1);
    expect(await db.devices.count()).toBe(0);

    // Before any reference with devices: the history names its own device by office and number.
    const events = await db.events.toArray();
    const deviceId = events[0]?.deviceId ?? '';
    const book = await deviceBook(db, [deviceId]);
    expect(nameDevice(book, kk, deviceId, SPECIALIST).label).toBe(OFFICE.name.kk);
    expect(await ownDevice(db)).toMatchObject({ id: deviceId, deviceNo: 3, name: null });

    // The next reference sync brings the office's devices, this one named.
    await applyReference(
      db,
      reference([
        { id: deviceId, officeId: OFFICE.id, deviceNo: 3, name: 'Ақтоғай, маман үстелі' },
        { id: 'dev-other', officeId: OFFICE.id, deviceNo: 1, name: null },
      ]),
    );
    expect(await db.devices.count()).toBe(2);
    const named = await deviceBook(db, [deviceId, 'dev-other', 'dev-district']);
    expect(nameDevice(named, kk, deviceId, SPECIALIST).label).toBe('Ақтоғай, маман үстелі');
    expect(nameDevice(named, kk, 'dev-other').label).toBe(`${OFFICE.name.kk} №1`);
    expect(nameDevice(named, ru, 'dev-other').label).toBe(`${OFFICE.name.ru} №1`);
    // A district device this village device may not know: the office of whoever used it.
    expect(nameDevice(named, kk, 'dev-district', { officeId: DISTRICT_OFFICE.id }).label).toBe(
      DISTRICT_OFFICE.name.kk,
    );
    // Nothing known at all: the id.
    expect(nameDevice(named, kk, 'dev-district').label).toBeNull();
    expect(await ownDevice(db)).toMatchObject({ name: 'Ақтоғай, маман үстелі', deviceNo: 3 });
    // The rest of the data is untouched by the reference.
    expect(await db.cases.toArray()).toEqual(tables.cases);
    expect(await db.outbox.toArray()).toEqual(tables.outbox);
    db.close();
  });

  it('replaces the devices with each reference: a rename, a device gone, an older server', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, credentials } = await makeDevice(clock);
    const own = credentials.deviceId;
    await applyReference(
      db,
      reference([
        { id: own, officeId: OFFICE.id, deviceNo: 3, name: null },
        { id: 'dev-other', officeId: OFFICE.id, deviceNo: 1, name: 'Кітапхана' },
      ]),
    );
    expect((await ownDevice(db))?.name).toBeNull();

    const renamed = reference([{ id: own, officeId: OFFICE.id, deviceNo: 3, name: 'Қабылдау' }]);
    await applyReference(db, renamed);
    expect(await db.devices.toArray()).toEqual([
      { id: own, officeId: OFFICE.id, deviceNo: 3, name: 'Қабылдау' },
    ]);
    expect(await getMeta(db, 'referenceVersion')).toBe(renamed.version);
    expect((await ownDevice(db))?.name).toBe('Қабылдау');

    // A server from before device names: nothing stale is kept, devices go back to their numbers.
    await applyReference(db, reference(undefined));
    expect(await db.devices.count()).toBe(0);
    expect(await ownDevice(db)).toMatchObject({ id: own, deviceNo: 3, name: null });
    db.close();
  });
});
