/**
 * The district administrator's work on people: add a person, change a role, deactivate, set a
 * new PIN. Each runs in one transaction under the sync write lock, after `requireAdmin`, checks
 * its input with the same domain checks the admin screen runs (nothing is stored when one
 * fails), and bumps the reference version, so devices receive the change with their next sync:
 * a deactivated person is no longer offered at sign-in, an old PIN no longer matches.
 *
 * A PIN arrives in clear only to be checked and hashed here (`src/domain/pin.ts`); it is never
 * stored, returned or logged. The events a person recorded stay in the log whatever happens to
 * the person afterwards.
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
import { hashPin } from '../../src/domain/pin';
import { STAFF_ROLES } from '../../src/domain/roles';
import { lockSyncWrites } from '../db/lock';
import type { Db } from '../db/types';
import type { AuthenticatedDevice } from '../http/auth';
import { ApiError } from '../http/errors';
import { bumpReferenceVersion, getOffice, insertStaff } from '../queries/reference';
import {
  deactivateStaff,
  findDistrictPerson,
  listDistrictStaff,
  type StaffListing,
  setStaffPin,
  setStaffRole,
} from '../queries/staff';
import { requireAdmin } from './admin';

const staffId = z.string().min(1).max(64);
// Lengths a little above the checks' own, so a long name or PIN gets its reason, not a 400.
const namePart = z.string().max(NAME_MAX_LENGTH * 2);
const pinText = z.string().max(PIN_MAX_LENGTH * 2);

export const addPersonRequestSchema = z.object({
  staffId,
  person: z.object({
    surname: namePart,
    givenName: namePart,
    patronymic: namePart.optional(),
    role: z.enum(STAFF_ROLES),
    officeId: z.string().min(1).max(64),
    pin: pinText,
  }),
});
export const roleRequestSchema = z.object({ staffId, role: z.enum(STAFF_ROLES) });
export const deactivateRequestSchema = z.object({ staffId });
export const pinRequestSchema = z.object({ staffId, pin: pinText });

const refuse = (problem: Problem): never => {
  throw new ApiError(problem.code, 'not accepted', problem.details);
};

/** The district's people for the admin screen: names, roles, offices, active or not. */
export async function staffReport(
  db: Db,
  device: AuthenticatedDevice,
  adminId: string,
): Promise<StaffListing[]> {
  await requireAdmin(db, device, adminId);
  return listDistrictStaff(db, device.office.districtId);
}

export async function addPerson(
  db: Db,
  device: AuthenticatedDevice,
  body: z.infer<typeof addPersonRequestSchema>,
  now: Date,
): Promise<StaffListing> {
  // Who asks is settled before anything about the request is answered.
  await requireAdmin(db, device, body.staffId);
  const input = body.person;
  const office = await getOffice(db, input.officeId);
  // Another district's office is as unknown here as one that does not exist.
  if (!office || office.districtId !== device.office.districtId) {
    throw new ApiError('office-unknown', 'no such office in this district');
  }
  const problem = newPersonProblem(input, office.kind);
  if (problem) refuse(problem);
  // Hashed before the transaction: PBKDF2 takes a moment that the write lock need not wait for.
  const pin = await hashPin(input.pin);
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
    await requireAdmin(tx, device, body.staffId);
    await insertStaff(tx, {
      id: person.id,
      officeId: person.officeId,
      role: person.role,
      surname: person.surname,
      givenName: person.givenName,
      ...(person.patronymic ? { patronymic: person.patronymic } : {}),
      pin,
      isActive: true,
    });
    await bumpReferenceVersion(tx, now);
    return person;
  });
}

/** A person of the administrator's district, or `not-found`. */
async function personOf(tx: Db, device: AuthenticatedDevice, id: string) {
  const person = await findDistrictPerson(tx, device.office.districtId, id);
  if (!person) throw new ApiError('not-found', 'no such person in this district');
  return person;
}

/** The administrator's own role and activity stay: a district must keep its administrator. */
function refuseSelf(body: { staffId: string }, targetId: string): void {
  if (body.staffId === targetId) throw new ApiError('staff-self', 'not for oneself');
}

export async function changeRole(
  db: Db,
  device: AuthenticatedDevice,
  targetId: string,
  body: z.infer<typeof roleRequestSchema>,
  now: Date,
): Promise<StaffListing> {
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    await requireAdmin(tx, device, body.staffId);
    refuseSelf(body, targetId);
    const person = await personOf(tx, device, targetId);
    const problem = roleProblem(body.role, person.officeKind);
    if (problem) refuse(problem);
    await setStaffRole(tx, targetId, body.role);
    await bumpReferenceVersion(tx, now);
    const { officeKind: _kind, ...listing } = person;
    return { ...listing, role: body.role };
  });
}

/**
 * Deactivation: the person can no longer sign in on any device once it has synced; what they
 * recorded stays. Events they made offline and have not yet sent are refused when they arrive
 * (`staff-unknown`, in the device's rejected list), as for anyone no longer of the office.
 */
export async function deactivate(
  db: Db,
  device: AuthenticatedDevice,
  targetId: string,
  body: z.infer<typeof deactivateRequestSchema>,
  now: Date,
): Promise<StaffListing> {
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    await requireAdmin(tx, device, body.staffId);
    refuseSelf(body, targetId);
    const person = await personOf(tx, device, targetId);
    if (await deactivateStaff(tx, targetId)) await bumpReferenceVersion(tx, now);
    const { officeKind: _kind, ...listing } = person;
    return { ...listing, isActive: false };
  });
}

/** A new PIN the administrator sets; the old one stops matching on each device at its next sync. */
export async function resetPin(
  db: Db,
  device: AuthenticatedDevice,
  targetId: string,
  body: z.infer<typeof pinRequestSchema>,
  now: Date,
): Promise<{ id: string }> {
  await requireAdmin(db, device, body.staffId);
  const problem = pinProblem(body.pin);
  if (problem) refuse(problem);
  const pin = await hashPin(body.pin);
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    await requireAdmin(tx, device, body.staffId);
    await personOf(tx, device, targetId);
    await setStaffPin(tx, targetId, pin);
    await bumpReferenceVersion(tx, now);
    return { id: targetId };
  });
}
