/**
 * Migrations and the demo district on a fresh store: applied once, a second start changes
 * nothing, and the demo district has its 18 offices and 37 staff with working PINs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPin } from '../../src/domain/pin';
import { MIGRATIONS, migrate } from '../../sync-server/db/migrations';
import type { Db } from '../../sync-server/db/types';
import { listOffices, listStaff } from '../../sync-server/queries/reference';
import { ensureDemoDistrict } from '../../sync-server/seed/demo';
import { STORES } from './helpers';

describe.each(STORES)('migrations and demo district on $name', (store) => {
  let db: Db;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    ({ db, cleanup } = await store.open());
  });
  afterAll(async () => {
    await cleanup();
  });

  it('applies every migration once', async () => {
    const rows = await db.all<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id));
    expect(await migrate(db)).toEqual([]);
  });

  it('keeps no index of cases by office and status, which no query reads', async () => {
    const indexes =
      db.dialect === 'sqlite'
        ? await db.all<{ name: string }>("SELECT name FROM pragma_index_list('cases')")
        : await db.all<{ name: string }>(
            "SELECT indexname AS name FROM pg_indexes WHERE tablename = 'cases' AND schemaname = current_schema()",
          );
    expect(indexes.length).toBeGreaterThan(0);
    expect(indexes.map((i) => i.name)).not.toContain('cases_office_status');
  });

  it('creates the demo district once, with PINs that verify', async () => {
    const now = new Date('2026-03-18T05:30:00Z');
    const [first, second] = await Promise.all([
      ensureDemoDistrict(db, now),
      ensureDemoDistrict(db, now),
    ]);
    expect([first, second].sort()).toEqual([false, true]);
    expect(await ensureDemoDistrict(db, now)).toBe(false);

    const offices = await listOffices(db, 'aktogay');
    expect(offices).toHaveLength(18);
    const staff = (await Promise.all(offices.map((o) => listStaff(db, o.id)))).flat();
    expect(staff).toHaveLength(38);
    const head = staff.find((s) => s.role === 'district_head');
    const akim = staff.find((s) => s.officeId === 'akt-17' && s.role === 'akim');
    expect(head && (await verifyPin('4444', head.pin))).toBe(true);
    expect(akim && (await verifyPin('2222', akim.pin))).toBe(true);
    expect(akim && (await verifyPin('1111', akim.pin))).toBe(false);
  });
});
