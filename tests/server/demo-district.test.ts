/**
 * The demo district of an earlier release (the previous release's own store,
 * tests/fixtures/release-3: 37 people, no sector head) gets on start the demo people it lacks —
 * once, under the write lock, with the reference version moved only when someone was added — so
 * every step of the demo's processes has someone to take it, with a six-digit PIN. A real
 * district, and a person an administrator made inactive, are left as they are.
 */
import { describe, expect, it } from 'vitest';
import { checkPin, LOW_PIN_COST } from '../../src/domain/identity/pin';
import type { ReferenceResponse } from '../../src/domain/sync/protocol';
import {
  getReferenceVersion,
  insertDistrict,
  insertOffice,
  listPeople,
  listStaff,
} from '../../sync-server/queries/reference';
import { getPinVerifier } from '../../sync-server/queries/staff';
import { DEMO_DISTRICT, DEMO_PEOPLE, DISTRICT_OFFICE } from '../../sync-server/seed/aktogay';
import { completeDemoDistrict, ensureDemoDistrict } from '../../sync-server/seed/demo';
import { loadServerStore, releaseServerStore } from '../fixtures/release-3';
import { call, enrollDevice, STORES, startServer } from './helpers';

const SECTOR_HEAD = 'akt-district-district_sector_head';
const now = new Date('2026-12-08T04:00:00Z');

describe.each(STORES)('the demo district on $name', (store) => {
  it('adds the demo people an earlier release lacked, once, moving the reference version only then', async () => {
    const { db, connect, cleanup } = await store.open();
    const other = connect();
    try {
      await loadServerStore(db, releaseServerStore());
      const before = await listPeople(db, DEMO_DISTRICT.id);
      expect(before).toHaveLength(37);
      expect(before.map((p) => p.id)).not.toContain(SECTOR_HEAD);
      expect(DEMO_PEOPLE).toHaveLength(38);
      const version = await getReferenceVersion(db);

      // Instances starting at once, on connections of their own: one adds, the others find it
      // done (each looks again under the write lock).
      const results = await Promise.all([
        completeDemoDistrict(db, now, LOW_PIN_COST),
        completeDemoDistrict(other, now, LOW_PIN_COST),
        completeDemoDistrict(db, now, LOW_PIN_COST),
      ]);
      expect(results.flat()).toEqual([SECTOR_HEAD]);

      const people = await listPeople(db, DEMO_DISTRICT.id);
      expect(people).toHaveLength(38);
      const head = (await listStaff(db, DISTRICT_OFFICE.id)).find((s) => s.id === SECTOR_HEAD);
      expect(head).toMatchObject({
        role: 'district_sector_head',
        officeId: 'akt-district',
        surname: 'Жамбылова',
        isActive: true,
      });
      const verifier = (await getPinVerifier(db, SECTOR_HEAD))?.verifier;
      expect(verifier).toMatchObject({ algorithm: 'argon2id' });
      expect(verifier && (await checkPin('666666', verifier))).toBe(true);
      const moved = await getReferenceVersion(db);
      expect(moved).not.toBe(version);

      // Nothing more to add: nothing written, the version stays; the start does the same.
      expect(await completeDemoDistrict(db, now, LOW_PIN_COST)).toEqual([]);
      expect(await ensureDemoDistrict(db, now, {}, LOW_PIN_COST)).toBe(false);
      expect(await getReferenceVersion(db)).toBe(moved);
      expect(await listPeople(db, DEMO_DISTRICT.id)).toHaveLength(38);
    } finally {
      await other.close();
      await cleanup();
    }
  });

  it('leaves a person an administrator made inactive as they are, and a real district alone', async () => {
    const demo = await store.open();
    try {
      await loadServerStore(demo.db, releaseServerStore());
      await demo.db.run('UPDATE staff SET is_active = 0 WHERE id = ?', ['akt-01-akim']);
      expect(await completeDemoDistrict(demo.db, now, LOW_PIN_COST)).toEqual([SECTOR_HEAD]);
      const akim = (await listStaff(demo.db, 'akt-01')).find((s) => s.id === 'akt-01-akim');
      expect(akim?.isActive).toBe(false);
      // DEMO=0: the server does not touch the district at all.
      await demo.db.run('DELETE FROM staff WHERE id = ?', [SECTOR_HEAD]);
      expect(await ensureDemoDistrict(demo.db, now, { DEMO: '0' })).toBe(false);
      expect((await listPeople(demo.db, DEMO_DISTRICT.id)).map((p) => p.id)).not.toContain(
        SECTOR_HEAD,
      );
    } finally {
      await demo.cleanup();
    }

    const real = await store.open();
    try {
      // A district restored from its own data that happens to use the demo's ids.
      await insertDistrict(real.db, { ...DEMO_DISTRICT, isDemo: false });
      await insertOffice(real.db, DISTRICT_OFFICE);
      const version = await getReferenceVersion(real.db);
      expect(await ensureDemoDistrict(real.db, now, {})).toBe(false);
      expect(await completeDemoDistrict(real.db, now)).toEqual([]);
      expect(await listPeople(real.db, DEMO_DISTRICT.id)).toEqual([]);
      expect(await getReferenceVersion(real.db)).toBe(version);
    } finally {
      await real.cleanup();
    }
  });

  it('gives a district device of the completed store the sector head, who signs in with 666666', async () => {
    const h = await startServer(store, undefined, {}, (db) =>
      loadServerStore(db, releaseServerStore()),
    );
    try {
      const district = await enrollDevice(h, 'akt-district', 'district');
      const reply = await call<ReferenceResponse>(h, 'GET', '/api/v1/sync/reference', {
        token: district.enrollment.token,
      });
      expect(reply.status).toBe(200);
      const head = reply.body.staff.find((s) => s.id === SECTOR_HEAD);
      expect(head?.role).toBe('district_sector_head');
      expect((await district.signIn(SECTOR_HEAD, '666666')).status).toBe(200);
      expect(reply.body.people.map((p) => p.id)).toContain(SECTOR_HEAD);
      // The release's people keep their 4-digit PINs, which they change at their next sign-in.
      const executor = 'akt-district-district_executor';
      const old = await district.signIn(executor, '3333');
      expect(old.body).toMatchObject({ error: { code: 'pin-change-required' } });
      expect((await district.signIn(executor, '3333', '333333')).status).toBe(200);
    } finally {
      await h.close();
    }
  });
});
