/**
 * The intake screen's page model: the service found by typing in its combobox, the applicant,
 * the representative, each checklist document's form, the consent, and the two ways out —
 * registration, or the refusal at the desk after its confirmation.
 */
import type { Page } from 'playwright-core';
import { kk } from '../support/texts';

export interface Applicant {
  iin: string;
  surname: string;
  givenName: string;
  patronymic?: string;
}

export interface Representative {
  iin: string;
  surname: string;
  givenName: string;
  poaNumber: string;
  /** YYYY-MM-DD */
  poaDate: string;
  poaIssuer: string;
}

export type DocumentChoice = 'original' | 'copy' | 'missing' | 'expired';

export class IntakePage {
  constructor(readonly page: Page) {}

  serviceBox() {
    return this.page.getByRole('combobox', { name: kk.intake.service });
  }

  /** Types into the service field and returns the options offered (at least one), as text. */
  async search(query: string): Promise<string[]> {
    await this.serviceBox().fill(query);
    const options = this.page.getByRole('listbox').getByRole('option');
    await options.first().waitFor();
    return (await options.allTextContents()).map((t) => t.trim());
  }

  async chooseService(serviceId: string): Promise<void> {
    await this.serviceBox().fill(serviceId);
    await this.page.getByRole('option', { name: new RegExp(`^${serviceId} `) }).click();
    await this.page.waitForFunction(
      (id) =>
        (document.getElementById('intake-service') as HTMLInputElement | null)?.value.startsWith(
          id,
        ),
      serviceId,
    );
  }

  async fill(applicant: Applicant): Promise<void> {
    await this.page.getByLabel(kk.intake.iin, { exact: true }).fill(applicant.iin);
    await this.page.getByLabel(kk.intake.surname, { exact: true }).fill(applicant.surname);
    await this.page.getByLabel(kk.intake.givenName, { exact: true }).fill(applicant.givenName);
    if (applicant.patronymic) {
      await this.page.getByLabel(kk.intake.patronymic, { exact: true }).fill(applicant.patronymic);
    }
    await this.page.getByLabel(kk.intake.consent).check();
  }

  /** Every checklist document presented in the original. */
  async checkAllDocuments(): Promise<void> {
    const radios = this.page
      .getByRole('group', { name: kk.intake.documents })
      .getByRole('radio', { name: kk.intake.original, exact: true });
    for (const radio of await radios.all()) await radio.check();
  }

  /** How one document (by its Kazakh name in the checklist) was presented. */
  async document(name: string, choice: DocumentChoice): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name, exact: true })
      .getByRole('radio', { name: kk.intake[choice], exact: true })
      .check();
  }

  async byRepresentative(r: Representative): Promise<void> {
    await this.page.getByLabel(kk.intake.byRepresentative).check();
    await this.page.getByLabel(kk.intake.representativeIin).fill(r.iin);
    await this.page.getByLabel(kk.intake.representativeSurname).fill(r.surname);
    await this.page.getByLabel(kk.intake.representativeGivenName).fill(r.givenName);
    await this.page.getByLabel(kk.intake.poaNumber).fill(r.poaNumber);
    await this.page.getByLabel(kk.intake.poaDate).fill(r.poaDate);
    await this.page.getByLabel(kk.intake.poaIssuer).fill(r.poaIssuer);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: kk.intake.save }).click();
  }

  /** Refuses the application at the desk, confirming in the dialog. */
  async refuse(): Promise<void> {
    await this.page.getByRole('button', { name: kk.intake.refuse }).click();
    const dialog = this.page.getByRole('dialog', { name: kk.intake.refuse });
    await dialog.getByRole('button', { name: kk.confirm.yes }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  /** Waits for the case screen the intake leads to; returns the case's number. */
  async landedCase(): Promise<string> {
    const heading = this.page.getByRole('heading', {
      level: 1,
      name: new RegExp(`^${kk.case.title} `),
    });
    await heading.waitFor();
    return ((await heading.textContent()) ?? '').replace(`${kk.case.title} `, '').trim();
  }

  /** Register and land on the new case's screen; returns its registration number. */
  async register(serviceId: string, applicant: Applicant): Promise<string> {
    await this.chooseService(serviceId);
    await this.fill(applicant);
    await this.checkAllDocuments();
    await this.save();
    return this.landedCase();
  }
}
