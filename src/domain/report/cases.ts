/**
 * The cases of a report's period, each as it stood at the end of the period, folded from the
 * event log by the case reducer — the same fold the device's projection and the server's push
 * run, so a report never has a second idea of what a case is.
 *
 * - A case belongs to the period by its registration's local date (`registeredAt`), or for an
 *   application refused at the desk by the refusal's (`refusedAt`).
 * - Events are applied in the order given (the server's order; on a device its synced events in
 *   the server's order, then its own pending ones) and only those recorded (device time) by the
 *   end of the period's last day; an event that does not apply without a later one is left out,
 *   as the device's projection leaves out an event that lost a race.
 */
import type { IsoDate } from '../calendar/dates';
import { type CaseEvent, localTimeOf } from '../case/events';
import { applyEvent, type Case } from '../case/reducer';
import { isInPeriod, periodEnd, type ReportPeriod } from './period';

/** One case of the period, with what the report counts about it. */
export interface ReportCase {
  /** the case as of the end of the period */
  state: Case;
  /** the day it was registered, or refused at the desk */
  registeredOn: IsoDate;
  /** an application refused at the desk, never registered */
  isRefusedAtIntake: boolean;
  /** how many times the district returned the file to the village */
  returns: number;
  /** the signed decision, or the refusal that closed a returned file; none while undecided */
  decision: 'approved' | 'refused' | null;
  isHandedOut: boolean;
  isCancelled: boolean;
}

export interface ReportFilter {
  /** the office (akimat or the district department) that registered the case */
  office?: string | undefined;
  service?: string | undefined;
}

/** Each case's events, in the order given. */
function byCase(events: readonly CaseEvent[]): Map<string, CaseEvent[]> {
  const cases = new Map<string, CaseEvent[]>();
  for (const event of events) {
    const list = cases.get(event.caseId);
    if (list) list.push(event);
    else cases.set(event.caseId, [event]);
  }
  return cases;
}

function foldUntil(events: readonly CaseEvent[], end: string): ReportCase | undefined {
  let state: Case | undefined;
  let returns = 0;
  let decision: ReportCase['decision'] = null;
  let isHandedOut = false;
  for (const event of events) {
    if (localTimeOf(event) > end) continue;
    const result = applyEvent(state, event);
    if (!result.ok) continue;
    state = result.value;
    if (event.type === 'case.returned') returns += 1;
    if (event.type === 'case.signed') decision = state.outcome ?? null;
    if (event.type === 'case.refused') decision = 'refused';
    if (event.type === 'result.handed_out') isHandedOut = true;
  }
  if (!state) return undefined;
  return {
    state,
    registeredOn: state.registeredAt.slice(0, 10),
    isRefusedAtIntake: state.status === 'refused_at_intake',
    returns,
    decision,
    isHandedOut,
    isCancelled: state.status === 'cancelled',
  };
}

/**
 * The period's cases, in order of registration (then number), from the events of any cases:
 * those registered outside the period or outside the filter are left out here.
 */
export function casesOfPeriod(
  events: readonly CaseEvent[],
  period: ReportPeriod,
  filter: ReportFilter = {},
): ReportCase[] {
  const end = periodEnd(period);
  const cases: ReportCase[] = [];
  for (const list of byCase(events).values()) {
    const first = list[0];
    if (!first) continue;
    if (filter.office !== undefined && first.officeId !== filter.office) continue;
    const one = foldUntil(list, end);
    if (!one || !isInPeriod(period, one.state.registeredAt)) continue;
    if (filter.service !== undefined && one.state.serviceId !== filter.service) continue;
    cases.push(one);
  }
  const key = (c: ReportCase) => `${c.state.registeredAt} ${c.state.regNumber}`;
  return cases.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
