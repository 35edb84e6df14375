/**
 * Updates that wait for the person's work, and a lost database connection recovered, in the
 * built app. The app is served from a copy of dist/ (support/app-copy.ts) so a test can publish
 * a new version — the service worker's bytes changed, a release file that says what changes —
 * and cut the API alone, so events stay unsent while the new version is still found.
 *
 * - A new version found while an event is unsent is not applied: the offer says why, and the page
 *   is not reloaded (a marker on `window` survives); a half-typed intake form defers it too.
 *   Once the event is sent and the form is empty, the offer names the version and what it
 *   changes; "update now" hands the page to the new service worker and reloads it.
 * - Another tab opens the database at a newer schema (a real `versionchange`): the app's
 *   connection closes, the person is told the app was updated elsewhere, and the application she
 *   was typing is saved and sent all the same.
 * - A screen's code gone after a deploy: with nothing unsent and no form open the page reloads
 *   by itself, once; still missing, the screen says it could not open, with a reload, instead of
 *   an empty page.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage, IntakePage } from './pages/app';
import { AppCopy } from './support/app-copy';
import { launchChromium } from './support/browser';
import { makeIin } from './support/iins';
import { freePort, ServerProcess } from './support/server';
import { filled, kk, ru } from './support/texts';

const NEW_VERSION = {
  version: '0.2.0',
  notes: {
    kk: ['Журналда іздеу жылдамырақ.'],
    ru: ['Поиск в журнале быстрее.'],
  },
};
/** Added to the new service worker: it answers which build it is. */
const NEW_WORKER_CODE = `self.addEventListener('message', (e) => { if (e.data === 'which-build') e.source.postMessage('build-2'); });`;

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join('test-results', `update-${name}.png`), fullPage: true });

describe('updates and the database connection', () => {
  let server: ServerProcess;
  let app: AppCopy;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = new ServerProcess(await freePort());
    await server.start();
    app = new AppCopy(server);
    await app.start();
    browser = await launchChromium();
    page = await (
      await browser.newContext({ locale: 'kk-KZ', timezoneId: 'Asia/Almaty' })
    ).newPage();
  });

  afterAll(async () => {
    await page?.screenshot({ path: join('test-results', 'last-update.png'), fullPage: true });
    await browser?.close();
    await app?.stop();
    await server?.stop();
  });

  const offer = () => page.getByRole('region', { name: new RegExp(kk.update.title) });
  const hasMarker = () => page.evaluate(() => 'updateMarker' in window);
  /** The new version's worker still waits: not applied. */
  const isWaiting = () =>
    page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting));

  it('offers a new version only once the events are sent and no form is open', async () => {
    const shell = new AppPage(page);
    const intake = new IntakePage(page);
    await shell.open(app.url);
    await shell.waitForServiceWorker();
    await shell.enroll(await server.enrollCode('akt-05', 'akimat'));
    await shell.signIn(kk.roles.akimat_specialist, '111111');
    await page.evaluate(() => {
      Object.assign(window, { updateMarker: true });
    });

    // The server out of reach: the application is saved here and waits to be sent.
    app.isApiDown = true;
    await shell.goto('intake');
    await intake.register('003-06', {
      iin: makeIin('800101', 3, 1000),
      surname: 'Оспанов',
      givenName: 'Бақыт',
    });
    await page.getByText(filled(kk.sync.waiting_one, { count: 1 })).waitFor();

    // A new version is published and found.
    app.publish(NEW_VERSION, NEW_WORKER_CODE);
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const deferred = offer().getByTestId('update-deferred');
    await deferred.waitFor();
    expect(await deferred.textContent()).toBe(filled(kk.update.deferredUnsent_one, { count: 1 }));
    expect(await offer().getByRole('button', { name: kk.update.apply }).count()).toBe(0);
    expect(await offer().getByRole('heading').textContent()).toBe(
      `${kk.update.title} · ${filled(kk.update.version, { version: '0.2.0' })}`,
    );
    await shot(page, 'deferred-kk');
    await shell.switchLanguage('ru');
    expect(await page.getByTestId('update-deferred').textContent()).toBe(
      filled(ru.update.deferredUnsent_one, { count: 1 }),
    );
    await shot(page, 'deferred-ru');
    await shell.switchLanguage('kk');
    expect(await hasMarker()).toBe(true);
    expect(await isWaiting()).toBe(true);

    // The server back: the event is sent. A half-typed application still holds the update.
    app.isApiDown = false;
    await shell.syncNow();
    await shell.waitAllSent();
    await shell.goto('intake');
    const surname = page.getByLabel(kk.intake.surname, { exact: true });
    await surname.fill('Сейітова');
    await page.getByText(kk.update.deferredForm).waitFor();
    expect(await offer().getByRole('button', { name: kk.update.apply }).count()).toBe(0);
    expect(await hasMarker()).toBe(true);
    expect(await isWaiting()).toBe(true);

    // The form emptied: the offer, with what the version changes.
    await surname.fill('');
    const apply = offer().getByRole('button', { name: kk.update.apply });
    await apply.waitFor();
    expect(await offer().getByRole('listitem').allTextContents()).toEqual(NEW_VERSION.notes.kk);
    expect(await hasMarker()).toBe(true);
    await shot(page, 'offer-kk');
    await shell.switchLanguage('ru');
    expect(
      await page
        .getByRole('region', { name: new RegExp(ru.update.title) })
        .getByRole('listitem')
        .allTextContents(),
    ).toEqual(NEW_VERSION.notes.ru);
    await shot(page, 'offer-ru');
    await shell.switchLanguage('kk');

    // Applied: the new worker takes the page, which reloads.
    await Promise.all([page.waitForEvent('load'), apply.click()]);
    await page.getByRole('navigation').waitFor();
    expect(await hasMarker()).toBe(false);
    const build = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          navigator.serviceWorker.addEventListener('message', (e) => resolve(String(e.data)), {
            once: true,
          });
          navigator.serviceWorker.controller?.postMessage('which-build');
        }),
    );
    expect(build).toBe('build-2');
    expect(await offer().count()).toBe(0);
  });

  it('recovers the database connection another tab closed, and saves the application', async () => {
    const shell = new AppPage(page);
    const intake = new IntakePage(page);
    await shell.goto('intake');
    await intake.chooseService('003-06');
    await intake.fill({ iin: makeIin('810203', 4, 2000), surname: 'Қасымова', givenName: 'Әсел' });
    await intake.checkAllDocuments();

    // Another tab opens the database at a newer schema: the browser asks this tab's connection
    // to close (versionchange), and the upgrade goes through.
    const versions = await page.evaluate(async () => {
      const before = (await indexedDB.databases()).find((d) => d.name === 'qabyldau')?.version;
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('qabyldau', (before ?? 0) + 1);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      });
      const after = (await indexedDB.databases()).find((d) => d.name === 'qabyldau')?.version;
      return { before, after };
    });
    expect(versions.after).toBe((versions.before ?? 0) + 1);
    // The form holds an application: the page is not reloaded, the person is told.
    const notice = page.getByRole('alert').filter({ hasText: kk.update.elsewhere });
    await notice.waitFor();
    expect(await notice.textContent()).toContain(kk.update.formFirst);
    await shot(page, 'elsewhere-kk');

    await intake.save();
    const regNumber = await intake.landedCase();
    await shell.waitAllSent();
    await shell.switchLanguage('ru');
    await page.getByRole('alert').filter({ hasText: ru.update.elsewhere }).waitFor();
    await shot(page, 'elsewhere-ru');
    await shell.switchLanguage('kk');

    // Stored on the device, on the reopened database...
    const stored = await page.evaluate(
      (number) =>
        new Promise<number>((resolve, reject) => {
          const request = indexedDB.open('qabyldau');
          request.onsuccess = () => {
            const db = request.result;
            const count = db
              .transaction('cases')
              .objectStore('cases')
              .index('regNumber')
              .count(number);
            count.onsuccess = () => {
              db.close();
              resolve(count.result);
            };
            count.onerror = () => reject(count.error);
          };
          request.onerror = () => reject(request.error);
        }),
      regNumber,
    );
    expect(stored).toBe(1);
    // ...and on the server, once.
    const db = new Database(join(server.dataDir, 'qabyldau.db'), { readonly: true });
    try {
      const rows = db
        .prepare(
          "SELECT id FROM events WHERE json_extract(content, '$.type') = 'case.registered' AND json_extract(content, '$.payload.regNumber') = ?",
        )
        .all(regNumber);
      expect(rows).toHaveLength(1);
    } finally {
      db.close();
    }
  });
  it('reloads once for code gone after a deploy, then says so instead of an empty screen', async () => {
    const shell = new AppPage(page);
    await page.reload();
    await page.getByRole('navigation').waitFor();
    await page.evaluate(() => {
      Object.assign(window, { updateMarker: true });
    });
    // The status screen's code gone from the server and from the caches, as when a newer
    // version replaced it.
    const chunk = readdirSync(join(app.dir, 'assets')).find((f) => /^StatusScreen-.*\.js$/.test(f));
    expect(chunk).toBeDefined();
    rmSync(join(app.dir, 'assets', chunk as string));
    const removed = await page.evaluate(async (name) => {
      let count = 0;
      for (const key of await caches.keys()) {
        const cache = await caches.open(key);
        for (const request of await cache.keys()) {
          if (request.url.includes(name)) count += Number(await cache.delete(request));
        }
      }
      return count;
    }, chunk as string);
    expect(removed).toBe(1);
    // And from the browser's HTTP cache, which holds every asset for an hour.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    await cdp.detach();

    // Nothing unsent, no form open: the page reloads by itself; the code is still missing, so
    // the second time the person is told, with the reload in her hands.
    await shell.goto('status');
    await page
      .getByRole('main')
      .getByRole('alert')
      .filter({ hasText: kk.update.screenFailed })
      .waitFor();
    expect(await hasMarker()).toBe(false);
    await page
      .getByRole('banner')
      .getByRole('alert')
      .filter({ hasText: kk.update.missingCode })
      .waitFor();
    expect(
      await page.getByRole('banner').getByRole('button', { name: kk.update.reload }).count(),
    ).toBe(1);
    await shot(page, 'missing-code-kk');
    await shell.switchLanguage('ru');
    await page
      .getByRole('banner')
      .getByRole('alert')
      .filter({ hasText: ru.update.missingCode })
      .waitFor();
    await shot(page, 'missing-code-ru');
    await shell.switchLanguage('kk');
  });
});
