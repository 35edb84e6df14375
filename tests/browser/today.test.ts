/**
 * The village office's day (issue 13, "Today"), in a real Chromium against the real server, a
 * village device and a district device syncing for real, with the pages' clocks moved ahead as
 * the office's days pass (Playwright's clock, installed before the app loads):
 *
 * - a fresh office opens on Today, which says what to do first; the district keeps its desk;
 * - two files to forward turn due soon, then overdue; the counts in the sections and beside
 *   "Бүгін" follow; the transfer list and the case show the same colours; a file forwarded late
 *   is "completed late" in its stage table, never overdue now;
 * - a file the district returned appears with its reason, and its applicant to call, with the
 *   phone number; a certificate signed at the village waits for the citizen with its days,
 *   flagged uncollected after a month; every mark's text passes WCAG AA contrast;
 * - the district administrator sets the village's closing time (a bad one is refused with its
 *   reason and saves nothing); a submission after the new closing time gets a talon date one
 *   working day later, as the deadline engine counts it with those hours.
 *
 * One server and one browser for the file; the tests run in order and share the devices. Screens
 * are photographed in Kazakh and Russian into test-results/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../src/domain/calendar';
import { findService } from '../../src/domain/catalog';
import { resultDueFor } from '../../src/domain/deadline';
import { DEFAULT_OFFICE_HOURS } from '../../src/domain/hours';
import { formatDateKz } from '../../src/domain/time';
import { AppPage, CasePage, IntakePage } from './pages/app';
import { officeTime, TodayPage } from './pages/today';
import { launchChromium } from './support/browser';
import { readCase } from './support/device';
import { makeIin } from './support/iins';
import { freePort, ServerProcess } from './support/server';
import { kk } from './support/texts';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results');

/** WCAG's contrast ratio of two CSS `rgb(…)` colours. */
function contrast(fg: string, bg: string): number {
  const luminance = (css: string) => {
    const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => {
      const c = Number(v) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  };
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

/** The deadline marks on the page: colour, words and the contrast of their text. */
function marksOn(page: Page) {
  return page.$$eval('.deadline-mark', (els) =>
    els.map((el) => {
      const style = getComputedStyle(el);
      return {
        colour: el.getAttribute('data-deadline') ?? '',
        text: el.textContent ?? '',
        fg: style.color,
        bg: style.backgroundColor,
      };
    }),
  );
}

describe('Today: the village office’s day', () => {
  let server: ServerProcess;
  let browser: Browser;
  let village: BrowserContext;
  let district: BrowserContext;
  let vPage: Page;
  let dPage: Page;
  let v: AppPage;
  let d: AppPage;
  let today: TodayPage;

  // Monday 6 April 2026: A and B are registered at 10:00; each must reach the district within 13
  // working days (7–10, 13–17, 20–23 April), by Thursday 23 April.
  const a = {
    iin: makeIin('880412', 4, 6100),
    surname: 'Әлиева',
    givenName: 'Дана',
    phone: '+7 701 555 12 34',
  };
  const b = { iin: makeIin('790603', 3, 6200), surname: 'Бекболатов', givenName: 'Арман' };
  const c = { iin: makeIin('920117', 4, 6300), surname: 'Сейітова', givenName: 'Мәдина' };
  let nA = '';
  let nB = '';
  let nC = '';
  /** every colour whose marks were checked for words and contrast */
  const checked = new Set<string>();

  /** Every mark on the screen says its colour in words, and its text is readable on it. */
  async function checkMarks(page: Page): Promise<void> {
    const marks = await marksOn(page);
    expect(marks.length).toBeGreaterThan(0);
    for (const mark of marks) {
      expect(mark.text).toContain(kk.deadline[mark.colour as keyof typeof kk.deadline]);
      expect(contrast(mark.fg, mark.bg), JSON.stringify(mark)).toBeGreaterThanOrEqual(4.5);
      checked.add(mark.colour);
    }
  }

  /** Both devices' clocks to the same local time of the office. */
  async function dayPasses(local: string): Promise<void> {
    await new TodayPage(vPage).moveClockTo(local);
    await new TodayPage(dPage).moveClockTo(local);
  }

  /** A screen in Kazakh, then in Russian, then back to Kazakh. */
  async function shoot(app: AppPage, name: string): Promise<void> {
    await app.page.screenshot({ path: join(ARTIFACTS, `${name}-kk.png`), fullPage: true });
    await app.switchLanguage('ru');
    await app.page.screenshot({ path: join(ARTIFACTS, `${name}-ru.png`), fullPage: true });
    await app.switchLanguage('kk');
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = new ServerProcess(await freePort());
    await server.start();
    browser = await launchChromium();
    const context = () =>
      browser.newContext({
        locale: 'kk-KZ',
        timezoneId: 'Asia/Almaty',
        viewport: { width: 1280, height: 900 },
      });
    village = await context();
    district = await context();
    for (const ctx of [village, district]) {
      await ctx.clock.install({ time: officeTime('2026-04-06T09:55') });
    }
    vPage = await village.newPage();
    dPage = await district.newPage();
    v = new AppPage(vPage);
    d = new AppPage(dPage);
    today = new TodayPage(vPage);
  });

  afterAll(async () => {
    await vPage
      ?.screenshot({ path: join(ARTIFACTS, 'last-today-village.png'), fullPage: true })
      .catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('opens a fresh village office on Today, which says what to do first; the district keeps its desk', async () => {
    await v.open(server.url);
    await v.waitForServiceWorker();
    await v.enroll(await server.enrollCode('akt-01', 'akimat'));
    await v.signIn(kk.roles.akimat_specialist, '111111');
    await vPage.getByRole('heading', { level: 1, name: kk.today.title }).waitFor();
    const first = vPage.getByTestId('today-first');
    await first.waitFor();
    await expect(first.textContent()).resolves.toContain(kk.today.firstIntake);
    await expect(
      first.getByRole('link', { name: kk.today.firstStart }).getAttribute('href'),
    ).resolves.toBe('#/intake');
    await shoot(v, 'today-first-steps');

    await d.open(server.url);
    await d.enroll(await server.enrollCode('akt-district', 'district'));
    await d.signIn(kk.roles.district_executor, '333333');
    await dPage.getByRole('heading', { level: 1, name: kk.district.title }).waitFor();
    await expect(
      dPage.getByRole('navigation').getByRole('link', { name: kk.nav.today }).count(),
    ).resolves.toBe(0);
  });

  it('files to forward turn due soon, then overdue; the counts follow', async () => {
    const intake = new IntakePage(vPage);
    await dayPasses('2026-04-06T10:00');
    await v.goto('intake');
    nA = await TodayPage.register(intake, '003-06', a);
    await v.goto('intake');
    nB = await TodayPage.register(intake, '003-06', b);

    await today.open();
    expect(await today.count('forward')).toBe(2);
    expect(await today.count('overdue')).toBe(0);
    expect(await today.mark('forward', nA)).toBe('on_time');
    await expect(today.row('forward', nA).textContent()).resolves.toContain(
      `${kk.deadline.on_time} · ${formatDateKz('2026-04-23')} дейін`,
    );
    await expect(vPage.getByTestId('today-attention').textContent()).resolves.toBe(
      kk.today.nothingUrgent,
    );
    expect(await today.navCount()).toBe(0);
    await checkMarks(vPage);

    // The working day before the due: both due soon, on the screen left open and in the nav.
    await dayPasses('2026-04-22T09:30');
    await expect.poll(() => today.mark('forward', nA)).toBe('due_soon');
    expect(await today.mark('forward', nB)).toBe('due_soon');
    await expect.poll(() => today.navCount()).toBe(2);
    await checkMarks(vPage);
    await shoot(v, 'today-due-soon');

    // The day after the due: overdue, by one day, at the village.
    await dayPasses('2026-04-24T09:30');
    await expect.poll(() => today.count('overdue')).toBe(2);
    expect(await today.mark('forward', nA)).toBe('overdue');
    const late = today.row('overdue', nA);
    await expect(late.textContent()).resolves.toContain('1 күн кешікті');
    await expect(late.textContent()).resolves.toContain(kk.place.village);
    await expect(late.textContent()).resolves.toContain(
      `Күтілуде: ${kk.waiting.batch_sent} (${kk.roles.akimat_specialist}, ${kk.roles.akim}).`,
    );
    await expect.poll(() => today.navCount()).toBe(2);

    // The transfer list says the same; A goes to the district (late), B stays.
    await v.goto('transfer');
    const ready = vPage.getByRole('region', { name: kk.transfer.ready });
    await expect(
      ready
        .getByRole('listitem')
        .filter({ hasText: nA })
        .locator('[data-deadline]')
        .getAttribute('data-deadline'),
    ).resolves.toBe('overdue');
    await ready.getByRole('listitem').filter({ hasText: nA }).getByRole('checkbox').check();
    await vPage.getByRole('button', { name: /Тізіліммен жіберу/ }).click();
    await vPage.getByRole('link', { name: kk.transfer.printRegister }).waitFor();
    await v.waitAllSent();
    await today.open();
    expect(await today.count('forward')).toBe(1);
    expect(await today.count('overdue')).toBe(1);
    await expect(today.row('overdue', nB).count()).resolves.toBe(1);
    await expect.poll(() => today.navCount()).toBe(1);

    // On A's case the forward step is history, completed late, not overdue now; the colour is
    // the district's review (5 working days from 24 April), on time.
    await today.row('forward', nB).waitFor();
    await v.openCase(nA);
    const forward = vPage.locator('tr[data-step="register_forward"] [data-testid="step-state"]');
    await expect(forward.textContent()).resolves.toContain(kk.stages.completedLate);
    await expect(forward.locator('[data-deadline]').count()).resolves.toBe(0);
    await expect(
      vPage.getByTestId('case-deadline').locator('[data-deadline]').getAttribute('data-deadline'),
    ).resolves.toBe('on_time');
    await shoot(v, 'today-case-completed-late');
  });

  it('shows a file the district returned, with its reason, and the applicant to call', async () => {
    await d.syncNow();
    await d.openCase(nA);
    const reason = 'Баланың туу туралы куәлігінің көшірмесі анық емес.';
    await new CasePage(dPage).returnFile([], reason);
    await d.waitAllSent();

    await v.syncNow();
    await today.open();
    await expect.poll(() => today.count('returned')).toBe(1);
    const returned = today.row('returned', nA);
    await expect(returned.textContent()).resolves.toContain(reason);
    const call = today.section('call').getByTestId('call-row').filter({ hasText: a.surname });
    await expect(call.textContent()).resolves.toContain(kk.today.callDocuments);
    await expect(
      call.getByRole('link', { name: `${kk.today.phone} ${a.phone}` }).getAttribute('href'),
    ).resolves.toBe('tel:+77015551234');
    // A returned file waits for documents before it can be forwarded again.
    await expect(today.row('forward', nA).count()).resolves.toBe(0);
  });

  it('a result waiting for the citizen shows its days, and is uncollected after a month', async () => {
    await dayPasses('2026-04-24T09:40');
    await v.goto('intake');
    nC = await TodayPage.register(new IntakePage(vPage), '003-16', c);
    await v.signOut();
    await v.signIn(kk.roles.akim, '222222');
    // The next person starts on Today.
    await vPage.getByRole('heading', { level: 1, name: kk.today.title }).waitFor();
    await v.openCase(nC);
    await new CasePage(vPage).sign(true);
    await v.signOut();
    await v.signIn(kk.roles.akimat_specialist, '111111');
    await today.open();
    expect(await today.count('waiting')).toBe(1);
    await expect(today.row('waiting', nC).getByTestId('days-waiting').textContent()).resolves.toBe(
      kk.today.waitingToday,
    );
    const call = today.section('call').getByTestId('call-row').filter({ hasText: c.surname });
    await expect(call.textContent()).resolves.toContain(kk.today.noPhone);
    await expect(call.textContent()).resolves.toContain(kk.today.callResult);

    await dayPasses('2026-04-27T09:00');
    await expect
      .poll(() => today.row('waiting', nC).getByTestId('days-waiting').textContent())
      .toBe('3 күн күтуде');
    await expect(today.row('waiting', nC).getByTestId('uncollected').count()).resolves.toBe(0);

    await dayPasses('2026-05-25T09:00');
    await expect
      .poll(() => today.row('waiting', nC).getByTestId('days-waiting').textContent())
      .toBe('31 күн күтуде');
    await expect(
      today.row('waiting', nC).getByTestId('uncollected').textContent(),
    ).resolves.toContain(`${formatDateKz('2026-05-24')} бастап`);
    await shoot(v, 'today');
    await checkMarks(vPage);

    // Handed out, the case is done: the results screen's closed list says so.
    await v.goto('results');
    await vPage.getByRole('button', { name: `${kk.results.handOutToApplicant} ${nC}` }).click();
    await new CasePage(vPage).confirm();
    const closed = vPage.getByRole('region', { name: new RegExp(kk.results.closed) });
    await expect(
      closed
        .getByRole('listitem')
        .filter({ hasText: nC })
        .locator('[data-deadline]')
        .getAttribute('data-deadline'),
    ).resolves.toBe('done');
    await checkMarks(vPage);
    expect([...checked].sort()).toEqual(['done', 'due_soon', 'on_time', 'overdue']);
    await today.open();
    expect(await today.count('waiting')).toBe(0);
  });

  it('office hours set by the administrator move the talon date of a submission after closing', async () => {
    // Tuesday 26 May 2026, 16:30: within the default hours, after a 16:00 closing. After closing
    // it counts from the next working day, Thursday 28 May (27 May is Kurban ait).
    await dayPasses('2026-05-26T16:30');
    const channel = findService('003-06')?.channels.akim;
    if (!channel) throw new Error('003-06 has no akim channel');
    const byDefault = resultDueFor(DEFAULT_CALENDAR, channel, '2026-05-26T16:30');
    const closesAtFour = { ...DEFAULT_OFFICE_HOURS, close: '16:00' };
    const afterClosing = resultDueFor(DEFAULT_CALENDAR, channel, '2026-05-26T16:31', {
      businessHours: closesAtFour,
    });
    // 22 working days counted from the day after the 26th, or after the 28th: the next
    // working day's date, Monday 29 June instead of Friday 26 June.
    expect([byDefault, afterClosing]).toEqual(['2026-06-26', '2026-06-29']);

    // Before the change, the office keeps the default hours.
    await v.goto('intake');
    const before = await TodayPage.register(new IntakePage(vPage), '003-06', {
      iin: makeIin('850505', 3, 6400),
      surname: 'Оспанов',
      givenName: 'Ерлан',
    });
    expect((await readCase(vPage, before)).resultDue).toBe(byDefault);

    // The administrator: a closing before opening is refused with its reason, and nothing is
    // saved; 16:00 is saved.
    await d.signOut();
    await d.signIn(kk.roles.district_admin, '555555');
    await d.goto('admin');
    const hours = dPage.getByRole('region', { name: kk.officeHours.title });
    await hours.getByLabel(kk.officeHours.office).selectOption('akt-01');
    await hours.getByLabel(kk.officeHours.close).fill('4:00');
    await hours
      .getByRole('alert')
      .filter({ hasText: kk.officeHours.problems['time-invalid'] })
      .waitFor();
    await hours.getByLabel(kk.officeHours.close).fill('08:00');
    await hours
      .getByRole('alert')
      .filter({ hasText: kk.officeHours.problems['close-before-open'] })
      .waitFor();
    await expect(
      hours.getByRole('button', { name: kk.officeHours.save }).isDisabled(),
    ).resolves.toBe(true);
    await shoot(d, 'today-office-hours-refused');
    await hours.getByLabel(kk.officeHours.close).fill('16:00');
    await expect(hours.getByRole('alert').count()).resolves.toBe(0);
    await hours.getByRole('button', { name: kk.officeHours.save }).click();
    await hours.getByRole('status').filter({ hasText: kk.admin.saved }).waitFor();
    // The list shows the hours once the refetched reference data is stored, a moment after
    // the server's answer said "saved".
    await expect
      .poll(() =>
        hours.getByLabel(kk.officeHours.office).locator('option[value="akt-01"]').textContent(),
      )
      .toContain('09:00–16:00');

    // The village receives them with its next sync; a submission a minute later counts from
    // the next working day.
    await v.syncNow();
    await v.waitAllSent();
    await expect
      .poll(() =>
        vPage.evaluate(
          () =>
            new Promise<string | undefined>((resolve, reject) => {
              const open = indexedDB.open('qabyldau');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const get = open.result.transaction('offices').objectStore('offices').get('akt-01');
                get.onsuccess = () => {
                  open.result.close();
                  resolve((get.result as { hours?: { close: string } } | undefined)?.hours?.close);
                };
              };
            }),
        ),
      )
      .toBe('16:00');
    await v.goto('intake');
    const after = await TodayPage.register(new IntakePage(vPage), '003-06', {
      iin: makeIin('860606', 4, 6500),
      surname: 'Нұрланова',
      givenName: 'Айгүл',
    });
    const row = await readCase(vPage, after);
    // The clock ran on while the administrator worked: still that afternoon, after 16:00.
    expect(row.registeredAt).toMatch(/^2026-05-26T16:[3-5]\d$/);
    expect(row.resultDue).toBe(afterClosing);
    await expect(vPage.getByTestId('case-result-due').textContent()).resolves.toBe(
      formatDateKz(afterClosing),
    );
  });
});
