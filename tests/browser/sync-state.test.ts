/**
 * The sync state always in view, in a real Chromium against the real server with the built app:
 * before enrollment the header claims nothing; a village office that registers an application
 * offline reads "no connection" and one action waiting, and the case's row in the journal and on
 * Today carries the "not sent" mark; back online the header says all was sent and when, in
 * words, and the mark is gone; a device clock far off is named in days and hours, ahead or
 * behind; and a fresh district device taking thousands of cases shows "received of total" on a
 * progress bar as it goes, ending complete.
 *
 * One server and one browser for the file; the tests run in order and share the village device.
 * The server's store is filled in bulk with a few thousand closed cases of the district before
 * the first device is enrolled (as the benchmark fills it). Screens are photographed in Kazakh
 * and Russian into test-results/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../bench/lib/seed-store';
import type { InitialSyncState } from '../../src/db/meta';
import { AppPage, IntakePage } from './pages/app';
import { HeaderPage } from './pages/header';
import { JournalPage } from './pages/journal';
import { TodayPage } from './pages/today';
import { launchChromium } from './support/browser';
import { readMeta } from './support/device';
import { makeIin } from './support/iins';
import { freePort, ServerProcess } from './support/server';
import { filled, kk, ru } from './support/texts';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results');
/** A few thousand: the initial sync takes several pages of 500 after its first of 100. */
const SEEDED_CASES = 3_000;
const MINUTE = 60_000;
/** A small laptop's screen, where the header must stay compact. */
const VIEWPORT = { width: 1366, height: 768 };

interface ProgressSample {
  /** -1: a bar without a value (the total not known yet) */
  value: number;
  max: number;
  text: string;
}

describe('the sync state in the header', () => {
  let server: ServerProcess;
  let browser: Browser;
  let village: BrowserContext;
  let page: Page;
  let app: AppPage;
  let header: HeaderPage;
  let seededCases = 0;
  let registered = '';

  /** The page in Kazakh, then in Russian, then back to Kazakh. */
  async function shoot(on: AppPage, name: string): Promise<void> {
    await on.page.screenshot({ path: join(ARTIFACTS, `${name}-kk.png`) });
    await on.switchLanguage('ru');
    await on.page.screenshot({ path: join(ARTIFACTS, `${name}-ru.png`) });
    await on.switchLanguage('kk');
  }

  async function journalRow(regNumber: string) {
    await app.goto('journal');
    const journal = new JournalPage(page);
    await journal.waitReady();
    await journal.search(regNumber);
    const rows = await journal.rows();
    expect(rows.map((r) => r.regNumber)).toEqual([regNumber]);
    return rows[0];
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = new ServerProcess(await freePort());
    // The first start makes the store and its demo district; the cases go in while it is down.
    await server.start();
    await server.stop();
    seededCases = seedStore(join(server.dataDir, 'qabyldau.db'), {
      cases: SEEDED_CASES,
      closed: true,
    }).cases;
    await server.start();
    browser = await launchChromium();
    village = await browser.newContext({
      locale: 'kk-KZ',
      timezoneId: 'Asia/Almaty',
      viewport: VIEWPORT,
    });
    // The page's clock runs on from now, and the tests move it.
    await village.clock.install({ time: new Date() });
    page = await village.newPage();
    app = new AppPage(page);
    header = new HeaderPage(page);
  });

  afterAll(async () => {
    await page
      ?.screenshot({ path: join(ARTIFACTS, 'last-sync-state.png'), fullPage: true })
      .catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('claims nothing about sync before the device is enrolled', async () => {
    await app.open(server.url);
    await page.getByLabel(kk.enroll.code).waitFor();
    for (const [lang, texts] of [
      ['kk', kk],
      ['ru', ru],
    ] as const) {
      await app.switchLanguage(lang);
      const banner = (await header.banner().textContent()) ?? '';
      for (const claim of [
        texts.sync.allSent,
        texts.syncState.online,
        texts.syncState.offline,
        texts.syncState.neverSynced,
        texts.syncState.syncedJustNow,
        filled(texts.syncState.synced, { ago: '' }).trim(),
      ]) {
        expect(banner, `"${claim}" in the header before enrollment`).not.toContain(claim);
      }
      await expect(header.syncNowButton().count()).resolves.toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, `sync-state-before-enrollment-${lang}.png`) });
    }
    await app.switchLanguage('kk');
  });

  it('says no connection and one action waiting after an intake offline; the row is marked', async () => {
    await app.enroll(await server.enrollCode('akt-01', 'akimat'));
    await app.signIn(kk.roles.akimat_specialist, '111111');
    // The office's own cases arrive, and the header says all is sent, and when.
    await app.waitAllSent(60_000);
    await header.waitFor('connection', kk.syncState.online);
    await header.waitFor('last-sync', kk.syncState.syncedJustNow);

    await village.setOffline(true);
    await header.waitFor('connection', kk.syncState.offline);
    await app.goto('intake');
    registered = await TodayPage.register(new IntakePage(page), '003-06', {
      iin: makeIin('880412', 4, 8100),
      surname: 'Байжанова',
      givenName: 'Сәуле',
    });
    const oneWaiting = filled(kk.sync.waiting_one, { count: 1 });
    await header.waitFor('pending', oneWaiting);
    await expect(header.connection()).resolves.toBe(kk.syncState.offline);
    // Announced to a screen reader as it changes.
    await expect(header.liveRegion().textContent()).resolves.toContain(oneWaiting);
    // The last good sync is still the one before the connection went.
    await expect(header.lastSync()).resolves.toBe(kk.syncState.syncedJustNow);

    const row = await journalRow(registered);
    expect(row?.sync).toBe(kk.syncState.notSentLabel);
    expect(row?.status).toBe(kk.status.registered);
    await page.locator('table.journal tbody tr[data-index]').first().scrollIntoViewIfNeeded();
    await shoot(app, 'sync-state-offline-journal');

    const today = new TodayPage(page);
    await today.open();
    const todayRow = today.row('forward', registered);
    await expect(
      todayRow.getByRole('img', { name: kk.syncState.notSentLabel }).count(),
    ).resolves.toBe(1);
    await shoot(app, 'sync-state-offline-today');
  });

  it('back online: connected, all sent, the last sync in words, the mark gone', async () => {
    await village.setOffline(false);
    await header.waitFor('pending', kk.sync.allSent);
    await header.waitFor('connection', kk.syncState.online);
    await header.waitFor('last-sync', kk.syncState.syncedJustNow);
    const row = await journalRow(registered);
    expect(row?.sync).toBe('');
    await page.locator('table.journal tbody tr[data-index]').first().scrollIntoViewIfNeeded();
    await shoot(app, 'sync-state-online-journal');

    // The connection goes again and minutes pass: the header counts them from the last sync.
    await village.setOffline(true);
    await header.waitFor('connection', kk.syncState.offline);
    await page.clock.fastForward(5 * MINUTE);
    // Every minute the header reads the clock again: 4 to 6 whole minutes, by where the minute
    // ticks fell; the exact counts are the unit tests' (tests/unit/sync-words.test.ts).
    const words = await header.lastSync();
    const match = /^Синхрондалды: (\d) минут бұрын$/.exec(words);
    expect(match, words).not.toBeNull();
    expect(Number(match?.[1])).toBeGreaterThanOrEqual(4);
    expect(Number(match?.[1])).toBeLessThanOrEqual(6);
    await expect(header.pending()).resolves.toBe(kk.sync.allSent);
    await app.switchLanguage('ru');
    await expect(header.lastSync()).resolves.toBe(`Синхронизация: ${match?.[1]} минут назад`);
    await expect(header.connection()).resolves.toBe(ru.syncState.offline);
    await page.screenshot({ path: join(ARTIFACTS, 'sync-state-minutes-ago-ru.png') });
    await app.switchLanguage('kk');
    await page.screenshot({ path: join(ARTIFACTS, 'sync-state-minutes-ago-kk.png') });

    // The page's clock back to the server's (it ran five minutes ahead), and online again.
    await page.clock.setSystemTime(new Date());
    await village.setOffline(false);
    await header.waitFor('connection', kk.syncState.online);
    await header.waitFor('last-sync', kk.syncState.syncedJustNow);
    await header.clockWarning().waitFor({ state: 'detached' });
  });

  it('names a wrong device clock ahead or behind, in days and hours', async () => {
    const warning = header.clockWarning();
    /** Until the warning reads `text` (after the sync that measured the clock). */
    const waitForWarning = (text: string) =>
      page.waitForFunction(
        (wanted) =>
          document.querySelector('header [data-testid="clock-warning"]')?.textContent === wanted,
        text,
      );
    await expect(warning.count()).resolves.toBe(0);
    // 19,712 minutes ahead: the warning once read "-19712 минутқа қате".
    await page.clock.setSystemTime(new Date(Date.now() + 19_712 * MINUTE + 30_000));
    await app.syncNow();
    await waitForWarning(filled(kk.syncState.clockAhead, { amount: '13 күн 16 сағат' }));
    await app.switchLanguage('ru');
    await expect(warning.textContent()).resolves.toBe(
      filled(ru.syncState.clockAhead, { amount: '13 дней 16 часов' }),
    );
    await page.screenshot({ path: join(ARTIFACTS, 'sync-state-clock-ahead-ru.png') });
    await app.switchLanguage('kk');
    await page.screenshot({ path: join(ARTIFACTS, 'sync-state-clock-ahead-kk.png') });

    await page.clock.setSystemTime(new Date(Date.now() - (2 * 24 * 60 + 3 * 60 + 20) * MINUTE));
    await app.syncNow();
    await waitForWarning(filled(kk.syncState.clockBehind, { amount: '2 күн 3 сағат' }));
    await app.switchLanguage('ru');
    await expect(warning.textContent()).resolves.toBe(
      filled(ru.syncState.clockBehind, { amount: '2 дня 3 часа' }),
    );
    await app.switchLanguage('kk');

    // The clock set right: the next sync takes the warning away.
    await page.clock.setSystemTime(new Date());
    await app.syncNow();
    await warning.waitFor({ state: 'detached' });
  });

  it("shows a fresh district device's initial sync as cases received of total", async () => {
    const district = await browser.newContext({
      locale: 'kk-KZ',
      timezoneId: 'Asia/Almaty',
      viewport: VIEWPORT,
      // Without a service worker the pages' requests pass the route below.
      serviceWorkers: 'block',
    });
    try {
      // Every value the bar takes, as it takes it.
      await district.addInitScript(() => {
        const samples: { value: number; max: number; text: string }[] = [];
        (window as unknown as { progressSamples: typeof samples }).progressSamples = samples;
        const record = () => {
          const box = document.querySelector('header [data-testid="pull-progress"]');
          const bar = box?.querySelector('progress');
          if (!box || !bar) return;
          const sample = {
            value: bar.hasAttribute('value') ? bar.value : -1,
            max: bar.hasAttribute('max') ? bar.max : -1,
            text: box.textContent ?? '',
          };
          const last = samples.at(-1);
          if (!last || last.value !== sample.value || last.max !== sample.max) {
            samples.push(sample);
          }
        };
        new MutationObserver(record).observe(document, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
      });
      const dPage = await district.newPage();
      // Each page asked a little later, as over a slow link, so a person (and a screenshot)
      // sees the bar between its ends.
      await dPage.route('**/api/v1/sync/initial?**', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        await route.continue();
      });
      const d = new AppPage(dPage);
      await d.open(server.url);
      await d.enroll(await server.enrollCode('akt-district', 'district'));
      await dPage.waitForFunction(() => {
        const bar = document.querySelector<HTMLProgressElement>('header progress');
        return bar?.hasAttribute('value') && bar.value > 0 && bar.value < bar.max;
      });
      await shoot(d, 'sync-state-initial-progress');

      await dPage.waitForFunction(() => !document.querySelector('header progress'), undefined, {
        timeout: 90_000,
      });
      // Every case of the district: the seeded ones and the one registered above.
      const total = seededCases + 1;
      const state = await readMeta<InitialSyncState>(dPage, 'initialSync');
      expect(state).toMatchObject({ isDone: true, received: total, total });
      await expect(countCases(dPage)).resolves.toBe(total);

      const samples = await dPage.evaluate(
        () => (window as unknown as { progressSamples: ProgressSample[] }).progressSamples,
      );
      const known = samples.filter((s) => s.max > 0);
      expect(known.length, JSON.stringify(samples)).toBeGreaterThan(2);
      expect(new Set(known.map((s) => s.max))).toEqual(new Set([total]));
      // Between its ends, it said how far in words too.
      const between = known.find((s) => s.value > 0 && s.value < s.max);
      expect(between, JSON.stringify(samples)).toBeDefined();
      const squash = (text: string) => text.replace(/\s/gu, '');
      expect(squash(between?.text ?? '')).toBe(
        squash(
          filled(kk.syncState.pulling, { received: between?.value ?? 0, total: between?.max ?? 0 }),
        ),
      );
      // The values only grew, and the last was complete.
      const values = known.map((s) => s.value);
      expect([...values].sort((a, b) => a - b)).toEqual(values);
      expect(known.at(-1)).toMatchObject({ value: total, max: total });
    } finally {
      await district.close();
    }
  });
});

/** How many case rows the device's database holds. */
function countCases(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('qabyldau');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('cases').objectStore('cases').count();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}
