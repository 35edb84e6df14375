/**
 * The desk's papers (issue 13), printed to PDF in a real Chromium from the built app against the
 * real server, in Kazakh and Russian, on A4 and the 80 mm roll, with the interface in the other
 * language at least once: the acceptance receipt of an application brought by a representative
 * (original and copy documents, the power of attorney, the result's day, hours and place, the
 * status page's QR code decoded), the refusal receipt of an incomplete package with a document
 * out of date, the akim's order to the commission and its inspection act for 004-01, the akim's
 * certificate for 003-16 and its hand-out to the representative, one click from the case.
 *
 * The intake screen has no representative or desk refusal yet: a second desk of the same office
 * (the app's device code in this process, `support/desk.ts`) takes those applications and the
 * browser's device pulls them, as it pulls a colleague's. One server and one browser for the
 * file; the tests run in order. The PDFs land in test-results/ as paper-desk-*.pdf.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRow } from '../../src/db/schema';
import { CATALOG } from '../../src/domain/catalog';
import { shortName } from '../../src/domain/names';
import { PAPER_LABELS } from '../../src/features/print/labels';
import { AKIMAT_OFFICES } from '../../sync-server/seed/aktogay';
import { AppPage, CasePage } from './pages/app';
import { type PaperAddress, PaperPage } from './pages/paper';
import { launchChromium } from './support/browser';
import { type Desk, openDesk } from './support/desk';
import { readCase } from './support/device';
import { makeIin } from './support/iins';
import { squash } from './support/paper';
import {
  A4,
  dateTimeWords,
  dateWords,
  expectBundledFont,
  expectLanguage,
  expectRollPages,
  type Lang,
  printedAlways,
} from './support/paper-checks';
import { freePort, ServerProcess } from './support/server';
import { kk, ru } from './support/texts';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results');
const PUBLIC_URL = 'https://qabyldau.aktogay.example';
/** Each paper in both languages and sizes; the interface in the other language twice. */
const PRINTS = [
  ['kk', 'a4', 'kk'],
  ['ru', 'a4', 'kk'],
  ['kk', '80mm', 'ru'],
  ['ru', '80mm', 'ru'],
] as const;

function service(id: string) {
  const found = CATALOG.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}
const documentName = (serviceId: string, id: string, lang: Lang) =>
  service(serviceId).checklist.documents?.find((d) => d.id === id)?.name[lang] ?? `?${id}`;

/** An ISO date some days before today, for a power of attorney issued before it is used. */
function daysAgo(n: number): string {
  const d = new Date(Date.now() - n * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('the desk’s papers', () => {
  let server: ServerProcess;
  let browser: Browser;
  let village: BrowserContext;
  let page: Page;
  let app: AppPage;
  let paper: PaperPage;
  let desk: Desk;
  const office = AKIMAT_OFFICES.find((o) => o.id === 'akt-01');

  const applicant = {
    iin: makeIin('850412', 4, 7100),
    surname: 'Сейітқалиева',
    givenName: 'Гүлназ',
    patronymic: 'Нұрланқызы',
    address: 'Ақтоғай ауылы, Бейбітшілік көшесі, 12',
  };
  const representative = {
    iin: makeIin('790630', 3, 7200),
    surname: 'Жақыпов',
    givenName: 'Ерлан',
    patronymic: 'Серікұлы',
    powerOfAttorney: { number: '0457', date: daysAgo(6), issuer: 'нотариус Ә. Қасенова' },
  };
  const repName = 'Жақыпов Ерлан Серікұлы';
  /** 004-01 through the commission: the receipt, the order and the act */
  let family: CaseRow;
  /** 003-16 signed by the akim and handed out to the representative */
  let certificate: CaseRow;
  /** 004-01 refused at the desk */
  let refusal: CaseRow;
  const copies = ['birth_certificates', 'identity_document'];
  const presented004 = (service('004-01').checklist.documents ?? [])
    .filter((d) => !d.isOptional)
    .map((d) => d.id);

  async function print(address: PaperAddress, name: string) {
    await paper.open(server.url, address);
    return (await paper.pdf(join(ARTIFACTS, `paper-desk-${name}.pdf`))).paper;
  }

  /** Another person signs in on the village device, from a work screen (papers have no header). */
  async function signInAs(role: string, pin: string): Promise<void> {
    await page.goto(`${server.url}/#/journal`);
    await app.signOut();
    await app.signIn(role, pin);
  }

  async function interfaceIn(lang: Lang): Promise<void> {
    await page.goto(`${server.url}/#/journal`);
    await app.switchLanguage(lang);
  }

  /** The sentence the print view shows for a wrong paper, in Kazakh. */
  async function expectProblem(address: PaperAddress, code: keyof typeof kk.print.problem) {
    await page.goto(`${server.url}/${PaperPage.hash(address)}`);
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      kk.print.problem[code].replace('{{id}}', address.id ?? ''),
    );
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = new ServerProcess(await freePort(), { PUBLIC_URL });
    await server.start();
    browser = await launchChromium();
    village = await browser.newContext({ locale: 'kk-KZ', timezoneId: 'Asia/Almaty' });
    page = await village.newPage();
    app = new AppPage(page);
    paper = new PaperPage(page);
    await app.open(server.url);
    await app.enroll(await server.enrollCode('akt-01', 'akimat'));
    await app.signIn(kk.roles.akimat_specialist, '111111');
    desk = await openDesk(server.url, await server.enrollCode('akt-01', 'akimat'));
  });

  afterAll(async () => {
    await page
      ?.screenshot({ path: join(ARTIFACTS, 'last-papers-desk.png'), fullPage: true })
      .catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('takes an application by a representative, a certificate’s and a refused one at the second desk', async () => {
    const base = { channel: 'akim' as const, personalDataConsent: true };
    const a = await desk.commands.registerCase({
      ...base,
      serviceId: '004-01',
      applicant,
      representative,
      presentedDocuments: presented004,
      copies,
    });
    const b = await desk.commands.registerCase({
      ...base,
      serviceId: '003-16',
      applicant: { ...applicant, iin: makeIin('880305', 4, 7300), givenName: 'Мәдина' },
      representative,
      presentedDocuments: [],
    });
    const r = await desk.commands.refuseApplication({
      ...base,
      serviceId: '004-01',
      applicant: { ...applicant, iin: makeIin('910220', 4, 7400), surname: 'Әбенова' },
      presentedDocuments: ['application', 'identity_document'],
      expiredDocuments: ['identity_document'],
    });
    if (!a.ok || !b.ok || !r.ok) throw new Error(JSON.stringify([a, b, r]));
    await desk.push();
    await app.syncNow();
    await expect.poll(() => readCase(page, r.value.refusalNumber).catch(() => null)).not.toBeNull();
    family = await readCase(page, a.value.regNumber);
    certificate = await readCase(page, b.value.regNumber);
    refusal = await readCase(page, r.value.refusalNumber);
    expect(refusal.status).toBe('refused_at_intake');
    expect(family.representative?.powerOfAttorney.number).toBe('0457');
  });

  it('prints the acceptance receipt: documents as original or copy, the representative, when and where the result is issued, the QR code', async () => {
    const n = family.regNumber;
    const presented = family.documents.filter((d) => d.isPresented);
    expect(presented.map((d) => d.form)).toContain('copy');
    expect(presented.map((d) => d.form)).toContain('original');
    for (const [lang, size, ui] of PRINTS) {
      await interfaceIn(ui);
      const pdf = await print({ paper: 'receipt', id: n, lang, size }, `receipt-${lang}-${size}`);
      const l = PAPER_LABELS[lang];
      const w = l.receipt.words;
      expectLanguage(pdf, lang, [
        ...printedAlways(l.receipt),
        ...Object.values(l.receipt.columns),
        l.receipt.count(presented.length),
        w.representative,
        w.original,
        w.copy,
        service('004-01').name[lang],
        `${applicant.surname} ${applicant.givenName} ${applicant.patronymic}`,
        `${w.address}: ${applicant.address}`,
        repName,
        l.common.powerOfAttorney(
          '0457',
          dateWords(representative.powerOfAttorney.date, lang),
          representative.powerOfAttorney.issuer,
        ),
        dateTimeWords(family.registeredAt, lang),
        `${dateWords(family.resultDue, lang)}, ${w.during} 09:00–18:00`,
        `${office?.name[lang]}, ${office?.address[lang]}`,
        family.acceptedBy.shortName,
        ...presented.map((d) => documentName('004-01', d.id, lang)),
        `${PUBLIC_URL}/s/${n}`,
      ]);
      const text = squash(pdf.text);
      // Each document's form right after its name (and, on the roll, the column's label).
      for (const d of presented) {
        const name = squash(documentName('004-01', d.id, lang));
        const form = squash(d.form === 'copy' ? w.copy : w.original);
        const after = text.slice(text.indexOf(name) + name.length);
        expect(
          after.startsWith(form) ||
            after.startsWith(squash(`${l.receipt.columns.form}:${form}`)) ||
            after.startsWith(squash(`${l.receipt.columns.form}${form}`)),
          `${d.id}: ${after.slice(0, 40)}`,
        ).toBe(true);
      }
      expect(text).toContain(applicant.iin);
      expect(text).toContain(representative.iin);
      expectBundledFont(pdf);
      if (size === '80mm') expectRollPages(pdf);
      else expect(pdf.pages[0]?.width).toBeCloseTo(A4.short, 0);
      expect(await paper.qrText()).toBe(`${PUBLIC_URL}/s/${n}`);
      // The controls speak the interface's language, whatever the paper's.
      const texts = ui === 'kk' ? kk : ru;
      await expect(page.getByRole('button', { name: texts.print.print }).count()).resolves.toBe(1);
    }
    await interfaceIn('kk');
  });

  it('prints the refusal receipt naming the missing and the expired documents and the ground', async () => {
    const n = refusal.regNumber;
    expect(n).toMatch(/^R\d{2}-\d{2}-\d{2}-\d{4}$/);
    const problems = refusal.intakeRefusal ?? [];
    const missing = problems.filter((p) => p.problem === 'missing').map((p) => p.id);
    expect(missing).toContain('family_income');
    expect(problems).toContainEqual({ id: 'identity_document', problem: 'expired' });
    for (const [lang, size, ui] of PRINTS) {
      await interfaceIn(ui);
      const pdf = await print({ paper: 'refusal', id: n, lang, size }, `refusal-${lang}-${size}`);
      const l = PAPER_LABELS[lang];
      expectLanguage(pdf, lang, [
        ...printedAlways(l.refusal),
        ...Object.values(l.refusal.columns),
        l.refusal.grounds.missing,
        l.refusal.grounds.expired,
        l.refusal.problems.missing,
        l.refusal.problems.expired,
        n,
        `Әбенова ${applicant.givenName} ${applicant.patronymic}`,
        dateTimeWords(refusal.registeredAt, lang),
        refusal.acceptedBy.shortName,
        service('004-01').name[lang],
        ...problems.map((p) => documentName('004-01', p.id, lang)),
      ]);
      const text = squash(pdf.text);
      // The application itself was presented: it is not named among what is missing.
      expect(text).not.toContain(squash(documentName('004-01', 'application', lang)));
      expectBundledFont(pdf);
      if (size === '80mm') expectRollPages(pdf);
    }
    await interfaceIn('kk');
    // The case screen offers the refusal receipt, and no talon for what was never accepted.
    await page.goto(`${server.url}/#/case/${refusal.id}`);
    await page.getByRole('link', { name: kk.papers.refusal }).click();
    await paper.article().and(page.locator('[data-ready="true"]')).waitFor();
    await expect(page.getByRole('link', { name: kk.talon.open }).count()).resolves.toBe(0);
    await expectProblem({ paper: 'receipt', id: n }, 'paper-is-refusal');
    await expectProblem({ paper: 'refusal', id: family.regNumber }, 'paper-not-refusal');
  });

  it('prints the akim’s order to the commission and the commission’s act with a line for each member', async () => {
    const members = ['Оспанов Қайрат Бекұлы — төраға', 'Бекова Ләззат Қанатқызы', 'Ахметов Т. С.'];
    const findings = 'Отбасында 4 бала, тұрақты табыс жоқ.';
    const conclusionText = 'Жәрдемақы тағайындауға ұсынылады.';
    await expectProblem({ paper: 'order', id: family.regNumber }, 'paper-no-commission');
    await signInAs(kk.roles.akim, '222222');
    await app.openCase(family.regNumber);
    const c = new CasePage(page);
    await c.orderCommission();
    await c.recordInspection({ members, findings, conclusion: 'needy', conclusionText });
    // The case's papers now include both, one click from the case.
    await page.getByRole('link', { name: kk.papers.order }).waitFor();
    await page.getByRole('link', { name: kk.papers.act }).click();
    await paper.article().and(page.locator('[data-ready="true"]')).waitFor();
    const row = await readCase(page, family.regNumber);
    const akim = (await desk.db.staff.toArray()).find((s) => s.role === 'akim');
    if (!akim || !row.commissionOrderedAt || !row.commissionAct) throw new Error('no order');
    const inspect = service('004-01').channels.akim?.steps.find((s) => s.stage === 'inspection');
    if (!inspect) throw new Error('004-01 has no inspection step');
    for (const [lang, size, ui] of PRINTS) {
      await interfaceIn(ui);
      const l = PAPER_LABELS[lang];
      const order = await print(
        { paper: 'order', id: family.regNumber, lang, size },
        `order-${lang}-${size}`,
      );
      expectLanguage(order, lang, [
        ...printedAlways(l.order),
        family.regNumber,
        dateWords(row.commissionOrderedAt, lang),
        l.duration(inspect.duration.value, inspect.duration.unit),
        `${l.order.words.address}: ${applicant.address}`,
        shortName(akim),
      ]);
      const act = await print(
        { paper: 'act', id: family.regNumber, lang, size },
        `act-${lang}-${size}`,
      );
      expectLanguage(act, lang, [
        ...printedAlways(l.act),
        l.act.conclusions.needy,
        family.regNumber,
        dateWords(row.commissionAct.actDate, lang),
        findings,
        conclusionText,
        ...members,
      ]);
      // A signature line for each member, and one for the applicant.
      expect(squash(act.text).split(squash(`${l.act.member}:`)).length - 1).toBe(members.length);
      for (const pdf of [order, act]) {
        expectBundledFont(pdf);
        if (size === '80mm') expectRollPages(pdf);
      }
    }
    await interfaceIn('kk');
    await expectProblem({ paper: 'result', id: family.regNumber }, 'paper-not-village-result');
  });

  it('prints the akim’s certificate for 003-16 and, after the hand-out to the representative, its receipt one click from the case', async () => {
    const n = certificate.regNumber;
    const c = new CasePage(page);
    await expectProblem({ paper: 'result', id: n }, 'paper-not-signed');
    // Still signed in as the akim: the akim signs, approving.
    // From the print view, which has no navigation: the case by its address.
    await page.goto(`${server.url}/#/case/${certificate.id}`);
    await c.sign(true);
    await expectProblem({ paper: 'handout', id: n }, 'paper-not-handed-out');
    await signInAs(kk.roles.akimat_specialist, '111111');
    await app.openCase(n);
    // The form starts from the representative who applied, with the power of attorney.
    await page.getByLabel(kk.handOut.representative).check();
    await expect(page.getByLabel(kk.handOut.name).inputValue()).resolves.toBe(repName);
    await page.getByRole('button', { name: kk.actions.result_handed_out, exact: true }).click();
    await c.confirm();
    await c.waitForStatus(kk.status.closed);
    await page.getByRole('link', { name: kk.papers.handout }).click();
    await paper.article().and(page.locator('[data-ready="true"]')).waitFor();
    await expect(paper.article().getAttribute('class')).resolves.toContain('paper-handout');

    const row = await readCase(page, n);
    const akim = (await desk.db.staff.toArray()).find((s) => s.role === 'akim');
    const specialist = (await desk.db.staff.toArray()).find((s) => s.role === 'akimat_specialist');
    if (!akim || !specialist) throw new Error('no staff');
    const signedDay = row.done.sign?.slice(0, 10) ?? '';
    expect(signedDay).not.toBe('');
    const handedOutAt = row.done.handout ?? '';
    expect(handedOutAt).not.toBe('');
    const year = Number(signedDay.slice(0, 4));
    const quarter = Math.floor((Number(signedDay.slice(5, 7)) - 1) / 3) + 1;
    const name = `${row.applicant.surname} ${row.applicant.givenName} ${row.applicant.patronymic}`;
    for (const [lang, size, ui] of PRINTS) {
      await interfaceIn(ui);
      const l = PAPER_LABELS[lang];
      const result = await print({ paper: 'result', id: n, lang, size }, `result-${lang}-${size}`);
      expectLanguage(result, lang, [
        ...printedAlways(l.result),
        l.result.asp.belongs(name, row.applicant.iin),
        l.result.asp.quarter(quarter, year),
        dateWords(signedDay, lang),
        service('003-16').name[lang],
        shortName(akim),
        n,
      ]);
      expect(squash(result.text)).not.toContain(
        squash(l.result.asp.notBelongs(name, row.applicant.iin)),
      );
      const handout = await print(
        { paper: 'handout', id: n, lang, size },
        `handout-${lang}-${size}`,
      );
      expectLanguage(handout, lang, [
        ...printedAlways(l.handout),
        l.outcome.approved,
        l.handout.words.representative,
        repName,
        l.common.powerOfAttorney(
          '0457',
          dateWords(representative.powerOfAttorney.date, lang),
          representative.powerOfAttorney.issuer,
        ),
        dateTimeWords(handedOutAt, lang),
        dateWords(row.registeredAt, lang),
        shortName(specialist),
        name,
        n,
      ]);
      for (const pdf of [result, handout]) {
        expectBundledFont(pdf);
        if (size === '80mm') expectRollPages(pdf);
        else expect(pdf.pages).toHaveLength(1);
      }
    }
    await interfaceIn('kk');
  });
});
