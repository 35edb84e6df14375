import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  buildCalendarYear,
  CalendarInputError,
  calendarSummary,
  DEFAULT_CALENDAR,
  describeDay,
  extendCalendar,
  hasYear,
  isWorkingDay,
  missingYears,
  nextWorkingDay,
  previousWorkingDay,
  type WorkCalendar,
  workingDaysBetween,
} from '../../src/domain/calendar';

const cal = DEFAULT_CALENDAR;

describe('the law and the yearly data', () => {
  it('holds every year 2013–2027', () => {
    for (let y = 2013; y <= 2027; y++) expect(hasYear(cal, y)).toBe(true);
    expect(hasYear(cal, 2028)).toBe(false);
    expect(cal.years[2027]?.isProvisional).toBe(true);
  });

  it('2026 (no transfer order): 246 working days, the weekdays off as announced', () => {
    const s = calendarSummary(cal, 2026);
    expect(s.workingDays).toBe(246);
    expect(s.nonWorkingDays).toEqual([
      '2026-01-01',
      '2026-01-02',
      '2026-01-07',
      '2026-03-09', // 8 March is a Sunday
      '2026-03-23',
      '2026-03-24', // Nauryz 21 (Sat) carried over
      '2026-03-25', // Nauryz 22 (Sun) carried over
      '2026-05-01',
      '2026-05-07',
      '2026-05-11', // 9 May is a Saturday
      '2026-05-27', // Kurban ait
      '2026-07-06',
      '2026-08-31', // 30 August is a Sunday
      '2026-10-26', // 25 October is a Sunday
      '2026-12-16',
    ]);
    expect(s.workedWeekendDays).toEqual([]);
    expect(s.workingDaysByMonth[0]).toBe(19);
  });

  it('2025: 246 working days; Sunday 5 January worked, Friday 3 January off', () => {
    const s = calendarSummary(cal, 2025);
    expect(s.workingDays).toBe(246);
    expect(s.workedWeekendDays).toEqual(['2025-01-05']);
    expect(isWorkingDay(cal, '2025-01-03')).toBe(false);
    expect(isWorkingDay(cal, '2025-01-05')).toBe(true);
    // Nauryz 22 (Sat) and 23 (Sun) → Monday 24 and Tuesday 25
    expect(s.nonWorkingDays.filter((d) => d.startsWith('2025-03'))).toEqual([
      '2025-03-10',
      '2025-03-21',
      '2025-03-24',
      '2025-03-25',
    ]);
  });

  it('2024: Saturday 4 May worked, Wednesday 8 May off', () => {
    expect(isWorkingDay(cal, '2024-05-04')).toBe(true);
    expect(isWorkingDay(cal, '2024-05-08')).toBe(false);
    expect(calendarSummary(cal, 2024).workedWeekendDays).toEqual(['2024-05-04']);
  });

  it('7 January and Kurban ait on a weekend are not carried over', () => {
    // 2024: Kurban ait on Sunday 16 June; Monday 17 June works
    expect(isWorkingDay(cal, '2024-06-17')).toBe(true);
    // 2017: 7 January on Saturday; Monday 9 January works
    expect(isWorkingDay(cal, '2017-01-09')).toBe(true);
  });

  it('carry-overs skip holidays and earlier carry-overs', () => {
    // 2016: 7 May (Sat) → Tuesday 10 May, because Monday 9 May is Victory Day
    expect(isWorkingDay(cal, '2016-05-10')).toBe(false);
    expect(describeDay(cal, '2016-05-10')).toMatchObject({
      kind: 'carried_over',
      holiday: { carriedFrom: '2016-05-07' },
    });
    // 2022: 1 and 2 January on Saturday and Sunday → Monday 3 and Tuesday 4
    expect(isWorkingDay(cal, '2022-01-03')).toBe(false);
    expect(isWorkingDay(cal, '2022-01-04')).toBe(false);
  });

  it('follows the 2022 amendment: 1 December and 17 December stop being days off, 25 October starts', () => {
    expect(isWorkingDay(cal, '2021-12-01')).toBe(false);
    expect(isWorkingDay(cal, '2021-12-17')).toBe(false);
    expect(isWorkingDay(cal, '2022-12-01')).toBe(true);
    expect(isWorkingDay(cal, '2024-12-17')).toBe(true);
    expect(isWorkingDay(cal, '2021-10-25')).toBe(true);
    expect(isWorkingDay(cal, '2024-10-25')).toBe(false);
    // 2023: 16 December on Saturday → only Monday 18 December
    expect(isWorkingDay(cal, '2023-12-18')).toBe(false);
    expect(isWorkingDay(cal, '2023-12-19')).toBe(true);
  });

  it('an order that crosses New Year: Saturday 28 December 2013 worked for 3 January 2014', () => {
    expect(isWorkingDay(cal, '2013-12-28')).toBe(true);
    expect(isWorkingDay(cal, '2014-01-03')).toBe(false);
    expect(calendarSummary(cal, 2013).workedWeekendDays).toContain('2013-12-28');
  });

  it('an order can cancel a carry-over: 2020, 8 May off instead of Monday 11 May', () => {
    expect(isWorkingDay(cal, '2020-05-08')).toBe(false);
    expect(isWorkingDay(cal, '2020-05-11')).toBe(true);
  });

  it('every year has each weekday holiday and transfer in daysOff', () => {
    for (const year of Object.values(cal.years)) {
      for (const t of year.transfers) expect(isWorkingDay(cal, t.dayOff)).toBe(false);
      for (const d of year.workedDays) expect(isWorkingDay(cal, d)).toBe(true);
    }
  });
});

describe('years outside the calendar', () => {
  it('still apply weekends and the fixed holidays with carry-over, and say so', () => {
    const s = calendarSummary(cal, 2030);
    expect(s.hasData).toBe(false);
    // 2030: 1 January Tuesday; 8 March Friday; Nauryz Thu–Sat → Monday 25 March
    expect(isWorkingDay(cal, '2030-01-01')).toBe(false);
    expect(isWorkingDay(cal, '2030-03-25')).toBe(false);
    expect(isWorkingDay(cal, '2030-03-26')).toBe(true);
    expect(missingYears(cal, '2027-12-01', '2030-02-01')).toEqual([2028, 2029, 2030]);
    expect(() => addWorkingDays(cal, '2031-06-01', 400)).not.toThrow();
  });

  it('an empty calendar counts by the law alone', () => {
    const empty: WorkCalendar = { years: {} };
    expect(nextWorkingDay(empty, '2026-03-20')).toBe('2026-03-26');
    expect(hasYear(empty, 2026)).toBe(false);
  });
});

describe('buildCalendarYear: the administrator adds a year from its moving parts', () => {
  it('builds 2028 and extends the calendar', () => {
    const y2028 = buildCalendarYear(2028, {
      kurbanAit: '2028-05-05',
      transfers: [
        { dayOff: '2028-01-06', workDay: '2028-01-08', order: 'test order', confidence: 'high' },
      ],
      source: 'test',
    });
    // 1 and 2 January 2028 are Saturday and Sunday → Monday 3 and Tuesday 4 by the law;
    // 7 January is a Friday; the order bridges Thursday 6 with Saturday 8.
    expect(y2028.daysOff.slice(0, 4)).toEqual([
      '2028-01-03',
      '2028-01-04',
      '2028-01-06',
      '2028-01-07',
    ]);
    expect(y2028.workedDays).toEqual(['2028-01-08']);
    const extended = extendCalendar(cal, y2028);
    expect(hasYear(extended, 2028)).toBe(true);
    expect(hasYear(cal, 2028)).toBe(false);
    expect(isWorkingDay(extended, '2028-05-05')).toBe(false);
  });

  it('rejects transfers that do not move a working day', () => {
    const build = () =>
      buildCalendarYear(2026, {
        kurbanAit: '2026-05-27',
        transfers: [{ dayOff: '2026-03-24', workDay: '2026-03-28', order: 'x', confidence: 'low' }],
        source: 'test',
      });
    expect(build).toThrow(CalendarInputError);
    expect(() =>
      buildCalendarYear(2026, { kurbanAit: '2025-06-06', transfers: [], source: 'x' }),
    ).toThrow(/calendar-kurban-ait-invalid/);
  });
});

describe('working-day arithmetic', () => {
  it('nextWorkingDay is strictly after; previousWorkingDay strictly before', () => {
    expect(nextWorkingDay(cal, '2026-03-18')).toBe('2026-03-19');
    expect(nextWorkingDay(cal, '2026-03-20')).toBe('2026-03-26');
    expect(previousWorkingDay(cal, '2026-03-26')).toBe('2026-03-20');
  });

  it('addWorkingDays(…, 0) is the date itself, weekend or not', () => {
    expect(addWorkingDays(cal, '2026-03-21', 0)).toBe('2026-03-21');
  });

  it('addCalendarDays crosses months and leap days', () => {
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addCalendarDays('2026-03-02', 20)).toBe('2026-03-22');
  });

  it('workingDaysBetween counts (from, to]', () => {
    expect(workingDaysBetween(cal, '2026-03-18', '2026-04-09')).toBe(13);
    expect(workingDaysBetween(cal, '2026-04-09', '2026-03-18')).toBe(-13);
    expect(workingDaysBetween(cal, '2026-03-20', '2026-03-25')).toBe(0);
  });

  it('rejects malformed dates loudly', () => {
    expect(() => isWorkingDay(cal, '2026-02-30')).toThrow(/calendar-invalid-date/);
    expect(() => addWorkingDays(cal, '2026-03-18', 1.5)).toThrow(/calendar-invalid-count/);
  });
});

const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
const isoDateArb = (from: string, to: string) =>
  fc
    .integer({ min: dayNumber(from), max: dayNumber(to) })
    .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));

describe('properties (fast-check prints the seed on failure)', () => {
  const date = isoDateArb('2012-06-01', '2029-12-31');
  const n = fc.integer({ min: 0, max: 250 });

  it('a due date in working days is always a working day', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 250 }), (d, k) =>
        isWorkingDay(cal, addWorkingDays(cal, d, k)),
      ),
    );
  });

  it('addWorkingDays(addWorkingDays(d, a), b) === addWorkingDays(d, a + b)', () => {
    fc.assert(
      fc.property(date, n, n, (d, a, b) => {
        expect(addWorkingDays(cal, addWorkingDays(cal, d, a), b)).toBe(
          addWorkingDays(cal, d, a + b),
        );
      }),
    );
  });

  it('is strictly increasing in n and non-decreasing in d', () => {
    fc.assert(
      fc.property(date, n, n, (d, a, b) => {
        const [lo, hi] = a < b ? [a, b] : [b, a];
        if (lo === hi) return;
        expect(addWorkingDays(cal, d, lo) < addWorkingDays(cal, d, hi)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(date, date, n, (d1, d2, k) => {
        const [early, late] = d1 <= d2 ? [d1, d2] : [d2, d1];
        expect(addWorkingDays(cal, early, k) <= addWorkingDays(cal, late, k)).toBe(true);
      }),
    );
  });

  it('workingDaysBetween inverts addWorkingDays', () => {
    fc.assert(
      fc.property(date, n, (d, k) => {
        expect(workingDaysBetween(cal, d, addWorkingDays(cal, d, k))).toBe(k);
      }),
    );
  });

  it('a negative count walks back to a working day before the date', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 100 }), (d, k) => {
        const back = addWorkingDays(cal, d, -k);
        expect(back < d && isWorkingDay(cal, back)).toBe(true);
        if (isWorkingDay(cal, d)) expect(addWorkingDays(cal, back, k)).toBe(d);
      }),
    );
  });
});
