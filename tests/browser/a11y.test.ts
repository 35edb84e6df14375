/**
 * Accessibility of every screen, in a real Chromium against the real server with the demo's
 * office days of work in it (made by `demo-activity` through the real commands and sync), so the
 * screens show what a working office has: deadline marks of every colour, returned files, drafts
 * to review, results to hand out, papers of every kind.
 *
 * - axe (serious and critical violations) on every screen in Kazakh, and the main ones in
 *   Russian: enrollment, sign-in, Today, the intake form empty, filled, with its problems shown
 *   and with a confirmation open, the journal, cases in every state, transfer, results, the
 *   status question, the catalog, sync, each paper a case offers (`#/print/…`), the citizen's
 *   status page (`/s/…`) with its answer; the district desk as executor, head and sector head,
 *   reports, and the administrator's panels;
 * - the keyboard alone: the skip link to the main content, a visible focus on every stop, Today
 *   → intake → journal → case with Tab, Enter, Space and the arrow keys, and a confirmation
 *   that keeps the focus inside and closes with Escape.
 *
 * One server and one browser for the file; the tests run in order and share the devices.
 * Screens are photographed in Kazakh and Russian into test-results/a11y/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRow } from '../../src/db/schema';
import { STATUS_LABELS } from '../../src/domain/public-status-texts';
import type { DemoActivitySummary } from '../../sync-server/demo/summary';
import { AppPage, IntakePage } from './pages/app';
import { JournalPage } from './pages/journal';
import { describeViolations, seriousViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { makeIin } from './support/iins';
import { freePort, ServerProcess } from './support/server';
import { kk, ru } from './support/texts';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results', 'a11y');

/** Every case on the device: number, state, IIN, office. */
function casesOn(page: Page): Promise<Pick<CaseRow, 'id' | 'regNumber' | 'status' | 'iin'>[]> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('qabyldau');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('cases').objectStore('cases').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(
              (request.result as CaseRow[]).map((c) => ({
                id: c.id,
                regNumber: c.regNumber,
                status: c.status,
                iin: c.iin,
              })),
            );
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/** What the focused element is, and whether a focus mark is drawn around it. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      html: el.outerHTML.slice(0, 160),
      text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 80),
      href: el.getAttribute('href'),
      isFocusVisible: el.matches(':focus-visible'),
      // A date field's focus is in one of its parts (day, month, year), which Chromium paints
      // with the selection's colour itself.
      hasMark:
        (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2) ||
        style.boxShadow !== 'none' ||
        (el instanceof HTMLInputElement && (el.type === 'date' || el.type === 'time')),
      inMain: Boolean(el.closest('main')),
      inDialog: Boolean(el.closest('dialog')),
    };
  });
}

describe('accessibility: axe on every screen, and the keyboard alone', () => {
  let server: ServerProcess;
  let browser: Browser;
  let village: BrowserContext;
  let district: BrowserContext;
  let vPage: Page;
  let dPage: Page;
  let v: AppPage;
  let d: AppPage;
  let demo: DemoActivitySummary;
  let villageCases: Awaited<ReturnType<typeof casesOn>> = [];
  /** screens whose axe report was read, by name */
  const checked: string[] = [];

  /**
   * Runs axe on the page as it is: no serious or critical violation (a soft assertion, so one
   * run names every screen at fault). The page is photographed, and in Russian too when asked.
   */
  async function check(app: AppPage, name: string, langs: ('kk' | 'ru')[] = ['kk']) {
    const page = app.page;
    for (const lang of langs) {
      if (lang === 'ru') await app.switchLanguage('ru');
      await settle(page);
      const violations = await seriousViolations(page);
      expect.soft(describeViolations(violations), `${name} (${lang})`).toBe('');
      await page.screenshot({ path: join(ARTIFACTS, `${name}-${lang}.png`), fullPage: true });
      checked.push(`${name}-${lang}`);
    }
    if (langs.includes('ru')) {
      await app.switchLanguage('kk');
      await settle(page);
    }
  }

  /** Until nothing on the page is still loading (a lazy screen, a live read). */
  async function settle(page: Page): Promise<void> {
    await page.waitForFunction(
      () =>
        document.querySelector('main') !== null &&
        document.querySelector('[aria-busy="true"]') === null,
    );
  }

  /** Opens a screen from the navigation and waits for its heading. */
  async function open(app: AppPage, section: keyof typeof kk.nav, heading: string) {
    await app.page
      .getByRole('navigation')
      .getByRole('link', { name: new RegExp(`^${kk.nav[section]}`) })
      .click();
    await app.page.getByRole('heading', { level: 1, name: heading }).waitFor();
  }

  async function openCase(app: AppPage, caseId: string, regNumber: string) {
    await app.page.goto(`${server.url}/#/case/${caseId}`);
    await app.page
      .getByRole('heading', { level: 1, name: `${kk.case.title} ${regNumber}` })
      .waitFor();
  }

  async function signInAs(app: AppPage, role: keyof typeof kk.roles, pin: string) {
    await app.page.goto(`${server.url}/#/`);
    if (await app.page.getByRole('button', { name: kk.signIn.signOut }).isVisible()) {
      await app.signOut();
    }
    await app.signIn(kk.roles[role], pin);
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = new ServerProcess(await freePort());
    await server.start();
    demo = JSON.parse(
      await server.cli(['demo-activity', '--days', '4', '--seed', '11', '--json']),
    ) as DemoActivitySummary;
    browser = await launchChromium();
    const context = () =>
      browser.newContext({
        locale: 'kk-KZ',
        timezoneId: 'Asia/Almaty',
        viewport: { width: 1280, height: 900 },
      });
    village = await context();
    district = await context();
    vPage = await village.newPage();
    dPage = await district.newPage();
    v = new AppPage(vPage);
    d = new AppPage(dPage);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('enrollment and sign-in', async () => {
    await v.open(server.url);
    await v.waitForServiceWorker();
    await vPage.getByRole('heading', { level: 1, name: kk.enroll.title }).waitFor();
    await check(v, 'enroll', ['kk', 'ru']);
    // The check can fail: a button without a name and grey text on grey are found.
    await vPage.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'axe-probe';
      probe.innerHTML =
        '<button type="button"></button><p style="color:#999;background:#aaa">Тексеру</p>';
      document.querySelector('main')?.append(probe);
    });
    const found = (await seriousViolations(vPage)).map((violation) => violation.id);
    expect(found).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
    await vPage.evaluate(() => document.getElementById('axe-probe')?.remove());
    // A wrong code: the screen's alert.
    await vPage.getByLabel(kk.enroll.code).fill('WRONG-CODE');
    await vPage.getByRole('button', { name: kk.enroll.submit }).click();
    await vPage.getByRole('main').getByRole('alert').waitFor();
    await check(v, 'enroll-refused');

    await v.enroll(await server.enrollCode(demo.offices[0] ?? 'akt-01', 'akimat'));
    await check(v, 'signin', ['kk', 'ru']);
    await v.signIn(kk.roles.akimat_specialist, '111111');
    await v.syncNow();
    await v.waitAllSent();
  });

  it('the village specialist’s screens', async () => {
    await open(v, 'today', kk.today.title);
    await vPage.locator('.deadline-mark').first().waitFor();
    await check(v, 'today', ['kk', 'ru']);

    const intake = new IntakePage(vPage);
    await open(v, 'intake', kk.intake.title);
    await check(v, 'intake', ['kk', 'ru']);
    await intake.save();
    await vPage.locator('[aria-invalid="true"]').first().waitFor();
    await check(v, 'intake-problems', ['kk', 'ru']);
    await intake.chooseService('003-06');
    await intake.fill({ iin: makeIin('870412', 4, 7410), surname: 'Жұмабаева', givenName: 'Гүл' });
    await check(v, 'intake-filled', ['kk', 'ru']);
    await vPage.getByRole('button', { name: kk.intake.clear }).click();
    await vPage.getByRole('dialog', { name: kk.intake.clear }).waitFor();
    await check(v, 'intake-confirm');
    await vPage.keyboard.press('Escape');
    await vPage.getByRole('dialog').waitFor({ state: 'hidden' });
    // The form emptied, for the keyboard's walk below.
    await vPage.getByRole('button', { name: kk.intake.clear }).click();
    await vPage
      .getByRole('dialog', { name: kk.intake.clear })
      .getByRole('button', { name: kk.confirm.yes })
      .click();
    await vPage.getByRole('button', { name: kk.intake.clear }).waitFor({ state: 'detached' });

    await open(v, 'journal', kk.journal.title);
    await new JournalPage(vPage).waitReady();
    await check(v, 'journal', ['kk', 'ru']);

    villageCases = await casesOn(vPage);
    const states = new Set<string>();
    for (const c of villageCases) {
      if (states.has(c.status)) continue;
      states.add(c.status);
      await openCase(v, c.id, c.regNumber);
      await check(v, `case-${c.status}`, c.status === 'registered' ? ['kk', 'ru'] : ['kk']);
    }
    expect(states.size).toBeGreaterThan(3);

    await open(v, 'transfer', kk.transfer.title);
    await check(v, 'transfer', ['kk', 'ru']);
    await open(v, 'results', kk.results.title);
    await check(v, 'results', ['kk', 'ru']);
    await open(v, 'status', kk.statusLookup.title);
    await check(v, 'status-question');
    await open(v, 'catalog', kk.catalog.title);
    await check(v, 'catalog');
    await open(v, 'sync', kk.sync.title);
    await check(v, 'sync', ['kk', 'ru']);
  });

  it('every paper the village’s cases offer', async () => {
    const addresses = new Set<string>();
    const seen = new Set<string>();
    for (const c of villageCases) {
      if (seen.has(c.status)) continue;
      seen.add(c.status);
      await openCase(v, c.id, c.regNumber);
      for (const href of await vPage
        .locator('main a[href^="#/print/"]')
        .evaluateAll((els) => els.map((el) => el.getAttribute('href') ?? ''))) {
        // One of each paper is enough.
        const paper = href.replace(/^#\/print\//, '').split(/[/?]/)[0] ?? '';
        if (![...addresses].some((a) => a.startsWith(`#/print/${paper}`))) addresses.add(href);
      }
    }
    addresses.add('#/print/sheet/003-06');
    expect(addresses.size).toBeGreaterThan(3);
    for (const address of addresses) {
      await vPage.goto(`${server.url}/${address}`);
      await vPage.locator('article.paper[data-ready="true"]').waitFor({ timeout: 30_000 });
      const paper = address.replace(/^#\/print\//, '').split(/[/?]/)[0] ?? '';
      await check(v, `print-${paper}`, paper === 'talon' ? ['kk', 'ru'] : ['kk']);
    }
  });

  it('the citizen’s status page', async () => {
    const citizen = await browser.newContext({ viewport: { width: 360, height: 640 } });
    const phone = await citizen.newPage();
    const one = villageCases.find((c) => c.status === 'forwarded') ?? villageCases[0];
    if (!one) throw new Error('no case on the village device');
    for (const lang of ['kk', 'ru'] as const) {
      await phone.goto(`${server.url}/s/${encodeURIComponent(one.regNumber)}?lang=${lang}`);
      await phone.getByRole('heading', { name: STATUS_LABELS[lang].title }).waitFor();
      const before = await seriousViolations(phone);
      expect.soft(describeViolations(before), `status page (${lang})`).toBe('');
      await phone.getByLabel(STATUS_LABELS[lang].iin4).fill(one.iin.slice(-4));
      await phone.getByRole('button', { name: STATUS_LABELS[lang].check }).click();
      await phone.locator('dl').waitFor();
      const after = await seriousViolations(phone);
      expect.soft(describeViolations(after), `status answer (${lang})`).toBe('');
      await phone.screenshot({ path: join(ARTIFACTS, `citizen-status-${lang}.png`) });
      checked.push(`citizen-status-${lang}`);
    }
    await citizen.close();
  });

  it('the akim’s screens', async () => {
    await signInAs(v, 'akim', '222222');
    await check(v, 'akim-home', ['kk']);
    const toSign = villageCases.find((c) => c.status === 'inspected' || c.status === 'decided');
    if (toSign) {
      await openCase(v, toSign.id, toSign.regNumber);
      await check(v, 'akim-case');
    }
  });

  it('the district’s screens, role by role', async () => {
    await d.open(server.url);
    await d.waitForServiceWorker();
    await d.enroll(await server.enrollCode('akt-district', 'district'));
    await d.signIn(kk.roles.district_executor, '333333');
    await dPage.getByRole('heading', { level: 1, name: kk.district.title }).waitFor();
    await d.syncNow();
    await dPage.locator('main section').first().waitFor();
    await check(d, 'district-executor', ['kk', 'ru']);
    await open(d, 'reports', kk.reports.title);
    await check(d, 'reports', ['kk', 'ru']);
    await open(d, 'journal', kk.journal.title);
    await new JournalPage(dPage).waitReady();
    await check(d, 'district-journal');
    const districtCases = await casesOn(dPage);
    const states = new Set<string>();
    for (const c of districtCases) {
      if (states.has(c.status)) continue;
      states.add(c.status);
      await openCase(d, c.id, c.regNumber);
      await check(d, `district-case-${c.status}`);
    }

    for (const [role, pin] of [
      ['district_head', '444444'],
      ['district_sector_head', '666666'],
    ] as const) {
      await signInAs(d, role, pin);
      await dPage.getByRole('heading', { level: 1, name: kk.district.title }).waitFor();
      await check(d, `district-${role}`);
    }

    await signInAs(d, 'district_admin', '555555');
    await open(d, 'admin', kk.admin.title);
    await dPage.getByRole('region', { name: kk.admin.devices, exact: true }).waitFor();
    await check(d, 'admin', ['kk', 'ru']);
  });

  it('a keyboard alone: skip link, visible focus, Today → intake → journal → case', async () => {
    await signInAs(v, 'akimat_specialist', '111111');
    // A fresh load: the Tab key starts from the top of the page.
    await vPage.goto(`${server.url}/#/today`);
    await vPage.reload();
    await vPage.getByRole('heading', { level: 1, name: kk.today.title }).waitFor();
    await settle(vPage);

    // The first Tab stop is the skip link, shown once it has the focus; Enter moves the focus
    // into the main content.
    await vPage.keyboard.press('Tab');
    const skip = await focused(vPage);
    expect(skip?.text).toBe(kk.a11y.skipToMain);
    expect(skip?.isFocusVisible).toBe(true);
    expect(skip?.hasMark).toBe(true);
    await vPage.screenshot({ path: join(ARTIFACTS, 'keyboard-skip-link-kk.png') });
    await vPage.keyboard.press('Enter');
    expect((await focused(vPage))?.inMain).toBe(true);
    expect(vPage.url()).toMatch(/#\/today$/);

    /** Tabs (Shift+Tab backwards) until `is` holds of the focus; every stop shows its mark. */
    async function tabTo(
      is: (f: NonNullable<Awaited<ReturnType<typeof focused>>>) => boolean,
      backwards = false,
    ) {
      for (let i = 0; i < 200; i++) {
        await vPage.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
        const f = await focused(vPage);
        if (!f) continue;
        expect(f.hasMark, `focus mark on ${JSON.stringify(f)}`).toBe(true);
        if (is(f)) return f;
      }
      throw new Error('never reached by Tab');
    }

    // Back up to the navigation, to the intake form.
    await tabTo((f) => f.href === '#/intake', true);
    await vPage.keyboard.press('Enter');
    await vPage.getByRole('heading', { level: 1, name: kk.intake.title }).waitFor();
    // The service field has the focus: type, choose with the arrow key and Enter.
    expect(await vPage.evaluate(() => document.activeElement?.id)).toBe('intake-service');
    await vPage.keyboard.type('003-06');
    await vPage.getByRole('listbox').getByRole('option').first().waitFor();
    await vPage.keyboard.press('ArrowDown');
    await vPage.keyboard.press('Enter');
    await vPage.waitForFunction(() =>
      (document.getElementById('intake-service') as HTMLInputElement).value.startsWith('003-06'),
    );
    const iin = makeIin('900512', 4, 7420);
    await tabTo((f) => f.tag === 'input' && f.text === '' && f.inMain);
    for (const [label, value] of [
      [kk.intake.iin, iin],
      [kk.intake.surname, 'Оспанова'],
      [kk.intake.givenName, 'Айгүл'],
    ] as const) {
      const field = vPage.getByLabel(label, { exact: true });
      while (!(await field.evaluate((el) => el === document.activeElement))) {
        await vPage.keyboard.press('Tab');
      }
      await vPage.keyboard.type(value);
    }
    // The consent with Space.
    const consent = vPage.getByLabel(kk.intake.consent);
    while (!(await consent.evaluate((el) => el === document.activeElement))) {
      await vPage.keyboard.press('Tab');
    }
    await vPage.keyboard.press('Space');
    expect(await consent.isChecked()).toBe(true);
    await vPage.screenshot({ path: join(ARTIFACTS, 'keyboard-intake-kk.png'), fullPage: true });

    // A confirmation: the focus stays inside while it is open, Escape closes it, the focus
    // returns to the button that opened it.
    const clear = vPage.getByRole('button', { name: kk.intake.clear });
    while (!(await clear.evaluate((el) => el === document.activeElement))) {
      await vPage.keyboard.press('Tab');
    }
    await vPage.keyboard.press('Enter');
    const dialog = vPage.getByRole('dialog', { name: kk.intake.clear });
    await dialog.waitFor();
    for (let i = 0; i < 6; i++) {
      await vPage.keyboard.press('Tab');
      const f = await focused(vPage);
      // Chromium lets the focus leave a modal dialog for the browser's own controls only.
      if (f) expect(f.inDialog, JSON.stringify(f)).toBe(true);
    }
    await vPage.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await clear.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await consent.isChecked()).toBe(true);

    // To the journal: the navigation's link, by Shift+Tab.
    await tabTo((f) => f.href === '#/journal', true);
    await vPage.keyboard.press('Enter');
    const journal = new JournalPage(vPage);
    await journal.waitReady();
    // The search box by Tab, a case's number typed; its link by Tab and Enter.
    const search = vPage.getByLabel(kk.journalView.search);
    while (!(await search.evaluate((el) => el === document.activeElement))) {
      await vPage.keyboard.press('Tab');
    }
    const one = villageCases.find((c) => c.status === 'registered') ?? villageCases[0];
    if (!one) throw new Error('no case on the village device');
    await vPage.keyboard.type(one.regNumber);
    await journal.settle();
    await tabTo((f) => f.text === one.regNumber && f.tag === 'a');
    await vPage.screenshot({ path: join(ARTIFACTS, 'keyboard-journal-kk.png') });
    await vPage.keyboard.press('Enter');
    await vPage
      .getByRole('heading', { level: 1, name: `${kk.case.title} ${one.regNumber}` })
      .waitFor();
    // On the case, every control is reached by Tab and shows its mark, to the page's end.
    await tabTo((f) => f.inMain);
    let stops = 1;
    for (let i = 0; i < 300; i++) {
      await vPage.keyboard.press('Tab');
      const f = await focused(vPage);
      if (!f?.inMain) break;
      expect(f.hasMark, `focus mark on ${JSON.stringify(f)}`).toBe(true);
      stops++;
      if (stops === 3) await vPage.screenshot({ path: join(ARTIFACTS, 'keyboard-case-kk.png') });
    }
    expect(stops).toBeGreaterThan(3);

    // In Russian, the skip link says so.
    await v.switchLanguage('ru');
    await vPage.reload();
    await vPage
      .getByRole('heading', { level: 1, name: `${ru.case.title} ${one.regNumber}` })
      .waitFor();
    await vPage.keyboard.press('Tab');
    expect((await focused(vPage))?.text).toBe(ru.a11y.skipToMain);
    await vPage.screenshot({ path: join(ARTIFACTS, 'keyboard-skip-link-ru.png') });
    await v.switchLanguage('kk');
  });

  it('read every screen it meant to', () => {
    expect(checked.length).toBeGreaterThan(40);
  });
});
