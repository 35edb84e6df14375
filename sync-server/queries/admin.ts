/**
 * Storage of what the district administrator changes in the reference data: the acts that apply
 * in the district, catalog editions and calendar years. Plain functions over the `Db` port.
 */
import type { OfficeDetails } from '../../src/domain/admin/office-details';
import type { CalendarYearInput } from '../../src/domain/calendar';
import type { CatalogEdition } from '../../src/domain/catalog/editions';
import type { OfficeHours } from '../../src/domain/hours';
import type { Db } from '../db/types';

interface EditionRow {
  seq: number;
  version: string;
  base_version: string;
  checklists: string;
  created_at: string;
  created_by: string;
}

export async function listEditions(db: Db): Promise<CatalogEdition[]> {
  const rows = await db.all<EditionRow>('SELECT * FROM catalog_editions ORDER BY seq');
  return rows.map((row) => ({
    version: row.version,
    baseVersion: row.base_version,
    createdAt: row.created_at,
    createdBy: row.created_by,
    checklists: JSON.parse(row.checklists) as CatalogEdition['checklists'],
  }));
}

export async function insertEdition(db: Db, seq: number, edition: CatalogEdition): Promise<void> {
  await db.run(
    'INSERT INTO catalog_editions (seq, version, base_version, checklists, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
    [
      seq,
      edition.version,
      edition.baseVersion,
      JSON.stringify(edition.checklists),
      edition.createdAt,
      edition.createdBy,
    ],
  );
}

export async function listCalendarYears(db: Db): Promise<Record<string, CalendarYearInput>> {
  const rows = await db.all<{ year: number; input: string }>(
    'SELECT year, input FROM calendar_years ORDER BY year',
  );
  return Object.fromEntries(
    rows.map((r) => [String(r.year), JSON.parse(r.input) as CalendarYearInput]),
  );
}

export async function upsertCalendarYear(
  db: Db,
  year: number,
  input: CalendarYearInput,
  at: string,
  by: string,
): Promise<void> {
  const { changes } = await db.run(
    'UPDATE calendar_years SET input = ?, updated_at = ?, updated_by = ? WHERE year = ?',
    [JSON.stringify(input), at, by, year],
  );
  if (changes === 0) {
    await db.run(
      'INSERT INTO calendar_years (year, input, updated_at, updated_by) VALUES (?, ?, ?, ?)',
      [year, JSON.stringify(input), at, by],
    );
  }
}

export async function setDistrictActs(
  db: Db,
  districtId: string,
  actIds: readonly string[],
): Promise<void> {
  await db.run('UPDATE districts SET act_ids = ? WHERE id = ?', [
    JSON.stringify(actIds),
    districtId,
  ]);
}

/** Stores an office's hours (checked by the caller); returns whether the office exists. */
export async function setOfficeHours(
  db: Db,
  officeId: string,
  hours: OfficeHours,
): Promise<boolean> {
  const { changes } = await db.run('UPDATE offices SET hours = ? WHERE id = ?', [
    JSON.stringify({ open: hours.open, close: hours.close, lunch: hours.lunch }),
    officeId,
  ]);
  return changes > 0;
}

/** Stores an office's details (checked and tidied by the caller). */
export async function setOfficeDetails(
  db: Db,
  officeId: string,
  details: OfficeDetails,
): Promise<void> {
  await db.run(
    'UPDATE offices SET name_kk = ?, name_ru = ?, address_kk = ?, address_ru = ?, phone = ? WHERE id = ?',
    [
      details.name.kk,
      details.name.ru,
      details.address.kk,
      details.address.ru,
      details.phone,
      officeId,
    ],
  );
}
