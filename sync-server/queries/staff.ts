/**
 * The district administrator's changes to people: a new person, a role, deactivation, a PIN.
 * Only a PIN's hash is ever written (`src/domain/pin.ts`). Plain functions over the `Db` port;
 * the caller checks input and rights and bumps the reference version in the same transaction,
 * so devices receive the change with their next sync.
 */
import type { PinHash, Staff } from '../../src/domain/reference';
import type { StaffRole } from '../../src/domain/roles';
import type { Db } from '../db/types';

/** A person as the admin screen lists them: no PIN hash. */
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

export async function setStaffPin(db: Db, id: string, pin: PinHash): Promise<void> {
  await db.run('UPDATE staff SET pin_hash = ? WHERE id = ?', [JSON.stringify(pin), id]);
}

export type { Staff };
