/**
 * The header's sync state as a person reads it: the connection, what waits to be sent, the last
 * sync in words, an initial sync's progress bar and the clock warning — found inside the banner
 * landmark by their test ids and roles.
 */
import type { Page } from 'playwright-core';
import { kk } from '../support/texts';

export class HeaderPage {
  constructor(readonly page: Page) {}

  banner() {
    return this.page.getByRole('banner');
  }

  private async text(testId: string): Promise<string> {
    return ((await this.banner().getByTestId(testId).textContent()) ?? '').trim();
  }

  /** "Байланыс бар" / "Байланыс жоқ", without the dot before it. */
  async connection(): Promise<string> {
    return (await this.text('connection')).replace(/^[●○]\s*/u, '');
  }

  /** "1 әрекет жіберілмеді" or "Бәрі жіберілді". */
  pending(): Promise<string> {
    return this.text('pending');
  }

  /** "Синхрондалды: 5 минут бұрын", "Жаңа ғана синхрондалды", … */
  lastSync(): Promise<string> {
    return this.text('last-sync');
  }

  /** The live region that announces changes of connection and count. */
  liveRegion() {
    return this.banner().getByRole('status');
  }

  syncNowButton() {
    return this.banner().getByRole('button', { name: kk.sync.now });
  }

  clockWarning() {
    return this.banner().getByTestId('clock-warning');
  }

  /** Waits until the header shows exactly this text where `testId` is. */
  async waitFor(testId: 'connection' | 'pending' | 'last-sync', text: string): Promise<void> {
    await this.page.waitForFunction(
      ([id, wanted]) => {
        const el = document.querySelector(`header [data-testid="${id}"]`);
        const shown = (el?.textContent ?? '').replace(/^[●○]\s*/u, '').trim();
        return shown === wanted;
      },
      [testId, text] as const,
      { timeout: 60_000 },
    );
  }
}
