/**
 * Migrations and the demo district on a fresh store: applied once, a second start changes
 * nothing, and the demo district has its 18 offices and 38 staff with working six-digit PINs.
 * And migration 0011 (staff identity) on a store 0010 left: its events keep their content with
 * no proof, which the audit shows as predating proofs; its devices may declare their legacy
 * events; its PBKDF2 hashes stay readable verifiers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPin, LOW_PIN_COST } from '../../src/domain/identity/pin';
import { MIGRATIONS, migrate } from '../../sync-server/db/migrations';
import type { Db } from '../../sync-server/db/types';
import { listOffices, listStaff } from '../../sync-server/queries/reference';
import { getPinVerifier } from '../../sync-server/queries/staff';
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
      ensureDemoDistrict(db, now, {}, LOW_PIN_COST),
      ensureDemoDistrict(db, now, {}, LOW_PIN_COST),
    ]);
    expect([first, second].sort()).toEqual([false, true]);
    expect(await ensureDemoDistrict(db, now, {}, LOW_PIN_COST)).toBe(false);

    const offices = await listOffices(db, 'aktogay');
    expect(offices).toHaveLength(18);
    const staff = (await Promise.all(offices.map((o) => listStaff(db, o.id)))).flat();
    expect(staff).toHaveLength(38);
    const head = staff.find((s) => s.role === 'district_head');
    const akim = staff.find((s) => s.officeId === 'akt-17' && s.role === 'akim');
    const verifierOf = async (id = '') => {
      const stored = await getPinVerifier(db, id);
      if (!stored) throw new Error(`no verifier of ${id}`);
      expect(stored.verifier).toMatchObject({ algorithm: 'argon2id', ...LOW_PIN_COST });
      return stored.verifier;
    };
    expect(await checkPin('444444', await verifierOf(head?.id))).toBe(true);
    expect(await checkPin('222222', await verifierOf(akim?.id))).toBe(true);
    expect(await checkPin('111111', await verifierOf(akim?.id))).toBe(false);
  });
});
