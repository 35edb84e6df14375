/**
 * The print view's page model: opens a paper by its address, waits until it says it is ready
 * to print (typeface loaded, QR code made), prints it to PDF as Chromium's print dialog does
 * (the paper's own @page size), and reads its QR code off the screen.
 */
import type { Page } from 'playwright-core';
import { decodeQr, type PdfPaper, readPdf } from '../support/paper';
import { kk } from '../support/texts';

export interface PaperAddress {
  paper: string;
  id?: string;
  lang?: 'kk' | 'ru';
  size?: 'a4' | '80mm';
  params?: Record<string, string>;
}

export class PaperPage {
  constructor(readonly page: Page) {}

  /** `#/print/<paper>/<id>?lang=…&size=…&…` */
  static hash({ paper, id, lang, size, params }: PaperAddress): string {
    const query = new URLSearchParams({
      ...(params ?? {}),
      ...(lang ? { lang } : {}),
      ...(size ? { size } : {}),
    }).toString();
    const path = id ? `${paper}/${encodeURIComponent(id)}` : paper;
    return `#/print/${path}${query ? `?${query}` : ''}`;
  }

  article() {
    return this.page.locator('article.paper');
  }

  async open(baseUrl: string, address: PaperAddress): Promise<void> {
    await this.page.goto(`${baseUrl}/${PaperPage.hash(address)}`);
    await this.page.locator('article.paper[data-ready="true"]').waitFor({ timeout: 30_000 });
  }

  /** The PDF as printed with the paper's own page size, saved for people to look at. */
  async pdf(path: string): Promise<{ bytes: Buffer; paper: PdfPaper }> {
    const bytes = await this.page.pdf({ path, preferCSSPageSize: true, printBackground: true });
    return { bytes, paper: await readPdf(bytes) };
  }

  /** The paper's language, chosen with its control (the interface in Kazakh). */
  async chooseLanguage(lang: 'kk' | 'ru'): Promise<void> {
    await this.page
      .getByRole('combobox', { name: kk.print.language, exact: true })
      .selectOption(lang);
    await this.page.locator(`article.paper[lang="${lang}"][data-ready="true"]`).waitFor();
  }

  /** The paper's size, chosen with its control (the interface in Kazakh). */
  async chooseSize(size: 'a4' | '80mm'): Promise<void> {
    await this.page.getByRole('combobox', { name: kk.print.paper, exact: true }).selectOption(size);
    const sizeClass = size === 'a4' ? 'paper-a4' : 'paper-roll';
    await this.page.locator(`article.${sizeClass}[data-ready="true"]`).waitFor();
  }

  /** What the status QR code on the paper says, read from a screenshot of it. */
  async qrText(): Promise<string | null> {
    const png = await this.page.getByTestId('status-qr').screenshot();
    return decodeQr(png);
  }
}
