/**
 * The case screen's page model: its facts, the actions of the signed-in person (each found by
 * its label in the Kazakh dictionary, as a person finds it), the confirmation dialog of what
 * cannot be undone, the steps with their due dates, and the history.
 */
import type { Page } from 'playwright-core';
import { kk } from '../support/texts';

export interface InspectionAct {
  members: string[];
  findings: string;
  conclusion: 'needy' | 'not_needy';
  conclusionText: string;
}

export class CasePage {
  constructor(readonly page: Page) {}

  async status(): Promise<string> {
    return (await this.page.getByTestId('case-status').textContent()) ?? '';
  }

  /** Waits until the case shows this status (a `kk.status` text). */
  async waitForStatus(status: string, timeout = 15_000): Promise<void> {
    await this.page
      .getByTestId('case-status')
      .filter({ hasText: new RegExp(`^${status}$`) })
      .waitFor({ timeout });
  }

  async place(): Promise<string> {
    return (await this.page.getByTestId('case-place').textContent()) ?? '';
  }

  async applicant(): Promise<string> {
    return (await this.page.getByTestId('case-applicant').textContent()) ?? '';
  }

  historyRows() {
    return this.page.getByRole('region', { name: kk.case.history }).getByRole('row');
  }

  /** The history's "which device" cells, as they read. */
  async historyDevices(): Promise<string[]> {
    const rows = this.page.getByRole('region', { name: kk.case.history }).locator('tbody tr');
    return rows.locator('td:nth-child(4)').allTextContents();
  }

  async historyText(): Promise<string> {
    return (await this.page.getByRole('region', { name: kk.case.history }).textContent()) ?? '';
  }

  /** The actions offered now (the buttons and links of the actions sections), by their text. */
  async actionLabels(): Promise<string[]> {
    const sections = this.page.locator('section.actions');
    const texts = await sections.locator('button, a.button, summary').allTextContents();
    return texts.map((t) => t.trim());
  }

  /** The due date the steps table shows for a catalog step. */
  async stepDue(stepId: string): Promise<string> {
    return (
      (await this.page
        .locator(`tr[data-step="${stepId}"] [data-testid="step-due"]`)
        .textContent()) ?? ''
    );
  }

  /** Confirms the open dialog of an irreversible action. */
  async confirm(): Promise<void> {
    const dialog = this.page.getByRole('dialog');
    await dialog.getByRole('button', { name: kk.confirm.yes }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Opens a folded form (a <details>) by its summary's text. */
  async disclose(summary: string): Promise<void> {
    await this.page.locator('summary', { hasText: summary }).click();
  }

  private button(name: string) {
    return this.page.getByRole('button', { name, exact: true });
  }

  async orderCommission(): Promise<void> {
    await this.button(kk.actions.commission_ordered).click();
    await this.waitForStatus(kk.status.commission_ordered);
  }

  async recordInspection(act: InspectionAct): Promise<void> {
    const form = this.page.getByRole('form', { name: kk.commission.actTitle });
    await form.getByLabel(kk.commission.members).fill(act.members.join('\n'));
    await form.getByLabel(kk.commission.findings).fill(act.findings);
    await form.getByLabel(kk.commission[act.conclusion], { exact: true }).check();
    await form.getByLabel(kk.commission.conclusionText).fill(act.conclusionText);
    await form.getByRole('button', { name: kk.actions.commission_inspected }).click();
    await this.waitForStatus(kk.status.inspected);
  }

  /** The district returns the file: each document named is marked with its problem. */
  async returnFile(
    documents: { name: string; problem: 'missing' | 'wrong' }[],
    reason: string,
  ): Promise<void> {
    await this.disclose(kk.returnForm.title);
    for (const d of documents) {
      await this.page.getByRole('combobox', { name: d.name, exact: true }).selectOption(d.problem);
    }
    await this.page.getByLabel(kk.returnForm.reason).fill(reason);
    await this.button(kk.actions.case_returned).click();
    await this.confirm();
    await this.waitForStatus(kk.status.returned);
  }

  async assign(): Promise<void> {
    await this.button(kk.actions.case_assigned).click();
    await this.waitForStatus(kk.status.assigned);
  }

  /**
   * The executor's draft: an approval, or a refusal with the regulation's grounds by number
   * (and "other" with its text), or in words where the regulation lists no grounds.
   */
  async draft(
    decision: { approve: true } | { grounds?: string[]; other?: string; reason?: string },
  ): Promise<void> {
    if ('approve' in decision) {
      await this.page.getByLabel(kk.decision.approve).check();
    } else {
      await this.page.getByLabel(kk.decision.refuse, { exact: true }).check();
      if (decision.reason) await this.page.getByLabel(kk.decision.reason).fill(decision.reason);
      for (const n of decision.grounds ?? []) {
        await this.page.getByRole('checkbox', { name: new RegExp(`^${n}\\. `) }).check();
      }
      if (decision.other) {
        await this.page.getByLabel(kk.decision.other, { exact: true }).check();
        await this.page.getByLabel(kk.decision.otherText).fill(decision.other);
      }
    }
    await this.button(kk.actions.case_decided).click();
    await this.confirm();
    await this.waitForStatus(kk.status.decided);
  }

  async endorse(): Promise<void> {
    await this.button(kk.actions.case_endorsed).click();
    await this.confirm();
    await this.waitForStatus(kk.status.endorsed);
  }

  /** Sends the draft back for rework with a comment. */
  async sendBack(comment: string): Promise<void> {
    await this.disclose(kk.sendBack.title);
    await this.page.getByLabel(kk.sendBack.comment).fill(comment);
    await this.button(kk.actions.case_sent_back).click();
    await this.confirm();
    await this.waitForStatus(kk.status.rework);
  }

  /** The text of the draft decision the signer reads. */
  async draftText(): Promise<string> {
    return (await this.page.getByTestId('draft-decision').textContent()) ?? '';
  }

  /** Signs; where the signature decides (the akim's certificate), approves first. */
  async sign(decides = false): Promise<void> {
    if (decides) await this.page.getByLabel(kk.decision.approve).check();
    await this.button(kk.actions.case_signed).click();
    await this.confirm();
    await this.waitForStatus(kk.status.signed);
  }

  async handOut(to: { name: string; powerOfAttorney: string } | 'applicant'): Promise<void> {
    if (to !== 'applicant') {
      await this.page.getByLabel(kk.handOut.representative).check();
      await this.page.getByLabel(kk.handOut.name).fill(to.name);
      await this.page.getByLabel(kk.handOut.powerOfAttorney).fill(to.powerOfAttorney);
    }
    await this.button(kk.actions.result_handed_out).click();
    await this.confirm();
    await this.waitForStatus(kk.status.closed);
  }

  /** Opens the correction form and types the new values; returns the preview of the changes. */
  async typeCorrection(
    fields: Partial<Record<'surname' | 'givenName' | 'iin', string>>,
    reason: string,
  ) {
    await this.disclose(kk.correction.title);
    for (const [field, value] of Object.entries(fields)) {
      await this.page.getByLabel(kk.intake[field as 'surname'], { exact: true }).fill(value);
    }
    await this.page.getByLabel(kk.correction.reason).fill(reason);
    return (await this.page.getByTestId('correction-preview').textContent()) ?? '';
  }

  async saveCorrection(): Promise<void> {
    await this.button(kk.actions.case_corrected).click();
  }

  async cancel(reason: 'withdrawn' | 'registered_in_error', note: string): Promise<void> {
    await this.disclose(kk.cancel.title);
    await this.page.getByLabel(kk.cancelReasons[reason]).check();
    await this.page.getByLabel(kk.cancel.note).fill(note);
    await this.button(kk.actions.case_cancelled).click();
    await this.confirm();
    await this.waitForStatus(kk.status.cancelled);
  }
}
