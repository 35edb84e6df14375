/**
 * The citizen's status page end to end: a case registered at a village desk and synced, its talon
 * printed to PDF, the talon's QR code decoded and the address it carries opened on a phone (a
 * context of its own, a narrow screen, no app); the last four digits of the IIN typed; the stage
 * and the date in words in Kazakh, then in Russian through the page's link; wrong digits answered
 * with the one neutral message; the limit of tries with its polite message; the page small and
 * without any script. Then the same question on the village device with no network, which gives
 * the same answer from its own copy, and the status address opened in the app's own browser,
 * which the service worker must leave to the server.
 *
 * One server and one browser for the file; the tests run in order.
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_NAMES } from '../../src/domain/catalog/names';
import { STATUS_LABELS } from '../../src/domain/public-status-texts';
import { PAPER_LABELS } from '../../src/features/print/labels';
import { AKIMAT_OFFICES } from '../../sync-server/seed/aktogay';
import { type AppPage, IntakePage } from './pages/app';
import { PaperPage } from './pages/paper';
import { readCase } from './support/device';
import { makeIin } from './support/iins';
import { squash } from './support/paper';
import {
  A4,
  dateTimeWords,
  dateWords,
  expectBundledFont,
  expectLanguage,
  printedAlways,
} from './support/paper-checks';
import { ARTIFACTS, type BrowserSuite, startBrowserSuite } from './support/session';
import { kk, ru } from './support/texts';

/** Small, so the test meets the limit in a few tries. */
const TRIES_PER_MINUTE = 4;
const STAGE_KK = 'Құжаттар ауылдық округ әкімі аппаратында қабылданды';
const STAGE_RU = 'Документы приняты в аппарате акима сельского округа';

/** Text as a reader sees it: no-break spaces are spaces. */
const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');

describe('the citizen’s status page', () => {
  let suite: BrowserSuite;
  let village: BrowserContext;
  let page: Page;
  let app: AppPage;
  let phone: Page;
  const iin = makeIin('870412', 4, 7310);
  const iin4 = iin.slice(-4);
  let number = '';
  let resultDue = '';
  let statusUrl = '';

  beforeAll(async () => {
    suite = await startBrowserSuite({
      env: { RATE_LIMIT_STATUS_PER_MINUTE: String(TRIES_PER_MINUTE) },
    });
    ({
      context: village,
      page,
      app,
    } = await suite.newDevice({
      office: 'akt-01',
      role: 'akimat_specialist',
      serviceWorker: true,
    }));
    // A cheap phone's screen; no app, no service worker of its own.
    phone = await suite.newPage({ viewport: { width: 360, height: 640 } });
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('registers an application, syncs it and prints the talon whose QR code opens the status page', async () => {
    const { server } = suite;
    await app.goto('intake');
    number = await new IntakePage(page).register('003-06', {
      iin,
      surname: 'Жұмабаева',
      givenName: 'Гүлшат',
    });
    resultDue = (await readCase(page, number)).resultDue;
    await app.syncNow();
    await app.waitAllSent();

    const c = await readCase(page, number);
    const office = AKIMAT_OFFICES.find((o) => o.id === 'akt-01');
    const paper = new PaperPage(page);
    for (const lang of ['kk', 'ru'] as const) {
      await paper.open(server.url, { paper: 'talon', id: number, lang, size: 'a4' });
      const { paper: pdf } = await paper.pdf(join(ARTIFACTS, `paper-status-talon-${lang}.pdf`));
      // The talon of this case, in the paper's language: its labels, the office, the service,
      // the applicant, the days in words, who accepted it.
      expectLanguage(pdf, lang, [
        ...printedAlways(PAPER_LABELS[lang].talon),
        office?.name[lang] ?? 'akt-01',
        SERVICE_NAMES['003-06']?.[lang] ?? '003-06',
        'Жұмабаева Гүлшат',
        iin,
        dateTimeWords(c.registeredAt, lang),
        dateWords(resultDue, lang),
        c.acceptedBy.shortName,
      ]);
      // The talon and its stub carry the number, and the address under the code a third time.
      expect(squash(pdf.text).split(number).length - 1).toBe(3);
      expect(pdf.pages).toHaveLength(1);
      expect(pdf.pages[0]?.width).toBeCloseTo(A4.short, 0);
      expectBundledFont(pdf);
      // No PUBLIC_URL: the device prints the address of the server it syncs with.
      statusUrl = (await paper.qrText()) ?? '';
      expect(statusUrl).toBe(`${server.url}/s/${encodeURIComponent(number)}`);
    }
  });

  it('answers the four digits with the stage and the date in Kazakh, small and without script', async () => {
    const response = await phone.goto(statusUrl);
    expect(response?.status()).toBe(200);
    const html = (await response?.body())?.toString('utf8') ?? '';
    expect(Buffer.byteLength(html)).toBeLessThan(4096);
    expect(html).not.toMatch(/<script/i);
    expect(await phone.locator('script').count()).toBe(0);
    await phone.getByRole('heading', { name: STATUS_LABELS.kk.title }).waitFor();

    await phone.getByLabel(STATUS_LABELS.kk.iin4).fill(iin4);
    const answered = phone.waitForResponse((r) => r.request().method() === 'POST');
    await phone.getByRole('button', { name: STATUS_LABELS.kk.check }).click();
    const answer = await answered;
    expect(answer.status()).toBe(200);
    expect(Buffer.byteLength(await answer.body())).toBeLessThan(4096);
    expect((await answer.text()).match(/<script/i)).toBeNull();
    const shown = plain(await phone.locator('dl').textContent());
    expect(shown).toContain(SERVICE_NAMES['003-06']?.kk);
    expect(shown).toContain(STAGE_KK);
    expect(shown).toContain(`${STATUS_LABELS.kk.expectedDate}${dateWords(resultDue, 'kk')}`);
    // Nothing of the person.
    const whole = await phone.content();
    for (const secret of [iin, 'Жұмабаева', 'Гүлшат']) expect(whole).not.toContain(secret);
    await phone.screenshot({ path: join(ARTIFACTS, 'status-page-kk.png'), fullPage: true });
  });

  it('answers in Russian through the page’s own link', async () => {
    await phone.getByRole('link', { name: 'Русский' }).click();
    await phone.getByRole('heading', { name: STATUS_LABELS.ru.title }).waitFor();
    await phone.getByLabel(STATUS_LABELS.ru.iin4).fill(iin4);
    await phone.getByRole('button', { name: STATUS_LABELS.ru.check }).click();
    await phone.locator('dl').waitFor();
    const shown = plain(await phone.locator('dl').textContent());
    expect(shown).toContain(SERVICE_NAMES['003-06']?.ru);
    expect(shown).toContain(STAGE_RU);
    expect(shown).toContain(`${STATUS_LABELS.ru.expectedDate}${dateWords(resultDue, 'ru')}`);
    await phone.screenshot({ path: join(ARTIFACTS, 'status-page-ru.png'), fullPage: true });
  });

  it('gives wrong digits the one neutral message', async () => {
    await phone.goto(statusUrl);
    const wrong = String((Number(iin4) + 1) % 10_000).padStart(4, '0');
    await phone.getByLabel(STATUS_LABELS.kk.iin4).fill(wrong);
    const answered = phone.waitForResponse((r) => r.request().method() === 'POST');
    await phone.getByRole('button', { name: STATUS_LABELS.kk.check }).click();
    expect((await answered).status()).toBe(404);
    await phone.getByRole('alert').filter({ hasText: STATUS_LABELS.kk.notFound }).waitFor();
    expect(await phone.locator('dl').count()).toBe(0);
  });

  it('meets the limit of tries with a polite message and when to try again', async () => {
    // The tries above spent most of the minute's; a slow machine may have earned one back.
    let status = 0;
    for (let i = 0; i < TRIES_PER_MINUTE + 3 && status !== 429; i++) {
      await phone.goto(statusUrl);
      await phone.getByLabel(STATUS_LABELS.kk.iin4).fill(iin4);
      const answered = phone.waitForResponse((r) => r.request().method() === 'POST');
      await phone.getByRole('button', { name: STATUS_LABELS.kk.check }).click();
      status = (await answered).status();
    }
    expect(status).toBe(429);
    const message = await phone.getByRole('alert').textContent();
    expect(message).toMatch(/^Тексеру тым жиі сұралды\. \d+ секундтан кейін қайталап көріңіз\.$/);
    expect(await phone.locator('dl').count()).toBe(0);
    await phone.screenshot({ path: join(ARTIFACTS, 'status-page-limited.png'), fullPage: true });
  });

  it('answers the same on the village device with no network, in either language', async () => {
    await page.goto(`${suite.server.url}/#/today`);
    await village.setOffline(true);
    await app.goto('status');
    await page.getByRole('heading', { level: 1, name: kk.statusLookup.title }).waitFor();
    await page.getByLabel(kk.statusLookup.number).fill(number);
    await page.getByLabel(kk.statusLookup.iin4).fill(iin4);
    await page.getByRole('button', { name: kk.statusLookup.check }).click();
    const answer = page.getByRole('region', { name: kk.statusLookup.answer }).locator('dl');
    await answer.waitFor();
    const shown = plain(await answer.textContent());
    expect(shown).toBe(
      `${STATUS_LABELS.kk.service}${SERVICE_NAMES['003-06']?.kk}` +
        `${STATUS_LABELS.kk.stage}${STAGE_KK}` +
        `${STATUS_LABELS.kk.expectedDate}${dateWords(resultDue, 'kk')}`,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'status-device-kk.png'), fullPage: true });

    // Wrong digits: the same neutral message as the page.
    await page.getByLabel(kk.statusLookup.iin4).fill('0000' === iin4 ? '0001' : '0000');
    await page.getByRole('button', { name: kk.statusLookup.check }).click();
    await page.getByRole('status').filter({ hasText: STATUS_LABELS.kk.notFound }).waitFor();
    // Not four digits: said, and nothing asked.
    await page.getByLabel(kk.statusLookup.iin4).fill('12a');
    await page.getByRole('button', { name: kk.statusLookup.check }).click();
    await page.getByRole('alert').filter({ hasText: kk.statusLookup.iin4Invalid }).waitFor();

    await app.switchLanguage('ru');
    await page.getByLabel(ru.statusLookup.iin4).fill(iin4);
    await page.getByRole('button', { name: ru.statusLookup.check }).click();
    const ruAnswer = page.getByRole('region', { name: ru.statusLookup.answer }).locator('dl');
    await ruAnswer.waitFor();
    expect(plain(await ruAnswer.textContent())).toBe(
      `${STATUS_LABELS.ru.service}${SERVICE_NAMES['003-06']?.ru}` +
        `${STATUS_LABELS.ru.stage}${STAGE_RU}` +
        `${STATUS_LABELS.ru.expectedDate}${dateWords(resultDue, 'ru')}`,
    );
    await page.screenshot({ path: join(ARTIFACTS, 'status-device-ru.png'), fullPage: true });
    await app.switchLanguage('kk');
    await village.setOffline(false);
  });

  it('is left to the server by the app’s service worker', async () => {
    // The app's own browser, its service worker in control: the status address is the
    // server's page, not the app's shell.
    const response = await page.goto(statusUrl);
    expect(response?.status()).toBe(200);
    await page.getByRole('heading', { name: STATUS_LABELS.kk.title }).waitFor();
    expect(await page.locator('script').count()).toBe(0);
  });
});
