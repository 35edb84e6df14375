/**
 * The akimat's Results screen, its part for results on their way back from the district: a
 * card per results batch (its counts, its register, the results missing from the packet), the
 * whole batch confirmed in one action, a result confirmed alone — found by role and accessible
 * name, in Kazakh.
 */
import type { Page } from 'playwright-core';
import { kk } from '../support/texts';

export class ResultsPage {
  constructor(readonly page: Page) {}

  /** A results batch's card among the results on their way. */
  batch(batchNumber: string) {
    return this.page.getByRole('region', {
      name: `${kk.results.batch} ${batchNumber}`,
      exact: true,
    });
  }

  async batchCounts(batchNumber: string): Promise<string> {
    return (await this.batch(batchNumber).getByTestId('result-batch-counts').textContent()) ?? '';
  }

  /** Ticks a result as missing from the packet: it is not confirmed with the rest. */
  async markMissing(regNumber: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `${kk.results.missing} ${regNumber}` }).check();
  }

  /** Confirms the batch but for the results missing; returns what the confirmation said. */
  async receiveBatch(batchNumber: string): Promise<string> {
    await this.batch(batchNumber)
      .getByRole('button', { name: new RegExp(`${escapeRegExp(batchNumber)}$`) })
      .click();
    return this.confirm();
  }

  /** Confirms one result arrived; returns what the confirmation said. */
  async receiveOne(regNumber: string): Promise<string> {
    await this.page
      .getByRole('button', { name: `${kk.actions.result_received} ${regNumber}`, exact: true })
      .click();
    return this.confirm();
  }

  async confirm(): Promise<string> {
    const dialog = this.page.getByRole('dialog');
    const text = (await dialog.textContent()) ?? '';
    await dialog.getByRole('button', { name: kk.confirm.yes }).click();
    await dialog.waitFor({ state: 'hidden' });
    return text;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
