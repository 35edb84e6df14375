/**
 * What the demo's offices share: the ledger of cases, the fates and the citizens, the calendar
 * the waits are counted in, and the one rule for when a case is taken up next — after every step
 * a person records, the case's own process (`nextActions` over the device's row, as the screens
 * ask it) names the next step, and the ledger's wait for that step says on which day.
 */
import type { CommandResult } from '../../src/db/commands';
import type { CaseRow } from '../../src/db/schema';
import type { IsoDate, WorkCalendar } from '../../src/domain/calendar';
import { processOf } from '../../src/domain/case/reducer';
import { type NextAction, nextActions, type Place } from '../../src/domain/process';
import { type DemoCase, dayAfterWaiting, type Fates, type Ledger, waitBefore } from './ledger';
import type { Citizens } from './people';
import type { Deck, Rng } from './random';

export interface DemoWorld {
  ledger: Ledger;
  fates: Fates;
  citizens: Citizens;
  calendar: WorkCalendar;
  /** which service the next applicant asks for */
  services: Deck<string>;
  /** whether the next package of a service with a listed checklist is incomplete */
  incomplete: Deck<boolean>;
  /** whether the next applicant comes with a representative */
  represented: Deck<boolean>;
  /** whether a result is missing from the next results packet that arrives at an akimat */
  missingResult: Deck<boolean>;
  rng: Rng;
}

/** Every action the process allows on the case now, whoever may take it. */
export function actionsOn(row: CaseRow): NextAction[] {
  return nextActions(processOf(row), row);
}

/** The step the case waits for: the first the process offers, beside-the-steps actions aside. */
export function awaitedStep(row: CaseRow): NextAction | undefined {
  return actionsOn(row).find((a) => a.step !== null);
}

/**
 * After a step recorded at `place` on `today`: where and when the case is taken up next. A file
 * back at the village waits for the village whatever its process would do next.
 */
export function scheduleNext(
  world: DemoWorld,
  c: DemoCase,
  row: CaseRow,
  place: Place,
  today: IsoDate,
): void {
  c.lastPlace = place;
  const next = awaitedStep(row);
  if (!next?.step) {
    c.planned = null;
    c.next = null;
    c.waitsAt = null;
    return;
  }
  c.waitsAt = row.status === 'returned' ? 'village' : next.step.at;
  const days = waitBefore(c, next.step, world.fates.late);
  c.planned = days === null ? null : dayAfterWaiting(world.calendar, today, days);
  c.next = c.planned;
}

/**
 * A paper packet travels as one (a transfer batch to the district, a results batch back): its
 * cases, each scheduled by its own wait, are taken up together on the earliest of their days.
 * A case left lying (no day) stays so.
 */
export function travelTogether(cases: readonly DemoCase[]): void {
  const days = cases.flatMap((c) => (c.planned === null ? [] : [c.planned])).sort();
  const first = days[0];
  if (!first) return;
  for (const c of cases) {
    if (c.planned === null) continue;
    c.planned = first;
    c.next = first;
  }
}

/**
 * Someone takes the case up by `day` for something beside its steps (a correction, a
 * cancellation); its step keeps its own day (`planned`).
 */
export function takeUpBy(c: DemoCase, day: IsoDate): void {
  if (c.next === null || c.next > day) c.next = day;
}

/**
 * A command's value. The demo's people only do what the process offers them and never race each
 * other, so a refusal is a fault of the demo: it stops the run with the command's reason.
 */
export function expectOk<T>(result: CommandResult<T>, what: string): T {
  if (!result.ok) {
    const fields = result.fields?.map((f) => `${f.field}: ${f.code}`).join(', ');
    throw new Error(`${what} refused: ${result.problem.code}${fields ? ` (${fields})` : ''}`);
  }
  return result.value;
}
