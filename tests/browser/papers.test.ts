/**
 * The papers of the village office, printed to PDF in a real Chromium from the built app against
 * the real server, in Kazakh and Russian, on A4 and on the 80 mm roll, with the interface in the
 * other language at least once: the talon with its stub, the transfer register, the journal's
 * pages for a period and a service's information sheet. Each PDF's text is read back: every label
 * of the paper in the paper's language and none of the other language's, the names, numbers and
 * dates with month names; the roll's page 80 mm wide with every line inside it; the register's 16
 * cases on one A4 page in number order; the talon's QR code decoded against the status page's
 * address. Then a wrong address, the talon printed offline with the bundled typeface, and the
 * district administrator's own public address in the next talon.
 *
 * One server and one browser for the file; the tests run in order and share the village device.
 * The PDFs land in test-results/ for people to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseRow } from '../../src/db/schema';
import { CATALOG } from '../../src/domain/catalog';
import { shortName } from '../../src/domain/names';
import { PAPER_LABELS, type PaperLabels } from '../../src/features/print/labels';
import { AKIMAT_OFFICES } from '../../sync-server/seed/aktogay';
import { type Applicant, AppPage, IntakePage } from './pages/app';
import { type PaperAddress, PaperPage } from './pages/paper';
import { launchChromium } from './support/browser';
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
  printedAlways,
} from './support/paper-checks';
import { freePort, ServerProcess } from './support/server';
import { kk, ru } from './support/texts';

type Lang = 'kk' | 'ru';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results');
/** The server's PUBLIC_URL: where talons send citizens. */
const PUBLIC_URL = 'https://qabyldau.aktogay.example';
function service(id: string) {
  const found = CATALOG.services.find((s) => s.id === id);
  if (!found) throw new Error(`no service ${id}`);
  return found;
}

describe('the papers of the village office', () => {
  let server: ServerProcess;
  let browser: Browser;
  let village: BrowserContext;
  let page: Page;
  let app: AppPage;
  let paper: PaperPage;
  /** registration number → the case as the device holds it */
  const cases = new Map<string, CaseRow>();
  let batchNumber = '';

  async function print(address: PaperAddress, name: string) {
    await paper.open(server.url, address);
    return (await paper.pdf(join(ARTIFACTS, `paper-${name}.pdf`))).paper;
  }

  /** The interface language, switched on a work screen (papers leave it as it is). */
  async function interfaceIn(lang: Lang): Promise<void> {
    await page.goto(`${server.url}/#/journal`);
    await app.switchLanguage(lang);
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = new ServerProcess(await freePort(), { PUBLIC_URL: `${PUBLIC_URL}/` });
    await server.start();
    browser = await launchChromium();
    village = await browser.newContext({ locale: 'kk-KZ', timezoneId: 'Asia/Almaty' });
    page = await village.newPage();
    app = new AppPage(page);
    paper = new PaperPage(page);
    await app.open(server.url);
    await app.waitForServiceWorker();
    await app.enroll(await server.enrollCode('akt-01', 'akimat'));
    await app.signIn(kk.roles.akimat_specialist, '111111');
  });

  afterAll(async () => {
    await page
      ?.screenshot({ path: join(ARTIFACTS, 'last-papers.png'), fullPage: true })
      .catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('registers sixteen applications and sends them in one batch', async () => {
    const intake = new IntakePage(page);
    const people: Applicant[] = [
      { surname: 'Сейітқалиева', givenName: 'Гүлназ', patronymic: 'Нұрланқызы' },
      { surname: 'Жақыпов', givenName: 'Ерлан', patronymic: 'Серікұлы' },
      { surname: 'Әбенова', givenName: 'Айгүл' },
      { surname: 'Құдайбергенов', givenName: 'Өмірзақ', patronymic: 'Һадиұлы' },
    ].flatMap((p, i) =>
      [0, 1, 2, 3].map((k) => ({
        ...p,
        iin: makeIin(`8${i}0${k + 1}1${k}`, 3 + (k % 2), 6000 + 10 * (4 * i + k)),
      })),
    );
    for (const [i, applicant] of people.entries()) {
      await app.goto('intake');
      const n = await intake.register(i % 3 === 2 ? '003-13' : '003-06', applicant);
      cases.set(n, await readCase(page, n));
    }
    expect(cases.size).toBe(16);

    await app.goto('transfer');
    await page.getByLabel(kk.transfer.selectAll).check();
    await page.getByRole('button', { name: /Тізіліммен жіберу/ }).click();
    const sent = page.getByRole('region', { name: kk.transfer.sent }).getByRole('listitem');
    await sent.first().waitFor();
    batchNumber =
      /T\d{2}-\d{2}-\d{2}-\d{3}/.exec((await sent.first().textContent()) ?? '')?.[0] ?? '';
    expect(batchNumber).not.toBe('');
    await app.syncNow();
    await app.waitAllSent();
    for (const n of cases.keys()) cases.set(n, await readCase(page, n));
  });

  it('prints the talon and its stub in either language on either paper, whatever the interface', async () => {
    const [n, c] = [...cases.entries()][0] ?? [];
    if (!n || !c) throw new Error('no case');
    const channel = service(c.serviceId).channels[c.channel];
    const office = AKIMAT_OFFICES.find((o) => o.id === c.officeId);
    if (!office) throw new Error(`no office ${c.officeId}`);
    for (const [lang, size, ui] of [
      ['kk', 'a4', 'kk'],
      ['ru', 'a4', 'kk'],
      ['kk', '80mm', 'ru'],
      ['ru', '80mm', 'ru'],
    ] as const) {
      await interfaceIn(ui);
      const pdf = await print({ paper: 'talon', id: n, lang, size }, `talon-${lang}-${size}`);
      const l: PaperLabels = PAPER_LABELS[lang];
      const term = [l.talon.term.workingDays];
      if (channel?.submissionDayCounts === true) term.push(l.talon.term.dayCounts);
      if (channel?.submissionDayCounts === false) term.push(l.talon.term.dayNotCounted);
      expectLanguage(pdf, lang, [
        ...printedAlways(l.talon),
        ...term,
        office.name[lang],
        office.address[lang],
        `${l.common.phone}: ${office.phone}`,
      ]);
      const text = squash(pdf.text);
      // The talon and its stub carry one number (and the status page's address a third time).
      expect(text.split(n).length - 1).toBe(3);
      expect(text).toContain(squash(shortName(c.applicant)));
      expect(text).toContain(
        squash(`${c.applicant.surname} ${c.applicant.givenName} ${c.applicant.patronymic}`),
      );
      expect(text).toContain(squash(dateTimeWords(c.registeredAt, lang)));
      expect(text).toContain(squash(dateWords(c.resultDue, lang)));
      expect(text).toContain(squash(c.acceptedBy.shortName));
      expect(text).toContain(squash(`${PUBLIC_URL}/s/${n}`));
      expect(pdf.pages).toHaveLength(1);
      expectBundledFont(pdf);
      if (size === '80mm') expectRollPages(pdf);
      else expect(pdf.pages[0]?.width).toBeCloseTo(A4.short, 0);
      expect(await paper.qrText()).toBe(`${PUBLIC_URL}/s/${n}`);
      // The interface stayed in its language: the controls speak it.
      const texts = ui === 'kk' ? kk : ru;
      await expect(page.getByRole('button', { name: texts.print.print }).count()).resolves.toBe(1);
    }
    await page.screenshot({ path: join(ARTIFACTS, 'paper-talon-screen.png'), fullPage: true });
    await interfaceIn('kk');

    // From the case screen's link: Kazakh on A4 until the controls say otherwise; language and
    // size go into the address, and the size chosen last is the next paper's.
    await page.goto(`${server.url}/#/case/${c.id}`);
    await page.getByRole('link', { name: kk.talon.open }).click();
    await paper.article().and(page.locator('[data-ready="true"]')).waitFor();
    await expect(paper.article().getAttribute('lang')).resolves.toBe('kk');
    await expect(paper.article().getAttribute('class')).resolves.toContain('paper-a4');
    await paper.chooseLanguage('ru');
    await paper.chooseSize('80mm');
    expect(page.url()).toContain(
      PaperPage.hash({ paper: 'talon', id: n, lang: 'ru', size: '80mm' }),
    );
    await paper.open(server.url, { paper: 'talon', id: n });
    await expect(paper.article().getAttribute('class')).resolves.toContain('paper-roll');
    await expect(paper.article().getAttribute('lang')).resolves.toBe('kk');
    await paper.chooseSize('a4');
  });

  it('prints the transfer register: sixteen cases on one A4 page in number order, and on the roll', async () => {
    const numbers = [...cases.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    const sender = [...cases.values()][0]?.acceptedBy.shortName ?? '';
    const documents = [...cases.values()].reduce(
      (sum, c) => sum + c.documents.filter((d) => d.isPresented).length,
      0,
    );
    for (const [lang, size, ui] of [
      ['kk', 'a4', 'kk'],
      ['ru', 'a4', 'kk'],
      ['kk', '80mm', 'ru'],
      ['ru', '80mm', 'kk'],
    ] as const) {
      await interfaceIn(ui);
      const pdf = await print(
        { paper: 'register', id: batchNumber, lang, size },
        `register-${lang}-${size}`,
      );
      const l = PAPER_LABELS[lang];
      expectLanguage(pdf, lang, [
        ...printedAlways(l.register),
        ...Object.values(l.register.columns),
        l.register.total(16, documents),
        l.common.fullName,
        l.common.signature,
        l.common.date,
        service('003-06').name[lang],
        service('003-13').name[lang],
        // The one who sent the batch (who registered them too), by name on the handing-over line.
        sender,
      ]);
      const text = squash(pdf.text);
      expect(text).toContain(batchNumber);
      const at = numbers.map((n) => text.indexOf(n));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      for (const c of cases.values()) {
        expect(text).toContain(squash(`${c.applicant.surname} ${c.applicant.givenName}`));
        expect(text).toContain(c.applicant.iin);
        expect(text).toContain(squash(dateWords(c.registeredAt, lang)));
        expect(text).toContain(squash(dateWords(c.resultDue, lang)));
      }
      expectBundledFont(pdf);
      if (size === 'a4') {
        // One page, and no number broken over two lines.
        expect(pdf.pages).toHaveLength(1);
        const items = pdf.pages[0]?.items.map((i) => i.str) ?? [];
        for (const n of numbers)
          expect(
            items.some((s) => s.includes(n)),
            n,
          ).toBe(true);
      } else {
        expectRollPages(pdf);
      }
    }
    await interfaceIn('kk');
  });
  it('prints the journal’s pages for a period, landscape A4, and on the roll', async () => {
    const day = [...cases.values()][0]?.registeredAt.slice(0, 10) ?? '';
    const inOrder = [...cases.values()].sort((a, b) =>
      a.registeredAt === b.registeredAt
        ? a.regNumber.localeCompare(b.regNumber, 'en', { numeric: true })
        : a.registeredAt < b.registeredAt
          ? -1
          : 1,
    );
    const period = { from: day, to: day };
    for (const [lang, size, ui] of [
      ['kk', 'a4', 'ru'],
      ['ru', 'a4', 'kk'],
      ['kk', '80mm', 'kk'],
    ] as const) {
      await interfaceIn(ui);
      const pdf = await print(
        { paper: 'journal', lang, size, params: period },
        `journal-${lang}-${size}`,
      );
      const l = PAPER_LABELS[lang];
      expectLanguage(pdf, lang, [
        ...printedAlways(l.journal),
        ...Object.values(l.journal.columns),
        l.journal.total(16),
        `${l.journal.period}: ${dateWords(day, lang)} — ${dateWords(day, lang)}`,
        // Every case was sent to the district in the batch.
        l.status.forwarded,
        service('003-06').name[lang],
        service('003-13').name[lang],
      ]);
      const text = squash(pdf.text);
      const at = inOrder.map((c) => text.indexOf(c.regNumber));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      for (const c of inOrder) {
        expect(text).toContain(c.applicant.iin);
        expect(text).toContain(squash(dateTimeWords(c.registeredAt, lang)));
        expect(text).toContain(squash(dateWords(c.resultDue, lang)));
      }
      expect(text).toContain(squash(inOrder[0]?.acceptedBy.shortName ?? '?'));
      expectBundledFont(pdf);
      if (size === 'a4') {
        for (const p of pdf.pages) {
          expect(p.width).toBeCloseTo(A4.long, 0);
          expect(p.height).toBeCloseTo(A4.short, 0);
        }
      } else {
        expectRollPages(pdf);
      }
    }

    // A period with no registrations says so; a period the wrong way round is refused.
    await print(
      { paper: 'journal', lang: 'ru', params: { from: '2020-01-01', to: '2020-01-31' } },
      'journal-empty',
    );
    await expect(paper.article().textContent()).resolves.toContain(
      PAPER_LABELS.ru.journal.words.empty,
    );
    await page.goto(
      `${server.url}/${PaperPage.hash({ paper: 'journal', params: { from: day, to: '2020-01-01' } })}`,
    );
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      kk.print.problem['paper-period-invalid']
        .replace('{{from}}', day)
        .replace('{{to}}', '2020-01-01'),
    );
  });

  it('prints a service’s information sheet for the stand from the catalog', async () => {
    const sheetOf = service('004-01');
    const act = CATALOG.acts.find((a) => a.id === sheetOf.actId);
    if (!act) throw new Error('no act');
    const channel = sheetOf.channels.akim;
    const documents = sheetOf.checklist.documents ?? [];
    expect(documents.length).toBeGreaterThan(0);
    const office = AKIMAT_OFFICES.find((o) => o.id === 'akt-01');
    for (const [lang, size, ui] of [
      ['kk', 'a4', 'kk'],
      ['ru', '80mm', 'kk'],
      ['ru', 'a4', 'ru'],
    ] as const) {
      await interfaceIn(ui);
      const pdf = await print(
        { paper: 'sheet', id: sheetOf.id, lang, size },
        `sheet-${lang}-${size}`,
      );
      const l = PAPER_LABELS[lang];
      expectLanguage(pdf, lang, [
        ...printedAlways(l.sheet),
        sheetOf.name[lang],
        sheetOf.provider.text[lang],
        ...sheetOf.results.map((r) => r.text[lang]),
        ...documents.map((d) => d.name[lang]),
        ...(channel?.total ? [l.duration(channel.total.value, channel.total.unit)] : []),
        ...(channel?.steps ?? []).map((step) => step.action[lang]),
        act.issuer[lang],
        act.title[lang],
        dateWords(act.date, lang),
        office?.address[lang] ?? '?',
        `${l.sheet.hours}: ${l.sheet.words.weekdays}, 09:00–18:00, ${l.sheet.words.lunch} 13:00–14:00`,
      ]);
      expectBundledFont(pdf);
      if (size === '80mm') expectRollPages(pdf);
    }
  });

  it('tells a wrong address in the interface’s language', async () => {
    for (const ui of ['kk', 'ru'] as const) {
      await interfaceIn(ui);
      const texts = ui === 'kk' ? kk : ru;
      const problems: [PaperAddress | string, string][] = [
        [
          'passport/01-26-01-0001',
          texts.print.problem['paper-unknown'].replace('{{paper}}', 'passport'),
        ],
        [
          { paper: 'talon', id: '99-26-01-9999' },
          texts.print.problem['paper-not-found'].replace('{{id}}', '99-26-01-9999'),
        ],
        [
          { paper: 'register', id: 'T99-26-01-999' },
          texts.print.problem['paper-not-found'].replace('{{id}}', 'T99-26-01-999'),
        ],
        [
          { paper: 'sheet', id: '999-99' },
          texts.print.problem['paper-not-found'].replace('{{id}}', '999-99'),
        ],
        [
          'talon/01-26-01-0001?lang=en',
          texts.print.problem['paper-lang-invalid'].replace('{{value}}', 'en'),
        ],
        [
          'talon/01-26-01-0001?size=a5',
          texts.print.problem['paper-size-invalid'].replace('{{value}}', 'a5'),
        ],
        ['talon', texts.print.problem['paper-id-missing'].replace('{{paper}}', 'talon')],
      ];
      for (const [address, message] of problems) {
        const hash = typeof address === 'string' ? `#/print/${address}` : PaperPage.hash(address);
        await page.goto(`${server.url}/${hash}`);
        await expect(page.getByRole('alert').textContent(), hash).resolves.toBe(message);
        // The person is not left stranded: a way back to the journal.
        await page.getByRole('link', { name: texts.nav.journal }).waitFor();
      }
    }
    await interfaceIn('kk');
  });

  it('prints the talon offline with the bundled typeface, and the administrator’s address next time', async () => {
    const n = [...cases.keys()][1] ?? '';
    // The service worker keeps the typeface with the app.
    const worker = await (await fetch(`${server.url}/sw.js`)).text();
    for (const subset of ['cyrillic', 'cyrillic-ext', 'latin', 'latin-ext']) {
      for (const weight of [400, 700]) {
        expect(worker, `${subset} ${weight}`).toMatch(
          new RegExp(`assets/noto-sans-${subset}-${weight}-normal-[\\w-]+\\.woff2`),
        );
      }
    }
    // Offline, a new start of the page: the app and the typeface from the service worker's copy.
    await village.setOffline(true);
    try {
      await page.goto(
        `${server.url}/${PaperPage.hash({ paper: 'talon', id: n, lang: 'kk', size: 'a4' })}`,
      );
      await page.reload();
      await paper.article().and(page.locator('[data-ready="true"]')).waitFor();
      expect(await paper.qrText()).toBe(`${PUBLIC_URL}/s/${n}`);
      // Every Kazakh letter and the tenge sign, in the paper's typeface (no paper prints ₸ yet):
      // the PDF embeds Noto Sans alone, so no glyph came from a fallback font.
      const letters = 'Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі ₸ 1 500 ₸';
      await paper.article().evaluate((article, text) => {
        const line = document.createElement('p');
        line.textContent = text;
        article.append(line);
      }, letters);
      const { paper: pdf } = await paper.pdf(join(ARTIFACTS, 'paper-talon-offline.pdf'));
      expectBundledFont(pdf);
      expect(pdf.text).toContain(letters);
    } finally {
      await village.setOffline(false);
    }

    // The district administrator gives the district an address of its own.
    const own = 'https://region.example/aktogay';
    const district = await browser.newContext({ locale: 'kk-KZ', timezoneId: 'Asia/Almaty' });
    try {
      const dPage = await district.newPage();
      const d = new AppPage(dPage);
      await d.open(server.url);
      await d.enroll(await server.enrollCode('akt-district', 'district'));
      await d.signIn(kk.roles.district_admin, '555555');
      await d.goto('admin');
      const field = dPage.getByRole('textbox', { name: kk.admin.publicUrl });
      await field.fill('region.example/aktogay');
      await dPage.getByRole('button', { name: kk.admin.savePublicUrl }).click();
      await expect(dPage.getByRole('alert').textContent()).resolves.toBe(kk.admin.publicUrlInvalid);
      await field.fill(`${own}/`);
      await dPage.getByRole('button', { name: kk.admin.savePublicUrl }).click();
      await dPage.getByRole('status').filter({ hasText: kk.admin.saved }).waitFor();
    } finally {
      await district.close();
    }
    await page.goto(`${server.url}/#/journal`);
    await app.syncNow();
    await expect
      .poll(async () => {
        await paper.open(server.url, { paper: 'talon', id: n });
        return paper.qrText();
      })
      .toBe(`${own}/s/${n}`);
  });
});
