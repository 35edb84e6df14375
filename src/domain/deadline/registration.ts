/**
 * When an application counts as registered, for deadline purposes. An office registers
 * applications during its business hours on working days (the regulations print the schedule,
 * e.g. 004: 9:00–18:00, lunch 13:00–14:00, except Saturday, Sunday and holidays; each office's
 * own hours are set by the district administrator, `../hours.ts`), so a submission on a
 * non-working day or after closing time counts from the next working day. A submission during
 * lunch stays on its day — lunch is inside the working day, so no term counted in days moves —
 * and minute-long steps count from the end of lunch, when the office is open again. Whether the
 * day of registration itself counts in the term is the regulation's word
 * (`Channel.submissionDayCounts`); the rule that applied is returned so that the talon screen
 * can show it.
 */

import { isWorkingDay, nextWorkingDay } from '../calendar/calendar';
import {
  formatLocal,
  type IsoDate,
  type LocalDateTime,
  parseClock,
  parseLocal,
} from '../calendar/dates';
import type { WorkCalendar } from '../calendar/types';
import type { Channel } from '../catalog/schema';
import { DEFAULT_OFFICE_HOURS, type LunchBreak } from '../hours';

/**
 * Opening and closing time and the lunch break, `HH:mm`, Kazakhstan wall clock: an office's
 * `OfficeHours` (`../hours.ts`); without `lunch`, hours with no lunch break.
 */
export interface BusinessHours {
  open: string;
  close: string;
  lunch?: LunchBreak | null;
}

export const DEFAULT_BUSINESS_HOURS: BusinessHours = DEFAULT_OFFICE_HOURS;

export interface DeadlineOptions {
  businessHours?: BusinessHours;
}

export type RegistrationReason =
  /** a working day, during business hours: that day */
  | 'within_hours'
  /** a working day, before opening: that day, from opening time */
  | 'before_opening'
  /** a working day, during the lunch break: that day, from the end of lunch */
  | 'during_lunch'
  /** a working day, at or after closing time: the next working day */
  | 'after_hours'
  /** a Saturday, Sunday, holiday or day off: the next working day */
  | 'non_working_day'
  /** only a date was given: that day if it is a working day */
  | 'time_unknown';

export interface RegistrationRule {
  submittedAt: string;
  /** the working day the application counts as registered on */
  effectiveDay: IsoDate;
  /** the moment minute-long steps start from: the submission time, opening time or lunch's end */
  effectiveAt: LocalDateTime;
  reason: RegistrationReason;
  /** what the regulation says: true, false, or null when it is silent */
  submissionDayCounts: boolean | null;
  /**
   * whether `effectiveDay` is day 1 of the term; only when the regulation says so, otherwise
   * the term starts on the next day (the Civil Code's rule on calculating terms: a term set as a
   * period runs from the day after the event that starts it)
   */
  isSubmissionDayCounted: boolean;
  businessHours: BusinessHours;
}

export function effectiveRegistration(
  cal: WorkCalendar,
  channel: Pick<Channel, 'submissionDayCounts'>,
  submittedAt: string,
  options: DeadlineOptions = {},
): RegistrationRule {
  const businessHours = options.businessHours ?? DEFAULT_BUSINESS_HOURS;
  const [open, close] = [parseClock(businessHours.open), parseClock(businessHours.close)];
  const lunch = lunchMinutes(businessHours);
  const { date, minutes } = parseLocal(submittedAt);
  let effectiveDay = date;
  let effectiveMinutes = minutes ?? open;
  let reason: RegistrationReason;
  if (!isWorkingDay(cal, date)) {
    reason = 'non_working_day';
    effectiveDay = nextWorkingDay(cal, date);
    effectiveMinutes = open;
  } else if (minutes === null) {
    reason = 'time_unknown';
  } else if (minutes >= close) {
    reason = 'after_hours';
    effectiveDay = nextWorkingDay(cal, date);
    effectiveMinutes = open;
  } else if (minutes < open) {
    // Nobody registers before opening; the application is taken in when the office opens.
    reason = 'before_opening';
    effectiveMinutes = open;
  } else if (lunch && minutes >= lunch.from && minutes < lunch.to) {
    // Taken in during lunch (a clerk who stayed at the desk): the day stands, since lunch is
    // inside the working day, but the office's minutes start again when lunch ends.
    reason = 'during_lunch';
    effectiveMinutes = lunch.to;
  } else {
    reason = 'within_hours';
  }
  return {
    submittedAt,
    effectiveDay,
    effectiveAt: formatLocal(effectiveDay, effectiveMinutes),
    reason,
    submissionDayCounts: channel.submissionDayCounts,
    isSubmissionDayCounted: channel.submissionDayCounts === true,
    businessHours,
  };
}

/** The lunch break in minutes since midnight, or null when the office has none. */
export function lunchMinutes(hours: BusinessHours): { from: number; to: number } | null {
  return hours.lunch
    ? { from: parseClock(hours.lunch.from), to: parseClock(hours.lunch.to) }
    : null;
}
