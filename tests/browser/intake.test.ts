/**
 * The intake in full at a village desk, in the built app on the real server: the form's code
 * loaded in the background and opened offline; services found in Kazakh and Russian with the
 * act that tells alike ones apart; the consent required; each document as original or copy; the
 * desk time recorded from the form's first opening, across a reload; a returning applicant's
 * particulars offered and filled only when asked; an applicant by power of attorney; an
 * incomplete package refused at the desk under a refusal-register number that reaches the
 * server; and a whole intake with the keyboard alone.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/domain/catalog';
import { AppPage, CasePage, IntakePage } from './pages/app';
import { launchChromium } from './support/browser';
import { readCase } from './support/device';
import { makeIin } from './support/iins';
import { freePort, ServerProcess } from './support/server';
import { kk, ru } from './support/texts';

const ARTIFACTS = join(import.meta.dirname, '..', '..', 'test-results');

/** A checklist document's Kazakh name, as its row in the checklist reads. */
function documentName(serviceId: string, documentId: string): string {
  const doc = CATALOG.services
    .find((s) => s.id === serviceId)
    ?.checklist.documents?.find((d) => d.id === documentId);
  if (!doc) throw new Error(`no document ${documentId} in ${serviceId}`);
  return doc.name.kk;
}

/** The focused element as a person at the keyboard meets it. */
interface Focused {
  tag: string;
  id: string;
  name: string;
  type: string;
  label: string;
  value: string;
  isChecked: boolean;
  outlineStyle: string;
  outlineWidth: number;
}

function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.name ?? '',
      type: el.type ?? '',
      label: (el.labels?.[0]?.textContent ?? el.textContent ?? '').trim(),
      value: el.value ?? '',
      isChecked: Boolean(el.checked),
      outlineStyle: style.outlineStyle,
      outlineWidth: Number.parseFloat(style.outlineWidth),
    };
  });
}

/** Presses Tab until the focus is where `isThere` says (at most `max` times). */
async function tabTo(page: Page, isThere: (f: Focused) => boolean, max = 60): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (f && isThere(f)) return f;
  }
  throw new Error(
    `Tab never reached the element; focus is on ${JSON.stringify(await focused(page))}`,
  );
}

/** The focus ring a person sees: a solid outline at least 2 px wide. */
function expectVisibleFocus(f: Focused | null): void {
  expect(f?.outlineStyle, JSON.stringify(f)).not.toBe('none');
  expect(f?.outlineWidth ?? 0, JSON.stringify(f)).toBeGreaterThanOrEqual(2);
}

describe('intake in full', () => {
  let server: ServerProcess;
  let browser: Browser;
  let page: Page;
  let app: AppPage;
  let intake: IntakePage;

  async function shoot(name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
  }

  /** Reads the intake draft the form keeps in localStorage. */
  function draftOpenedAt(): Promise<string> {
    return page.evaluate(
      () =>
        (
          JSON.parse(localStorage.getItem('qabyldau-intake-draft') ?? '{}') as {
            state?: { draft?: { deskOpenedAt?: string } };
          }
        ).state?.draft?.deskOpenedAt ?? '',
    );
  }

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = new ServerProcess(await freePort());
    await server.start();
    browser = await launchChromium();
    const context = await browser.newContext({
      locale: 'kk-KZ',
      timezoneId: 'Asia/Almaty',
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    app = new AppPage(page);
    intake = new IntakePage(page);
  });

  afterAll(async () => {
    await page
      ?.screenshot({ path: join(ARTIFACTS, 'last-intake.png'), fullPage: true })
      .catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('loads the intake form in the background and opens it offline', async () => {
    await app.open(server.url);
    await app.waitForServiceWorker();
    await app.enroll(await server.enrollCode('akt-04', 'akimat'));
    await app.signIn(kk.roles.akimat_specialist, '111111');
    // The form's code is not part of the start-up script; it is fetched once the first screen
    // is up, before anyone opens it.
    await page.waitForFunction(() =>
      performance
        .getEntriesByType('resource')
        .some((e) => /\/IntakeScreen-[^/]*\.js$/.test(e.name)),
    );
    await page.context().setOffline(true);
    try {
      await app.goto('intake');
      await page.getByRole('heading', { name: kk.intake.title }).waitFor();
      await intake.serviceBox().waitFor();
    } finally {
      await page.context().setOffline(false);
    }
  });

  it('finds services in Kazakh and Russian by any word or number, each shown with its act', async () => {
    // The child benefit reads alike in two regions' regulations: the act and region tell.
    const benefit = await intake.search('жәрдемақы');
    expect(benefit).toHaveLength(2);
    expect(benefit[0]).toMatch(/^003-06 /);
    expect(benefit[0]).toContain('Маңғыстау облысы · қаулы № 74, 21.04.2014');
    expect(benefit[1]).toMatch(/^004-01 /);
    expect(benefit[1]).toContain('Қарағанды облысы, Ақтоғай ауданы · қаулы № 03/09, 30.01.2013');
    await expect(intake.search('жардемакы')).resolves.toHaveLength(2);
    await expect(intake.search('00401')).resolves.toEqual([expect.stringMatching(/^004-01 /)]);
    await expect(intake.search('004-01')).resolves.toEqual([expect.stringMatching(/^004-01 /)]);
    await expect(intake.search('маңғыстау ЖӘРДЕМАҚЫ')).resolves.toEqual([
      expect.stringMatching(/^003-06 /),
    ]);
    await shoot('intake-search-kk');
    await intake.serviceBox().press('Escape');
    await expect(page.getByRole('listbox').isHidden()).resolves.toBe(true);

    await app.switchLanguage('ru');
    await page.getByRole('heading', { name: ru.intake.title }).waitFor();
    await page.getByRole('combobox', { name: ru.intake.service }).fill('пособий СЕМЬЯМ');
    const options = page.getByRole('listbox').getByRole('option');
    await options.first().waitFor();
    await expect(options.allTextContents()).resolves.toEqual([
      expect.stringContaining(
        'Карагандинская область, Актогайский район · постановление № 03/09 от 30.01.2013',
      ),
    ]);
    await page.getByRole('status').filter({ hasText: 'Найдена 1 услуга' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'intake-search-ru.png'), fullPage: true });
    // Enter chooses the active option; the chosen service names its act.
    await page.getByRole('combobox', { name: ru.intake.service }).press('Enter');
    await expect(page.getByTestId('service-act').textContent()).resolves.toContain(
      'Регламент утверждён: Акимат Актогайского района Карагандинской области, 30.01.2013, № 03/09',
    );
    await expect(
      page.getByRole('combobox', { name: ru.intake.service }).inputValue(),
    ).resolves.toMatch(/^004-01 — Назначение государственных пособий семьям/);
    await app.switchLanguage('kk');
    await expect(page.getByTestId('service-act').textContent()).resolves.toContain(
      'Қарағанды облысы, Ақтоғай ауданы · Регламентті бекіткен',
    );
  });

  let recordedIin = '';

  it('requires the consent, records original and copy, and the desk time since the form first opened', async () => {
    // The service chosen above is still in the form: cleared, it opens anew for this applicant.
    const before = await draftOpenedAt();
    // The opening time is kept to the second: the form cleared within the same second would open
    // anew at the same time, so the clearing waits for the next second.
    const sameSecondLeft = Date.parse(before) + 1000 - Date.now();
    if (sameSecondLeft > 0) await page.waitForTimeout(sameSecondLeft);
    const started = Date.now();
    await page.getByRole('button', { name: kk.intake.clear }).click();
    await page
      .getByRole('dialog', { name: kk.intake.clear })
      .getByRole('button', { name: kk.confirm.yes })
      .click();
    await expect(intake.serviceBox().inputValue()).resolves.toBe('');
    await expect.poll(draftOpenedAt).not.toBe(before);
    await intake.chooseService('004-01');
    recordedIin = makeIin('850412', 4, 1234);
    await page.getByLabel(kk.intake.iin, { exact: true }).fill(recordedIin);
    await page.getByLabel(kk.intake.surname, { exact: true }).fill('Сейітқалиева');
    const openedAt = await draftOpenedAt();
    expect(openedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);

    // A reload keeps what was typed and the time the form was first opened.
    await page.reload();
    await expect(page.getByLabel(kk.intake.iin, { exact: true }).inputValue()).resolves.toBe(
      recordedIin,
    );
    await expect(draftOpenedAt()).resolves.toBe(openedAt);
    await page.getByLabel(kk.intake.givenName, { exact: true }).fill('Гүлназ');
    await page.getByLabel(kk.intake.phone, { exact: true }).fill('+7 701 234 56 78');
    await page
      .getByLabel(kk.intake.address, { exact: true })
      .fill('Ақтоғай ауылы, Абай көшесі, 12');
    await intake.checkAllDocuments();
    await intake.document(documentName('004-01', 'birth_certificates'), 'copy');
    await page.getByTestId('desk-clock').filter({ hasText: '15 минут' }).waitFor();

    // Without the consent nothing is registered; the consent field takes the focus.
    await intake.save();
    await page.getByText(kk.errors['consent-required']).waitFor();
    await page.getByText(kk.intake.fixProblems).waitFor();
    const consent = page.getByLabel(kk.intake.consent);
    await expect(consent.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(consent.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await expect(page.getByRole('heading', { name: kk.intake.title }).isVisible()).resolves.toBe(
      true,
    );
    await shoot('intake-consent-required');

    await consent.check();
    await intake.save();
    const n = await intake.landedCase();
    const elapsed = (Date.now() - started) / 1000;
    const row = await readCase(page, n);
    expect(row.personalDataConsent).toBe(true);
    expect(row.applicant).toMatchObject({
      iin: recordedIin,
      phone: '+7 701 234 56 78',
      address: 'Ақтоғай ауылы, Абай көшесі, 12',
    });
    const forms = Object.fromEntries(row.documents.map((d) => [d.id, d.form ?? 'none']));
    expect(forms).toEqual({
      application: 'original',
      birth_certificates: 'copy',
      identity_document: 'original',
      residence_registration: 'original',
      family_composition: 'original',
      family_income: 'original',
      adoption_guardianship_decision: 'original',
    });
    // The desk time runs from the first opening, across the reload, to the registration.
    expect(row.deskSeconds).toBeGreaterThanOrEqual(1);
    expect(row.deskSeconds).toBeLessThanOrEqual(Math.ceil(elapsed) + 2);

    const casePage = new CasePage(page);
    await expect(casePage.status()).resolves.toBe(kk.status.registered);
    const documents = (await page.getByTestId('case-documents').textContent()) ?? '';
    expect(documents).toContain(`${documentName('004-01', 'birth_certificates')} — көшірме`);
    expect(documents).toContain(`${documentName('004-01', 'application')} — түпнұсқа`);
    await expect(page.getByTestId('case-consent').textContent()).resolves.toBe(
      kk.intakeRecord.consentGiven,
    );
    await expect(page.getByTestId('case-desk-time').textContent()).resolves.toContain(
      'регламенттегі 15 минут ішінде',
    );
    await shoot('intake-case-kk');
    await app.switchLanguage('ru');
    await expect(page.getByTestId('case-desk-time').textContent()).resolves.toContain(
      'в пределах 15 минут по регламенту',
    );
    await app.switchLanguage('kk');

    // The form starts empty for the next person.
    await app.goto('intake');
    await expect(page.getByLabel(kk.intake.iin, { exact: true }).inputValue()).resolves.toBe('');
    await expect(draftOpenedAt()).resolves.not.toBe(openedAt);
  });

  it('offers a returning applicant’s particulars and fills them only when asked', async () => {
    await intake.chooseService('003-07');
    // Typed before the IIN: the offer says it will be replaced.
    await page.getByLabel(kk.intake.surname, { exact: true }).fill('Сейтқалиева');
    await page.getByLabel(kk.intake.iin, { exact: true }).fill(recordedIin);
    const offer = page.getByRole('region', { name: /Бұл ЖСН бойынша бұрын өтініш берілген/ });
    await offer.waitFor();
    const preview = (await page.getByTestId('prefill-preview').textContent()) ?? '';
    expect(preview).toContain('Тегі: Сейітқалиева (енгізілген «Сейтқалиева» ауыстырылады)');
    expect(preview).toContain('Мекенжайы: Ақтоғай ауылы, Абай көшесі, 12');
    // Nothing is filled until the person asks.
    await expect(page.getByLabel(kk.intake.givenName, { exact: true }).inputValue()).resolves.toBe(
      '',
    );
    await expect(page.getByLabel(kk.intake.surname, { exact: true }).inputValue()).resolves.toBe(
      'Сейтқалиева',
    );
    await shoot('intake-returning');
    await offer.getByRole('button', { name: kk.intake.prefill }).click();
    await page.getByText(kk.intake.prefilled).waitFor();
    for (const [label, value] of [
      [kk.intake.surname, 'Сейітқалиева'],
      [kk.intake.givenName, 'Гүлназ'],
      [kk.intake.phone, '+7 701 234 56 78'],
      [kk.intake.address, 'Ақтоғай ауылы, Абай көшесі, 12'],
    ] as const) {
      await expect(page.getByLabel(label, { exact: true }).inputValue()).resolves.toBe(value);
    }
    await page.getByLabel(kk.intake.consent).check();
    await intake.save();
    const n = await intake.landedCase();
    expect((await readCase(page, n)).applicant).toMatchObject({
      iin: recordedIin,
      surname: 'Сейітқалиева',
      givenName: 'Гүлназ',
      address: 'Ақтоғай ауылы, Абай көшесі, 12',
    });
  });

  it('registers an application handed in by a representative with a power of attorney', async () => {
    await app.goto('intake');
    await intake.chooseService('003-13');
    const applicant = { iin: makeIin('470315', 3, 3300), surname: 'Омаров', givenName: 'Серік' };
    await intake.fill(applicant);
    const representative = {
      iin: makeIin('900606', 4, 4400),
      surname: 'Омарова',
      givenName: 'Әлия',
      poaNumber: '2-1187',
      poaDate: '2099-01-01',
      poaIssuer: 'Ақтоғай ауданының нотариусы Б. Сәрсенова',
    };
    await intake.byRepresentative(representative);
    // A power of attorney dated after today is a typing error: nothing is registered.
    await intake.save();
    await page.getByText(kk.errors['date-in-future']).waitFor();
    await expect(
      page.getByLabel(kk.intake.poaDate).evaluate((el) => el === document.activeElement),
    ).resolves.toBe(true);
    await shoot('intake-representative-error-kk');
    await app.switchLanguage('ru');
    await page.getByText(ru.errors['date-in-future']).waitFor();
    await shoot('intake-representative-error-ru');
    await app.switchLanguage('kk');

    // A reload keeps the representative as typed.
    await page.reload();
    await expect(page.getByLabel(kk.intake.representativeIin).inputValue()).resolves.toBe(
      representative.iin,
    );
    await page.getByLabel(kk.intake.poaDate).fill('2026-01-15');
    await intake.save();
    const n = await intake.landedCase();
    const row = await readCase(page, n);
    expect(row.representative).toEqual({
      iin: representative.iin,
      surname: 'Омарова',
      givenName: 'Әлия',
      powerOfAttorney: {
        number: '2-1187',
        date: '2026-01-15',
        issuer: 'Ақтоғай ауданының нотариусы Б. Сәрсенова',
      },
    });
    await expect(page.getByTestId('case-representative').textContent()).resolves.toContain(
      `Омарова Әлия, ЖСН ${representative.iin}`,
    );
    await expect(page.getByTestId('case-representative').textContent()).resolves.toContain(
      'Сенімхат № 2-1187, 15.01.2026',
    );
    await shoot('intake-representative-case');
  });

  it('refuses an incomplete package under a refusal number that reaches the server', async () => {
    await app.goto('intake');
    await intake.chooseService('004-01');
    const applicant = {
      iin: makeIin('880808', 3, 6000),
      surname: 'Бекболатов',
      givenName: 'Нұржан',
    };
    await intake.fill(applicant);
    await intake.checkAllDocuments();
    const identity = documentName('004-01', 'identity_document');
    const income = documentName('004-01', 'family_income');
    await intake.document(identity, 'missing');
    await intake.document(income, 'expired');
    const offer = page.getByRole('region', { name: kk.intake.refusalTitle });
    await offer.waitFor();
    await expect(offer.getByTestId('refusal-missing').textContent()).resolves.toBe(identity);
    await expect(offer.getByTestId('refusal-expired').textContent()).resolves.toBe(income);
    await shoot('intake-refusal-offer');
    // Registering such a package is refused with the reason; the offer stays.
    await intake.save();
    await page.getByText(kk.errors['documents-expired']).waitFor();

    await intake.refuse();
    const n = await intake.landedCase();
    expect(n).toMatch(/^R04-\d{2}-\d{2}-0001$/);
    const casePage = new CasePage(page);
    await expect(casePage.status()).resolves.toBe(kk.status.refused_at_intake);
    const refusal = page.getByTestId('intake-refusal');
    await expect(refusal.getByTestId('refusal-number').textContent()).resolves.toBe(n);
    await expect(refusal.textContent()).resolves.toContain(`${identity} — жоқ`);
    await expect(refusal.textContent()).resolves.toContain(`${income} — мерзімі өткен`);
    const documents = (await page.getByTestId('case-documents').textContent()) ?? '';
    expect(documents).toContain(`${identity} — ${kk.intakeRecord.notPresented}`);
    expect(documents).toContain(`${income} — мерзімі өткен`);
    // Never registered: no talon, no result date, no steps.
    await expect(page.getByRole('link', { name: kk.talon.open }).count()).resolves.toBe(0);
    await expect(page.getByTestId('case-result-due').count()).resolves.toBe(0);
    await expect(casePage.actionLabels()).resolves.toEqual([]);
    const row = await readCase(page, n);
    expect(row.status).toBe('refused_at_intake');
    expect(row.intakeRefusal).toEqual([
      { id: 'identity_document', problem: 'missing' },
      { id: 'family_income', problem: 'expired' },
    ]);
    await shoot('intake-refused-case');

    await app.waitAllSent();
    const db = new Database(join(server.dataDir, 'qabyldau.db'), { readonly: true });
    try {
      const stored = db
        .prepare(
          "SELECT json_extract(content, '$.payload.refusalNumber') AS number FROM events WHERE json_extract(content, '$.type') = 'application.refused'",
        )
        .all() as { number: string }[];
      expect(stored).toEqual([{ number: n }]);
    } finally {
      db.close();
    }

    // The journal lists it with its status; the form is empty for the next person.
    await app.goto('journal');
    await expect(page.getByRole('row').filter({ hasText: n }).textContent()).resolves.toContain(
      kk.status.refused_at_intake,
    );
    await app.goto('intake');
    await expect(page.getByLabel(kk.intake.iin, { exact: true }).inputValue()).resolves.toBe('');
  });

  it('takes a whole application with the keyboard alone', async () => {
    // A fresh start of the app on the journal; from here on, the keyboard only.
    await page.goto(`${server.url}/#/journal`);
    await page.getByRole('heading', { name: kk.journal.title }).waitFor();
    const iin = makeIin('920615', 4, 3100);

    // To the form by the navigation; the service field takes the focus.
    await tabTo(page, (f) => f.tag === 'a' && f.label === kk.nav.intake);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: kk.intake.title }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'intake-service');
    expectVisibleFocus(await focused(page));

    // Any word finds the service; ↓ and Enter choose it.
    await page.keyboard.type('балалары бар');
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect(intake.serviceBox().inputValue()).resolves.toMatch(/^004-01 — /);

    // The IIN takes digits only: a space is dropped and flagged at once.
    let f: Focused | null = await tabTo(page, (x) => x.id === 'intake-iin');
    expectVisibleFocus(f);
    await page.keyboard.type(iin.slice(0, 6));
    await page.keyboard.type(' ');
    await page.getByText(kk.errors['iin-not-digits']).waitFor();
    await page.keyboard.type(iin.slice(6));
    await expect(page.getByLabel(kk.intake.iin, { exact: true }).inputValue()).resolves.toBe(iin);
    await expect(page.getByText(kk.errors['iin-not-digits']).count()).resolves.toBe(0);
    await page.getByText('Туған күні: 15.06.1992.').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('Әбенова');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Айгүл');

    // Enter saves; what is missing takes the focus and is announced.
    await page.keyboard.press('Enter');
    await page.locator('[aria-live="polite"]').filter({ hasText: kk.intake.fixProblems }).waitFor();
    f = await focused(page);
    expect(f?.name).toBe('doc-application');
    expectVisibleFocus(f);

    // Each document with the arrows: → then ← is the original, → alone a copy.
    const rows = [
      'application',
      'birth_certificates',
      'identity_document',
      'residence_registration',
      'family_composition',
      'family_income',
    ];
    for (const [i, id] of rows.entries()) {
      if (i > 0) {
        f = await tabTo(page, (x) => x.name === `doc-${id}`, 3);
      }
      await page.keyboard.press('ArrowRight');
      if (id !== 'birth_certificates') await page.keyboard.press('ArrowLeft');
    }
    f = await tabTo(page, (x) => x.id === 'intake-consent', 8);
    expectVisibleFocus(f);
    await page.keyboard.press('Space');
    f = await tabTo(page, (x) => x.tag === 'button' && x.label === kk.intake.save, 3);
    expectVisibleFocus(f);
    await page.keyboard.press('Enter');

    const n = await intake.landedCase();
    const row = await readCase(page, n);
    expect(row.applicant).toMatchObject({ iin, surname: 'Әбенова', givenName: 'Айгүл' });
    expect(Object.fromEntries(row.documents.map((d) => [d.id, d.form ?? 'none']))).toEqual({
      application: 'original',
      birth_certificates: 'copy',
      identity_document: 'original',
      residence_registration: 'original',
      family_composition: 'original',
      family_income: 'original',
      adoption_guardianship_decision: 'none',
    });
    expect(row.personalDataConsent).toBe(true);
    expect(row.deskSeconds).toBeGreaterThanOrEqual(0);
  });

  it('labels every field of the form', async () => {
    await app.goto('intake');
    await intake.chooseService('004-01');
    await page.getByLabel(kk.intake.byRepresentative).check();
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('form.intake input, form.intake select')]
        .filter(
          (el) =>
            !(el.labels && el.labels.length > 0 && el.labels[0]?.textContent?.trim()) &&
            !el.getAttribute('aria-label') &&
            !el.getAttribute('aria-labelledby'),
        )
        .map((el) => el.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    await shoot('intake-representative-kk');
    await app.switchLanguage('ru');
    await shoot('intake-representative-ru');
    await app.switchLanguage('kk');
  });
});
