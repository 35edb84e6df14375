/**
 * The shape of the working-day calendar as it travels: plain JSON per year, distributed by the
 * district server and editable by the district administrator (DESIGN.md, "Working days").
 * Functions take a `WorkCalendar` as a parameter, so a device always counts with the calendar
 * it was given, and a new year is one more entry in `years`.
 */
import type { Localized } from '../catalog/schema';
import type { IsoDate } from './dates';

export interface CalendarHoliday {
  date: IsoDate;
  name: Localized;
  /**
   * This entry is the weekday that became a day off because the holiday itself fell on a
   * Saturday or Sunday (Law "On holidays", art. 5); `carriedFrom` is the holiday's own date.
   */
  isCarriedOver?: boolean;
  carriedFrom?: IsoDate;
}

/**
 * One day moved by a government order (Labour Code, art. 85 para 3: the Government may move
 * days off to other working days "for the rational use of working time").
 */
export interface DayTransfer {
  /** the weekday that becomes a day off */
  dayOff: IsoDate;
  /** the day that becomes a working day instead (usually a Saturday or a Sunday) */
  workDay: IsoDate;
  /** the order it comes from, as far as it is known */
  order: string;
  /**
   * how sure the data is: `high` — the order's wording or an official announcement was seen;
   * `medium` — from public holiday datasets citing the order, its text not read;
   * `low` — recollection only
   */
  confidence: 'high' | 'medium' | 'low';
}

export interface CalendarYear {
  year: number;
  /** holidays of the law in force that year, plus the carried-over days, by date */
  holidays: CalendarHoliday[];
  transfers: DayTransfer[];
  /** Monday–Friday dates that are not working days: holidays, carry-overs, transferred days */
  daysOff: IsoDate[];
  /** Saturday and Sunday dates that are working days by a transfer order */
  workedDays: IsoDate[];
  /** first day of Kurban ait (null: not yet announced) */
  kurbanAit: IsoDate | null;
  /** what this year's data rests on, in words */
  source: string;
  /** true while a moving part (Kurban ait's date, the transfer order) is not yet official */
  isProvisional?: boolean;
}

export interface WorkCalendar {
  years: Record<number, CalendarYear>;
}

/** The moving parts of a year; everything else follows from the law (see `buildCalendarYear`). */
export interface CalendarYearInput {
  kurbanAit: IsoDate | null;
  transfers: DayTransfer[];
  source: string;
  isProvisional?: boolean;
}
