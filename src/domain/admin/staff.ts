/**
 * What the district administrator may set about a person: the PIN's form and the fields of a
 * new person. The admin screen runs these checks before it sends anything and the server runs
 * them again before anything is stored, so both refuse the same input with the same reason.
 */
import type { Problem } from '../errors';
import { pinProblem } from '../identity/pin';
import { isRoleAllowedInOffice, type OfficeKind, type StaffRole } from '../roles';

export { PIN_MAX_LENGTH, PIN_MIN_LENGTH, pinProblem } from '../identity/pin';

/** Longest name part stored: longer than any Kazakh or Russian surname, short of abuse. */
export const NAME_MAX_LENGTH = 80;

export interface NewPerson {
  surname: string;
  givenName: string;
  patronymic?: string | undefined;
  role: StaffRole;
  officeId: string;
  pin: string;
}

/** A name part as stored: trimmed, inner runs of spaces made one. */
export const tidyName = (text: string): string => text.trim().replace(/\s+/g, ' ');

/** The first thing wrong with a name part, or null. */
export function nameProblem(field: string, text: string, isRequired: boolean): Problem | null {
  const tidy = tidyName(text);
  if (!tidy) return isRequired ? { code: 'field-required', details: { field } } : null;
  if (tidy.length > NAME_MAX_LENGTH) {
    return { code: 'staff-name-invalid', details: { field, max: NAME_MAX_LENGTH } };
  }
  // Letters, spaces, hyphens and apostrophes: a digit or a sign in a name is a slip of the hand.
  if (!/^[\p{L}' -]+$/u.test(tidy)) return { code: 'staff-name-invalid', details: { field } };
  return null;
}

/** A role works only in an office of its kind: no district executor at a village desk. */
export function roleProblem(role: StaffRole, officeKind: OfficeKind): Problem | null {
  return isRoleAllowedInOffice(role, officeKind)
    ? null
    : { code: 'staff-role-office', details: { role, officeKind } };
}

/** The first problem of a new person, in the order the form shows its fields. */
export function newPersonProblem(person: NewPerson, officeKind: OfficeKind): Problem | null {
  return (
    nameProblem('surname', person.surname, true) ??
    nameProblem('givenName', person.givenName, true) ??
    nameProblem('patronymic', person.patronymic ?? '', false) ??
    roleProblem(person.role, officeKind) ??
    pinProblem(person.pin)
  );
}
