/**
 * The district administrator's changes to people: a new person, a role, deactivation, a PIN.
 * Only a PIN's verifier is ever written (`src/domain/identity/pin.ts`), as JSON in `pin_hash`,
 * and it is read only to check a PIN. Plain functions over the `Db` port; the caller checks
 * input and rights and bumps the reference version in the same transaction, so devices receive
 * the change with their next sync.
 */
import { type PinVerifier, pinVerifierSchema } from '../../src/domain/identity/pin';
import type { Staff } from '../../src/domain/reference';
import type { StaffRole } from '../../src/domain/roles';
import type { Db } from '../db/types';

/** A person as the admin screen lists them: no PIN verifier. */
export interface StaffListing {
  id: string;
  officeId: string;
  role: StaffRole;
  surname: string;
  givenName: string;
  patronymic: string | null;
  isActive: boolean;
}

interface ListingRow {
  id: string;
  office_id: string;
  role: StaffRole;
  surname: string;
  given_name: string;
  patronymic: string | null;
  is_active: number;
}

/** Everyone of a district, active first, then by office and surname. */
export async function listDistrictStaff(db: Db, districtId: string): Promise<StaffListing[]> {
  const rows = await db.all<ListingRow>(
    `SELECT s.id, s.office_id, s.role, s.surname, s.given_name, s.patronymic, s.is_active
       FROM staff s JOIN offices o ON o.id = s.office_id
      WHERE o.district_id = ?
      ORDER BY s.is_active DESC, o.code, s.surname, s.given_name, s.id`,
    [districtId],
  );
  return rows.map((r) => ({
    id: r.id,
    officeId: r.office_id,
    role: r.role,
    surname: r.surname,
    givenName: r.given_name,
    patronymic: r.patronymic,
    isActive: Number(r.is_active) === 1,
  }));
}

/** One person of a district (with their office's kind), or undefined. */
export async function findDistrictPerson(
  db: Db,
  districtId: string,
  id: string,
): Promise<(StaffListing & { officeKind: 'akimat' | 'district' }) | undefined> {
  const row = await db.first<ListingRow & { office_kind: 'akimat' | 'district' }>(
    `SELECT s.id, s.office_id, s.role, s.surname, s.given_name, s.patronymic, s.is_active,
            o.kind AS office_kind
       FROM staff s JOIN offices o ON o.id = s.office_id
      WHERE o.district_id = ? AND s.id = ?`,
    [districtId, id],
  );
  if (!row) return undefined;
  return {
    id: row.id,
    officeId: row.office_id,
    role: row.role,
    surname: row.surname,
    givenName: row.given_name,
    patronymic: row.patronymic,
    isActive: Number(row.is_active) === 1,
    officeKind: row.office_kind,
  };
}

export async function setStaffRole(db: Db, id: string, role: StaffRole): Promise<void> {
  await db.run('UPDATE staff SET role = ? WHERE id = ?', [role, id]);
}

/** Returns whether the person was active until now (a second deactivation changes nothing). */
export async function deactivateStaff(db: Db, id: string): Promise<boolean> {
  const { changes } = await db.run(
    'UPDATE staff SET is_active = 0 WHERE id = ? AND is_active = 1',
    [id],
  );
  return changes > 0;
}

/**
 * A person's PIN verifier and its stored text (to replace it only if nobody changed it since);
 * undefined for no such person or a verifier this build cannot read.
 */
export async function getPinVerifier(
  db: Db,
  id: string,
): Promise<{ verifier: PinVerifier; stored: string } | undefined> {
  const row = await db.first<{ pin_hash: string }>('SELECT pin_hash FROM staff WHERE id = ?', [id]);
  if (!row) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(row.pin_hash);
  } catch {
    return undefined;
  }
  const parsed = pinVerifierSchema.safeParse(json);
  return parsed.success ? { verifier: parsed.data, stored: row.pin_hash } : undefined;
}

/**
 * Writes a new verifier; with `expected`, only over that stored verifier (false: it changed
 * meanwhile, as when the administrator reset the PIN during a sign-in's check).
 */
export async function setStaffPin(
  db: Db,
  id: string,
  pin: PinVerifier,
  expected?: string,
): Promise<boolean> {
  const { changes } =
    expected === undefined
      ? await db.run('UPDATE staff SET pin_hash = ? WHERE id = ?', [JSON.stringify(pin), id])
      : await db.run('UPDATE staff SET pin_hash = ? WHERE id = ? AND pin_hash = ?', [
          JSON.stringify(pin),
          id,
          expected,
        ]);
  return changes > 0;
}

export type { Staff };
