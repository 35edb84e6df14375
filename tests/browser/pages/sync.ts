/**
 * The Sync screen's page model: which device this is, as the screen names it.
 */
import type { Page } from 'playwright-core';

export class SyncPage {
  constructor(readonly page: Page) {}

  /** Waits until the screen names this device `name` and returns the whole line. */
  async waitForDeviceName(name: string): Promise<string> {
    const line = this.page.getByTestId('device-name').filter({ hasText: name });
    await line.waitFor();
    return (await line.textContent()) ?? '';
  }
}
