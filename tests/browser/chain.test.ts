/**
 * The whole chain in a real Chromium against the real server, the way people use it: a village
 * device works offline (registers applications, prints a talon, reloads with no connection,
 * sends a transfer batch), comes back online and syncs; the district device receives, drafts
 * the decisions, the head signs each after reading it and sends the results back; the village
 * hands them out and each case closes with its full history. (The steps other regulations add —
 * the commission of 004-01, the sector head's visa, a return — are walked in process.test.ts.)
 */
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SERVICE_NAMES } from '../../src/domain/catalog/names';
import { PAPER_LABELS } from '../../src/features/print/labels';
import { AKIMAT_OFFICES } from '../../sync-server/seed/aktogay';
import { AppPage, CasePage, IntakePage } from './pages/app';
import { PaperPage } from './pages/paper';
import { ResultsPage } from './pages/results';
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
import { kk } from './support/texts';

/** The events of a case of 003-06 from intake to hand-out. */
const CHAIN_EVENTS = [
  'case_registered',
  'batch_sent',
  'case_received',
  'case_decided',
  'case_signed',
  'result_sent',
  'result_received',
  'result_handed_out',
] as const;

describe('akimat → district → akimat', () => {
  let suite: BrowserSuite;
  let village: BrowserContext;
  let vPage: Page;
  let dPage: Page;

  beforeAll(async () => {
    suite = await startBrowserSuite();
    vPage = await suite.newPage();
    dPage = await suite.newPage();
    village = vPage.context();
    // The last screen of each device, for whoever reads a failure.
    suite.keepLastScreen(vPage, 'last-village');
    suite.keepLastScreen(dPage, 'last-district');
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('runs the chain with the village offline for intake and transfer', async () => {
    const { server } = suite;
    const v = new AppPage(vPage);
    await v.open(server.url);
    await v.waitForServiceWorker();
    await v.enroll(await server.enrollCode('akt-01', 'akimat'));
    await v.signIn(kk.roles.akimat_specialist, '111111');

    // Offline from here: nothing below reaches the server.
    await village.setOffline(true);
    const intake = new IntakePage(vPage);
    const applicants = [
      { iin: makeIin('850412', 4, 1234), surname: 'Сейітқалиева', givenName: 'Гүлназ' },
      { iin: makeIin('900101', 3, 2001), surname: 'Жақыпов', givenName: 'Ерлан' },
      { iin: makeIin('920615', 4, 3100), surname: 'Әбенова', givenName: 'Айгүл' },
    ];
    const regNumbers: string[] = [];
    for (const [i, applicant] of applicants.entries()) {
      await v.goto('intake');
      regNumbers.push(await intake.register(i === 2 ? '003-13' : '003-06', applicant));
    }
    expect(new Set(regNumbers).size).toBe(3);
    expect(regNumbers[0]).toMatch(/^01-\d{2}-01-0001$/);

    // The talon of the first case, printed while offline.
    await vPage.goto(`${server.url}/#/journal`);
    await vPage.getByRole('link', { name: regNumbers[0] }).click();
    await vPage.getByRole('link', { name: kk.talon.open }).click();
    const talon = vPage.getByRole('article', { name: PAPER_LABELS.kk.talon.title });
    await talon.and(vPage.locator('[data-ready="true"]')).waitFor();
    await expect(talon.getByTestId('talon-number').textContent()).resolves.toBe(regNumbers[0]);
    // The day with its month in words, the year with its "ж." (no-break spaces inside each).
    const due = (await talon.getByTestId('talon-result-due').textContent()) ?? '';
    expect(due).toMatch(/^\d{1,2}\u00a0\S+ \d{4}\u00a0ж\.$/);
    await expect(talon.textContent()).resolves.toContain('Сейітқалиева');
    // The QR code carries the status page's address: no PUBLIC_URL, so the server the device
    // enrolled with, and the case's number.
    const paper = new PaperPage(vPage);
    expect(await paper.qrText()).toBe(`${server.url}/s/${regNumbers[0]}`);
    // The printed file reads as the talon of this case, in Kazakh, on A4.
    const c = await readCase(vPage, regNumbers[0] ?? '');
    const office = AKIMAT_OFFICES.find((o) => o.id === 'akt-01');
    const { paper: pdf } = await paper.pdf(join(ARTIFACTS, 'talon-a4.pdf'));
    expectLanguage(pdf, 'kk', [
      ...printedAlways(PAPER_LABELS.kk.talon),
      PAPER_LABELS.kk.talon.term.workingDays,
      office?.name.kk ?? 'akt-01',
      SERVICE_NAMES['003-06']?.kk ?? '003-06',
      'Сейітқалиева Гүлназ',
      applicants[0]?.iin ?? '',
      dateTimeWords(c.registeredAt, 'kk'),
      dateWords(c.resultDue, 'kk'),
      c.acceptedBy.shortName,
    ]);
    // The talon and its stub carry the number, and the address printed under the code a third.
    expect(squash(pdf.text).split(regNumbers[0] ?? '').length - 1).toBe(3);
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.pages[0]?.width).toBeCloseTo(A4.short, 0);
    expectBundledFont(pdf);
    await vPage.screenshot({ path: join(ARTIFACTS, 'talon.png'), fullPage: true });

    // A reload with no connection: the service worker serves the app, the data is still there.
    await vPage.goto(`${server.url}/#/journal`);
    await vPage.reload();
    await vPage.getByRole('heading', { name: kk.journal.title }).waitFor();
    for (const n of regNumbers) await vPage.getByRole('link', { name: n }).waitFor();

    // Transfer batch, still offline.
    await v.goto('transfer');
    await vPage.getByLabel(kk.transfer.selectAll).check();
    await vPage.getByRole('button', { name: /Тізіліммен жіберу/ }).click();
    await vPage.getByRole('link', { name: kk.transfer.printRegister }).waitFor();
    await expect(vPage.getByText(/әрекет жіберілмеді/).textContent()).resolves.toMatch(/^6 /);

    // Back online: the outbox drains.
    await village.setOffline(false);
    await v.syncNow();
    await v.waitAllSent();

    // District: receive each file, decide, sign, send back.
    const d = new AppPage(dPage);
    await d.open(server.url);
    await d.enroll(await server.enrollCode('akt-district', 'district'));
    await d.signIn(kk.roles.district_executor, '333333');
    await d.syncNow();
    for (const n of regNumbers) {
      await dPage.getByRole('button', { name: `${kk.actions.case_received} ${n}` }).click();
      await new CasePage(dPage).confirm();
    }
    for (const [i, n] of regNumbers.entries()) {
      await d.goto('district');
      await dPage.getByRole('link', { name: n }).first().click();
      // 003-06 refers to the Standard for its refusal grounds: the refusal is written out.
      await new CasePage(dPage).draft(
        i === 1
          ? { reason: 'Отбасының орташа табысы азық-түлік себетінің құнынан асады.' }
          : { approve: true },
      );
    }
    await d.signOut();
    await d.signIn(kk.roles.district_head, '444444');
    for (const n of regNumbers) {
      await d.goto('district');
      await dPage
        .getByRole('region', { name: new RegExp(kk.district.toSign) })
        .getByRole('link', { name: n })
        .click();
      await new CasePage(dPage).sign();
    }
    // The akimat's three results go back in one action, as one results batch.
    await d.goto('district');
    await dPage
      .getByRole('region', { name: new RegExp(`^${kk.district.toSend}`) })
      .getByRole('button', { name: /\(3\)/ })
      .first()
      .click();
    await new CasePage(dPage).confirm();
    await d.waitAllSent();

    // Village: results arrive and are handed out; cases close.
    await v.goto('results');
    await v.syncUntil(
      vPage.getByRole('button', {
        name: `${kk.actions.result_received} ${regNumbers[regNumbers.length - 1]}`,
        exact: true,
      }),
    );
    for (const n of regNumbers) await new ResultsPage(vPage).receiveOne(n);
    for (const n of regNumbers) {
      await vPage.getByRole('button', { name: `${kk.results.handOutToApplicant} ${n}` }).click();
      await new CasePage(vPage).confirm();
    }
    await v.waitAllSent();

    await vPage
      .getByRole('region', { name: new RegExp(kk.results.closed) })
      .getByRole('link', { name: regNumbers[1] })
      .click();
    const casePage = new CasePage(vPage);
    await expect.poll(() => casePage.status()).toBe(kk.status.closed);
    await expect(vPage.getByText(kk.outcome.refused).count()).resolves.toBeGreaterThan(0);
    // The whole history: 8 events (header row + 8), each naming a person and a device.
    await expect.poll(() => casePage.historyRows().count()).toBe(9);
    const history =
      (await vPage.getByRole('region', { name: kk.case.history }).textContent()) ?? '';
    for (const type of CHAIN_EVENTS) expect(history).toContain(kk.eventTypes[type]);
    expect(history).toContain(kk.roles.district_head);
    expect(history).toContain(kk.roles.akimat_specialist);
    expect(history).not.toContain(kk.eventStatus.pending);
    await vPage.screenshot({ path: join(ARTIFACTS, 'case-closed.png'), fullPage: true });

    // A new district device takes the closed cases in its initial sync, one history row per
    // case, and the case screen shows each case's whole history from there.
    const fPage = await suite.newPage();
    const fresh = fPage.context();
    try {
      const f = new AppPage(fPage);
      await f.open(server.url);
      await f.enroll(await server.enrollCode('akt-district', 'district'));
      await f.signIn(kk.roles.district_executor, '333333');
      const histories = () =>
        fPage.evaluate(
          () =>
            new Promise<number>((resolve, reject) => {
              const open = indexedDB.open('qabyldau');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const request = open.result
                  .transaction('histories')
                  .objectStore('histories')
                  .count();
                request.onsuccess = () => {
                  open.result.close();
                  resolve(request.result);
                };
              };
            }),
        );
      await expect.poll(histories, { timeout: 30_000 }).toBe(regNumbers.length);
      await f.goto('journal');
      await fPage.getByRole('link', { name: regNumbers[1] }).first().click();
      const freshCase = new CasePage(fPage);
      await expect.poll(() => freshCase.status()).toBe(kk.status.closed);
      await expect.poll(() => freshCase.historyRows().count()).toBe(9);
      const freshHistory =
        (await fPage.getByRole('region', { name: kk.case.history }).textContent()) ?? '';
      for (const type of CHAIN_EVENTS) expect(freshHistory).toContain(kk.eventTypes[type]);
    } finally {
      await fresh.close();
    }
  });
});
