/**
 * Working-day arithmetic over a `WorkCalendar`. Every deadline in Qabyldau is counted with
 * these functions, on the device and on the server alike, so they take the calendar as a
 * parameter and never read a clock.
 *
 * For a date whose year the calendar does not hold, the weekends and the law's fixed holidays
 * with their carry-overs still apply (Kurban ait and transfer orders cannot be known); nothing
 * throws, and `hasYear` / `missingYears` tell the caller so it can warn the person.
 */
import {
  addDays,
  datesOfYear,
  type IsoDate,
  isWeekend,
  monthOf,
  toDayNumber,
  yearOf,
} from './dates';
import { lawHolidays, withCarryOvers } from './holidays';
import type { CalendarHoliday, CalendarYear, WorkCalendar } from './types';

interface YearIndex {
  off: ReadonlySet<IsoDate>;
  worked: ReadonlySet<IsoDate>;
  holidays: ReadonlyMap<IsoDate, CalendarHoliday>;
}

// Calendar years are plain data that is replaced, not edited, so an index per object is safe.
const yearIndexes = new WeakMap<CalendarYear, YearIndex>();
const lawOnlyDaysOff = new Map<number, ReadonlySet<IsoDate>>();

function indexOf(calendarYear: CalendarYear): YearIndex {
  let index = yearIndexes.get(calendarYear);
  if (!index) {
    // A weekday work day of a transfer (a cancelled carry-over) counts as explicitly worked too.
    const worked = new Set([
      ...calendarYear.workedDays,
      ...calendarYear.transfers.map((t) => t.workDay),
    ]);
    index = {
      off: new Set(calendarYear.daysOff),
      worked,
      holidays: new Map(calendarYear.holidays.map((h) => [h.date, h])),
    };
    yearIndexes.set(calendarYear, index);
  }
  return index;
}

function lawDaysOff(year: number): ReadonlySet<IsoDate> {
  let days = lawOnlyDaysOff.get(year);
  if (!days) {
    days = new Set(withCarryOvers(lawHolidays(year)).map((h) => h.date));
    lawOnlyDaysOff.set(year, days);
  }
  return days;
}

export function hasYear(cal: WorkCalendar, year: number): boolean {
  return cal.years[year] !== undefined;
}

/** Years between two dates (inclusive) that the calendar does not hold. */
export function missingYears(cal: WorkCalendar, from: IsoDate, to: IsoDate): number[] {
  const [a, b] = [yearOf(from), yearOf(to)].sort((x, y) => x - y) as [number, number];
  const missing: number[] = [];
  for (let y = a; y <= b; y++) if (!hasYear(cal, y)) missing.push(y);
  return missing;
}

/** A new calendar with `calendarYear` added or replaced. */
export function extendCalendar(cal: WorkCalendar, calendarYear: CalendarYear): WorkCalendar {
  return { years: { ...cal.years, [calendarYear.year]: calendarYear } };
}

export function isWorkingDay(cal: WorkCalendar, date: IsoDate): boolean {
  toDayNumber(date);
  const year = yearOf(date);
  // The date's own year first; a neighbour year only for orders that cross New Year
  // (2014's order worked Saturday 28 December 2013).
  for (const y of [year, year - 1, year + 1]) {
    const calendarYear = cal.years[y];
    if (!calendarYear) continue;
    const index = indexOf(calendarYear);
    if (index.worked.has(date)) return true;
    if (index.off.has(date)) return false;
  }
  if (isWeekend(date)) return false;
  if (hasYear(cal, year)) return true;
  return !lawDaysOff(year).has(date);
}

export type DayKind =
  | 'working'
  | 'weekend'
  | 'worked_weekend'
  | 'holiday'
  | 'carried_over'
  | 'transferred_off';

/** Why a date is or is not a working day, for the calendar screen and the deadline notes. */
export function describeDay(
  cal: WorkCalendar,
  date: IsoDate,
): { date: IsoDate; isWorking: boolean; kind: DayKind; holiday?: CalendarHoliday } {
  const isWorking = isWorkingDay(cal, date);
  const calendarYear = cal.years[yearOf(date)];
  const holiday = calendarYear
    ? indexOf(calendarYear).holidays.get(date)
    : withCarryOvers(lawHolidays(yearOf(date))).find((h) => h.date === date);
  let kind: DayKind;
  if (isWorking) kind = isWeekend(date) ? 'worked_weekend' : 'working';
  else if (holiday) kind = holiday.isCarriedOver ? 'carried_over' : 'holiday';
  else kind = isWeekend(date) ? 'weekend' : 'transferred_off';
  return holiday ? { date, isWorking, kind, holiday } : { date, isWorking, kind };
}

export function addCalendarDays(date: IsoDate, n: number): IsoDate {
  return addDays(date, n);
}

/**
 * The n-th working day strictly after `date` (n > 0), strictly before it (n < 0), or `date`
 * itself (n = 0). `date` itself need not be a working day.
 */
export function addWorkingDays(cal: WorkCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`calendar-invalid-count: ${n}`);
  toDayNumber(date);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let current = date;
  while (remaining > 0) {
    current = addDays(current, step);
    if (isWorkingDay(cal, current)) remaining--;
  }
  return current;
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(cal: WorkCalendar, date: IsoDate): IsoDate {
  return addWorkingDays(cal, date, 1);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(cal: WorkCalendar, date: IsoDate): IsoDate {
  return addWorkingDays(cal, date, -1);
}

/**
 * Working days d with from < d ≤ to (negative when `to` is before `from`), so that
 * `workingDaysBetween(cal, d, addWorkingDays(cal, d, n)) === n` for n ≥ 0.
 */
export function workingDaysBetween(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  const [a, b] = [toDayNumber(from), toDayNumber(to)];
  if (b < a) return -workingDaysBetween(cal, to, from);
  let count = 0;
  for (let d = addDays(from, 1); toDayNumber(d) <= b; d = addDays(d, 1)) {
    if (isWorkingDay(cal, d)) count++;
  }
  return count;
}

export interface CalendarSummary {
  year: number;
  /** false: counted from the law alone (no Kurban ait, no transfer orders) */
  hasData: boolean;
  isProvisional: boolean;
  /** Monday–Friday dates that are not working days */
  nonWorkingDays: IsoDate[];
  /** Saturday and Sunday dates that are working days */
  workedWeekendDays: IsoDate[];
  /** working days in January … December */
  workingDaysByMonth: number[];
  workingDays: number;
}

export function calendarSummary(cal: WorkCalendar, year: number): CalendarSummary {
  const nonWorkingDays: IsoDate[] = [];
  const workedWeekendDays: IsoDate[] = [];
  const workingDaysByMonth = Array.from({ length: 12 }, () => 0);
  for (const date of datesOfYear(year)) {
    const isWorking = isWorkingDay(cal, date);
    if (isWorking)
      workingDaysByMonth[monthOf(date) - 1] = (workingDaysByMonth[monthOf(date) - 1] ?? 0) + 1;
    if (isWeekend(date) && isWorking) workedWeekendDays.push(date);
    if (!isWeekend(date) && !isWorking) nonWorkingDays.push(date);
  }
  return {
    year,
    hasData: hasYear(cal, year),
    isProvisional: cal.years[year]?.isProvisional === true,
    nonWorkingDays,
    workedWeekendDays,
    workingDaysByMonth,
    workingDays: workingDaysByMonth.reduce((sum, n) => sum + n, 0),
  };
}
