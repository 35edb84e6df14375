/**
 * Page models: one class per screen that knows how a person finds things on it — by role and
 * accessible name, using the Kazakh dictionary the interface shows by default.
 */
import type { Locator, Page } from 'playwright-core';
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

  /**
   * Syncs until `what` shows: a press of "sync now" while a round is already under way (one that
   * pulled before the other device's push landed) brings nothing new, so press again.
   */
  async syncUntil(what: Locator, timeout = 90_000): Promise<void> {
    const until = Date.now() + timeout;
    for (;;) {
      await this.syncNow();
      try {
        await what.first().waitFor({ timeout: 5_000 });
        return;
      } catch (error) {
        if (Date.now() > until) throw error;
      }
    }
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

export { CasePage } from './case';
export { type Applicant, IntakePage } from './intake';
