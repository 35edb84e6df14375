/**
 * The working-day calendar of Kazakhstan: the law's holidays, the yearly data and the
 * working-day arithmetic that every deadline is counted with.
 */
export { buildCalendarYear, CalendarInputError } from './build';
export {
  addCalendarDays,
  addWorkingDays,
  type CalendarSummary,
  calendarSummary,
  type DayKind,
  describeDay,
  extendCalendar,
  hasYear,
  isWorkingDay,
  missingYears,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from './calendar';
export { type IsoDate, isIsoDate, type LocalDateTime } from './dates';
export { calendarWithYears } from './editions';
export { isLawModelled, lawHolidays, withCarryOvers } from './holidays';
export type {
  CalendarHoliday,
  CalendarYear,
  CalendarYearInput,
  DayTransfer,
  WorkCalendar,
} from './types';
export { DEFAULT_CALENDAR, YEAR_INPUTS } from './years';
