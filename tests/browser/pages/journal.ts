/**
 * The journal's page model: the search box, the filters, the column heads that sort, the rows
 * as a person reads them, the count, the two states without rows, the export buttons and the
 * print link — each found by its role and its name in the Kazakh dictionary.
 */
import type { Download, Page } from 'playwright-core';
import type { StatusGroup } from '../../../src/domain/case/status-group';
import { kk } from '../support/texts';

export interface JournalRow {
  mark: string;
  regNumber: string;
  registeredAt: string;
  applicant: string;
  service: string;
  resultDue: string;
  /** the status's words, without the sync mark beside them */
  status: string;
  /** the sync mark's accessible name ("Жіберілмеген: …"), '' when the server holds all of it */
  sync: string;
}

type Column = 'number' | 'date' | 'applicant' | 'service' | 'due' | 'status';

const HEADS: Record<Column, string> = {
  number: kk.case.regNumber,
  date: kk.case.registeredAt,
  applicant: kk.case.applicant,
  service: kk.case.service,
  due: kk.case.resultDue,
  status: kk.case.status,
};

export class JournalPage {
  constructor(readonly page: Page) {}

  heading() {
    return this.page.getByRole('heading', { level: 1, name: kk.journal.title });
  }

  /** Waits until the whole journal is read (its count is shown, or a state without rows). */
  async waitReady(): Promise<void> {
    await this.heading().waitFor();
    await this.page.locator('.journal-count, .journal-state').first().waitFor({ timeout: 30_000 });
    await this.settle();
  }

  async search(text: string): Promise<void> {
    await this.page.getByLabel(kk.journalView.search).fill(text);
    await this.settle();
  }

  async chooseService(serviceId: string | null): Promise<void> {
    const select = this.page.getByLabel(kk.journalView.service, { exact: true });
    await select.selectOption(serviceId ?? '');
    await this.settle();
  }

  async chooseStatus(group: StatusGroup | null): Promise<void> {
    const select = this.page.getByLabel(kk.journalView.status, { exact: true });
    await select.selectOption(group ?? '');
    await this.settle();
  }

  async period(from: string | null, to: string | null): Promise<void> {
    await this.page.getByLabel(kk.journalView.from).fill(from ?? '');
    await this.page.getByLabel(kk.journalView.to).fill(to ?? '');
    await this.settle();
  }

  async overdueOnly(on: boolean): Promise<void> {
    await this.page.getByLabel(kk.journalView.overdue).setChecked(on);
    await this.settle();
  }

  /** Presses a column's head; returns how the column is sorted then. */
  async sortBy(column: Column): Promise<string | null> {
    const head = this.page.getByRole('columnheader', { name: HEADS[column] });
    await head.getByRole('button').click();
    await this.settle();
    return head.getAttribute('aria-sort');
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: kk.journalView.clear }).first().click();
    await this.settle();
  }

  /** The count line as shown: "Табылды: 3 (журналда барлығы 7)". */
  async countText(): Promise<string> {
    return (await this.page.locator('.journal-count').textContent()) ?? '';
  }

  /** Rows shown, as text per column (all of them: the tests' journals fit on a screen). */
  async rows(): Promise<JournalRow[]> {
    const rows = this.page.locator('table.journal tbody tr[data-index]');
    return rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const syncMark = tr.querySelector('[data-testid="sync-mark"]');
        const cells = [...tr.querySelectorAll('td')].map((td) => {
          const text = td.textContent ?? '';
          return (
            syncMark && td.contains(syncMark) ? text.replace(syncMark.textContent ?? '', '') : text
          ).trim();
        });
        return {
          // the mark's word, without the symbol before it
          mark: (cells[0] ?? '').replace(/^[✖▲●✓]\s*/u, ''),
          regNumber: cells[1] ?? '',
          registeredAt: cells[2] ?? '',
          applicant: cells[3] ?? '',
          service: cells[4] ?? '',
          resultDue: cells[5] ?? '',
          status: cells[6] ?? '',
          sync: syncMark?.getAttribute('aria-label') ?? '',
        };
      }),
    );
  }

  async regNumbers(): Promise<string[]> {
    return (await this.rows()).map((r) => r.regNumber);
  }

  nothingFound() {
    return this.page.getByText(kk.journalView.nothingFound);
  }

  empty() {
    return this.page.getByText(kk.journalView.empty);
  }

  registerFirst() {
    return this.page.getByRole('link', { name: kk.journalView.registerFirst });
  }

  periodProblem() {
    return this.page.getByRole('alert').filter({ hasText: kk.journalView.periodReversed });
  }

  async printHref(): Promise<string | null> {
    return this.page.getByRole('link', { name: kk.journalView.print }).getAttribute('href');
  }

  /** Presses an export button and returns the file the browser was given. */
  async export(kind: 'csv' | 'xlsx'): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page
      .getByRole('button', { name: kind === 'csv' ? kk.journalView.csv : kk.journalView.xlsx })
      .click();
    return download;
  }

  /**
   * Until the rows answer the address: the address follows each input at once, the rows a
   * moment later (the screen marks which address its rows answer).
   */
  async settle(): Promise<void> {
    await this.page.waitForFunction(() => {
      const main = document.querySelector<HTMLElement>('main.journal-screen');
      const address = window.location.hash === '' ? '#/journal' : window.location.hash;
      return main?.dataset.shown === address;
    });
  }
}
