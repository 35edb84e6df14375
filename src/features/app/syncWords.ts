/**
 * The sync state in words a clerk reads at a glance: how long ago the last good sync was
 * ("5 минут бұрын", "5 минут назад") and how far the device clock is off ("13 күн 16 сағат",
 * "13 дней 16 часов"), from date-fns with its Kazakh and Russian locales (Chromium has no Kazakh
 * relative-time data in `Intl`). The sentences around them are the dictionaries'.
 *
 * Times are the office's wall clock as the app keeps them (`2026-12-08T09:30`, to the minute):
 * two of them are compared as they read, never through the runtime's time zone.
 */
// One file per function and per locale, as in src/domain/paper-dates.ts.
import { formatDistanceStrict } from 'date-fns/formatDistanceStrict';
import { formatDuration } from 'date-fns/formatDuration';
import { kk } from 'date-fns/locale/kk';
import { ru } from 'date-fns/locale/ru';

export type WordsLang = 'kk' | 'ru';

const LOCALES = { kk, ru } as const;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A local date-time's wall clock as if it were UTC (only differences are taken). */
function wallClock(localDateTime: string): number {
  return Date.parse(`${localDateTime.slice(0, 16)}Z`);
}

/**
 * How long before `now` the local date-time `then` was, with the language's "ago": "5 минут
 * бұрын", "3 часа назад", "2 күн бұрын". Null under a minute (and for a `then` after `now`, a
 * clock set back): the caller says "just now".
 */
export function timeAgo(then: string, now: string, lang: WordsLang): string | null {
  const from = wallClock(then);
  const to = wallClock(now);
  if (Number.isNaN(from) || Number.isNaN(to) || to - from < MINUTE) return null;
  return formatDistanceStrict(from, to, {
    addSuffix: true,
    locale: LOCALES[lang],
    // "1 hour ago" until two hours have passed, never "2 hours" after 90 minutes.
    roundingMethod: 'floor',
  });
}

export interface ClockSkew {
  /** the device clock against the server's */
  direction: 'ahead' | 'behind';
  /** how far, in the two largest units that are not zero: "13 күн 16 сағат", "7 минут" */
  amount: string;
}

/**
 * The device clock's distance from the server's, from `skewMs` = server time − device time
 * (a device whose clock runs ahead gives a negative one), without a sign a person must read.
 * Days and hours, hours and minutes, or minutes: the smaller units are left off, since the
 * person fixes the clock from the server's time, not from this figure.
 */
export function clockSkew(skewMs: number, lang: WordsLang): ClockSkew {
  const off = Math.abs(skewMs);
  const days = Math.floor(off / DAY);
  const hours = Math.floor((off % DAY) / HOUR);
  const minutes = Math.floor((off % HOUR) / MINUTE);
  const parts = days > 0 ? { days, hours } : hours > 0 ? { hours, minutes } : { minutes };
  return {
    direction: skewMs < 0 ? 'ahead' : 'behind',
    amount: formatDuration(parts, { locale: LOCALES[lang], delimiter: ' ' }),
  };
}
