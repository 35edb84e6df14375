/**
 * The calendar a district counts with: the years shipped with the app, with the years its
 * administrator entered (next year's Kurban ait and transfer order, or a correction) taking
 * precedence. Each entered year is rebuilt from the law's rules, so only the moving parts are
 * data.
 */
import { buildCalendarYear } from './build';
import { extendCalendar } from './calendar';
import type { CalendarYearInput, WorkCalendar } from './types';
import { DEFAULT_CALENDAR } from './years';

export function calendarWithYears(
  inputs: Readonly<Record<string, CalendarYearInput>>,
  base: WorkCalendar = DEFAULT_CALENDAR,
): WorkCalendar {
  let calendar = base;
  for (const [year, input] of Object.entries(inputs)) {
    calendar = extendCalendar(calendar, buildCalendarYear(Number(year), input));
  }
  return calendar;
}
