/**
 * The district desk's page model: the incoming batches by akimat (a batch's counts, its
 * exceptions, the confirmation of the rest, a file's return), the work lists with their
 * grouping and the head's assignment of several cases, the reviewer's queue of drafts, and the
 * results sent back by akimat — each found by role and accessible name, in Kazakh.
 */
import type { Page } from 'playwright-core';
import { kk } from '../support/texts';

export class DeskPage {
  constructor(readonly page: Page) {}

  region(title: string) {
    return this.page.getByRole('region', { name: new RegExp(`^${escapeRegExp(title)}`) });
  }

  /** A transfer batch's card among the incoming files. */
  batch(batchNumber: string) {
    return this.page.getByRole('region', { name: `${kk.desk.batch} ${batchNumber}`, exact: true });
  }

  async batchCounts(batchNumber: string): Promise<string> {
    return (await this.batch(batchNumber).getByTestId('batch-counts').textContent()) ?? '';
  }

  /** Marks a file of the batch as an exception (it is not confirmed with the rest). */
  async markException(regNumber: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `${kk.desk.exception} ${regNumber}` }).check();
  }

  /** Confirms the batch but for its exceptions; returns what the confirmation dialog said. */
  async receiveBatch(batchNumber: string): Promise<string> {
    await this.batch(batchNumber)
      .getByRole('button', { name: new RegExp(`${escapeRegExp(batchNumber)}$`) })
      .click();
    return this.confirm();
  }

  /** Returns a file from its batch with a reason (no document marked). */
  async returnFile(batchNumber: string, regNumber: string, reason: string): Promise<string> {
    const row = this.batch(batchNumber).getByRole('listitem').filter({ hasText: regNumber });
    await row.locator('summary', { hasText: kk.returnForm.title }).click();
    await row.getByLabel(kk.returnForm.reason).fill(reason);
    await row.getByRole('button', { name: kk.actions.case_returned, exact: true }).click();
    return this.confirm();
  }

  /** Confirms the open dialog of an irreversible action; returns its text. */
  async confirm(): Promise<string> {
    const dialog = this.page.getByRole('dialog');
    const text = (await dialog.textContent()) ?? '';
    await dialog.getByRole('button', { name: kk.confirm.yes }).click();
    await dialog.waitFor({ state: 'hidden' });
    return text;
  }

  /** Groups the work lists by stage, executor or akimat. */
  async groupBy(by: 'stage' | 'executor' | 'office'): Promise<void> {
    await this.page.getByRole('radio', { name: kk.desk.by[by], exact: true }).check();
  }

  /** The work list group with this title (a stage's words, an executor's name, an akimat). */
  group(title: string) {
    return this.region(kk.desk.workTitle).getByRole('region', {
      name: new RegExp(`^${escapeRegExp(title)} \\(\\d+\\)$`),
    });
  }

  /** The head picks cases in the work lists and names their executor (the first offered). */
  async assign(regNumbers: string[]): Promise<void> {
    for (const n of regNumbers) {
      await this.page.getByRole('checkbox', { name: `${kk.desk.select} ${n}` }).check();
    }
    const label = kk.desk.assignSelected_other.replace('{{count}}', String(regNumbers.length));
    await this.page.getByRole('button', { name: label, exact: true }).click();
  }

  /** A draft in the reviewer's queue. */
  draft(regNumber: string) {
    return this.page.getByRole('article', { name: regNumber, exact: true });
  }

  async draftText(regNumber: string): Promise<string> {
    return (await this.draft(regNumber).getByTestId('draft-decision').textContent()) ?? '';
  }

  /** Signs (or endorses) a draft in the queue; returns what the confirmation dialog said. */
  async review(regNumber: string, action: string): Promise<string> {
    await this.draft(regNumber).getByRole('button', { name: action, exact: true }).click();
    return this.confirm();
  }

  /** Sends an akimat's signed results back in one action; returns the dialog's text. */
  async sendResults(officeName: string): Promise<string> {
    await this.page
      .getByRole('button', { name: new RegExp(`: ${escapeRegExp(officeName)}$`) })
      .click();
    return this.confirm();
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
