/**
 * Page models: one class per screen that knows how a person finds things on it — by role and
 * accessible name, using the Kazakh dictionary the interface shows by default.
 */
import type { Page } from 'playwright-core';
import { kk } from '../support/texts';

export class AppPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(baseUrl);
  }

  /** Wait until the service worker controls the page, so the app can start offline. */
  async waitForServiceWorker(): Promise<void> {
    await this.page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    if (!(await this.page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
      await this.page.reload();
      await this.page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
    }
  }

  async enroll(code: string): Promise<void> {
    await this.page.getByLabel(kk.enroll.code).fill(code);
    await this.page.getByRole('button', { name: kk.enroll.submit }).click();
    await this.page.getByRole('heading', { name: kk.signIn.title }).waitFor();
  }

  /** Signs in the person of this role (`kk.roles.…`): options read "Surname I. — role". */
  async signIn(role: string, pin: string): Promise<void> {
    const select = this.page.getByLabel(kk.signIn.person);
    await select.locator('option').first().waitFor({ state: 'attached' });
    const options = await select.locator('option').allTextContents();
    // "әкім" is also inside "әкім аппаратының маманы": the role is the option's whole ending.
    const label = options.find((o) => o.endsWith(`— ${role}`));
    if (!label) throw new Error(`no staff option with "${role}" in ${options.join(' | ')}`);
    await select.selectOption({ label });
    await this.page.getByLabel(kk.signIn.pin).fill(pin);
    await this.page.getByRole('button', { name: kk.signIn.submit }).click();
    await this.page.getByRole('navigation').waitFor();
  }

  async signOut(): Promise<void> {
    await this.page.getByRole('button', { name: kk.signIn.signOut }).click();
    await this.page.getByRole('heading', { name: kk.signIn.title }).waitFor();
  }

  async goto(section: keyof typeof kk.nav): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: kk.nav[section] }).click();
  }

  async syncNow(): Promise<void> {
    await this.page.getByRole('banner').getByRole('button', { name: kk.sync.now }).click();
  }

  /** Opens a case from the journal by its registration number. */
  async openCase(regNumber: string): Promise<void> {
    await this.goto('journal');
    await this.page.getByRole('link', { name: regNumber, exact: true }).first().click();
    await this.page
      .getByRole('heading', { level: 1, name: `${kk.case.title} ${regNumber}` })
      .waitFor();
  }

  /** Switches the interface language and waits until the page is in it. */
  async switchLanguage(lang: 'kk' | 'ru'): Promise<void> {
    await this.page
      .getByRole('banner')
      .getByRole('combobox', { name: /^(Тіл|Язык)$/ })
      .selectOption(lang);
    await this.page.waitForFunction((l) => document.documentElement.lang === l, lang);
  }

  /** Wait until the outbox is empty (the header says everything was sent). */
  async waitAllSent(timeout = 30_000): Promise<void> {
    await this.page.getByText(kk.sync.allSent).waitFor({ timeout });
  }
}

export interface Applicant {
  iin: string;
  surname: string;
  givenName: string;
  patronymic?: string;
}

export class IntakePage {
  constructor(readonly page: Page) {}

  async chooseService(serviceId: string): Promise<void> {
    const select = this.page.getByLabel(kk.intake.service);
    await select.locator('option', { hasText: `(${serviceId})` }).waitFor({ state: 'attached' });
    const options = await select.locator('option').allTextContents();
    const label = options.find((o) => o.includes(`(${serviceId})`));
    if (!label) throw new Error(`service ${serviceId} not offered`);
    await select.selectOption({ label });
  }

  async fill(applicant: Applicant): Promise<void> {
    await this.page.getByLabel(kk.intake.iin, { exact: true }).fill(applicant.iin);
    await this.page.getByLabel(kk.intake.surname, { exact: true }).fill(applicant.surname);
    await this.page.getByLabel(kk.intake.givenName, { exact: true }).fill(applicant.givenName);
    if (applicant.patronymic) {
      await this.page.getByLabel(kk.intake.patronymic, { exact: true }).fill(applicant.patronymic);
    }
  }

  async checkAllDocuments(): Promise<void> {
    for (const box of await this.page
      .getByRole('group', { name: kk.intake.documents })
      .getByRole('checkbox')
      .all()) {
      await box.check();
    }
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: kk.intake.save }).click();
  }

  /** Register and land on the new case's screen; returns its registration number. */
  async register(serviceId: string, applicant: Applicant): Promise<string> {
    await this.chooseService(serviceId);
    await this.fill(applicant);
    await this.checkAllDocuments();
    await this.save();
    const heading = this.page.getByRole('heading', {
      level: 1,
      name: new RegExp(`^${kk.case.title} `),
    });
    await heading.waitFor();
    return ((await heading.textContent()) ?? '').replace(`${kk.case.title} `, '').trim();
  }
}

export { CasePage } from './case';
