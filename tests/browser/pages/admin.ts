/**
 * The district administrator's screen (Анықтамалықтар): devices, the import of a file of unsent
 * work, people and the audit — found by their section's heading and their fields' labels.
 */
import type { Locator, Page } from 'playwright-core';
import { kk } from '../support/texts';

/** How a lock's words begin, on one device or on all ("кіру бұғатталды …"). */
export const LOCK_MARKS = [kk.staffAdmin.lockedOn, kk.staffAdmin.lockedEverywhere].map((text) =>
  (text.split('{{at}}')[0] ?? '').trim(),
);

export class AdminPage {
  constructor(readonly page: Page) {}

  section(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  get devices(): Locator {
    return this.section(kk.admin.devices);
  }

  get staff(): Locator {
    return this.section(kk.staffAdmin.title);
  }

  get unsent(): Locator {
    return this.section(kk.unsentImport.title);
  }

  get audit(): Locator {
    return this.section(kk.audit.title);
  }

  /** Waits for the save's outcome in a section: its "saved" status, or the error it shows. */
  async saved(section: Locator): Promise<void> {
    await section.getByRole('status').filter({ hasText: kk.admin.saved }).first().waitFor();
  }

  /** The option of a select whose text contains every one of `parts`. */
  async optionWith(select: Locator, parts: string[]): Promise<string> {
    await select.locator('option').nth(1).waitFor({ state: 'attached' });
    const options = await select.locator('option').allTextContents();
    const found = options.find((o) => parts.every((p) => o.includes(p)));
    if (!found) throw new Error(`no option with ${parts.join(' + ')} in ${options.join(' | ')}`);
    return found;
  }

  async issueCode(officeId: string, deviceName: string): Promise<string> {
    await this.devices.getByLabel(kk.admin.codeFor).selectOption(officeId);
    await this.devices.getByLabel(kk.deviceAdmin.nameFor).fill(deviceName);
    await this.devices.getByRole('button', { name: kk.admin.issueCode }).click();
    const code = this.devices.getByTestId('issued-code');
    await code.waitFor();
    return (await code.textContent()) ?? '';
  }

  async renameDevice(current: string, name: string): Promise<void> {
    await this.devices.locator('select[name="rename-device"]').selectOption({ label: current });
    await this.devices.locator('input[name="device-name"]').fill(name);
    await this.devices.getByRole('button', { name: kk.deviceAdmin.saveName }).click();
    await this.devices.getByRole('cell', { name, exact: true }).waitFor();
  }

  /** Opens the revocation's confirmation and returns what it says; `confirm` then revokes. */
  async askRevoke(device: string): Promise<{ text: string; confirm(): Promise<void> }> {
    await this.devices.getByRole('button', { name: `${kk.admin.revoke} ${device}` }).click();
    const dialog = this.page.getByRole('dialog', { name: kk.admin.revoke });
    await dialog.waitFor();
    return {
      text: (await dialog.textContent()) ?? '',
      confirm: async () => {
        await dialog.getByRole('button', { name: kk.confirm.yes }).click();
        await this.devices.getByText(kk.admin.revoked).first().waitFor();
      },
    };
  }

  async addPerson(person: {
    surname: string;
    givenName: string;
    officeId: string;
    role: string;
    pin: string;
  }): Promise<void> {
    const form = this.staff.getByRole('group', { name: kk.staffAdmin.add });
    await form.getByLabel(kk.staffAdmin.surname, { exact: true }).fill(person.surname);
    await form.getByLabel(kk.staffAdmin.givenName, { exact: true }).fill(person.givenName);
    await form.locator('select[name="officeId"]').selectOption(person.officeId);
    await form.locator('select[name="role"]').selectOption({ label: person.role });
    await form.getByLabel(kk.staffAdmin.pin).fill(person.pin);
    await form.getByRole('button', { name: kk.staffAdmin.save }).click();
    await form.getByRole('status').filter({ hasText: kk.admin.saved }).waitFor();
    await this.staff
      .getByRole('cell', { name: new RegExp(`^${person.surname} `) })
      .first()
      .waitFor();
  }

  /** Chooses the active person whose option contains every one of `parts` (name, role, office). */
  async choosePerson(parts: string[]): Promise<string> {
    const select = this.staff.locator('select[name="person"]');
    const label = await this.optionWith(select, parts);
    await select.selectOption({ label });
    return label;
  }

  /** The chosen person's new PIN, typed twice, after the confirmation; returns its question. */
  async resetPin(pin: string, again = pin): Promise<string> {
    await this.staff.locator('input[name="newPin"]').fill(pin);
    await this.staff.locator('input[name="newPinAgain"]').fill(again);
    await this.staff.getByRole('button', { name: kk.staffAdmin.resetPin }).click();
    const dialog = this.page.getByRole('dialog', { name: kk.staffAdmin.resetPin });
    const text = (await dialog.textContent()) ?? '';
    await dialog.getByRole('button', { name: kk.confirm.yes }).click();
    await this.saved(this.staff);
    return text;
  }

  /** The state cell of the person whose row starts with `surname` (active, and any lock). */
  async stateOf(surname: string): Promise<string> {
    const row = this.staff
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell', { name: new RegExp(`^${surname} `) }) });
    return ((await row.getByRole('cell').nth(3).textContent()) ?? '').trim();
  }

  /**
   * Reloads the admin screen until the person's row shows a sign-in lock (a device reports its
   * own lock at its next sync) naming `naming` (a device's label: the district device learns the
   * district's devices with the reference data); returns the state cell's text.
   */
  async waitForLock(surname: string, naming = '', timeout = 60_000): Promise<string> {
    const until = Date.now() + timeout;
    for (;;) {
      await this.staff
        .getByRole('cell', { name: new RegExp(`^${surname} `) })
        .first()
        .waitFor();
      const state = await this.stateOf(surname);
      if (LOCK_MARKS.some((mark) => state.includes(mark)) && state.includes(naming)) return state;
      if (Date.now() > until) throw new Error(`no lock shown for ${surname}: ${state}`);
      await this.page.waitForTimeout(1_000);
      await this.page.reload();
    }
  }

  /** Lifts the chosen person's lock after the confirmation; returns its question. */
  async unlock(): Promise<string> {
    await this.staff.getByRole('button', { name: kk.staffAdmin.unlock }).click();
    const dialog = this.page.getByRole('dialog', { name: kk.staffAdmin.unlock });
    const text = (await dialog.textContent()) ?? '';
    await dialog.getByRole('button', { name: kk.confirm.yes }).click();
    await this.saved(this.staff);
    return text;
  }

  async deactivate(): Promise<string> {
    await this.staff.getByRole('button', { name: kk.staffAdmin.deactivate }).click();
    const dialog = this.page.getByRole('dialog', { name: kk.staffAdmin.deactivate });
    const text = (await dialog.textContent()) ?? '';
    await dialog.getByRole('button', { name: kk.confirm.yes }).click();
    await this.saved(this.staff);
    return text;
  }

  /** Imports a file and returns the report's summary and rows as text. */
  async importUnsent(file: { name: string; buffer: Buffer }): Promise<{
    summary: string;
    rows: string[];
  }> {
    await this.unsent
      .getByLabel(kk.unsentImport.file)
      .setInputFiles({ ...file, mimeType: 'application/json' });
    await this.unsent.getByRole('button', { name: kk.unsentImport.import }).click();
    const summary = this.unsent.getByTestId('import-summary');
    await summary.waitFor();
    const rows = this.unsent.getByRole('table').locator('tbody tr');
    return {
      summary: (await summary.textContent()) ?? '',
      rows: (await rows.allTextContents()).map((r) => r.trim()),
    };
  }

  /** The audit of the person whose option contains `parts`, for the screen's default period. */
  async auditOf(parts: string[]): Promise<string[]> {
    const select = this.audit.locator('select[name="auditPerson"]');
    await select.selectOption({ label: await this.optionWith(select, parts) });
    await this.audit.getByRole('button', { name: kk.audit.show }).click();
    const rows = this.audit.getByRole('table').locator('tbody tr');
    await rows.first().waitFor();
    return (await rows.allTextContents()).map((r) => r.trim());
  }
}
