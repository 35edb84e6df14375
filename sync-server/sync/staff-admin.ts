/**
 * The district administrator's work on people: add a person, change a role, deactivate, set a
 * new PIN, lift a sign-in lock. Each runs in one transaction under the sync write lock, after
 * `requireAdmin`, checks its input with the same domain checks the admin screen runs (nothing is
 * stored when one fails), and bumps the reference version, so devices receive the change with
 * their next sync: a deactivated person is no longer offered at sign-in, a reset PIN's keys are
 * gone from every device, a lifted lock lets her try again.
 *
 * A PIN arrives in clear only to be checked and turned into its verifier here
 * (`src/domain/identity/pin.ts`, at the server's cost); it is never stored, returned or logged.
 * The events a person recorded stay in the log whatever happens to the person afterwards.
 */
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import {
  NAME_MAX_LENGTH,
  newPersonProblem,
  PIN_MAX_LENGTH,
  pinProblem,
  roleProblem,
  tidyName,
} from '../../src/domain/admin/staff';
import type { Problem } from '../../src/domain/errors';
import type { PinCost } from '../../src/domain/identity/pin';
import { STAFF_ROLES } from '../../src/domain/roles';
import { lockSyncWrites } from '../db/lock';
import type { Db } from '../db/types';
import { ApiError } from '../http/errors';
import {
  clearFailures,
  endSessionsOf,
  keyDevicesOfDistrict,
  revokeKeysOf,
  type SignInLock,
  signInLocksOfDistrict,
} from '../queries/identity';
import { bumpReferenceVersion, getOffice, insertStaff } from '../queries/reference';
import {
  deactivateStaff,
  findDistrictPerson,
  listDistrictStaff,
  type StaffListing,
  setStaffPin,
  setStaffRole,
} from '../queries/staff';
import { type AdminAsker, requireAdmin } from './admin-session';
import { makeVerifierInTurn } from './pin-work';

// Lengths a little above the checks' own, so a long name or PIN gets its reason, not a 400.
const namePart = z.string().max(NAME_MAX_LENGTH * 2);
const pinText = z.string().max(PIN_MAX_LENGTH * 2);

export const addPersonRequestSchema = z.object({
  person: z.object({
    surname: namePart,
    givenName: namePart,
    patronymic: namePart.optional(),
    role: z.enum(STAFF_ROLES),
    officeId: z.string().min(1).max(64),
    pin: pinText,
  }),
});
export const roleRequestSchema = z.object({ role: z.enum(STAFF_ROLES) });
export const pinRequestSchema = z.object({ pin: pinText });

const refuse = (problem: Problem): never => {
  throw new ApiError(problem.code, 'not accepted', problem.details);
};

/** A person as the admin screen's list shows her: with her sign-in lock and her keys. */
export interface StaffReportRow extends StaffListing {
  /** since when and where she is locked out of signing in (no devices: everywhere); null: not */
  signInLock: SignInLock | null;
  /** the devices she has a live proof key on, where she can sign in offline */
  keyDeviceIds: string[];
}

/**
 * The district's people for the admin screen: names, roles, offices, active or not, who is
 * locked out and where each can sign in offline.
 */
export async function staffReport(db: Db, asker: AdminAsker, now: Date): Promise<StaffReportRow[]> {
  await requireAdmin(db, asker, now);
  const districtId = asker.device.office.districtId;
  const locks = await signInLocksOfDistrict(db, districtId);
  const keys = await keyDevicesOfDistrict(db, districtId);
  return (await listDistrictStaff(db, districtId)).map((person) => ({
    ...person,
    signInLock: locks.get(person.id) ?? null,
    keyDeviceIds: keys.get(person.id) ?? [],
  }));
}

export async function addPerson(
  db: Db,
  asker: AdminAsker,
  body: z.infer<typeof addPersonRequestSchema>,
  now: Date,
  cost: PinCost,
): Promise<StaffListing> {
  // Who asks is settled before anything about the request is answered.
  await requireAdmin(db, asker, now);
  const input = body.person;
  const office = await getOffice(db, input.officeId);
  // Another district's office is as unknown here as one that does not exist.
  if (!office || office.districtId !== asker.device.office.districtId) {
    throw new ApiError('office-unknown', 'no such office in this district');
  }
  const problem = newPersonProblem(input, office.kind);
  if (problem) refuse(problem);
  // Made before the transaction: Argon2id takes half a second the write lock need not wait for.
  const pin = await makeVerifierInTurn(input.pin, cost);
  const patronymic = tidyName(input.patronymic ?? '');
  const person: StaffListing = {
    id: uuidv7(),
    officeId: office.id,
    role: input.role,
    surname: tidyName(input.surname),
    givenName: tidyName(input.givenName),
    patronymic: patronymic || null,
    isActive: true,
  };
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    await requireAdmin(tx, asker, now);
    await insertStaff(
      tx,
      {
        id: person.id,
        officeId: person.officeId,
        role: person.role,
        surname: person.surname,
        givenName: person.givenName,
        ...(person.patronymic ? { patronymic: person.patronymic } : {}),
        isActive: true,
      },
      pin,
    );
    await bumpReferenceVersion(tx, now);
    return person;
  });
}

/** A person of the administrator's district, or `not-found`. */
async function personOf(tx: Db, asker: AdminAsker, id: string) {
  const person = await findDistrictPerson(tx, asker.device.office.districtId, id);
  if (!person) throw new ApiError('not-found', 'no such person in this district');
  return person;
}

/** The administrator's own role and activity stay: a district must keep its administrator. */
function refuseSelf(adminId: string, targetId: string): void {
  if (adminId === targetId) throw new ApiError('staff-self', 'not for oneself');
}

export async function changeRole(
  db: Db,
  asker: AdminAsker,
  targetId: string,
  body: z.infer<typeof roleRequestSchema>,
  now: Date,
): Promise<StaffListing> {
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    refuseSelf(await requireAdmin(tx, asker, now), targetId);
    const person = await personOf(tx, asker, targetId);
    const problem = roleProblem(body.role, person.officeKind);
    if (problem) refuse(problem);
    await setStaffRole(tx, targetId, body.role);
    await bumpReferenceVersion(tx, now);
    const { officeKind: _kind, ...listing } = person;
    return { ...listing, role: body.role };
  });
}

/**
 * Deactivation: the person can no longer sign in on any device once it has synced, and her
 * sessions end at once; what she recorded stays. Events she made offline and has not yet sent
 * are refused when they arrive (`staff-unknown`, in the device's rejected list), as for anyone
 * no longer of the office. Her keys stay, unused: her events are refused before their proofs
 * are looked at.
 */
export async function deactivate(
  db: Db,
  asker: AdminAsker,
  targetId: string,
  now: Date,
): Promise<StaffListing> {
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    refuseSelf(await requireAdmin(tx, asker, now), targetId);
    const person = await personOf(tx, asker, targetId);
    if (await deactivateStaff(tx, targetId)) await bumpReferenceVersion(tx, now);
    await endSessionsOf(tx, targetId, now);
    const { officeKind: _kind, ...listing } = person;
    return { ...listing, isActive: false };
  });
}

/**
 * A new PIN the administrator sets, for a PIN forgotten or one someone else may know: a new
 * verifier, every key of the person revoked (each device drops her seal at its next sync, and
 * events proved with an old key are refused from now on), her wrong PINs and locks cleared, her
 * sessions ended. She signs in online with the new PIN.
 */
export async function resetPin(
  db: Db,
  asker: AdminAsker,
  targetId: string,
  body: z.infer<typeof pinRequestSchema>,
  now: Date,
  cost: PinCost,
): Promise<{ id: string }> {
  await requireAdmin(db, asker, now);
  const problem = pinProblem(body.pin);
  if (problem) refuse(problem);
  const pin = await makeVerifierInTurn(body.pin, cost);
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    await requireAdmin(tx, asker, now);
    await personOf(tx, asker, targetId);
    await setStaffPin(tx, targetId, pin);
    await revokeKeysOf(tx, targetId, now);
    await clearFailures(tx, targetId);
    await endSessionsOf(tx, targetId, now);
    await bumpReferenceVersion(tx, now);
    return { id: targetId };
  });
}

/**
 * Lifts a person's sign-in lock, on every device and everywhere at once; her wrong PINs count
 * from 0. Each device learns it with the reference data and clears the lock it had reported.
 */
export async function unlock(
  db: Db,
  asker: AdminAsker,
  targetId: string,
  now: Date,
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    await requireAdmin(tx, asker, now);
    await personOf(tx, asker, targetId);
    await clearFailures(tx, targetId);
    await bumpReferenceVersion(tx, now);
    return { id: targetId };
  });
}
