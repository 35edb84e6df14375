/**
 * Creates the demo district on a database that has no district yet, so one command starts a
 * working server. Run by the server and the CLI alike; safe when several instances start at once
 * (the check is repeated under the write lock). A demo district an earlier release created gets
 * the demo people it lacks (the sector head of the process model), the same way.
 *
 * `DEMO=0` turns it off for a real district: an empty store then stays empty until the
 * district's own data is restored into it (docs/operations.md). The server and the CLI read the
 * same variable, so a CLI command run with the service's environment never seeds either.
 */
import { type PinCost, type PinVerifier, STANDARD_PIN_COST } from '../../src/domain/identity/pin';
import type { StaffRole } from '../../src/domain/roles';
import { lockSyncWrites } from '../db/lock';
import type { Db } from '../db/types';
import {
  bumpReferenceVersion,
  countDistricts,
  getDistrict,
  getOffice,
  insertDistrict,
  insertOffice,
  insertStaff,
  listPeople,
} from '../queries/reference';
import { makeVerifierInTurn } from '../sync/pin-work';
import {
  AKIMAT_OFFICES,
  DEMO_DISTRICT,
  DEMO_PEOPLE,
  DEMO_PINS,
  type DemoPerson,
  DISTRICT_OFFICE,
  demoStaffId,
} from './aktogay';

/** False when the environment says `DEMO=0` (or `false`, `no`, `off`); the demo is the default. */
export function isDemoWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.DEMO?.trim().toLowerCase();
  return !(value === '0' || value === 'false' || value === 'no' || value === 'off');
}

/**
 * Returns true when it created the district. The PINs' verifiers are made at `cost`, the
 * server's (`PIN_COST`); tests pass the low one.
 */
export async function ensureDemoDistrict(
  db: Db,
  now: Date,
  env: NodeJS.ProcessEnv = process.env,
  cost: PinCost = STANDARD_PIN_COST,
): Promise<boolean> {
  if (!isDemoWanted(env)) return false;
  if ((await countDistricts(db)) > 0) {
    await completeDemoDistrict(db, now, cost);
    return false;
  }
  const pins = await demoPins(DEMO_PEOPLE, cost);
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    if ((await countDistricts(tx)) > 0) return false;
    await insertDistrict(tx, DEMO_DISTRICT);
    for (const office of [DISTRICT_OFFICE, ...AKIMAT_OFFICES]) await insertOffice(tx, office);
    for (const p of DEMO_PEOPLE) {
      const pin = pins.get(p.role);
      if (!pin) throw new Error(`no demo PIN for ${p.role}`);
      await insertStaff(tx, { ...p, id: demoStaffId(p), isActive: true }, pin);
    }
    await bumpReferenceVersion(tx, now);
    return true;
  });
}

/**
 * One verifier per demo PIN, shared by everyone with that PIN: the PINs are printed anyway, and
 * 38 Argon2id verifiers would make the first start half a minute slower.
 */
async function demoPins(
  people: readonly DemoPerson[],
  cost: PinCost,
): Promise<Map<StaffRole, PinVerifier>> {
  const pins = new Map<StaffRole, PinVerifier>();
  for (const role of new Set(people.map((p) => p.role))) {
    pins.set(role, await makeVerifierInTurn(DEMO_PINS[role], cost));
  }
  return pins;
}

/** Demo people the demo district does not have, by their stable ids, where their office is. */
async function missingDemoPeople(db: Db): Promise<DemoPerson[]> {
  const present = new Set((await listPeople(db, DEMO_DISTRICT.id)).map((p) => p.id));
  const missing: DemoPerson[] = [];
  for (const p of DEMO_PEOPLE) {
    if (!present.has(demoStaffId(p)) && (await getOffice(db, p.officeId))) missing.push(p);
  }
  return missing;
}

/**
 * Adds to an existing demo district the demo people it lacks: a store the demo seeded before a
 * role was added (the district sector head of the process model, PIN 666666) gets that person, so
 * every step of the demo's processes has someone to take it. Only the demo district, only people
 * missing by id (someone an administrator made inactive stays as they are), under the write lock;
 * the reference version moves, and devices fetch the staff again, only when someone was added.
 * Returns the ids added.
 */
export async function completeDemoDistrict(
  db: Db,
  now: Date,
  cost: PinCost = STANDARD_PIN_COST,
): Promise<string[]> {
  const district = await getDistrict(db, DEMO_DISTRICT.id);
  if (!district?.isDemo) return [];
  const missing = await missingDemoPeople(db);
  if (missing.length === 0) return [];
  const pins = await demoPins(missing, cost);
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    // Another instance may have added them meanwhile.
    const still = await missingDemoPeople(tx);
    for (const p of still) {
      const pin = pins.get(p.role) ?? (await makeVerifierInTurn(DEMO_PINS[p.role], cost));
      await insertStaff(tx, { ...p, id: demoStaffId(p), isActive: true }, pin);
    }
    if (still.length > 0) await bumpReferenceVersion(tx, now);
    return still.map(demoStaffId);
  });
}
