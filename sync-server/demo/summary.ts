/**
 * What a run of the demo made, counted from the server's store — the event log and the case
 * projection the server built from what the devices pushed, not the simulation's own memory —
 * so the summary says what Today, the work lists and the reports will find. Overdue is the
 * deadline colour of the app's list rows (`caseDeadline`) as of now in the offices' time.
 */
import type { WorkCalendar } from '../../src/domain/calendar';
import type { IsoDate } from '../../src/domain/calendar/dates';
import { caseDeadline } from '../../src/domain/case/deadline';
import type { EventType } from '../../src/domain/case/events';
import type { Case } from '../../src/domain/case/reducer';
import type { CatalogEdition } from '../../src/domain/catalog/editions';
import { applyEdition } from '../../src/domain/catalog/overlay';
import type { Db } from '../db/types';
import { caseStates, eventsOfDevices } from '../queries/demo-activity';
import { OFFICE_OFFSET_MINUTES } from './office-clock';

/** The `--json` answer of `demo-activity`; its keys are stable. */
export interface DemoActivitySummary {
  days: number;
  seed: number;
  /** the first and the last office day simulated */
  from: IsoDate;
  to: IsoDate;
  /** the akimat offices that worked */
  offices: string[];
  /** devices enrolled for the run (one per office and the district's) */
  devices: number;
  /** applications registered */
  cases: number;
  /** applications refused at the desk for an incomplete package */
  refusedAtIntake: number;
  /** cases whose file the district returned to the village */
  returned: number;
  /** cases with the precinct commission's act */
  commission: number;
  corrected: number;
  cancelled: number;
  /** cases whose draft decision went back for rework */
  sentBack: number;
  /** signed decisions: approvals and refusals */
  approved: number;
  refused: number;
  handedOut: number;
  /** registered cases not yet closed or cancelled */
  open: number;
  /** open cases with a step past its due, as of now */
  overdue: number;
  /** events the server accepted from the run's devices */
  events: number;
}

const FINAL = new Set(['closed', 'cancelled', 'refused_at_intake']);

/** Local date-time in the offices' zone (UTC+05:00), whatever zone the server runs in. */
function officeLocal(now: Date): string {
  return new Date(now.getTime() + OFFICE_OFFSET_MINUTES * 60_000).toISOString().slice(0, 16);
}

export async function summarize(
  db: Db,
  run: {
    days: IsoDate[];
    seed: number;
    offices: string[];
    deviceIds: string[];
    calendar: WorkCalendar;
    editions: readonly CatalogEdition[];
    now: Date;
  },
): Promise<DemoActivitySummary> {
  const byCase = await eventsOfDevices(db, run.deviceIds);
  const made = (type: EventType) =>
    [...byCase.values()].filter((types) => (types.get(type) ?? 0) > 0).length;
  const events = [...byCase.values()].reduce(
    (sum, types) => sum + [...types.values()].reduce((a, b) => a + b, 0),
    0,
  );
  const registered = [...byCase.entries()]
    .filter(([, types]) => types.has('case.registered'))
    .map(([id]) => id);
  const states = await caseStates(db, registered);
  const signed = (outcome: Case['outcome']) =>
    states.filter((s) => byCase.get(s.id)?.has('case.signed') && s.outcome === outcome).length;
  const asOf = officeLocal(run.now);
  const catalogs = new Map<string, ReturnType<typeof applyEdition>>();
  const catalogOf = (version: string) => {
    let catalog = catalogs.get(version);
    if (!catalog) {
      catalog = applyEdition(run.editions.find((e) => e.version === version));
      catalogs.set(version, catalog);
    }
    return catalog;
  };
  const open = states.filter((s) => !FINAL.has(s.status));
  const overdue = open.filter((s) => {
    const service = catalogOf(s.catalogVersion).services.find((x) => x.id === s.serviceId);
    const channel = service?.channels[s.channel];
    return (
      channel !== undefined && caseDeadline(run.calendar, s, channel, asOf).colour === 'overdue'
    );
  });
  return {
    days: run.days.length,
    seed: run.seed,
    from: run.days[0] ?? '',
    to: run.days.at(-1) ?? '',
    offices: run.offices,
    devices: run.deviceIds.length,
    cases: registered.length,
    refusedAtIntake: made('application.refused'),
    returned: made('case.returned'),
    commission: made('commission.inspected'),
    corrected: made('case.corrected'),
    cancelled: made('case.cancelled'),
    sentBack: made('case.sent_back'),
    approved: signed('approved'),
    refused: signed('refused'),
    handedOut: made('result.handed_out'),
    open: open.length,
    overdue: overdue.length,
    events,
  };
}
