/**
 * Reference data in the database: the district, its offices and staff, and the version devices
 * compare to decide whether to fetch reference data again. Rows (`OfficeRow`) stay apart from
 * the domain types (`Office`) they map to. A person's PIN verifier is written here with the
 * person and never read back with her: it is read only where a PIN is checked
 * (`queries/staff.ts`, `getPinVerifier`), so no list of people can carry it (ADR 0015).
 */
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from '../../src/domain/hours';
import type { PinVerifier } from '../../src/domain/identity/pin';
import type { District, Office, Person, Staff } from '../../src/domain/reference';
import type { OfficeKind, StaffRole } from '../../src/domain/roles';
import type { Db } from '../db/types';

interface DistrictRow {
  id: string;
  name_kk: string;
  name_ru: string;
  is_demo: number;
  act_ids: string;
  /** the district administrator's; null: the server's PUBLIC_URL applies */
  public_url: string | null;
}

interface OfficeRow {
  id: string;
  district_id: string;
  kind: OfficeKind;
  code: string;
  name_kk: string;
  name_ru: string;
  address_kk: string;
  address_ru: string;
  phone: string;
  /** JSON `OfficeHours`; NULL: the default hours */
  hours: string | null;
}

interface StaffRow {
  id: string;
  office_id: string;
  role: StaffRole;
  surname: string;
  given_name: string;
  patronymic: string | null;
  is_active: number;
}

const toDistrict = (row: DistrictRow): District => ({
  id: row.id,
  name: { kk: row.name_kk, ru: row.name_ru },
  isDemo: row.is_demo === 1,
  actIds: JSON.parse(row.act_ids) as string[],
  ...(row.public_url ? { publicUrl: row.public_url } : {}),
});

const toOffice = (row: OfficeRow): Office => ({
  id: row.id,
  kind: row.kind,
  code: row.code,
  name: { kk: row.name_kk, ru: row.name_ru },
  address: { kk: row.address_kk, ru: row.address_ru },
  phone: row.phone,
  districtId: row.district_id,
  // Devices always receive an office's hours, the default ones where none were set.
  hours: row.hours ? (JSON.parse(row.hours) as OfficeHours) : DEFAULT_OFFICE_HOURS,
});

const toStaff = (row: StaffRow): Staff => ({
  id: row.id,
  officeId: row.office_id,
  role: row.role,
  surname: row.surname,
  givenName: row.given_name,
  ...(row.patronymic ? { patronymic: row.patronymic } : {}),
  isActive: row.is_active === 1,
});

export async function countDistricts(db: Db): Promise<number> {
  const row = await db.first<{ n: number }>('SELECT COUNT(*) AS n FROM districts');
  return Number(row?.n ?? 0);
}

export async function getDistrict(db: Db, id: string): Promise<District | undefined> {
  const row = await db.first<DistrictRow>('SELECT * FROM districts WHERE id = ?', [id]);
  return row && toDistrict(row);
}

export async function listDistricts(db: Db): Promise<District[]> {
  return (await db.all<DistrictRow>('SELECT * FROM districts ORDER BY id')).map(toDistrict);
}

export async function getOffice(db: Db, id: string): Promise<Office | undefined> {
  const row = await db.first<OfficeRow>('SELECT * FROM offices WHERE id = ?', [id]);
  return row && toOffice(row);
}

/** All offices, or one district's: the district department first, then akimats by code. */
export async function listOffices(db: Db, districtId?: string): Promise<Office[]> {
  const order = "ORDER BY district_id, CASE WHEN kind = 'district' THEN 0 ELSE 1 END, code";
  const rows = districtId
    ? await db.all<OfficeRow>(`SELECT * FROM offices WHERE district_id = ? ${order}`, [districtId])
    : await db.all<OfficeRow>(`SELECT * FROM offices ${order}`);
  return rows.map(toOffice);
}

/** The columns of a person, without the PIN verifier. */
const STAFF_COLUMNS =
  's.id, s.office_id, s.role, s.surname, s.given_name, s.patronymic, s.is_active';

export async function listStaff(db: Db, officeId: string): Promise<Staff[]> {
  const rows = await db.all<StaffRow>(
    `SELECT ${STAFF_COLUMNS} FROM staff s WHERE s.office_id = ? ORDER BY s.id`,
    [officeId],
  );
  return rows.map(toStaff);
}

/** Names and roles of everyone in a district. */
export async function listPeople(db: Db, districtId: string): Promise<Person[]> {
  const rows = await db.all<StaffRow>(
    `SELECT ${STAFF_COLUMNS} FROM staff s JOIN offices o ON o.id = s.office_id
      WHERE o.district_id = ? ORDER BY s.id`,
    [districtId],
  );
  return rows.map((row) => {
    const { isActive: _active, ...person } = toStaff(row);
    return person;
  });
}

export async function insertDistrict(db: Db, district: District): Promise<void> {
  await db.run(
    'INSERT INTO districts (id, name_kk, name_ru, is_demo, act_ids, public_url) VALUES (?, ?, ?, ?, ?, ?)',
    [
      district.id,
      district.name.kk,
      district.name.ru,
      district.isDemo ? 1 : 0,
      JSON.stringify(district.actIds),
      district.publicUrl ?? null,
    ],
  );
}

/** The district administrator's public address; null returns the district to the server's. */
export async function setDistrictPublicUrl(
  db: Db,
  districtId: string,
  publicUrl: string | null,
): Promise<void> {
  await db.run('UPDATE districts SET public_url = ? WHERE id = ?', [publicUrl, districtId]);
}

const SERVER_PUBLIC_URL_KEY = 'public_url';

/** The server's own public address (PUBLIC_URL) as last started, for districts without theirs. */
export async function getServerPublicUrl(db: Db): Promise<string | null> {
  const row = await db.first<{ value: string }>('SELECT value FROM meta WHERE key = ?', [
    SERVER_PUBLIC_URL_KEY,
  ]);
  return row?.value ?? null;
}

/**
 * Records the server's public address (null: none) and reports whether it changed, so the caller
 * bumps the reference version in the same transaction and devices fetch the new address.
 */
export async function setServerPublicUrl(db: Db, publicUrl: string | null): Promise<boolean> {
  if ((await getServerPublicUrl(db)) === publicUrl) return false;
  if (publicUrl === null) {
    await db.run('DELETE FROM meta WHERE key = ?', [SERVER_PUBLIC_URL_KEY]);
    return true;
  }
  const { changes } = await db.run('UPDATE meta SET value = ? WHERE key = ?', [
    publicUrl,
    SERVER_PUBLIC_URL_KEY,
  ]);
  if (changes === 0) {
    await db.run('INSERT INTO meta (key, value) VALUES (?, ?)', [SERVER_PUBLIC_URL_KEY, publicUrl]);
  }
  return true;
}

export async function insertOffice(db: Db, office: Office): Promise<void> {
  await db.run(
    `INSERT INTO offices (id, district_id, kind, code, name_kk, name_ru, address_kk, address_ru, phone, hours)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      office.id,
      office.districtId,
      office.kind,
      office.code,
      office.name.kk,
      office.name.ru,
      office.address.kk,
      office.address.ru,
      office.phone,
      office.hours ? JSON.stringify(office.hours) : null,
    ],
  );
}

/** A new person with the verifier of her PIN (`makePinVerifier`). */
export async function insertStaff(db: Db, person: Staff, pin: PinVerifier): Promise<void> {
  await db.run(
    `INSERT INTO staff (id, office_id, role, surname, given_name, patronymic, pin_hash, is_active)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      person.id,
      person.officeId,
      person.role,
      person.surname,
      person.givenName,
      person.patronymic ?? null,
      JSON.stringify(pin),
      person.isActive ? 1 : 0,
    ],
  );
}

export const REFERENCE_VERSION_KEY = 'reference_version';

export async function getReferenceVersion(db: Db): Promise<string> {
  const row = await db.first<{ value: string }>('SELECT value FROM meta WHERE key = ?', [
    REFERENCE_VERSION_KEY,
  ]);
  return row?.value ?? '0';
}

/** Call in the transaction that changes offices, staff or the district, so devices refetch. */
export async function bumpReferenceVersion(db: Db, now: Date): Promise<string> {
  const version = `${now.getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const { changes } = await db.run('UPDATE meta SET value = ? WHERE key = ?', [
    version,
    REFERENCE_VERSION_KEY,
  ]);
  if (changes === 0) {
    await db.run('INSERT INTO meta (key, value) VALUES (?, ?)', [REFERENCE_VERSION_KEY, version]);
  }
  return version;
}
