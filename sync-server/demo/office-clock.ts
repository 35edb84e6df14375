/**
 * Time in a simulated office. Each device of the demo has its own clock — its `Ports.now()` —
 * that walks through the office day: it opens at nine, every action takes a few minutes, lunch
 * is from one to two. The demo's offices are in Kazakhstan (UTC+05:00 since March 2024), so
 * days and hours here are the offices' own, whatever zone the server runs in.
 *
 * The last simulated day may be today. An event from later today than now would be an event
 * from the future (a talon printed at four when it is ten), so today's plan is squeezed into the
 * part of the office day that has already passed: the same actions in the same order, closer
 * together.
 */
import type { IsoDate } from '../../src/domain/calendar/dates';

/** The offices' offset from UTC, in minutes. */
export const OFFICE_OFFSET_MINUTES = 5 * 60;

export const OPENS = 9 * 60;
const LUNCH_FROM = 13 * 60;
const LUNCH_TO = 14 * 60;
/** the morning sync happens a little before opening */
export const MORNING = OPENS - 10;
/** the evening sync, after the office closes */
export const EVENING = 18 * 60 + 15;

/** The office's date and minutes since its midnight at an instant. */
export function officeTimeOf(instant: Date): { date: IsoDate; minutes: number } {
  const shifted = new Date(instant.getTime() + OFFICE_OFFSET_MINUTES * 60_000);
  return {
    date: shifted.toISOString().slice(0, 10),
    minutes: shifted.getUTCHours() * 60 + shifted.getUTCMinutes() + shifted.getUTCSeconds() / 60,
  };
}

/** The instant of `minutes` (fractions are seconds) after the office's midnight of `date`. */
export function officeInstant(date: IsoDate, minutes: number): Date {
  const midnight = Date.parse(`${date}T00:00:00Z`) - OFFICE_OFFSET_MINUTES * 60_000;
  return new Date(midnight + Math.round(minutes * 60) * 1000);
}

/**
 * Whether today's office day has gone on long enough to be worth simulating: half an hour after
 * opening. Before that the demo's days end with the previous working day.
 */
export function hasOfficeDayBegun(now: Date): boolean {
  return officeTimeOf(now).minutes >= OPENS + 30;
}

export class OfficeClock {
  private day: IsoDate = '1970-01-01';
  /** minutes since midnight as the day's plan has them */
  private planned = MORNING;
  /** today: real minutes per planned minute after opening (the day squeezed); 1 on a past day */
  private squeeze = 1;
  private limit: Date | null = null;

  constructor(private readonly realNow: Date) {}

  /** A new day: the clock shows `minutes` (before opening, for the morning sync). */
  startDay(day: IsoDate, minutes = MORNING): void {
    this.day = day;
    this.planned = minutes;
    const today = officeTimeOf(this.realNow);
    if (day === today.date) {
      // Today's plan runs from opening to the evening sync; what has passed of it since opening
      // is where it must fit. A minute short of now, so nothing lands in the future.
      this.limit = new Date(this.realNow.getTime() - 60_000);
      this.squeeze = Math.min(1, Math.max(0, (today.minutes - 1 - OPENS) / (EVENING - OPENS)));
    } else {
      this.limit = null;
      this.squeeze = 1;
    }
  }

  /** Moves on by some minutes of work; nobody works through lunch. */
  advance(minutes: number): void {
    const before = this.planned;
    this.planned += minutes;
    if (before < LUNCH_FROM && this.planned >= LUNCH_FROM) this.planned += LUNCH_TO - LUNCH_FROM;
    else if (before >= LUNCH_FROM && before < LUNCH_TO) this.planned += LUNCH_TO - before;
  }

  /**
   * Sets the clock to a later point of the plan (an applicant's arrival, the evening sync);
   * never back. Whoever comes at lunch is seen after it.
   */
  moveTo(minutes: number): void {
    const at = minutes >= LUNCH_FROM && minutes < LUNCH_TO ? LUNCH_TO : minutes;
    if (at > this.planned) this.planned = at;
  }

  now(): Date {
    const minutes =
      this.planned <= OPENS ? this.planned : OPENS + (this.planned - OPENS) * this.squeeze;
    const at = officeInstant(this.day, minutes);
    return this.limit && at > this.limit ? new Date(this.limit) : at;
  }
}
