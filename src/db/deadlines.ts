/**
 * Deadline colours for the device's lists: each case's colour from the deadline engine
 * (`caseDeadline`), counted with what the engine needs and the device holds — the calendar with
 * the district's years, the catalog edition the case was registered under, and the hours of the
 * case's own office (a district device counts every village's cases with that village's hours).
 * Any list of cases gets its colours through `withDeadlines`, so every screen colours alike.
 */
import type { WorkCalendar } from '../domain/calendar';
import type { LocalDateTime } from '../domain/calendar/dates';
import { type CaseDeadline, caseDeadline, isFinished } from '../domain/case/deadline';
import type { Catalog } from '../domain/catalog';
import type { Channel, Service } from '../domain/catalog/schema';
import type { DeadlineOptions } from '../domain/deadline';
import { hoursOf, type OfficeHours } from '../domain/hours';
import { loadCalendar, loadCatalog } from './reference';
import type { CaseRow, QabyldauDb } from './schema';
import { currentRow } from './worklists';

export interface DatedCase {
  /** the row in today's shape (`currentRow`) */
  row: CaseRow;
  deadline: CaseDeadline;
}

/** What the engine counts a set of cases with, read once for the whole list. */
export interface DeadlineReader {
  calendar: WorkCalendar;
  /** the case's service in its own catalog edition */
  serviceOf(row: CaseRow): Service | undefined;
  /** the case's channel in its own catalog edition, its variant not yet applied */
  channelOf(row: CaseRow): Channel | undefined;
  optionsFor(officeId: string): DeadlineOptions;
  deadlineOf(row: CaseRow, asOf: LocalDateTime): CaseDeadline;
}

/** An office's hours as the device holds them; the default where it holds none. */
export async function officeHours(db: QabyldauDb, officeId: string): Promise<OfficeHours> {
  return hoursOf(await db.offices.get(officeId));
}

/** Every office's hours the device holds, by office (a district device counts each village's). */
export async function officeHoursById(db: QabyldauDb): Promise<Map<string, OfficeHours>> {
  const offices = await db.offices.toArray();
  return new Map(offices.map((o) => [o.id, hoursOf(o)]));
}

export async function deadlineReader(
  db: QabyldauDb,
  rows: readonly CaseRow[],
): Promise<DeadlineReader> {
  const versions = [...new Set(rows.map((r) => r.catalogVersion))];
  const [calendar, catalogs, offices] = await Promise.all([
    loadCalendar(db),
    Promise.all(versions.map((v) => loadCatalog(db, v))),
    db.offices.bulkGet([...new Set(rows.map((r) => r.officeId))]),
  ]);
  const byVersion = new Map<string, Catalog>(versions.map((v, i) => [v, catalogs[i] as Catalog]));
  const hours = new Map(offices.flatMap((o) => (o ? [[o.id, hoursOf(o)] as const] : [])));
  const serviceOf = (row: CaseRow) =>
    byVersion.get(row.catalogVersion)?.services.find((s) => s.id === row.serviceId);
  const channelOf = (row: CaseRow) => serviceOf(row)?.channels[row.channel];
  const optionsFor = (officeId: string): DeadlineOptions => ({
    businessHours: hours.get(officeId) ?? hoursOf(undefined),
  });
  return {
    calendar,
    serviceOf,
    channelOf,
    optionsFor,
    deadlineOf(row, asOf) {
      const current = currentRow(row);
      const channel = channelOf(current);
      // A service a later release dropped from the catalog has no terms to count: its colour
      // says only whether it is finished.
      if (!channel) return { colour: isFinished(current) ? 'done' : 'on_time' };
      return caseDeadline(calendar, current, channel, asOf, optionsFor(current.officeId));
    },
  };
}

/** The rows with their deadline colours as of `asOf`, in the order given. */
export async function withDeadlines(
  db: QabyldauDb,
  rows: readonly CaseRow[],
  asOf: LocalDateTime,
): Promise<DatedCase[]> {
  if (rows.length === 0) return [];
  const reader = await deadlineReader(db, rows);
  return rows.map((row) => ({ row: currentRow(row), deadline: reader.deadlineOf(row, asOf) }));
}
