/**
 * Plain ISO-date arithmetic for the working-day calendar and the deadline engine. Dates are
 * Kazakhstan wall-clock dates (`YYYY-MM-DD`) and local date-times (`YYYY-MM-DDTHH:mm`); there
 * are no time zones inside the domain, so the arithmetic runs on UTC day numbers, where no
 * daylight-saving jump or runtime zone can shift a day.
 */

/** `YYYY-MM-DD` */
export type IsoDate = string;
/** `YYYY-MM-DDTHH:mm`, Kazakhstan wall-clock time */
export type LocalDateTime = string;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?$/;

/** Days since 1970-01-01 of a valid ISO date; throws on anything else (a programming error). */
export function toDayNumber(date: IsoDate): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new RangeError(`calendar-invalid-date: ${date}`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over to March; a round trip catches it.
  if (fromDayNumber(ms / MS_PER_DAY) !== date)
    throw new RangeError(`calendar-invalid-date: ${date}`);
  return ms / MS_PER_DAY;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  return new Date(dayNumber * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** 1 = Monday … 7 = Sunday (ISO weekday). */
export function isoWeekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const n = toDayNumber(date);
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

export function isWeekend(date: IsoDate): boolean {
  return isoWeekday(date) >= 6;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`calendar-invalid-count: ${n}`);
  return fromDayNumber(toDayNumber(date) + n);
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

export function monthOf(date: IsoDate): number {
  return Number(date.slice(5, 7));
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Every date of a year, in order. */
export function datesOfYear(year: number): IsoDate[] {
  const first = toDayNumber(isoDate(year, 1, 1));
  const last = toDayNumber(isoDate(year, 12, 31));
  const dates: IsoDate[] = [];
  for (let n = first; n <= last; n++) dates.push(fromDayNumber(n));
  return dates;
}

/**
 * Splits a local date-time (or a bare date) into its date and minutes since midnight. A bare
 * date has no time of day (`minutes: null`).
 */
export function parseLocal(value: string): { date: IsoDate; minutes: number | null } {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match?.[1]) throw new RangeError(`calendar-invalid-datetime: ${value}`);
  const date = match[1];
  toDayNumber(date);
  if (match[2] === undefined || match[3] === undefined) return { date, minutes: null };
  const [hours, minutes] = [Number(match[2]), Number(match[3])];
  if (hours > 23 || minutes > 59) throw new RangeError(`calendar-invalid-datetime: ${value}`);
  return { date, minutes: hours * 60 + minutes };
}

/** `HH:mm` → minutes since midnight. */
export function parseClock(clock: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) throw new RangeError(`calendar-invalid-clock: ${clock}`);
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (hours > 24 || minutes > 59 || hours * 60 + minutes > 24 * 60) {
    throw new RangeError(`calendar-invalid-clock: ${clock}`);
  }
  return hours * 60 + minutes;
}

export function formatLocal(date: IsoDate, minutes: number): LocalDateTime {
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}`;
}
