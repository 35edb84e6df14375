/**
 * The device's storage in the built app on the real server: persistence asked once the device is
 * enrolled and not before (the calls counted by a script the test puts in the page); the Sync
 * screen shows what the browser's Storage API answers (persistence, space used and left); a full
 * disk during intake (a QuotaExceededError injected into IndexedDB's writes from the test) is
 * told in plain words, keeps every field of the form and stores nothing, and the same form saves
 * once space is free, leaving the earlier cases as they were; and a device whose IndexedDB the
 * browser deleted is told so on its next start, in Kazakh and in Russian, and enrolls again with
 * its synced cases coming back.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceMarker } from '../../src/db/device-marker';
import type { CaseRow } from '../../src/db/schema';
import { formatDateKz, formatDateTimeKz } from '../../src/domain/time';
import { formatBytes } from '../../src/features/sync/bytes';
import { AppPage, IntakePage } from './pages/app';
import { launchChromium } from './support/browser';
import { readCase, readMeta } from './support/device';
import { makeIin } from './support/iins';
import { freePort, ServerProcess } from './support/server';
import { filled, kk, ru } from './support/texts';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results');

/** `t` as i18next gives the size units, in one dictionary. */
const unitsOf = (dict: typeof kk | typeof ru) => (key: string, options?: Record<string, unknown>) =>
  filled(dict.storage.units[key.replace('storage.units.', '') as 'kb' | 'mb' | 'gb'], {
    amount: String(options?.amount ?? ''),
  });

/** What the browser's Storage API answers this page. */
function storageAnswer(page: Page) {
  return page.evaluate(async () => {
    const estimate = await navigator.storage.estimate();
    return {
      isPersisted: await navigator.storage.persisted(),
      usage: estimate.usage ?? 0,
      quota: estimate.quota ?? 0,
    };
  });
}

/** Every case row on the device, read past the app. */
function readCases(page: Page): Promise<CaseRow[]> {
  return page.evaluate(
    () =>
      new Promise<CaseRow[]>((resolve, reject) => {
        const open = indexedDB.open('qabyldau');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('cases').objectStore('cases').getAll();
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as CaseRow[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

/**
 * From now on every IndexedDB write in the page throws the QuotaExceededError a full disk
 * makes a request throw; `freeDisk` puts the browser's own methods back. Installed from the
 * test, in the page: the product has no switch for it.
 */
function fillDisk(page: Page): Promise<void> {
  return page.evaluate(() => {
    const proto = IDBObjectStore.prototype as unknown as Record<string, unknown> & {
      __original?: { add: unknown; put: unknown };
    };
    proto.__original ??= { add: proto.add, put: proto.put };
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    proto.add = full;
    proto.put = full;
  });
}

function freeDisk(page: Page): Promise<void> {
  return page.evaluate(() => {
    const proto = IDBObjectStore.prototype as unknown as Record<string, unknown> & {
      __original?: { add: unknown; put: unknown };
    };
    if (!proto.__original) return;
    proto.add = proto.__original.add;
    proto.put = proto.__original.put;
  });
}

describe('storage', () => {
  let server: ServerProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let app: AppPage;
  let intake: IntakePage;

  async function shoot(name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = new ServerProcess(await freePort());
    await server.start();
    browser = await launchChromium();
    context = await browser.newContext({
      locale: 'kk-KZ',
      timezoneId: 'Asia/Almaty',
      viewport: { width: 1280, height: 900 },
    });
    // Counts the app's calls of persist() on each page load, to see when it asks.
    await context.addInitScript(() => {
      const storage = navigator.storage;
      const persist = storage.persist.bind(storage);
      const counted = window as unknown as { persistAsked: number };
      counted.persistAsked = 0;
      storage.persist = () => {
        counted.persistAsked++;
        return persist();
      };
    });
    page = await context.newPage();
    app = new AppPage(page);
    intake = new IntakePage(page);
  });

  afterAll(async () => {
    await page
      ?.screenshot({ path: join(ARTIFACTS, 'last-storage.png'), fullPage: true })
      .catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('asks for persistent storage once the device is enrolled, not before', async () => {
    const asked = () =>
      page.evaluate(() => (window as unknown as { persistAsked: number }).persistAsked);
    await app.open(server.url);
    await app.waitForServiceWorker();
    await page.getByRole('heading', { name: kk.enroll.title }).waitFor();
    expect(await asked()).toBe(0);
    await app.enroll(await server.enrollCode('akt-06', 'akimat'));
    await page.waitForFunction(
      () => (window as unknown as { persistAsked: number }).persistAsked > 0,
    );
    expect(await asked()).toBe(1);
    await app.signIn(kk.roles.akimat_specialist, '111111');
  });

  it("shows on the Sync screen what the browser says of the site's storage", async () => {
    await app.goto('sync');
    const persisted = page.getByTestId('storage-persisted');
    const used = page.getByTestId('storage-used');
    const free = page.getByTestId('storage-free');
    await page.getByRole('heading', { name: kk.storage.title }).waitFor();
    await used.waitFor();
    // The usage moves while the first sync stores the reference data: compare the screen with
    // an answer of the same moment, opening the screen again until the two agree.
    let shown = { persisted: '', used: '', free: '' };
    let expected = { persisted: 'none yet', used: '', free: '' };
    for (let attempt = 0; attempt < 10; attempt++) {
      const answer = await storageAnswer(page);
      expected = {
        persisted: answer.isPersisted ? kk.storage.persistYes : kk.storage.persistNo,
        used: formatBytes(answer.usage, unitsOf(kk)),
        free: formatBytes(answer.quota - answer.usage, unitsOf(kk)),
      };
      shown = {
        persisted: (await persisted.textContent()) ?? '',
        used: (await used.textContent()) ?? '',
        free: (await free.textContent()) ?? '',
      };
      if (JSON.stringify(shown) === JSON.stringify(expected)) break;
      await app.goto('today');
      await app.goto('sync');
      await used.waitFor();
    }
    expect(shown).toEqual(expected);
    expect(shown.used).toMatch(/^\d+(,\d)? (КБ|МБ|ГБ)$/);
    // The advice to sync often and install stands only while the browser may evict the data.
    const advice = page.getByText(kk.storage.persistAdvice);
    expect(await advice.count()).toBe(shown.persisted === kk.storage.persistNo ? 1 : 0);
    await shoot('storage-sync-kk');

    await app.switchLanguage('ru');
    await page.getByRole('heading', { name: ru.storage.title }).waitFor();
    const answer = await storageAnswer(page);
    expect(await persisted.textContent()).toBe(
      answer.isPersisted ? ru.storage.persistYes : ru.storage.persistNo,
    );
    expect(await free.textContent()).toMatch(/^\d+(,\d)? (КБ|МБ|ГБ)$/);
    await shoot('storage-sync-ru');
    await app.switchLanguage('kk');
  });

  it('keeps the typed form and every stored case when the disk is full, and saves once it is not', async () => {
    await app.goto('intake');
    const first = await intake.register('003-06', {
      iin: makeIin('870512', 4, 2101),
      surname: 'Жұмабаева',
      givenName: 'Айгерім',
    });
    await app.goto('intake');
    const second = await intake.register('003-06', {
      iin: makeIin('880613', 3, 2202),
      surname: 'Оспанов',
      givenName: 'Ерлан',
    });
    // What was recorded of a case, not how far it has synced (which moves meanwhile).
    const recorded = (row: CaseRow) => ({
      id: row.id,
      regNumber: row.regNumber,
      status: row.status,
      applicant: row.applicant,
      registeredAt: row.registeredAt,
      resultDue: row.resultDue,
    });
    const earlier = [await readCase(page, first), await readCase(page, second)];
    const casesBefore = await readCases(page);
    expect(casesBefore.map((c) => c.regNumber).sort()).toEqual([first, second].sort());

    const typed = {
      iin: makeIin('900101', 4, 2303),
      surname: 'Сәрсенбаева',
      givenName: 'Мөлдір',
      patronymic: 'Қанатқызы',
      phone: '87015553322',
      address: 'Ақтоғай ауылы, Бейбітшілік к-сі, 12',
    };
    await app.goto('intake');
    // A service with a checklist, so the documents' choices are part of what must be kept.
    await intake.chooseService('004-01');
    await intake.fill(typed);
    await page.getByLabel(kk.intake.phone, { exact: true }).fill(typed.phone);
    await page.getByLabel(kk.intake.address, { exact: true }).fill(typed.address);
    await intake.checkAllDocuments();
    const documents = page
      .getByRole('group', { name: kk.intake.documents })
      .getByRole('radio', { name: kk.intake.original, exact: true });
    const documentCount = await documents.count();
    expect(documentCount).toBeGreaterThan(0);

    /** What the form holds, field by field, as the person sees it. */
    const formNow = async () => ({
      service: await intake.serviceBox().inputValue(),
      iin: await page.getByLabel(kk.intake.iin, { exact: true }).inputValue(),
      surname: await page.getByLabel(kk.intake.surname, { exact: true }).inputValue(),
      givenName: await page.getByLabel(kk.intake.givenName, { exact: true }).inputValue(),
      patronymic: await page.getByLabel(kk.intake.patronymic, { exact: true }).inputValue(),
      phone: await page.getByLabel(kk.intake.phone, { exact: true }).inputValue(),
      address: await page.getByLabel(kk.intake.address, { exact: true }).inputValue(),
      consent: await page.getByLabel(kk.intake.consent).isChecked(),
      originals: await documents.evaluateAll(
        (radios) => radios.filter((r) => (r as HTMLInputElement).checked).length,
      ),
    });
    const before = await formNow();
    expect(before).toMatchObject({ ...typed, consent: true, originals: documentCount });
    expect(before.service.startsWith('004-01')).toBe(true);

    await fillDisk(page);
    await intake.save();
    await page.getByText(kk.errors['storage-full'], { exact: true }).waitFor();
    expect(await formNow()).toEqual(before);
    await shoot('storage-full-kk');

    // The same in Russian: the message is the one of the language the save was tried in.
    await app.switchLanguage('ru');
    await page.getByRole('button', { name: ru.intake.save }).click();
    await page.getByText(ru.errors['storage-full'], { exact: true }).waitFor();
    await shoot('storage-full-ru');
    await app.switchLanguage('kk');

    // Nothing of the refused saves was stored, and the earlier cases are as they were.
    await freeDisk(page);
    const byId = (rows: CaseRow[]) => rows.map(recorded).sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(await readCases(page))).toEqual(byId(casesBefore));
    expect(await formNow()).toEqual(before);

    await intake.save();
    const third = await intake.landedCase();
    const cases = await readCases(page);
    expect(cases).toHaveLength(casesBefore.length + 1);
    expect(cases.filter((c) => c.iin === typed.iin)).toHaveLength(1);
    const saved = await readCase(page, third);
    expect(saved.applicant).toMatchObject({
      surname: typed.surname,
      givenName: typed.givenName,
      patronymic: typed.patronymic,
      phone: typed.phone,
      address: typed.address,
    });
    // Numbered next after the second: the refused saves took no number.
    expect(Number(third.slice(-4))).toBe(Number(second.slice(-4)) + 1);
    // The earlier cases are as they were.
    for (const row of earlier) {
      expect(recorded(await readCase(page, row.regNumber))).toEqual(recorded(row));
    }
  });

  it('tells the person when the browser deleted the device, then enrolls it again', async () => {
    // Work synced first, and one case left unsent (offline): the marker counts it.
    await app.waitAllSent(60_000);
    const synced = (await readCases(page)).map((c) => c.regNumber);
    await context.setOffline(true);
    await app.goto('intake');
    const unsent = await intake.register('003-06', {
      iin: makeIin('910202', 3, 2404),
      surname: 'Бекова',
      givenName: 'Дана',
    });
    const markerOf = () =>
      page.evaluate(
        () => JSON.parse(localStorage.getItem('qabyldau-device') ?? 'null') as DeviceMarker | null,
      );
    await page.waitForFunction(
      () =>
        (JSON.parse(localStorage.getItem('qabyldau-device') ?? '{}') as { unsent?: number })
          .unsent === 1,
    );
    const marker = await markerOf();
    const credentials = await readMeta<{ deviceId: string; deviceNo: number }>(page, 'credentials');
    expect(marker).toMatchObject({
      deviceId: credentials?.deviceId,
      deviceNo: credentials?.deviceNo,
      unsent: 1,
    });
    if (!marker) return;

    // The browser deletes the site's IndexedDB (as it does under storage pressure) and keeps
    // localStorage; the app starts again.
    await page.goto('about:blank');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', {
      origin: new URL(server.url).origin,
      storageTypes: 'indexeddb',
    });
    await context.setOffline(false);
    await app.open(server.url);

    const notice = page.getByTestId('storage-wiped');
    await notice.getByRole('heading', { name: kk.storage.wiped.title }).waitFor();
    expect(await readMeta(page, 'credentials')).toBeUndefined();
    const at = formatDateTimeKz(marker.seenAt);
    const expectedKk = [
      filled(kk.storage.wiped.what, {
        deviceNo: marker.deviceNo,
        date: formatDateKz(marker.enrolledAt),
      }),
      kk.storage.wiped.safe,
      `${filled(kk.storage.wiped.unsent_one, { count: 1, at })} ${filled(kk.storage.wiped.file, { deviceNo: marker.deviceNo })}`,
      kk.storage.wiped.todo,
    ];
    expect(await notice.locator('p').allTextContents()).toEqual(expectedKk);
    await shoot('storage-wiped-kk');

    await app.switchLanguage('ru');
    await notice.getByRole('heading', { name: ru.storage.wiped.title }).waitFor();
    expect(await notice.locator('p').allTextContents()).toEqual([
      filled(ru.storage.wiped.what, {
        deviceNo: marker.deviceNo,
        date: formatDateKz(marker.enrolledAt),
      }),
      ru.storage.wiped.safe,
      `${filled(ru.storage.wiped.unsent_one, { count: 1, at })} ${filled(ru.storage.wiped.file, { deviceNo: marker.deviceNo })}`,
      ru.storage.wiped.todo,
    ]);
    await shoot('storage-wiped-ru');
    await app.switchLanguage('kk');

    // Enrolled again with a new code: the notice goes, the marker names the new device, and
    // what was synced comes back from the server; the unsent case does not.
    await app.enroll(await server.enrollCode('akt-06', 'akimat'));
    expect(await notice.count()).toBe(0);
    await app.signIn(kk.roles.akimat_specialist, '111111');
    await page.waitForFunction(
      (old) =>
        (JSON.parse(localStorage.getItem('qabyldau-device') ?? '{}') as { deviceId?: string })
          .deviceId !== old,
      marker.deviceId,
    );
    const back = page.getByRole('link', { name: synced[0] ?? '-', exact: true });
    await app.goto('journal');
    await app.syncUntil(back);
    for (const regNumber of synced) {
      expect((await readCase(page, regNumber)).regNumber).toBe(regNumber);
    }
    expect((await readCases(page)).some((c) => c.regNumber === unsent)).toBe(false);
  });
});
