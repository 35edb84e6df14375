/**
 * An office's hours: when it opens, when it closes and its lunch break, Kazakhstan wall clock.
 * The district administrator sets them per office; the deadline engine reads them to decide
 * from when a submission counts (after closing: the next working day; during lunch: from the
 * end of lunch) and how long a minute-long step takes (office minutes only). The regulations
 * print the schedule they assume — 004: 9:00–18:00, lunch 13:00–14:00, except Saturday, Sunday
 * and holidays (seed 004, lines 108–110); 002's departments the same (seed 002, lines 384–392) —
 * which is the default for an office whose administrator has set nothing.
 *
 * No zod here: the deadline engine, part of the start-up script (intake's date preview), reads
 * this module; the hours' wire shape is in `reference.ts`.
 */

/** `HH:mm`, 00:00–23:59. */
export const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface LunchBreak {
  from: string;
  to: string;
}

export interface OfficeHours {
  open: string;
  close: string;
  /** null: the office does not close for lunch */
  lunch: LunchBreak | null;
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  open: '09:00',
  close: '18:00',
  lunch: { from: '13:00', to: '14:00' },
};

/** Why hours are refused; the admin screen and the server's error say it in words. */
export type HoursProblem =
  /** a time that is not HH:mm of one day */
  | 'time-invalid'
  /** closing at or before opening */
  | 'close-before-open'
  /** lunch ends at or before it starts */
  | 'lunch-order'
  /** lunch starts before opening or ends after closing */
  | 'lunch-outside-hours';

export const HOURS_PROBLEMS: readonly HoursProblem[] = [
  'time-invalid',
  'close-before-open',
  'lunch-order',
  'lunch-outside-hours',
];

const minutesOf = (clockText: string) =>
  Number(clockText.slice(0, 2)) * 60 + Number(clockText.slice(3, 5));

/** What is wrong with the hours, or null when the engine can count with them. */
export function hoursProblem(hours: OfficeHours): HoursProblem | null {
  const { lunch } = hours;
  const times = [hours.open, hours.close, ...(lunch ? [lunch.from, lunch.to] : [])];
  if (times.some((t) => typeof t !== 'string' || !CLOCK.test(t))) return 'time-invalid';
  const [open, close] = [minutesOf(hours.open), minutesOf(hours.close)];
  if (close <= open) return 'close-before-open';
  if (!lunch) return null;
  const [from, to] = [minutesOf(lunch.from), minutesOf(lunch.to)];
  if (to <= from) return 'lunch-order';
  // A lunch touching opening or closing time would just be shorter hours: say that instead.
  if (from <= open || to >= close) return 'lunch-outside-hours';
  return null;
}

/** The office's hours, or the default for an office without any (an older server's data). */
export function hoursOf(
  office: { hours?: OfficeHours | null | undefined } | undefined,
): OfficeHours {
  return office?.hours ?? DEFAULT_OFFICE_HOURS;
}
