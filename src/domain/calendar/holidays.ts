/**
 * The holidays that are days off under the Law of the Republic of Kazakhstan of 13 December
 * 2001 No. 267-II "On holidays in the Republic of Kazakhstan" (art. 5), as the list changed over
 * the years, and the law's carry-over rule. Everything here follows from the law alone; the
 * parts that change every year (the date of Kurban ait, the Government's transfer orders) are
 * data in `years.ts`.
 */
import type { Localized } from '../catalog/schema';
import { addDays, type IsoDate, isoDate, isWeekend } from './dates';
import type { CalendarHoliday } from './types';

interface FixedHoliday {
  month: number;
  day: number;
  name: Localized;
  /** first and last year the day is a day off (inclusive) */
  fromYear: number;
  toYear?: number;
  /**
   * Orthodox Christmas and Kurban ait are days off, but a Saturday or Sunday one does not move
   * the day off to Monday (the law names them separately from the carried-over holidays).
   */
  carriesOver: boolean;
}

const NEW_YEAR: Localized = { kk: 'Жаңа жыл', ru: 'Новый год' };
const NAURYZ: Localized = { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы' };
const INDEPENDENCE: Localized = { kk: 'Тәуелсіздік күні', ru: 'День Независимости' };

/** The years are those this product needs (2013 on); earlier changes are not modelled. */
const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { month: 1, day: 1, name: NEW_YEAR, fromYear: 2013, carriesOver: true },
  { month: 1, day: 2, name: NEW_YEAR, fromYear: 2013, carriesOver: true },
  {
    month: 1,
    day: 7,
    name: { kk: 'Православиелік Рождество', ru: 'Православное Рождество' },
    fromYear: 2013,
    carriesOver: false,
  },
  {
    month: 3,
    day: 8,
    name: { kk: 'Халықаралық әйелдер күні', ru: 'Международный женский день' },
    fromYear: 2013,
    carriesOver: true,
  },
  { month: 3, day: 21, name: NAURYZ, fromYear: 2013, carriesOver: true },
  { month: 3, day: 22, name: NAURYZ, fromYear: 2013, carriesOver: true },
  { month: 3, day: 23, name: NAURYZ, fromYear: 2013, carriesOver: true },
  {
    month: 5,
    day: 1,
    name: { kk: 'Қазақстан халқының бірлігі мерекесі', ru: 'Праздник единства народа Казахстана' },
    fromYear: 2013,
    carriesOver: true,
  },
  // Added by the 2012 amendment of the law; a day off from 2013.
  {
    month: 5,
    day: 7,
    name: { kk: 'Отан қорғаушы күні', ru: 'День защитника Отечества' },
    fromYear: 2013,
    carriesOver: true,
  },
  {
    month: 5,
    day: 9,
    name: { kk: 'Жеңіс күні', ru: 'День Победы' },
    fromYear: 2013,
    carriesOver: true,
  },
  {
    month: 7,
    day: 6,
    name: { kk: 'Астана күні', ru: 'День столицы' },
    fromYear: 2013,
    carriesOver: true,
  },
  {
    month: 8,
    day: 30,
    name: {
      kk: 'Қазақстан Республикасының Конституциясы күні',
      ru: 'День Конституции Республики Казахстан',
    },
    fromYear: 2013,
    carriesOver: true,
  },
  // The 2022 amendment made Republic Day a national holiday again and a day off.
  {
    month: 10,
    day: 25,
    name: { kk: 'Республика күні', ru: 'День Республики' },
    fromYear: 2022,
    carriesOver: true,
  },
  // First President Day: celebrated from 2012, removed from the holidays by the 2022 amendment.
  {
    month: 12,
    day: 1,
    name: {
      kk: 'Қазақстан Республикасының Тұңғыш Президенті күні',
      ru: 'День Первого Президента Республики Казахстан',
    },
    fromYear: 2013,
    toYear: 2021,
    carriesOver: true,
  },
  { month: 12, day: 16, name: INDEPENDENCE, fromYear: 2013, carriesOver: true },
  // Independence Day was two days until 2021; from 2022 it is 16 December only.
  { month: 12, day: 17, name: INDEPENDENCE, fromYear: 2013, toYear: 2021, carriesOver: true },
];

export const KURBAN_AIT_NAME: Localized = { kk: 'Құрбан айт', ru: 'Курбан айт' };

const FIRST_MODELLED_YEAR = 2013;

/** Whether the law's list of holidays is modelled for this year (2013 onward). */
export function isLawModelled(year: number): boolean {
  return year >= FIRST_MODELLED_YEAR;
}

export interface LawHoliday {
  date: IsoDate;
  name: Localized;
  carriesOver: boolean;
}

/**
 * The holidays of `year` under the law in force that year. Kurban ait is added when its date
 * is known (it follows the lunar calendar and is announced every year). Years before 2013 use
 * the 2013 list.
 */
export function lawHolidays(year: number, kurbanAit: IsoDate | null = null): LawHoliday[] {
  const lawYear = Math.max(year, FIRST_MODELLED_YEAR);
  const holidays: LawHoliday[] = FIXED_HOLIDAYS.filter(
    (h) => lawYear >= h.fromYear && (h.toYear === undefined || lawYear <= h.toYear),
  ).map((h) => ({ date: isoDate(year, h.month, h.day), name: h.name, carriesOver: h.carriesOver }));
  if (kurbanAit !== null) {
    holidays.push({ date: kurbanAit, name: KURBAN_AIT_NAME, carriesOver: false });
  }
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/**
 * The law's carry-over rule (Law "On holidays", art. 5): when a holiday falls on a Saturday or
 * Sunday, the day off moves to the next working day after the holidays. Holidays are taken in
 * date order and each takes the next weekday that is not already a day off, so Nauryz on
 * Saturday–Monday gives Tuesday and Wednesday, and 7 May on a Saturday with 9 May on Monday
 * gives Tuesday 10 May (2016).
 */
export function withCarryOvers(holidays: readonly LawHoliday[]): CalendarHoliday[] {
  const taken = new Set(holidays.map((h) => h.date));
  const result: CalendarHoliday[] = holidays.map((h) => ({ date: h.date, name: h.name }));
  for (const holiday of holidays) {
    if (!holiday.carriesOver || !isWeekend(holiday.date)) continue;
    let candidate = addDays(holiday.date, 1);
    while (isWeekend(candidate) || taken.has(candidate)) candidate = addDays(candidate, 1);
    taken.add(candidate);
    result.push({
      date: candidate,
      name: holiday.name,
      isCarriedOver: true,
      carriedFrom: holiday.date,
    });
  }
  return result.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
