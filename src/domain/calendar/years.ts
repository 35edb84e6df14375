/**
 * The moving parts of each year 2013–2027 for a five-day week: the first day of Kurban ait and
 * the orders moving days off (Labour Code, art. 85 para 3; made by the Government, the 2025
 * one by the Ministry of Labour). The rest of every year
 * follows from the Law "On holidays" (`holidays.ts`). `DEFAULT_CALENDAR` is what a new district
 * starts with; the district administrator corrects and extends it.
 *
 * How sure the data is, honestly (each transfer also carries its own `confidence`):
 * - 2024, 2025, 2026: sure. Press reports quote the orders and the Ministry of Labour (2024:
 *   Saturday 4 May worked, Wednesday 8 May off; 2025: Sunday 5 January worked, Friday 3 January
 *   off, by the order of 21 November 2024, 246 working days, and the Ministry said no other transfer was planned;
 *   2026: no transfer, 246 working days, which this data reproduces).
 * - 2014 (May), 2022 (October), 2023: the orders were reported in the press with their wording.
 * - 2013, 2014 (January), 2016–2021, 2022 (March, August): from public holiday datasets that
 *   cite the orders on adilet.zan.kz by document code; the orders' texts were not read here.
 * - 2015: no transfer is known; not checked.
 * - 2027: Kurban ait is an astronomical estimate and no order exists yet — provisional.
 * Kurban ait dates 2013–2026 are those announced in Kazakhstan.
 */
import { buildCalendarYear } from './build';
import type { CalendarYearInput, WorkCalendar } from './types';

const DATASET = 'order as cited by public holiday datasets (adilet.zan.kz document';

export const YEAR_INPUTS: Readonly<Record<number, CalendarYearInput>> = {
  2013: {
    kurbanAit: '2013-10-15',
    transfers: [
      {
        dayOff: '2013-05-10',
        workDay: '2013-05-04',
        order: `${DATASET} P1300000345)`,
        confidence: 'medium',
      },
      {
        dayOff: '2013-10-14',
        workDay: '2013-10-12',
        order: `${DATASET} P1300001068)`,
        confidence: 'medium',
      },
    ],
    source: 'Law No. 267-II; Government orders of 2013 on moving days off (not read here)',
  },
  2014: {
    kurbanAit: '2014-10-04',
    transfers: [
      // The order for New Year 2014 was made in December 2013 and worked a 2013 Saturday.
      {
        dayOff: '2014-01-03',
        workDay: '2013-12-28',
        order: `${DATASET} P1300001322)`,
        confidence: 'medium',
      },
      // Sunday work days: "перенесены с воскресенья 4 мая на пятницу 2 мая 2014 года, а также с
      // воскресенья 11 мая на четверг 8 мая 2014 года" (Government order, press release).
      {
        dayOff: '2014-05-02',
        workDay: '2014-05-04',
        order: 'Government order of April 2014 (adilet.zan.kz document P1400000365)',
        confidence: 'high',
      },
      {
        dayOff: '2014-05-08',
        workDay: '2014-05-11',
        order: 'Government order of April 2014 (adilet.zan.kz document P1400000365)',
        confidence: 'high',
      },
    ],
    source: 'Law No. 267-II; Government orders on moving days off in 2014',
  },
  2015: {
    kurbanAit: '2015-09-24',
    transfers: [],
    source: 'Law No. 267-II; no transfer order is known for 2015',
  },
  2016: {
    kurbanAit: '2016-09-12',
    transfers: [
      {
        dayOff: '2016-03-07',
        workDay: '2016-03-05',
        order: `${DATASET} P1600000067)`,
        confidence: 'medium',
      },
    ],
    source: 'Law No. 267-II; Government order on moving days off in 2016',
  },
  2017: {
    kurbanAit: '2017-09-01',
    transfers: [
      {
        dayOff: '2017-03-20',
        workDay: '2017-03-18',
        order: `${DATASET} P1700000005)`,
        confidence: 'medium',
      },
      {
        dayOff: '2017-07-07',
        workDay: '2017-07-01',
        order: `${DATASET} P1700000005)`,
        confidence: 'medium',
      },
    ],
    source: 'Law No. 267-II; Government order on moving days off in 2017',
  },
  2018: {
    kurbanAit: '2018-08-21',
    transfers: [
      ['2018-03-09', '2018-03-03'],
      ['2018-04-30', '2018-04-28'],
      ['2018-05-08', '2018-05-05'],
      ['2018-08-31', '2018-08-25'],
      ['2018-12-31', '2018-12-29'],
    ].map(([dayOff = '', workDay = '']) => ({
      dayOff,
      workDay,
      order: `${DATASET} P1700000864)`,
      confidence: 'medium' as const,
    })),
    source: 'Law No. 267-II; Government order of December 2017 on moving days off in 2018',
  },
  2019: {
    kurbanAit: '2019-08-11',
    transfers: [
      {
        dayOff: '2019-05-10',
        workDay: '2019-05-04',
        order: `${DATASET} P1800000888)`,
        confidence: 'medium',
      },
    ],
    source: 'Law No. 267-II; Government order of December 2018 on moving days off in 2019',
  },
  2020: {
    kurbanAit: '2020-07-31',
    transfers: [
      {
        dayOff: '2020-01-03',
        workDay: '2020-01-05',
        order: `${DATASET} P1900000820)`,
        confidence: 'medium',
      },
      // Victory Day fell on Saturday; its carried-over day off (Monday 11 May) was taken on
      // Friday 8 May instead, during the state of emergency. The instrument was not read here.
      {
        dayOff: '2020-05-08',
        workDay: '2020-05-11',
        order: 'order of May 2020 (reported in the press; instrument not identified)',
        confidence: 'medium',
      },
      {
        dayOff: '2020-12-18',
        workDay: '2020-12-20',
        order: `${DATASET} P1900000820)`,
        confidence: 'medium',
      },
    ],
    source: 'Law No. 267-II; Government order of December 2019 on moving days off in 2020',
  },
  2021: {
    kurbanAit: '2021-07-20',
    transfers: [
      {
        dayOff: '2021-07-05',
        workDay: '2021-07-03',
        order: `${DATASET} P2000000930)`,
        confidence: 'medium',
      },
    ],
    source: 'Law No. 267-II; Government order of December 2020 on moving days off in 2021',
  },
  2022: {
    kurbanAit: '2022-07-09',
    transfers: [
      {
        dayOff: '2022-03-07',
        workDay: '2022-03-05',
        order: `${DATASET} P2200000796)`,
        confidence: 'medium',
      },
      {
        dayOff: '2022-08-29',
        workDay: '2022-08-27',
        order: `${DATASET} P2200000796)`,
        confidence: 'medium',
      },
      // Republic Day became a day off again in 2022; the order moved Saturday 22 October to
      // Monday 24 October (press release of the order).
      {
        dayOff: '2022-10-24',
        workDay: '2022-10-22',
        order: 'Government order of October 2022',
        confidence: 'high',
      },
    ],
    source:
      'Law No. 267-II as amended in 2022 (25 October added; 1 December and 17 December removed); Government orders of 2022',
  },
  2023: {
    kurbanAit: '2023-06-28',
    transfers: [
      {
        dayOff: '2023-07-07',
        workDay: '2023-07-01',
        order: 'Government order of 2023 (adilet.zan.kz document P2300000326)',
        confidence: 'high',
      },
    ],
    source: 'Law No. 267-II; Government order on moving the day off of 1 July 2023',
  },
  2024: {
    kurbanAit: '2024-06-16',
    transfers: [
      {
        dayOff: '2024-05-08',
        workDay: '2024-05-04',
        order:
          'Government order of April 2024 ("с субботы 4 мая 2024 года на среду 8 мая 2024 года")',
        confidence: 'high',
      },
    ],
    source: 'Law No. 267-II; Government order of April 2024',
  },
  2025: {
    kurbanAit: '2025-06-06',
    transfers: [
      {
        dayOff: '2025-01-03',
        workDay: '2025-01-05',
        order: 'order of the Minister of Labour and Social Protection of 21 November 2024',
        confidence: 'high',
      },
    ],
    source:
      'Law No. 267-II; order of 21 November 2024 (the only transfer of 2025; 246 working days)',
  },
  2026: {
    kurbanAit: '2026-05-27',
    transfers: [],
    source: 'Law No. 267-II; no transfer order: 1–4 January, 21–25 March follow from the law alone',
  },
  2027: {
    // Eid al-Adha 1448 AH by astronomical estimate; confirm when the date is announced.
    kurbanAit: '2027-05-16',
    transfers: [],
    source: 'Law No. 267-II; Kurban ait estimated; no transfer order yet',
    isProvisional: true,
  },
};

export const DEFAULT_CALENDAR: WorkCalendar = {
  years: Object.fromEntries(
    Object.entries(YEAR_INPUTS).map(([year, input]) => [
      Number(year),
      buildCalendarYear(Number(year), input),
    ]),
  ),
};
