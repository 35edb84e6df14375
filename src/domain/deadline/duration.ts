/**
 * The due moment of one duration counted from a start moment, in the duration's own unit, the
 * way the regulations count: working days over the working-day calendar, calendar days with the
 * Civil Code's rule for a term ending on a non-working day, and minutes or hours inside the
 * office's day.
 */

import { addWorkingDays, isWorkingDay, nextWorkingDay } from '../calendar/calendar';
import { addDays, formatLocal, type IsoDate, parseClock, parseLocal } from '../calendar/dates';
import type { WorkCalendar } from '../calendar/types';
import type { Duration } from '../catalog/schema';
import { type BusinessHours, lunchMinutes } from './registration';

/** A date with a time of day, or with none (`minutes: null`: some time that day). */
export interface Moment {
  date: IsoDate;
  minutes: number | null;
}

export function momentOf(value: string): Moment {
  return parseLocal(value);
}

export function formatMoment(moment: Moment): string {
  return moment.minutes === null ? moment.date : formatLocal(moment.date, moment.minutes);
}

/** Orders moments; a bare date stands for the end of that day (what "due on 26 March" means). */
export function compareMoments(a: Moment, b: Moment): number {
  if (a.date !== b.date) return a.date < b.date ? -1 : 1;
  return (a.minutes ?? 24 * 60) - (b.minutes ?? 24 * 60);
}

export function laterMoment(a: Moment, b: Moment): Moment {
  return compareMoments(a, b) >= 0 ? a : b;
}

/**
 * @param isStartDayCounted the start day is day 1 of the term (the regulation says the day of
 *   submission counts); otherwise day 1 is the day after the start, as the Civil Code counts.
 */
export function dueAfter(
  cal: WorkCalendar,
  duration: Duration,
  start: Moment,
  isStartDayCounted: boolean,
  hours: BusinessHours,
): Moment {
  switch (duration.unit) {
    case 'working_days': {
      const n = Math.ceil(duration.value);
      // Counting the start day as day 1 means the n-th working day is n − 1 after it; the start
      // of a counted term is the effective registration day, which is a working day.
      const count = isStartDayCounted ? Math.max(n - 1, 0) : n;
      return { date: addWorkingDays(cal, start.date, count), minutes: null };
    }
    case 'calendar_days': {
      const n = Math.ceil(duration.value);
      const last = addDays(start.date, isStartDayCounted ? Math.max(n - 1, 0) : n);
      // Civil Code of the Republic of Kazakhstan (General Part, calculation of terms): when the
      // last day of a term falls on a non-working day, the term ends on the next working day.
      return { date: isWorkingDay(cal, last) ? last : nextWorkingDay(cal, last), minutes: null };
    }
    case 'minutes':
    case 'hours':
      return dueWithinDay(cal, start, duration.value * (duration.unit === 'hours' ? 60 : 1), hours);
  }
}

/**
 * Minute- and hour-long steps (taking documents, the akim's signature) happen within the office
 * day and end the same day: counted from the start time (from opening time if the start is
 * before it, from the end of lunch if it falls in lunch), in office minutes — a step that runs
 * into lunch pauses for it — and a step that would run past closing time ends at closing time.
 * It never changes a day-level deadline. A step that starts at or after closing (a chain of
 * minute steps, or a completion recorded late) still ends that day. With no start time known,
 * the step is due by closing time of its start day; a start on a non-working day moves to the
 * next working day's opening.
 */
function dueWithinDay(
  cal: WorkCalendar,
  start: Moment,
  minutes: number,
  hours: BusinessHours,
): Moment {
  const [open, close] = [parseClock(hours.open), parseClock(hours.close)];
  let { date } = start;
  let from = start.minutes;
  if (!isWorkingDay(cal, date)) {
    date = nextWorkingDay(cal, date);
    from = open;
  }
  if (from === null) return { date, minutes: close };
  const lastMinute = 24 * 60 - 1;
  if (from > close) return { date, minutes: Math.min(from + Math.round(minutes), lastMinute) };
  const lunch = lunchMinutes(hours);
  let begin = Math.max(from, open);
  if (lunch && begin >= lunch.from && begin < lunch.to) begin = lunch.to;
  let end = begin + Math.round(minutes);
  if (lunch && begin < lunch.from && end > lunch.from) end += lunch.to - lunch.from;
  return { date, minutes: Math.min(end, close) };
}
