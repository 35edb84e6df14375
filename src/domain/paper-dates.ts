/**
 * Dates as papers write them, with the month in words: "7 желтоқсан 2026 ж." and
 * "7 декабря 2026 г." (Russian in the genitive, as a date is read), with the time where a paper
 * needs it ("7 желтоқсан 2026 ж., 10:30"). The spaces inside "7 желтоқсан" and "2026 ж." are
 * no-break spaces (U+00A0). A printed date is read by people who may misread
 * 07.12 as July; a month name cannot be.
 *
 * The month names come from date-fns's `kk` and `ru` locales, shipped with the app: Chromium has
 * no Kazakh date data, so `Intl` would print Kazakh dates in English or as numbers.
 *
 * Dates and times are the office's wall clock as the events carry them (`2026-12-07`,
 * `2026-12-07T10:30:05+05:00`): the fields are read from the text and never pass through the
 * runtime's time zone, so a device set to another zone prints the office's day.
 */
// One file per function and per locale: the barrels would load all of date-fns, every language
// too (tens of MB in the server, which takes its packages from node_modules rather than from a
// tree-shaken bundle).
import { format } from 'date-fns/format';
import { kk } from 'date-fns/locale/kk';
import { ru } from 'date-fns/locale/ru';

export type PaperLang = 'kk' | 'ru';

const LOCALES = { kk, ru } as const;
/**
 * Kazakh "ж." (жыл) and Russian "г." (год) after the year, as official papers write it. No-break
 * spaces keep the day with its month and the year with its "ж.": a narrow column wraps a date
 * between the month and the year, never leaving "ж." alone on a line.
 */
const DATE_PATTERN = { kk: "d\u00a0MMMM y\u00a0'ж.'", ru: "d\u00a0MMMM y\u00a0'г.'" } as const;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?/;

/**
 * The day of a date or local date-time, and its "HH:mm" when it has one; null when the text is
 * neither.
 */
function fieldsOf(text: string): { date: Date; time: string | null } | null {
  const m = DATE_TIME.exec(text);
  if (!m) return null;
  const [year, month, day] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  // A Date in the runtime's zone made from the same fields formats back to them; noon, because
  // no zone moves its clocks then (a 02:30 that a spring-forward night skips would shift).
  const date = new Date(year, month - 1, day, 12);
  // 2026-02-30 would roll over to March: a date that does not exist is not printed as another.
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) {
    return null;
  }
  return { date, time: m[4] === undefined ? null : `${m[4]}:${m[5]}` };
}

/**
 * "7 желтоқсан 2026 ж." / "7 декабря 2026 г." for a date or the date part of a date-time. Text
 * that is not a date is returned as it is: a paper prints what the record holds rather than
 * nothing.
 */
export function formatDateWords(text: string, lang: PaperLang): string {
  const fields = fieldsOf(text);
  if (!fields) return text;
  return format(fields.date, DATE_PATTERN[lang], { locale: LOCALES[lang] });
}

/**
 * "7 желтоқсан 2026 ж., 10:30" / "7 декабря 2026 г., 10:30" for a local date-time; a bare date
 * prints without a time.
 */
export function formatDateTimeWords(text: string, lang: PaperLang): string {
  const fields = fieldsOf(text);
  if (!fields) return text;
  const date = formatDateWords(text, lang);
  return fields.time ? `${date}, ${fields.time}` : date;
}
