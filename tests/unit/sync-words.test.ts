/**
 * The header's sync words: the last good sync "5 минут бұрын" / "5 минут назад" with Russian
 * plural forms, nothing under a minute (the header says "just now"), and the clock warning as a
 * direction and days and hours, never a signed count of minutes ("-19712 минутқа қате").
 */
import { describe, expect, it } from 'vitest';
import { clockSkew, timeAgo } from '../../src/features/app/syncWords';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('how long ago the last sync was', () => {
  it('says minutes, hours and days ago in Kazakh', () => {
    expect(timeAgo('2026-12-08T09:25', '2026-12-08T09:30', 'kk')).toBe('5 минут бұрын');
    expect(timeAgo('2026-12-08T08:00', '2026-12-08T09:30', 'kk')).toBe('1 сағат бұрын');
    expect(timeAgo('2026-12-05T09:30', '2026-12-08T09:30', 'kk')).toBe('3 күн бұрын');
  });

  it('says them in Russian with the right plural forms', () => {
    expect(timeAgo('2026-12-08T09:25', '2026-12-08T09:30', 'ru')).toBe('5 минут назад');
    expect(timeAgo('2026-12-08T09:09', '2026-12-08T09:30', 'ru')).toBe('21 минуту назад');
    expect(timeAgo('2026-12-08T09:28', '2026-12-08T09:30', 'ru')).toBe('2 минуты назад');
    expect(timeAgo('2026-12-08T06:00', '2026-12-08T09:30', 'ru')).toBe('3 часа назад');
    expect(timeAgo('2026-12-03T09:30', '2026-12-08T09:30', 'ru')).toBe('5 дней назад');
  });

  it('counts across midnight and month ends from the wall clock', () => {
    expect(timeAgo('2026-11-30T23:50', '2026-12-01T00:10', 'kk')).toBe('20 минут бұрын');
    // An offset in the stored text does not move the wall clock.
    expect(timeAgo('2026-12-08T09:25+05:00', '2026-12-08T09:30', 'ru')).toBe('5 минут назад');
  });

  it('gives nothing under a minute, or for a sync "after" now (a clock set back)', () => {
    expect(timeAgo('2026-12-08T09:30', '2026-12-08T09:30', 'kk')).toBeNull();
    expect(timeAgo('2026-12-08T10:30', '2026-12-08T09:30', 'ru')).toBeNull();
    expect(timeAgo('', '2026-12-08T09:30', 'ru')).toBeNull();
  });
});

describe('how far the device clock is off', () => {
  it('reads the reported case, a clock 19712 minutes ahead, as 13 days 16 hours ahead', () => {
    expect(clockSkew(-19_712 * MINUTE, 'kk')).toEqual({
      direction: 'ahead',
      amount: '13 күн 16 сағат',
    });
    expect(clockSkew(-19_712 * MINUTE, 'ru')).toEqual({
      direction: 'ahead',
      amount: '13 дней 16 часов',
    });
  });

  it('says behind for a clock late against the server (server time minus device time > 0)', () => {
    expect(clockSkew(2 * DAY + 3 * HOUR + 59 * MINUTE, 'ru')).toEqual({
      direction: 'behind',
      amount: '2 дня 3 часа',
    });
    expect(clockSkew(1 * DAY + 1 * HOUR, 'ru').amount).toBe('1 день 1 час');
  });

  it('leaves out a zero unit and takes hours and minutes, or minutes, when under a day', () => {
    expect(clockSkew(5 * DAY + 20 * MINUTE, 'kk').amount).toBe('5 күн');
    expect(clockSkew(-(3 * HOUR + 22 * MINUTE + 40_000), 'ru').amount).toBe('3 часа 22 минуты');
    expect(clockSkew(7 * MINUTE + 30_000, 'kk').amount).toBe('7 минут');
    expect(clockSkew(-21 * MINUTE, 'ru')).toEqual({ direction: 'ahead', amount: '21 минута' });
  });
});
