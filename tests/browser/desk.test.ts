/**
 * The district department's desk in a real Chromium against the real server, a village device
 * and a district device syncing for real (a second desk of the village, the app's own device
 * code in this process, takes a 004-01 application through the akim's commission):
 *
 * - the village sends four files in one transfer batch; the district sees the batch under its
 *   akimat with its register, confirms it but for one exception, and returns the exception
 *   with a reason, which the village sees;
 * - the head assigns three cases to an executor at once; the work lists group by executor, and
 *   a reload keeps the grouping;
 * - the executor drafts (an approval, a refusal in words), the sector head endorses the 004-01
 *   draft from the queue, the head reads each draft in full there and signs after confirming;
 * - the three results go back to the akimat in one action as one results batch, whose register
 *   prints; the village confirms the batch in one action but for a result missing from the
 *   packet, then that one alone;
 * - the decision notice, printed in Kazakh and Russian, read from its PDF.
 *
 * One server and one browser for the file; the tests run in order and share the devices.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/domain/catalog';
import { PAPER_LABELS } from '../../src/features/print/labels';
import { AppPage, CasePage, IntakePage } from './pages/app';
import { DeskPage } from './pages/desk';
import { PaperPage } from './pages/paper';
import { ResultsPage } from './pages/results';
import { launchChromium } from './support/browser';
import { openDesk } from './support/desk';
import { readCase } from './support/device';
import { makeIin } from './support/iins';
import { squash } from './support/paper';
import {
  dateWords,
  expectBundledFont,
  expectLanguage,
  printedAlways,
} from './support/paper-checks';
import { freePort, ServerProcess } from './support/server';
import { kk } from './support/texts';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results');
const REFUSAL = 'Отбасының орташа табысы азық-түлік себетінің құнынан асады.';
const RETURN_REASON = 'Тізілімде бар, бірақ іс қағаздары бумада жоқ.';

describe('the district desk', () => {
  let server: ServerProcess;
  let browser: Browser;
  let village: BrowserContext;
  let district: BrowserContext;
  let vPage: Page;
  let dPage: Page;
  let v: AppPage;
  let d: AppPage;
  let desk: DeskPage;
  /** 003-06: approved, refused, returned; 004-01 through the commission, with a visa */
  let nA = '';
  let nB = '';
  let nC = '';
  let nD = '';
  let batchNumber = '';
  let resultsNumber = '';
  let officeName = '';

  /** The screen in Kazakh, then in Russian, then back to Kazakh. */
  async function shoot(app: AppPage, name: string): Promise<void> {
    await app.page.screenshot({ path: join(ARTIFACTS, `${name}-kk.png`), fullPage: true });
    await app.switchLanguage('ru');
    await app.page.screenshot({ path: join(ARTIFACTS, `${name}-ru.png`), fullPage: true });
    await app.switchLanguage('kk');
  }

  async function signInAs(role: keyof typeof kk.roles, pin: string): Promise<void> {
    await d.signOut();
    await d.signIn(kk.roles[role], pin);
    await d.goto('district');
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = new ServerProcess(await freePort());
    await server.start();
    browser = await launchChromium();
    village = await browser.newContext({ locale: 'kk-KZ', timezoneId: 'Asia/Almaty' });
    district = await browser.newContext({ locale: 'kk-KZ', timezoneId: 'Asia/Almaty' });
    vPage = await village.newPage();
    dPage = await district.newPage();
    v = new AppPage(vPage);
    d = new AppPage(dPage);
    desk = new DeskPage(dPage);
    await v.open(server.url);
    await v.enroll(await server.enrollCode('akt-01', 'akimat'));
    await v.signIn(kk.roles.akimat_specialist, '111111');
    await d.open(server.url);
    await d.enroll(await server.enrollCode('akt-district', 'district'));
    await d.signIn(kk.roles.district_executor, '333333');
  });

  afterAll(async () => {
    await vPage
      ?.screenshot({ path: join(ARTIFACTS, 'last-desk-village.png'), fullPage: true })
      .catch(() => {});
    await dPage
      ?.screenshot({ path: join(ARTIFACTS, 'last-desk-district.png'), fullPage: true })
      .catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('the village sends four files in one batch; the district confirms it but for an exception and returns that file', async () => {
    const intake = new IntakePage(vPage);
    const people = [
      { iin: makeIin('850412', 4, 1234), surname: 'Сейітқалиева', givenName: 'Гүлназ' },
      { iin: makeIin('900101', 3, 2001), surname: 'Жақыпов', givenName: 'Ерлан' },
      { iin: makeIin('920615', 4, 3100), surname: 'Әбенова', givenName: 'Айгүл' },
    ];
    const numbers: string[] = [];
    for (const person of people) {
      await v.goto('intake');
      numbers.push(await intake.register('003-06', person));
    }
    [nA, nB, nC] = numbers as [string, string, string];

    // The akim's desk takes a 004-01 family through the commission.
    const akim = await openDesk(server.url, await server.enrollCode('akt-01', 'akimat'), 'akim');
    const documents = CATALOG.services
      .find((s) => s.id === '004-01')
      ?.checklist.documents?.map((doc) => doc.id);
    const family = await akim.commands.registerCase({
      serviceId: '004-01',
      channel: 'akim',
      applicant: { iin: makeIin('880305', 4, 7300), surname: 'Нұрланова', givenName: 'Мәдина' },
      personalDataConsent: true,
      presentedDocuments: documents ?? [],
    });
    if (!family.ok) throw new Error(JSON.stringify(family));
    nD = family.value.regNumber;
    const id = family.value.caseId;
    expect((await akim.commands.orderCommission(id)).ok).toBe(true);
    const act = await akim.commands.recordInspection(id, {
      actDate: (await akim.db.cases.get(id))?.registeredAt.slice(0, 10) ?? '',
      members: ['Оспанов Қ. Б. — төраға', 'Бекова Л. Қ.'],
      findings: 'Отбасында 3 бала, тұрақты табысы жоқ.',
      conclusion: 'needy',
      conclusionText: 'Отбасы жәрдемақыға мұқтаж.',
    });
    expect(act.ok, JSON.stringify(act)).toBe(true);
    await akim.push();

    // One batch of all four.
    await v.syncNow();
    await v.goto('transfer');
    await vPage.getByRole('listitem').filter({ hasText: nD }).waitFor();
    await vPage.getByLabel(kk.transfer.selectAll).check();
    await vPage.getByRole('button', { name: /Тізіліммен жіберу \(4/ }).click();
    await vPage.getByRole('link', { name: kk.transfer.printRegister }).waitFor();
    await v.waitAllSent();
    batchNumber = (await readCase(vPage, nA)).batchNumber ?? '';
    expect(batchNumber).toMatch(/^T01-/);

    // The district: the batch under its akimat, with its register.
    await d.syncNow();
    await desk.batch(batchNumber).waitFor();
    const offices = JSON.parse(await server.cli(['offices', '--json'])) as {
      id: string;
      name: { kk: string };
    }[];
    officeName = offices.find((o) => o.id === 'akt-01')?.name.kk ?? '';
    await desk.region(officeName).waitFor();
    await expect(
      desk
        .batch(batchNumber)
        .getByRole('link', { name: kk.transfer.printRegister })
        .getAttribute('href'),
    ).resolves.toBe(`#/print/register/${batchNumber}`);
    await expect
      .poll(() => desk.batchCounts(batchNumber))
      .toBe('Расталды: 0 · Күтілуде: 4 · Қайтарылды: 0');
    await desk.markException(nC);
    await shoot(d, 'desk-incoming');
    const question = await desk.receiveBatch(batchNumber);
    expect(question).toContain('3 ісі келді деп расталады');
    expect(question).toContain('(1)');
    await expect
      .poll(() => desk.batchCounts(batchNumber))
      .toBe('Расталды: 3 · Күтілуде: 1 · Қайтарылды: 0');

    // The exception goes back with its reason; the batch then leaves the incoming files.
    const asked = await desk.returnFile(batchNumber, nC, RETURN_REASON);
    expect(asked).toContain(kk.confirm.irreversible);
    await desk.batch(batchNumber).waitFor({ state: 'detached' });
    await dPage.getByText(kk.desk.noIncoming).waitFor();
    await d.waitAllSent();

    // The village sees the file returned, with the reason.
    await v.goto('results');
    const returned = vPage
      .getByRole('region', { name: new RegExp(kk.results.returned) })
      .getByRole('link', { name: nC });
    await v.syncUntil(returned);
    await returned.click();
    const vc = new CasePage(vPage);
    await vc.waitForStatus(kk.status.returned);
    await vPage.getByText(RETURN_REASON).first().waitFor();
  }, 300_000);

  it('the head assigns three cases at once; the work lists group by executor and a reload keeps it', async () => {
    await signInAs('district_head', '444444');
    await desk.group(kk.desk.stage.draft).waitFor();
    await desk.assign([nA, nB, nD]);
    await expect.poll(async () => (await readCase(dPage, nA)).executorId ?? '').not.toBe('');
    const executorId = (await readCase(dPage, nA)).executorId;
    expect((await readCase(dPage, nB)).executorId).toBe(executorId);
    expect((await readCase(dPage, nD)).executorId).toBe(executorId);

    await desk.groupBy('executor');
    await expect.poll(() => dPage.url()).toContain('#/district?by=executor');
    await dPage.reload();
    await expect(
      dPage.getByRole('radio', { name: kk.desk.by.executor, exact: true }).isChecked(),
    ).resolves.toBe(true);
    const groups = desk.region(kk.desk.workTitle).getByRole('region');
    await expect.poll(() => groups.count()).toBe(1);
    const only = (await groups.first().textContent()) ?? '';
    for (const n of [nA, nB, nD]) expect(only).toContain(n);
    await shoot(d, 'desk-worklists-by-executor');
    await desk.groupBy('stage');
  }, 240_000);

  it('the executor drafts, the sector head endorses from the queue, the head reads each draft in full and signs after confirming', async () => {
    await signInAs('district_executor', '333333');
    const c = new CasePage(dPage);
    for (const [n, decision] of [
      [nA, { approve: true }],
      [nB, { reason: REFUSAL }],
      [nD, { approve: true }],
    ] as const) {
      await d.openCase(n);
      await c.draft(decision);
    }

    await signInAs('district_sector_head', '666666');
    await desk.draft(nD).waitFor();
    await expect(desk.draft(nA).count()).resolves.toBe(0);
    await expect.poll(() => desk.draftText(nD)).toContain(kk.outcome.approved);
    await shoot(d, 'desk-visa-queue');
    const visa = await desk.review(nD, kk.actions.case_endorsed);
    expect(visa).toContain(kk.confirm.case_endorsed);
    await desk.draft(nD).waitFor({ state: 'detached' });

    await signInAs('district_head', '444444');
    await desk.draft(nB).waitFor();
    // The refusal in full, with who drafted it; the 004-01 draft with the sector head's visa.
    await expect.poll(() => desk.draftText(nB), { timeout: 15_000 }).toContain('Қожахметова');
    const draftB = await desk.draftText(nB);
    expect(draftB).toContain(kk.outcome.refused);
    expect(draftB).toContain(REFUSAL);
    await expect
      .poll(() => desk.draftText(nD), { timeout: 15_000 })
      .toContain(kk.draft.visa.split(':')[0] as string);
    await expect(desk.draft(nB).textContent()).resolves.toContain(kk.desk.executor);
    await shoot(d, 'desk-head-queue');
    await desk.draft(nB).getByRole('button', { name: kk.actions.case_signed, exact: true }).click();
    const dialog = (await dPage.getByRole('dialog').textContent()) ?? '';
    expect(dialog).toContain(REFUSAL);
    expect(dialog).toContain(kk.confirm.case_signed);
    await dPage.screenshot({ path: join(ARTIFACTS, 'desk-sign-dialog-kk.png') });
    await desk.confirm();
    for (const n of [nA, nD]) await desk.review(n, kk.actions.case_signed);
    await dPage.getByText(kk.desk.noDrafts).waitFor();
    for (const n of [nA, nB, nD]) {
      await expect.poll(async () => (await readCase(dPage, n)).status).toBe('signed');
    }
  }, 300_000);

  it('sends the three results back in one action as one results batch, which arrives at the village', async () => {
    const toSend = desk.region(kk.district.toSend);
    await expect.poll(() => toSend.getByRole('listitem').count()).toBe(3);
    await shoot(d, 'desk-results');
    const question = await desk.sendResults(officeName);
    expect(question).toContain('3 нәтиже бір тізіліммен жіберіледі');
    expect(question).toContain(officeName);
    const sent = desk.region(kk.district.sentBack);
    const link = sent.getByRole('link', { name: kk.desk.printResults });
    await link.waitFor();
    resultsNumber = (await readCase(dPage, nA)).resultBatchNumber ?? '';
    expect(resultsNumber).toMatch(/^N/);
    for (const n of [nB, nD]) {
      expect((await readCase(dPage, n)).resultBatchNumber).toBe(resultsNumber);
    }
    await expect(link.getAttribute('href')).resolves.toBe(`#/print/results/${resultsNumber}`);
    await d.waitAllSent();

    // The register of the results batch, read from its PDF.
    const paper = new PaperPage(dPage);
    await paper.open(server.url, { paper: 'results', id: resultsNumber, lang: 'kk', size: 'a4' });
    const { paper: pdf } = await paper.pdf(join(ARTIFACTS, 'paper-results-kk-a4.pdf'));
    expectBundledFont(pdf);
    expectLanguage(pdf, 'kk', [
      ...printedAlways(PAPER_LABELS.kk.results),
      PAPER_LABELS.kk.results.total(3),
      resultsNumber,
      nA,
      nB,
      nD,
      PAPER_LABELS.kk.outcome.refused,
    ]);
    expect(squash(pdf.text)).not.toContain(squash(nC));

    // The village opens the packet against the batch's register: nD is not in it, the rest
    // is confirmed in one action; nD alone when it comes.
    await v.goto('results');
    const results = new ResultsPage(vPage);
    const card = results.batch(resultsNumber);
    await v.syncUntil(card);
    await expect(results.batchCounts(resultsNumber)).resolves.toBe(
      kk.results.counts.replace('{{received}}', '0').replace('{{waiting}}', '3'),
    );
    await expect(
      card.getByRole('link', { name: kk.results.printRegister }).getAttribute('href'),
    ).resolves.toBe(`#/print/results/${resultsNumber}`);
    await results.markMissing(nD);
    await shoot(v, 'results-village-batch');
    const said = await results.receiveBatch(resultsNumber);
    expect(said).toContain(`№ ${resultsNumber}`);
    expect(said).toContain('2 нәтижесі');
    expect(said).toContain('(1)');
    for (const n of [nA, nB]) {
      await expect.poll(async () => (await readCase(vPage, n)).status).toBe('result_received');
    }
    expect((await readCase(vPage, nD)).status).toBe('result_sent');
    await expect
      .poll(() => results.batchCounts(resultsNumber))
      .toBe(kk.results.counts.replace('{{received}}', '2').replace('{{waiting}}', '1'));
    expect(await results.receiveOne(nD)).toContain(nD);
    await card.waitFor({ state: 'detached' });
    await v.waitAllSent();
    await expect.poll(async () => (await readCase(vPage, nD)).status).toBe('result_received');
    expect((await readCase(vPage, nB)).resultBatchNumber).toBe(resultsNumber);
  }, 240_000);

  it('prints the decision notice in Kazakh and Russian, from the case’s papers', async () => {
    // From the results register's print view back to the app.
    await dPage.goto(`${server.url}/#/district`);
    await d.openCase(nB);
    const link = dPage.getByRole('link', { name: kk.papers.notice });
    await expect(link.getAttribute('href')).resolves.toBe(`#/print/notice/${nB}`);
    const paper = new PaperPage(dPage);
    const rowB = await readCase(dPage, nB);
    for (const lang of ['kk', 'ru'] as const) {
      const l = PAPER_LABELS[lang];
      await paper.open(server.url, { paper: 'notice', id: nB, lang, size: 'a4' });
      const { paper: refusal } = await paper.pdf(
        join(ARTIFACTS, `paper-notice-refused-${lang}.pdf`),
      );
      expectBundledFont(refusal);
      expectLanguage(refusal, lang, [
        ...printedAlways(l.notice),
        l.notice.statement.refused,
        l.notice.statement.appeal,
        l.notice.words.grounds,
        l.outcome.refused,
        REFUSAL,
        nB,
        dateWords(rowB.registeredAt, lang),
        'Жақыпов Ерлан',
      ]);
      expect(squash(refusal.text)).not.toContain(squash(l.notice.statement.approved));

      await paper.open(server.url, { paper: 'notice', id: nA, lang, size: '80mm' });
      const { paper: approval } = await paper.pdf(
        join(ARTIFACTS, `paper-notice-approved-${lang}-80mm.pdf`),
      );
      expectLanguage(approval, lang, [...printedAlways(l.notice), l.notice.statement.approved, nA]);
      expect(squash(approval.text)).not.toContain(squash(l.notice.statement.refused));
    }
    await paper.open(server.url, { paper: 'notice', id: nB, lang: 'ru', size: 'a4' });
    await dPage.screenshot({ path: join(ARTIFACTS, 'paper-notice-ru.png'), fullPage: true });
  }, 240_000);
});
