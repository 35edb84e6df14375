/**
 * Dates with month names on papers: every month in Kazakh (nominative, lower case) and Russian
 * (genitive), the day without a leading zero, the year's "ж." / "г.", the office's wall-clock time
 * whatever the runtime's zone, and text that is not a date printed as it is. `\u00a0` is the
 * no-break space that keeps "7 желтоқсан" and "2026 ж." on one line each.
 */
import { describe, expect, it } from 'vitest';
import { formatDateTimeWords, formatDateWords } from '../../src/domain/paper-dates';

const KK_MONTHS = [
  'қаңтар',
  'ақпан',
  'наурыз',
  'сәуір',
  'мамыр',
  'маусым',
  'шілде',
  'тамыз',
  'қыркүйек',
  'қазан',
  'қараша',
  'желтоқсан',
];
const RU_MONTHS_GENITIVE = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];

describe('formatDateWords', () => {
  it('writes the issue’s examples', () => {
    expect(formatDateWords('2026-12-07', 'kk')).toBe('7\u00a0желтоқсан 2026\u00a0ж.');
    expect(formatDateWords('2026-12-07', 'ru')).toBe('7\u00a0декабря 2026\u00a0г.');
  });

  it('names every month, Russian in the genitive', () => {
    for (let m = 1; m <= 12; m++) {
      const iso = `2027-${String(m).padStart(2, '0')}-15`;
      expect(formatDateWords(iso, 'kk')).toBe(`15\u00a0${KK_MONTHS[m - 1]} 2027\u00a0ж.`);
      expect(formatDateWords(iso, 'ru')).toBe(`15\u00a0${RU_MONTHS_GENITIVE[m - 1]} 2027\u00a0г.`);
    }
  });

  it('takes the date part of a date-time as the office wrote it, whatever its offset', () => {
    // 23:50 in Almaty is already the next day nowhere east of it and the previous day in UTC;
    // the paper prints the office's day.
    expect(formatDateWords('2026-03-31T23:50:00+05:00', 'kk')).toBe('31\u00a0наурыз 2026\u00a0ж.');
    expect(formatDateWords('2026-01-01T00:10:00+05:00', 'ru')).toBe('1\u00a0января 2026\u00a0г.');
  });

  it('prints text that is not a date, or a day that does not exist, as it is', () => {
    expect(formatDateWords('', 'kk')).toBe('');
    expect(formatDateWords('07.12.2026', 'ru')).toBe('07.12.2026');
    expect(formatDateWords('2026-02-30', 'kk')).toBe('2026-02-30');
  });
});

describe('formatDateTimeWords', () => {
  it('adds the wall-clock time after a comma', () => {
    expect(formatDateTimeWords('2026-12-07T10:30:05+05:00', 'kk')).toBe(
      '7\u00a0желтоқсан 2026\u00a0ж., 10:30',
    );
    expect(formatDateTimeWords('2026-12-07T09:05', 'ru')).toBe(
      '7\u00a0декабря 2026\u00a0г., 09:05',
    );
  });

  it('keeps the office’s hour in a runtime of another zone', () => {
    // The test runner's zone is whatever the machine has; the fields never pass through it.
    expect(formatDateTimeWords('2026-06-30T23:59:59-03:00', 'kk')).toBe(
      '30\u00a0маусым 2026\u00a0ж., 23:59',
    );
  });

  it('prints a bare date without a time', () => {
    expect(formatDateTimeWords('2026-08-01', 'ru')).toBe('1\u00a0августа 2026\u00a0г.');
  });
});
