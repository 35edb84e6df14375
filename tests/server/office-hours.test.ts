/**
 * Office hours: the district administrator sets an office's open, close and lunch; devices
 * receive them with the reference data (the default 09:00–18:00, lunch 13:00–14:00, for an
 * office nobody has set); bad hours, another person, another device or another district's
 * office are refused with their reason and change nothing. Migration 0007 keeps every office an
 * earlier release stored, with the default hours. On every store.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE_HOURS } from '../../src/domain/hours';
import type { ReferenceResponse } from '../../src/domain/sync/protocol';
import { MIGRATIONS, migrate } from '../../sync-server/db/migrations';
import type { Db } from '../../sync-server/db/types';
import { getOffice, insertDistrict, insertOffice } from '../../sync-server/queries/reference';
import { AKIMAT_OFFICES, DEMO_DISTRICT } from '../../sync-server/seed/aktogay';
import {
  call,
  type Device,
  enrollDevice,
  type Harness,
  STORES,
  staffOf,
  startServer,
} from './helpers';

const ADMIN = staffOf('akt-district', 'district_admin');
const SHORT_DAY = { open: '08:30', close: '16:00', lunch: { from: '12:30', to: '13:30' } };

/** A second district with one office, which the Aktogay administrator must not reach. */
async function otherDistrict(db: Db): Promise<void> {
  const [first] = AKIMAT_OFFICES;
  if (!first) throw new Error('the demo district has no akimat office');
  await insertDistrict(db, { ...DEMO_DISTRICT, id: 'other', isDemo: false });
  await insertOffice(db, { ...first, id: 'oth-01', districtId: 'other', code: '01' });
}

describe.each(STORES)('office hours on $name', (store) => {
  let h: Harness;
  let district: Device;
  let village: Device;
  let session: string;

  beforeAll(async () => {
    h = await startServer(store);
    await otherDistrict(h.db);
    district = await enrollDevice(h, 'akt-district', 'district');
    village = await enrollDevice(h, 'akt-01', 'akimat');
    session = await district.session(ADMIN);
  });
  afterAll(async () => h?.close());

  const reference = async (device: Device) =>
    (
      await call<ReferenceResponse>(h, 'GET', '/api/v1/sync/reference', {
        token: device.enrollment.token,
      })
    ).body;
  const hoursOf = async (officeId: string) =>
    (await reference(village)).offices.find((o) => o.id === officeId)?.hours;
  const put = (officeId: string, json: unknown, device: Device = district, asAdmin = true) =>
    call(h, 'PUT', `/api/v1/admin/offices/${officeId}/hours`, {
      token: device.enrollment.token,
      ...(asAdmin ? { session } : {}),
      json,
    });

  it('sends every office the default hours until the administrator sets some', async () => {
    const offices = (await reference(village)).offices;
    expect(offices).toHaveLength(18);
    for (const office of offices) expect(office.hours, office.id).toEqual(DEFAULT_OFFICE_HOURS);
  });

  it('sets one office’s hours; devices receive them with a new reference version', async () => {
    const before = await reference(village);
    const reply = await put('akt-01', { hours: SHORT_DAY });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ officeId: 'akt-01', hours: SHORT_DAY });
    const after = await reference(village);
    expect(after.version).not.toBe(before.version);
    expect(after.offices.find((o) => o.id === 'akt-01')?.hours).toEqual(SHORT_DAY);
    // The district's devices hold every office's hours: they count the village's deadlines too.
    const seenByDistrict = (await reference(district)).offices;
    expect(seenByDistrict.find((o) => o.id === 'akt-01')?.hours).toEqual(SHORT_DAY);
    expect(seenByDistrict.find((o) => o.id === 'akt-02')?.hours).toEqual(DEFAULT_OFFICE_HOURS);
  });

  it('an office without lunch', async () => {
    const noLunch = { open: '09:00', close: '18:00', lunch: null };
    expect((await put('akt-02', { hours: noLunch })).status).toBe(200);
    expect(await hoursOf('akt-02')).toEqual(noLunch);
  });

  it('refuses hours the deadlines cannot count with, with the reason, and changes nothing', async () => {
    const version = (await reference(village)).version;
    const cases: [unknown, string][] = [
      [{ ...SHORT_DAY, open: '9:00' }, 'time-invalid'],
      [{ ...SHORT_DAY, close: '25:00' }, 'time-invalid'],
      [{ ...SHORT_DAY, close: '08:00' }, 'close-before-open'],
      [{ ...SHORT_DAY, lunch: { from: '13:30', to: '12:30' } }, 'lunch-order'],
      [{ ...SHORT_DAY, lunch: { from: '15:30', to: '16:30' } }, 'lunch-outside-hours'],
    ];
    for (const [hours, reason] of cases) {
      const reply = await put('akt-01', { hours });
      expect(reply.status, reason).toBe(422);
      expect(reply.body).toMatchObject({
        error: { code: 'office-hours-invalid', details: { reason } },
      });
    }
    const shapeless = await put('akt-01', { hours: { open: '09:00' } });
    expect(shapeless.status).toBe(400);
    expect(shapeless.body).toMatchObject({ error: { code: 'body-invalid' } });
    expect(await hoursOf('akt-01')).toEqual(SHORT_DAY);
    expect((await reference(village)).version).toBe(version);
  });

  it('only the district administrator, from a district device, for an office of the district', async () => {
    const version = (await reference(village)).version;
    // Naming someone in the body is nothing: the session says who asks, and only the
    // administrator has one.
    const asExecutor = await put(
      'akt-01',
      { staffId: staffOf('akt-district', 'district_executor'), hours: DEFAULT_OFFICE_HOURS },
      district,
      false,
    );
    expect(asExecutor.status).toBe(401);
    expect(asExecutor.body).toMatchObject({ error: { code: 'admin-session-required' } });
    const fromVillage = await put('akt-01', { hours: DEFAULT_OFFICE_HOURS }, village);
    expect(fromVillage.status).toBe(403);
    expect(fromVillage.body).toMatchObject({ error: { code: 'role-not-allowed' } });
    const unknown = await put('akt-99', { hours: DEFAULT_OFFICE_HOURS });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: { code: 'office-unknown' } });
    const elsewhere = await put('oth-01', { hours: SHORT_DAY });
    expect(elsewhere.status).toBe(404);
    expect((await getOffice(h.db, 'oth-01'))?.hours).toEqual(DEFAULT_OFFICE_HOURS);
    const noToken = await call(h, 'PUT', '/api/v1/admin/offices/akt-01/hours', {
      session,
      json: { hours: DEFAULT_OFFICE_HOURS },
    });
    expect(noToken.status).toBe(401);
    expect(await hoursOf('akt-01')).toEqual(SHORT_DAY);
    expect((await reference(village)).version).toBe(version);
  });
});

describe.each(STORES)('migration 0007 on $name: offices get hours', (store) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    // A fresh store is migrated in full by `open`; this one starts over below 0007.
    ({ db, cleanup } = await store.open());
  });
  afterAll(async () => cleanup?.());

  it('keeps the offices an earlier release stored, with the default hours', async () => {
    const before = MIGRATIONS.findIndex((m) => m.id === '0007-office-hours');
    expect(before).toBeGreaterThan(0);
    // Undo 0007 the way an earlier release's store looks: no column, no migration row.
    await db.run('DELETE FROM schema_migrations WHERE id = ?', ['0007-office-hours']);
    await db.run('ALTER TABLE offices DROP COLUMN hours');
    await db.run(
      `INSERT INTO districts (id, name_kk, name_ru, is_demo, act_ids) VALUES (?, ?, ?, ?, ?)`,
      ['aktogay', 'Ақтоғай ауданы', 'Актогайский район', 1, '[]'],
    );
    await db.run(
      `INSERT INTO offices (id, district_id, kind, code, name_kk, name_ru, address_kk, address_ru, phone)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ['akt-01', 'aktogay', 'akimat', '01', 'Ақтоғай', 'Актогай', 'мекенжай', 'адрес', '8 7103'],
    );
    expect(await migrate(db)).toEqual(['0007-office-hours']);
    const office = await getOffice(db, 'akt-01');
    expect(office).toMatchObject({ id: 'akt-01', phone: '8 7103', hours: DEFAULT_OFFICE_HOURS });
  });
});
