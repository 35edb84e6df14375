/**
 * The district department as an intake point, in a real Chromium against the real server with
 * the built app: on the department's own device the executor opens the same intake screen, whose
 * services are the department's (the provider's channel), registers an application under the
 * department's own number, prints its talon and acceptance receipt headed with the department's
 * name, phone and hours; the new case waits in the department's work list; the executor drafts,
 * the head signs after confirmation, and the result is handed out at the department's desk with
 * its receipt — no transfer batch, no village step. An incomplete package is refused at the same
 * desk, with the department's refusal receipt. A village device of the district never sees any
 * of it.
 *
 * One server and one browser for the file; the tests run in order and share the devices.
 * Screens are photographed in Kazakh and Russian, the papers printed to PDF, into test-results/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/domain/catalog';
import { DISTRICT_OFFICE } from '../../sync-server/seed/aktogay';
import { type AppPage, CasePage, IntakePage } from './pages/app';
import { type PaperAddress, PaperPage } from './pages/paper';
import { readCase, readMeta } from './support/device';
import { makeIin } from './support/iins';
import { type PdfPaper, squash } from './support/paper';
import type { ServerProcess } from './support/server';
import { ARTIFACTS, type BrowserSuite, startBrowserSuite } from './support/session';
import { kk } from './support/texts';

const documentName = (serviceId: string, id: string) =>
  CATALOG.services.find((s) => s.id === serviceId)?.checklist.documents?.find((d) => d.id === id)
    ?.name.kk ?? `?${id}`;

describe('the district department takes applications at its own desk', () => {
  let suite: BrowserSuite;
  let server: ServerProcess;
  let page: Page;
  let app: AppPage;
  let intake: IntakePage;
  /** the application walked to the hand-out, and the one refused at the desk */
  let registered = '';
  let refused = '';

  const shoot = (name: string) => suite.shoot(page, name);

  async function print(address: PaperAddress, name: string): Promise<PdfPaper> {
    const paper = new PaperPage(page);
    await paper.open(server.url, address);
    return (await paper.pdf(join(ARTIFACTS, `paper-district-${name}.pdf`))).paper;
  }

  /** The department's name, address and phone head the paper, in its language. */
  function expectDepartment(pdf: PdfPaper, lang: 'kk' | 'ru'): void {
    const text = squash(pdf.text);
    expect(text).toContain(squash(DISTRICT_OFFICE.name[lang]));
    expect(text).toContain(squash(DISTRICT_OFFICE.phone));
    // Never a village's name: the paper is the department's.
    expect(text).not.toContain(squash('ауылдық округ әкімінің аппараты'));
    expect(text).not.toContain(squash('аппарат акима'));
  }

  beforeAll(async () => {
    suite = await startBrowserSuite();
    server = suite.server;
    ({ page, app } = await suite.newDevice({ office: 'akt-district', role: 'district_executor' }));
    intake = new IntakePage(page);
    suite.keepLastScreen(page, 'last-district-intake');
  });

  afterAll(async () => {
    await suite?.close();
  });

  it("registers an application on the department's own channel and number", async () => {
    await app.goto('intake');
    // The department's services: its provider channel, not the rural akim's alone (003-01 has
    // no akim channel), never one it must forward to the oblast (003-11).
    expect((await intake.search('003-01')).join(' ')).toContain('003-01');
    await intake.serviceBox().fill('003-11');
    await page.getByText(kk.intake.noServices).waitFor();
    await intake.serviceBox().fill('');
    await intake.chooseService('003-06');
    await intake.fill({
      iin: makeIin('900214', 4, 7100),
      surname: 'Жақсылықова',
      givenName: 'Айгерім',
      patronymic: 'Серікқызы',
    });
    await shoot('district-intake-form');
    await intake.save();
    registered = await intake.landedCase();
    // The department's own sequence: office code 00, which no akimat has.
    expect(registered).toMatch(/^00-\d{2}-\d{2}-0001$/);
    const casePage = new CasePage(page);
    await expect(casePage.status()).resolves.toBe(kk.status.registered);
    await expect(casePage.place()).resolves.toBe(kk.place.district);
    const row = await readCase(page, registered);
    expect(row).toMatchObject({ officeId: 'akt-district', channel: 'provider', at: 'district' });
    // No transfer batch: the first step is the department's draft.
    expect(await casePage.actionLabels()).not.toContain(kk.actions.batch_sent);
    await shoot('district-intake-case');
    await app.waitAllSent();
  });

  it("prints the talon and the acceptance receipt headed with the department's name", async () => {
    const talon = await print({ paper: 'talon', id: registered, lang: 'kk', size: 'a4' }, 'talon');
    expectDepartment(talon, 'kk');
    expect(squash(talon.text)).toContain(squash(registered));
    const receipt = await print(
      { paper: 'receipt', id: registered, lang: 'ru', size: 'a4' },
      'receipt-ru',
    );
    expectDepartment(receipt, 'ru');
    expect(squash(receipt.text)).toContain(squash(registered));
    const roll = await print(
      { paper: 'receipt', id: registered, lang: 'kk', size: '80mm' },
      'receipt-kk-80mm',
    );
    expectDepartment(roll, 'kk');
  });

  it('lists the new case in the department’s work, then walks it to the hand-out at its desk', async () => {
    // Back from the print view: the device opens on the department's work.
    await app.open(server.url);
    await app.goto('district');
    const taken = page.getByRole('region', { name: new RegExp(`^${kk.districtDesk.taken}`) });
    await taken.getByRole('link', { name: registered, exact: true }).waitFor();
    await shoot('district-desk-taken');

    await taken.getByRole('link', { name: registered, exact: true }).click();
    const casePage = new CasePage(page);
    await casePage.draft({ approve: true });
    await app.signOut();
    await app.signIn(kk.roles.district_head, '444444');
    await app.goto('district');
    const toSign = page.getByRole('region', { name: new RegExp(`^${kk.district.toSign}`) });
    await toSign.getByRole('link', { name: registered, exact: true }).click();
    await casePage.sign();
    // Signed at the desk that hands it out: nothing to send anywhere.
    expect(await casePage.actionLabels()).not.toContain(kk.actions.result_sent);

    await app.signOut();
    await app.signIn(kk.roles.district_executor, '333333');
    await app.goto('district');
    const toHandOut = page.getByRole('region', {
      name: new RegExp(`^${kk.districtDesk.toHandOut}`),
    });
    await toHandOut.getByRole('link', { name: registered, exact: true }).waitFor();
    await shoot('district-desk-hand-out');
    await toHandOut.getByRole('link', { name: registered, exact: true }).click();
    await casePage.handOut('applicant');
    await expect(readCase(page, registered)).resolves.toMatchObject({
      status: 'closed',
      at: 'district',
      outcome: 'approved',
    });
    const history = await casePage.historyText();
    expect(history).not.toContain(kk.actions.batch_sent);
    await shoot('district-intake-handed-out');

    const handout = await print({ paper: 'handout', id: registered, lang: 'kk' }, 'handout');
    expectDepartment(handout, 'kk');
    expect(squash(handout.text)).toContain(squash(registered));
    await app.open(server.url);
    await app.waitAllSent();
  });

  it('refuses an incomplete package at its desk with the department’s refusal receipt', async () => {
    await app.open(server.url);
    await app.goto('intake');
    await intake.chooseService('004-01');
    await intake.fill({ iin: makeIin('870611', 3, 7200), surname: 'Төлеуов', givenName: 'Асқар' });
    await intake.checkAllDocuments();
    await intake.document(documentName('004-01', 'family_income'), 'missing');
    await page.getByRole('region', { name: kk.intake.refusalTitle }).waitFor();
    await intake.refuse();
    refused = await intake.landedCase();
    expect(refused).toMatch(/^R00-\d{2}-\d{2}-0001$/);
    await expect(new CasePage(page).status()).resolves.toBe(kk.status.refused_at_intake);
    await shoot('district-intake-refused');

    for (const lang of ['kk', 'ru'] as const) {
      const pdf = await print({ paper: 'refusal', id: refused, lang }, `refusal-${lang}`);
      expectDepartment(pdf, lang);
      expect(squash(pdf.text)).toContain(squash(refused));
      const missing = CATALOG.services
        .find((s) => s.id === '004-01')
        ?.checklist.documents?.find((d) => d.id === 'family_income')?.name[lang];
      expect(squash(pdf.text)).toContain(squash(missing ?? '?'));
    }
    await app.open(server.url);
    await app.waitAllSent();
  });

  it("a village device of the district never sees the department's applications", async () => {
    const {
      context: villageContext,
      page: villagePage,
      app: village,
    } = await suite.newDevice({
      office: 'akt-01',
      role: 'akimat_specialist',
    });
    try {
      // Synced with the server that holds the department's cases: its journal stays empty.
      await expect
        .poll(async () => {
          const initial = await readMeta<{ isDone: boolean }>(villagePage, 'initialSync');
          const status = await readMeta<{ lastSyncAt?: string }>(villagePage, 'syncStatus');
          return Boolean(initial?.isDone && status?.lastSyncAt);
        })
        .toBe(true);
      await village.goto('journal');
      await villagePage.getByText(kk.journalView.empty).waitFor();
      for (const n of [registered, refused]) {
        await expect(readCase(villagePage, n)).rejects.toThrow(/no case/);
      }
    } finally {
      await villageContext.close();
    }
  });
});
