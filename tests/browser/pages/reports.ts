/** The report screen: its period, its figures by key, its charts and files. */
import type { Download, Page } from 'playwright-core';
import { kk } from '../support/texts';

export class ReportsPage {
  constructor(readonly page: Page) {}

  async setPeriod(from: string, to: string): Promise<void> {
    await this.page.getByLabel(kk.reports.from, { exact: true }).fill(from);
    await this.page.getByLabel(kk.reports.to, { exact: true }).fill(to);
  }

  async chooseOffice(officeId: string | null): Promise<void> {
    await this.page.locator('#report-office').selectOption(officeId ?? '');
  }

  /** A figure of a row (`total`, an office or service id) of a table, as a number. */
  async figure(
    table: 'offices' | 'services' | 'stages',
    row: string,
    key: string,
  ): Promise<number | null> {
    const text = await this.page
      .locator(`#report-${table} tr[data-id="${row}"] td[data-key="${key}"]`)
      .textContent();
    const plain = (text ?? '').replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
    return plain === '—' || plain === '' ? null : Number(plain);
  }

  /** Waits until the total row shows `received` (the device may still be syncing). */
  async waitForReceived(received: number): Promise<void> {
    await this.page.waitForFunction(
      (n) =>
        document
          .querySelector('#report-offices tr[data-id="total"] td[data-key="received"]')
          ?.textContent?.trim() === String(n),
      received,
      { timeout: 60_000, polling: 250 },
    );
  }

  chart(id: 'chart-offices' | 'chart-stages') {
    return this.page.locator(`#${id}`);
  }

  /** How many pixels of the chart's canvas are painted. */
  async paintedPixels(id: 'chart-offices' | 'chart-stages'): Promise<number> {
    return this.chart(id).evaluate((canvas: HTMLCanvasElement) => {
      const context = canvas.getContext('2d');
      if (!context) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) painted++;
      return painted;
    });
  }

  async export(kind: 'csv' | 'xlsx'): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page
        .getByRole('button', { name: kind === 'csv' ? kk.reports.csv : kk.reports.xlsx })
        .click(),
    ]);
    return download;
  }
}
