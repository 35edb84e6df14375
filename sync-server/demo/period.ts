/**
 * The office days the demo simulates: the last `days` working days of the district's calendar
 * up to today, in the offices' own time. Today counts once its office day has begun (half an
 * hour after opening); before that, and on a day off, the period ends with the last working
 * day before it.
 */
import { isWorkingDay, previousWorkingDay, type WorkCalendar } from '../../src/domain/calendar';
import type { IsoDate } from '../../src/domain/calendar/dates';
import { hasOfficeDayBegun, officeTimeOf } from './office-clock';

export function officeDays(calendar: WorkCalendar, now: Date, days: number): IsoDate[] {
  const today = officeTimeOf(now).date;
  let last =
    isWorkingDay(calendar, today) && hasOfficeDayBegun(now)
      ? today
      : previousWorkingDay(calendar, today);
  const out: IsoDate[] = [];
  while (out.length < days) {
    out.unshift(last);
    last = previousWorkingDay(calendar, last);
  }
  return out;
}
