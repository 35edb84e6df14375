/**
 * What a report reads from the store: the events of the cases registered (or refused at the
 * desk) in a period, in the server's order, and what the deadline engine counts them with — the
 * district's calendar years, the catalog editions and each office's hours. The figures are the
 * domain's (`src/domain/report`), the same function a district device runs on its own copy.
 */
import { calendarWithYears } from '../../src/domain/calendar';
import type { CaseEvent } from '../../src/domain/case/events';
import type { Catalog } from '../../src/domain/catalog';
import { applyEdition } from '../../src/domain/catalog/overlay';
import { hoursOf } from '../../src/domain/hours';
import type { ReportPeriod, ReportSources } from '../../src/domain/report';
import type { Db } from '../db/types';
import { listCalendarYears, listEditions } from './admin';
import { getCaseEvents } from './events';
import { listOffices } from './reference';

/** The payload field that dates each kind of case's first event. */
const OPENINGS = { 'case.registered': 'registeredAt', 'application.refused': 'refusedAt' } as const;

/**
 * The ids of the cases whose first event dates them in the period (optionally of one office).
 * The registration's date lives in its content, so the opening events are read and their dates
 * compared here: one pass over the store's registrations, whichever store it is.
 */
async function caseIdsOfPeriod(
  db: Db,
  period: ReportPeriod,
  office: string | undefined,
): Promise<string[]> {
  const types = Object.keys(OPENINGS);
  const rows = await db.all<{ case_id: string; type: keyof typeof OPENINGS; content: string }>(
    `SELECT case_id, type, content FROM events WHERE type IN (?, ?)${office ? ' AND office_id = ?' : ''}
      ORDER BY server_seq`,
    office ? [...types, office] : types,
  );
  const ids: string[] = [];
  for (const row of rows) {
    const payload = (JSON.parse(row.content) as { payload: Record<string, string> }).payload;
    const day = payload[OPENINGS[row.type]]?.slice(0, 10) ?? '';
    if (day >= period.from && day <= period.to) ids.push(row.case_id);
  }
  return ids;
}

/** The events of the period's cases, each case's in the server's order. */
export async function eventsOfPeriod(
  db: Db,
  period: ReportPeriod,
  office?: string,
): Promise<CaseEvent[]> {
  const ids = await caseIdsOfPeriod(db, period, office);
  const byCase = await getCaseEvents(db, ids);
  return ids.flatMap((id) => byCase.get(id) ?? []);
}

/** The calendar, catalog editions and office hours the store holds, as the report reads them. */
export async function reportSources(db: Db): Promise<ReportSources> {
  const [years, editions, offices] = await Promise.all([
    listCalendarYears(db),
    listEditions(db),
    listOffices(db),
  ]);
  const calendar = calendarWithYears(years);
  const catalogs = new Map<string, Catalog>();
  const catalogOf = (version: string) => {
    let catalog = catalogs.get(version);
    if (!catalog) {
      catalog = applyEdition(editions.find((e) => e.version === version));
      catalogs.set(version, catalog);
    }
    return catalog;
  };
  const hours = new Map(offices.map((o) => [o.id, hoursOf(o)]));
  return {
    calendar,
    channelOf: (c) =>
      catalogOf(c.catalogVersion).services.find((s) => s.id === c.serviceId)?.channels[c.channel],
    optionsFor: (officeId) => ({ businessHours: hours.get(officeId) ?? hoursOf(undefined) }),
  };
}
