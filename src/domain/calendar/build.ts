/**
 * Builds a year of the working-day calendar from its moving parts: the law gives the holidays
 * and the carry-overs (`holidays.ts`); the year adds the date of Kurban ait and the
 * Government's transfer orders. A district administrator adding next year enters only those,
 * and the result is plain JSON that travels to devices with the reference data.
 */
import { type IsoDate, isIsoDate, isWeekend, yearOf } from './dates';
import { lawHolidays, withCarryOvers } from './holidays';
import type { CalendarYear, CalendarYearInput } from './types';

/** A year's input that does not make sense; `code` is a string code the UI can translate. */
export class CalendarInputError extends Error {
  constructor(
    readonly code:
      | 'calendar-year-invalid'
      | 'calendar-kurban-ait-invalid'
      | 'calendar-transfer-date-invalid'
      | 'calendar-transfer-day-off-not-working'
      | 'calendar-transfer-work-day-not-off',
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'CalendarInputError';
  }
}

/** The days off the law alone gives in `year` (weekends aside), with Kurban ait when known. */
function lawDaysOff(year: number, kurbanAit: IsoDate | null): Set<IsoDate> {
  return new Set(withCarryOvers(lawHolidays(year, kurbanAit)).map((h) => h.date));
}

export function buildCalendarYear(year: number, input: CalendarYearInput): CalendarYear {
  if (!Number.isInteger(year) || year < 1991 || year > 9999) {
    throw new CalendarInputError('calendar-year-invalid', String(year));
  }
  const { kurbanAit } = input;
  if (kurbanAit !== null && (!isIsoDate(kurbanAit) || yearOf(kurbanAit) !== year)) {
    throw new CalendarInputError('calendar-kurban-ait-invalid', String(kurbanAit));
  }
  const holidays = withCarryOvers(lawHolidays(year, kurbanAit));
  const off = new Set(holidays.map((h) => h.date).filter((d) => !isWeekend(d)));
  const worked = new Set<IsoDate>();

  // A transfer's work day may lie in the previous year (2014: Saturday 28 December 2013 was
  // worked for Friday 3 January 2014), so each date is checked against its own year's law.
  const lawOff = new Map<number, Set<IsoDate>>([[year, lawDaysOff(year, kurbanAit)]]);
  const isLawOff = (date: IsoDate): boolean => {
    const y = yearOf(date);
    let days = lawOff.get(y);
    if (!days) {
      days = lawDaysOff(y, null);
      lawOff.set(y, days);
    }
    return isWeekend(date) || days.has(date);
  };

  for (const transfer of input.transfers) {
    if (!isIsoDate(transfer.dayOff) || !isIsoDate(transfer.workDay)) {
      throw new CalendarInputError(
        'calendar-transfer-date-invalid',
        `${transfer.dayOff} / ${transfer.workDay}`,
      );
    }
    // An order moves a day off onto a working day and back; anything else is a typing error.
    if (isLawOff(transfer.dayOff)) {
      throw new CalendarInputError('calendar-transfer-day-off-not-working', transfer.dayOff);
    }
    if (!isLawOff(transfer.workDay)) {
      throw new CalendarInputError('calendar-transfer-work-day-not-off', transfer.workDay);
    }
    off.add(transfer.dayOff);
    // A weekday work day cancels a carry-over (2020: 11 May worked, 8 May off instead).
    if (isWeekend(transfer.workDay)) worked.add(transfer.workDay);
    else off.delete(transfer.workDay);
  }

  return {
    year,
    holidays,
    transfers: input.transfers.map((t) => ({ ...t })),
    daysOff: [...off].sort(),
    workedDays: [...worked].sort(),
    kurbanAit,
    source: input.source,
    ...(input.isProvisional ? { isProvisional: true } : {}),
  };
}
