/**
 * Creates the demo district on a database that has no district yet, so one command starts a
 * working server. Run by the server and the CLI alike; safe when several instances start at once
 * (the check is repeated under the write lock).
 *
 * `DEMO=0` turns it off for a real district: an empty store then stays empty until the
 * district's own data is restored into it (docs/operations.md). The server and the CLI read the
 * same variable, so a CLI command run with the service's environment never seeds either.
 */
import { hashPin } from '../../src/domain/pin';
import type { PinHash } from '../../src/domain/reference';
import type { StaffRole } from '../../src/domain/roles';
import { lockSyncWrites } from '../db/lock';
import type { Db } from '../db/types';
import {
  bumpReferenceVersion,
  countDistricts,
  insertDistrict,
  insertOffice,
  insertStaff,
} from '../queries/reference';
import {
  AKIMAT_OFFICES,
  DEMO_DISTRICT,
  DEMO_PEOPLE,
  DEMO_PINS,
  DISTRICT_OFFICE,
  demoStaffId,
} from './aktogay';

/** False when the environment says `DEMO=0` (or `false`, `no`, `off`); the demo is the default. */
export function isDemoWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.DEMO?.trim().toLowerCase();
  return !(value === '0' || value === 'false' || value === 'no' || value === 'off');
}

/** Returns true when it created the district. */
export async function ensureDemoDistrict(
  db: Db,
  now: Date,
  env: NodeJS.ProcessEnv = process.env,
): Promise<boolean> {
  if (!isDemoWanted(env)) return false;
  if ((await countDistricts(db)) > 0) return false;
  // One hash per demo PIN, shared by everyone with that PIN: the PINs are printed anyway, and
  // 37 PBKDF2 hashes would make the first start (and every test database) seconds slower.
  const pins = new Map<StaffRole, PinHash>();
  for (const [role, pin] of Object.entries(DEMO_PINS) as [StaffRole, string][]) {
    pins.set(role, await hashPin(pin));
  }
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    if ((await countDistricts(tx)) > 0) return false;
    await insertDistrict(tx, DEMO_DISTRICT);
    for (const office of [DISTRICT_OFFICE, ...AKIMAT_OFFICES]) await insertOffice(tx, office);
    for (const p of DEMO_PEOPLE) {
      const pin = pins.get(p.role);
      if (!pin) throw new Error(`no demo PIN for ${p.role}`);
      await insertStaff(tx, { ...p, id: demoStaffId(p), pin, isActive: true });
    }
    await bumpReferenceVersion(tx, now);
    return true;
  });
}
