/**
 * The report as a district device counts it offline: the events of the cases registered in the
 * period from its own copy of the log (initial-sync histories and later events; rejected events
 * left out, its own unsent ones after the synced ones, as its projection folds them), counted by
 * the same domain function as the server's `report` with the calendar, catalog editions and
 * office hours the device holds. The domain's report code is loaded with the report screen.
 */

import { hoursOf } from '../domain/hours';
import type { ReportFilter, ReportPeriod } from '../domain/report';
import { eventsOfCases } from './history';
import { orderForFold } from './projection';
import { loadCalendar, loadCatalog } from './reference';
import type { QabyldauDb } from './schema';

export async function readReport(db: QabyldauDb, period: ReportPeriod, filter: ReportFilter) {
  const { buildReport } = await import('../domain/report');
  // `registeredAt` is a local date-time (the refusal's for a refusal at the desk).
  const rows = await db.cases
    .where('registeredAt')
    .between(period.from, `${period.to}T\uffff`, true, true)
    .toArray();
  const picked = rows.filter(
    (r) =>
      (filter.office === undefined || r.officeId === filter.office) &&
      (filter.service === undefined || r.serviceId === filter.service),
  );
  const ids = picked.map((r) => r.id);
  const versions = [...new Set(picked.map((r) => r.catalogVersion))];
  const [histories, calendar, catalogs, offices] = await Promise.all([
    eventsOfCases(db, ids),
    loadCalendar(db),
    Promise.all(versions.map((v) => loadCatalog(db, v))),
    db.offices.toArray(),
  ]);
  const byVersion = new Map(versions.map((v, i) => [v, catalogs[i]]));
  const hours = new Map(offices.map((o) => [o.id, hoursOf(o)]));
  return buildReport(
    {
      calendar,
      channelOf: (c) =>
        byVersion.get(c.catalogVersion)?.services.find((s) => s.id === c.serviceId)?.channels[
          c.channel
        ],
      optionsFor: (officeId) => ({ businessHours: hours.get(officeId) ?? hoursOf(undefined) }),
    },
    histories.flatMap((events) => orderForFold(events)),
    period,
    filter,
  );
}
