/**
 * The journal in a real Chromium against the real server, as a village clerk uses it: empty at
 * first (with the way to the first application), then six applications registered through the
 * intake screen over seven weeks of the device's clock — one of them cancelled — searched by a
 * middle part of a number, of an IIN and of a patronymic; filtered by service, status, period
 * (and a period the wrong way round) and overdue as the clock moves on; sorted by a column both
 * ways; "nothing found" told apart from an empty journal; the filters kept over a reload;
 * exported to CSV and XLSX (the files read back and compared with the screen); and the print
 * link's address. One server and one browser for the file; the tests run in order.
 *
 * Screens are photographed in Kazakh and Russian into test-results/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CalendarYearInput } from '../../src/domain/calendar';
import { calendarWithYears } from '../../src/domain/calendar/editions';
import { caseDeadline } from '../../src/domain/case/deadline';
import { CATALOG } from '../../src/domain/catalog';
import { formatDateKz, formatDateTimeKz } from '../../src/domain/time';
import { type Applicant, AppPage, CasePage, IntakePage } from './pages/app';
import { JournalPage, type JournalRow } from './pages/journal';
import { launchChromium } from './support/browser';
import { readCase, readMeta } from './support/device';
import { makeIin } from './support/iins';
import { freePort, ServerProcess } from './support/server';
import { kk, ru } from './support/texts';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results');

/** Almaty wall-clock times of the device (UTC+5). */
const MONDAY_2_NOV = new Date('2026-11-02T10:00:00+05:00');
const MONDAY_9_NOV = new Date('2026-11-09T11:00:00+05:00');
const MONDAY_21_DEC = new Date('2026-12-21T10:00:00+05:00');

const PEOPLE = {
  gulnaz: {
    iin: makeIin('850412', 4, 1201),
    surname: 'Сейітқалиева',
    givenName: 'Гүлназ',
    patronymic: 'Бауыржанқызы',
  },
  erlan: {
    iin: makeIin('790305', 3, 2302),
    surname: 'Омаров',
    givenName: 'Ерлан',
    patronymic: 'Серікұлы',
  },
  aigul: {
    iin: makeIin('901115', 4, 3403),
    surname: 'Әбенова',
    givenName: 'Айгүл',
    patronymic: 'Ерланқызы',
  },
  pyotr: {
    iin: makeIin('680203', 3, 4504),
    surname: 'Жуков',
    givenName: 'Пётр',
    patronymic: 'Иванович',
  },
  askar: {
    iin: makeIin('010712', 5, 5605),
    surname: 'Ыбыраев',
    givenName: 'Асқар',
    patronymic: 'Маратұлы',
  },
  dana: {
    iin: makeIin('921220', 4, 6706),
    surname: 'Нұрланова',
    givenName: 'Дана',
    patronymic: '',
  },
} satisfies Record<string, Applicant>;

const fullName = (p: Applicant) => [p.surname, p.givenName, p.patronymic].filter(Boolean).join(' ');

describe('the journal of registered applications', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let app: AppPage;
  let journal: JournalPage;
  /** registration numbers by person */
  const numbers: Record<string, string> = {};

  async function shoot(name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `journal-${name}-kk.png`), fullPage: true });
    await app.switchLanguage('ru');
    await page.screenshot({ path: join(ARTIFACTS, `journal-${name}-ru.png`), fullPage: true });
    await app.switchLanguage('kk');
  }

  async function register(key: keyof typeof PEOPLE, serviceId: string): Promise<string> {
    await app.goto('intake');
    const n = await new IntakePage(page).register(serviceId, PEOPLE[key]);
    numbers[key] = n;
    return n;
  }

  async function openJournal(): Promise<void> {
    await app.goto('journal');
    await journal.waitReady();
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = new ServerProcess(await freePort());
    await server.start();
    browser = await launchChromium();
    context = await browser.newContext({
      locale: 'kk-KZ',
      timezoneId: 'Asia/Almaty',
      acceptDownloads: true,
    });
    // The device's clock, moved on as the weeks pass (the server keeps its own).
    await context.clock.install({ time: MONDAY_2_NOV });
    page = await context.newPage();
    app = new AppPage(page);
    journal = new JournalPage(page);
    await app.open(server.url);
    await app.waitForServiceWorker();
    await app.enroll(await server.enrollCode('akt-01', 'akimat'));
    await app.signIn(kk.roles.akimat_specialist, '111111');
    // The office works offline: nothing here needs the district.
    await context.setOffline(true);
  });

  afterAll(async () => {
    await page
      ?.screenshot({ path: join(ARTIFACTS, 'last-journal.png'), fullPage: true })
      .catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('says the journal is empty and offers to register the first application', async () => {
    await openJournal();
    await journal.empty().waitFor();
    await expect(journal.registerFirst().getAttribute('href')).resolves.toBe('#/intake');
    await expect(journal.nothingFound().count()).resolves.toBe(0);
    await shoot('empty');
  });

  it('finds a case by a middle part of its number, of an IIN and of a patronymic', async () => {
    await register('gulnaz', '003-06');
    await register('erlan', '003-13');
    await register('aigul', '003-06');
    await new CasePage(page).cancel('withdrawn', 'Азамат өтінішін қайтарып алды');
    await context.clock.setSystemTime(MONDAY_9_NOV);
    await register('pyotr', '003-06');
    await register('askar', '004-01');

    await openJournal();
    // Newest first, every case.
    expect(await journal.regNumbers()).toEqual(
      ['askar', 'pyotr', 'aigul', 'erlan', 'gulnaz'].map((k) => numbers[k]),
    );
    expect(await journal.countText()).toBe('Табылды: 5 (журналда барлығы 5)');

    // A middle part of a number: neither its beginning nor its end.
    const pyotr = numbers.pyotr ?? '';
    expect(pyotr).toMatch(/^01-26-\d{2}-0004$/);
    const middle = pyotr.slice(3, 11);
    await journal.search(middle);
    const holding = Object.values(numbers).filter((n) => n.includes(middle));
    expect((await journal.regNumbers()).sort()).toEqual(holding.sort());
    expect(holding.length).toBeGreaterThan(0);
    await journal.search(pyotr.slice(4, -2));
    expect((await journal.regNumbers()).length).toBe(5);
    await journal.search(`-${pyotr.slice(-4)}`);
    expect(await journal.regNumbers()).toEqual([pyotr]);

    // A middle part of an IIN.
    await journal.search(PEOPLE.askar.iin.slice(3, 9));
    expect(await journal.regNumbers()).toEqual([numbers.askar]);
    const [row] = await journal.rows();
    expect(row?.applicant).toBe(`${fullName(PEOPLE.askar)} ${PEOPLE.askar.iin}`);

    // A middle part of a patronymic, typed in capitals.
    await journal.search('ЖАНҚЫЗ');
    expect(await journal.regNumbers()).toEqual([numbers.gulnaz]);
    // ё typed as е, and two words that must both be found.
    await journal.search('петр');
    expect(await journal.regNumbers()).toEqual([numbers.pyotr]);
    await journal.search('ерлан омар');
    expect(await journal.regNumbers()).toEqual([numbers.erlan]);
    await journal.search('ерлан');
    expect(await journal.regNumbers()).toEqual([numbers.aigul, numbers.erlan]);
  });

  it('filters by service, status, period and overdue, each in the clerk’s words', async () => {
    await journal.search('');
    await journal.chooseService('003-06');
    expect(await journal.regNumbers()).toEqual([numbers.pyotr, numbers.aigul, numbers.gulnaz]);
    expect(await journal.countText()).toBe('Табылды: 3 (журналда барлығы 5)');
    await journal.chooseStatus('cancelled');
    expect(await journal.regNumbers()).toEqual([numbers.aigul]);
    expect((await journal.rows())[0]?.status).toBe(kk.status.cancelled);
    await journal.chooseService(null);
    await journal.chooseStatus('at_village');
    expect(await journal.regNumbers()).toEqual(
      ['askar', 'pyotr', 'erlan', 'gulnaz'].map((k) => numbers[k]),
    );
    await journal.chooseStatus(null);

    // The registration period, both days included.
    await journal.period('2026-11-09', '2026-11-09');
    expect(await journal.regNumbers()).toEqual([numbers.askar, numbers.pyotr]);
    await journal.period('2026-11-01', '2026-11-03');
    expect(await journal.regNumbers()).toEqual(['aigul', 'erlan', 'gulnaz'].map((k) => numbers[k]));
    await expect(journal.printHref()).resolves.toBe(
      '#/print/journal?from=2026-11-01&to=2026-11-03&lang=kk&size=a4',
    );
    // An end before the start: said in words, not applied, nothing to print.
    await journal.period('2026-11-09', '2026-11-02');
    await journal.periodProblem().waitFor();
    expect(await journal.regNumbers()).toHaveLength(5);
    await expect(
      page.getByRole('button', { name: kk.journalView.print }).isDisabled(),
    ).resolves.toBe(true);
    await journal.chooseService('003-06');
    await shoot('period-reversed');
    await journal.chooseService(null);
    await journal.period(null, null);
    await expect(journal.periodProblem().count()).resolves.toBe(0);

    // Overdue on 9 November: 003-13 is to be forwarded the next working day after 2 November.
    // Every mark is the deadline engine's colour for the case as the device holds it.
    await expectMarksFromEngine(MONDAY_9_NOV);
    await journal.overdueOnly(true);
    expect(await journal.regNumbers()).toEqual([numbers.erlan]);
    expect((await journal.rows())[0]?.mark).toBe(kk.deadline.overdue);
    await shoot('overdue');
    await journal.overdueOnly(false);
  });

  it('sorts by a column both ways', async () => {
    await expect(journal.sortBy('applicant')).resolves.toBe('ascending');
    const byName = ['aigul', 'pyotr', 'erlan', 'gulnaz', 'askar'].map((k) => numbers[k]);
    expect(await journal.regNumbers()).toEqual(byName);
    await expect(journal.sortBy('applicant')).resolves.toBe('descending');
    expect(await journal.regNumbers()).toEqual([...byName].reverse());
    await expect(journal.sortBy('number')).resolves.toBe('ascending');
    expect(await journal.regNumbers()).toEqual(
      ['gulnaz', 'erlan', 'aigul', 'pyotr', 'askar'].map((k) => numbers[k]),
    );
    await expect(journal.sortBy('due')).resolves.toBe('ascending');
    const dues = (await journal.rows()).map((r) => r.resultDue.split('.').reverse().join('-'));
    expect(dues).toEqual([...dues].sort());
    await expect(journal.sortBy('date')).resolves.toBe('descending');
  });

  it('tells "nothing found" from an empty journal, clears the filters, and keeps them over a reload', async () => {
    await journal.search('Мұндай адам жоқ');
    await journal.nothingFound().waitFor();
    await expect(journal.empty().count()).resolves.toBe(0);
    await expect(journal.registerFirst().count()).resolves.toBe(0);
    expect(await journal.regNumbers()).toEqual([]);
    await shoot('nothing-found');
    await journal.clearFilters();
    expect(await journal.regNumbers()).toHaveLength(5);

    await journal.chooseService('003-06');
    await journal.sortBy('applicant');
    const before = await journal.regNumbers();
    expect(before).toEqual(['aigul', 'pyotr', 'gulnaz'].map((k) => numbers[k]));
    await page.reload();
    await journal.waitReady();
    await journal.settle();
    expect(await journal.regNumbers()).toEqual(before);
    await expect(
      page.getByLabel(kk.journalView.service, { exact: true }).inputValue(),
    ).resolves.toBe('003-06');
    await expect(
      page.getByRole('columnheader', { name: kk.case.applicant }).getAttribute('aria-sort'),
    ).resolves.toBe('ascending');
    await journal.clearFilters();
  });

  it('exports exactly the rows shown to CSV and XLSX, read back', async () => {
    await journal.chooseStatus('at_village');
    // Still sorted by the applicant, as the last test left it: clearing filters keeps the sort.
    await expect(
      page.getByRole('columnheader', { name: kk.case.applicant }).getAttribute('aria-sort'),
    ).resolves.toBe('ascending');
    const shown = await journal.rows();
    expect(shown.map((r) => r.regNumber)).toEqual(
      ['pyotr', 'erlan', 'gulnaz', 'askar'].map((k) => numbers[k]),
    );

    const csvFile = await (await journal.export('csv')).path();
    const csv = readFileSync(csvFile, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const csvRows = parseCsv(csv.slice(1));
    expect(csvRows[0]).toEqual([
      kk.journalView.deadline,
      kk.case.regNumber,
      kk.case.registeredAt,
      kk.case.applicant,
      kk.journalView.iin,
      kk.case.service,
      kk.case.resultDue,
      kk.case.status,
    ]);
    expect(csvRows.slice(1)).toEqual(shown.map(asFileRow));

    const xlsxFile = await (await journal.export('xlsx')).path();
    const sheet = await readSheet(xlsxFile);
    expect(sheet[0]).toEqual(csvRows[0]);
    expect(sheet).toHaveLength(shown.length + 1);
    sheet.slice(1).forEach((cells, i) => {
      const row = shown[i] as JournalRow;
      const [mark, regNumber, registeredAt, applicant, iin, service, resultDue, status] = cells;
      expect({ mark, regNumber, applicant, iin, service, status }).toEqual({
        mark: row.mark,
        regNumber: row.regNumber,
        applicant: asFileRow(row)[3],
        iin: asFileRow(row)[4],
        service: row.service,
        status: row.status,
      });
      // Real dates, at the wall-clock time the screen shows.
      expect(registeredAt).toBeInstanceOf(Date);
      expect(resultDue).toBeInstanceOf(Date);
      expect(formatDateTimeKz(isoOf(registeredAt).slice(0, 16))).toBe(row.registeredAt);
      expect(formatDateKz(isoOf(resultDue).slice(0, 10))).toBe(row.resultDue);
    });

    // Headers in the interface's language.
    await app.switchLanguage('ru');
    await journal.settle();
    const ruSheet = await readSheet(await (await journal.export('xlsx')).path());
    expect(ruSheet[0]).toEqual([
      ru.journalView.deadline,
      ru.case.regNumber,
      ru.case.registeredAt,
      ru.case.applicant,
      ru.journalView.iin,
      ru.case.service,
      ru.case.resultDue,
      ru.case.status,
    ]);
    expect(ruSheet[1]?.[7]).toBe(ru.status.registered);
    await app.switchLanguage('kk');
    await journal.clearFilters();
  });

  it('prints the journal pages of the period chosen, or of this month to today', async () => {
    await journal.period('2026-11-02', '2026-11-09');
    await expect(journal.printHref()).resolves.toBe(
      '#/print/journal?from=2026-11-02&to=2026-11-09&lang=kk&size=a4',
    );
    await app.switchLanguage('ru');
    await expect(
      page.getByRole('link', { name: ru.journalView.print }).getAttribute('href'),
    ).resolves.toBe('#/print/journal?from=2026-11-02&to=2026-11-09&lang=ru&size=a4');
    await app.switchLanguage('kk');
    await journal.period(null, null);
    await expect(journal.printHref()).resolves.toBe(
      '#/print/journal?from=2026-11-01&to=2026-11-09&lang=kk&size=a4',
    );
  });

  it('shows every open case overdue weeks later, never a finished one, and a new case on time', async () => {
    await context.clock.setSystemTime(MONDAY_21_DEC);
    await register('dana', '003-06');
    await openJournal();
    await expectMarksFromEngine(MONDAY_21_DEC);
    const marks = Object.fromEntries((await journal.rows()).map((r) => [r.regNumber, r.mark]));
    expect(marks[numbers.dana ?? '']).toBe(kk.deadline.on_time);
    expect(marks[numbers.aigul ?? '']).toBe(kk.deadline.done);
    await journal.overdueOnly(true);
    expect((await journal.regNumbers()).sort()).toEqual(
      ['gulnaz', 'erlan', 'pyotr', 'askar'].map((k) => numbers[k]).sort(),
    );
    await journal.overdueOnly(false);
    await shoot('marks');
  });

  /** Each row's mark is the deadline engine's colour for its case, as of `asOf`. */
  async function expectMarksFromEngine(asOf: Date): Promise<void> {
    const years = await readMeta<Record<string, CalendarYearInput>>(page, 'calendarYears');
    const calendar = calendarWithYears(years ?? {});
    const local = new Date(asOf.getTime() + 5 * 3_600_000).toISOString().slice(0, 16);
    const rows = await journal.rows();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const state = await readCase(page, row.regNumber);
      const channel = CATALOG.services.find((s) => s.id === state.serviceId)?.channels[
        state.channel
      ];
      if (!channel) throw new Error(`${state.serviceId} has no ${state.channel} channel`);
      const { colour } = caseDeadline(calendar, state, channel, local);
      expect(row.mark, row.regNumber).toBe(kk.deadline[colour]);
    }
  }
});

/** A row of the screen as the files have it: the name and the IIN in columns of their own. */
function asFileRow(row: JournalRow): string[] {
  const iin = /(\d{12})$/.exec(row.applicant)?.[1] ?? '';
  const name = row.applicant.slice(0, row.applicant.length - iin.length).trim();
  return [
    row.mark,
    row.regNumber,
    row.registeredAt,
    name,
    iin,
    row.service,
    row.resultDue,
    row.status,
  ];
}

/**
 * A spreadsheet date as the wall-clock date-time it stands for (Excel dates have no zone), to
 * the nearest minute: a date is a fraction of days, and 11:00 comes back as 10:59:59.9995 — a
 * spreadsheet rounds it to 11:00 on display; the reader here does not.
 */
function isoOf(value: unknown): string {
  if (!(value instanceof Date)) throw new Error(`not a date: ${String(value)}`);
  const minute = Math.round(value.getTime() / 60_000) * 60_000;
  expect(Math.abs(minute - value.getTime())).toBeLessThan(1_000);
  return new Date(minute).toISOString();
}

/** Semicolon-separated values with quoted fields, CRLF lines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}
