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

  /**
   * Chooses the person on the sign-in screen: `person` is a role (`kk.roles.…`: options read
   * "Surname I. — role", and "әкім" is also inside "әкім аппаратының маманы", so the role is the
   * option's whole ending) or the start of a name ("Тілеубердиева").
   */
  async choosePerson(person: string): Promise<string> {
    const select = this.page.getByLabel(kk.signIn.person);
    await select.locator('option').first().waitFor({ state: 'attached' });
    const options = await select.locator('option').allTextContents();
    const label =
      options.find((o) => o.endsWith(`— ${person}`)) ?? options.find((o) => o.startsWith(person));
    if (!label) throw new Error(`no staff option with "${person}" in ${options.join(' | ')}`);
    await select.selectOption({ label });
    return label;
  }

  /** Types the PIN and presses Enter in the field, as a person at the keyboard does. */
  async typePin(pin: string): Promise<void> {
    const field = this.page.getByLabel(kk.signIn.pin, { exact: true });
    await field.fill(pin);
    await field.press('Enter');
  }

  /** Signs in the person (a role or the start of a name, see `choosePerson`). */
  async signIn(person: string, pin: string): Promise<void> {
    await this.choosePerson(person);
    await this.typePin(pin);
    await this.page.getByRole('navigation').waitFor();
  }

  /** A sign-in the screen refuses: the words of its alert, once the check is over. */
  async signInRefused(person: string, pin: string): Promise<string> {
    await this.choosePerson(person);
    await this.typePin(pin);
    return this.signInProblem();
  }

  /** The sign-in screen's alert once the PIN check is over (the form is no longer busy). */
  async signInProblem(): Promise<string> {
    await this.page.locator('main form[aria-busy="false"]').first().waitFor();
    const alert = this.page.getByRole('main').getByRole('alert');
    await alert.waitFor();
    return (await alert.textContent()) ?? '';
  }

  /**
   * Tries a sign-in: null when the person is signed in, else the words of the screen's refusal
   * (for a sign-in that may work only once a sync has brought news, such as a lifted lock).
   */
  async trySignIn(person: string, pin: string): Promise<string | null> {
    await this.choosePerson(person);
    await this.typePin(pin);
    const navigation = this.page.getByRole('navigation');
    const alert = this.page.getByRole('main').getByRole('alert');
    await navigation.or(alert).first().waitFor();
    if (await navigation.isVisible()) return null;
    return (await alert.textContent()) ?? '';
  }

  /** Syncs and tries the sign-in again until it works (or `timeout` passes). */
  async signInAfterSync(person: string, pin: string, timeout = 60_000): Promise<void> {
    const until = Date.now() + timeout;
    for (;;) {
      await this.syncNow();
      await this.page.waitForTimeout(1_000);
      const problem = await this.trySignIn(person, pin);
      if (problem === null) return;
      if (Date.now() > until) throw new Error(`still refused after syncing: ${problem}`);
    }
  }

  /** The second step of a person whose old PIN is too short: the new PIN, typed twice. */
  async chooseNewPin(pin: string, again = pin): Promise<void> {
    await this.page.getByLabel(kk.signIn.newPin, { exact: true }).fill(pin);
    await this.page.getByLabel(kk.signIn.newPinAgain, { exact: true }).fill(again);
    await this.page.getByRole('button', { name: kk.signIn.submitNewPin }).click();
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
