/**
 * The Today screen's page model: its sections by their test ids (the headings carry counts, so
 * their accessible names change), each section's count, a case's row and its deadline mark, the
 * number beside "Бүгін" in the navigation; and the page's clock, moved as the office's days
 * pass (Playwright's clock, installed on the context before the app loads).
 */
import type { Page } from 'playwright-core';
import { kk } from '../support/texts';
import type { Applicant, IntakePage } from './app';

export type TodaySectionId = 'overdue' | 'forward' | 'returned' | 'waiting' | 'call';

/** `2026-04-22T09:30` in the office's zone (Asia/Almaty, UTC+5 since 2024) as an instant. */
export function officeTime(local: string): Date {
  return new Date(`${local}:00+05:00`);
}

export class TodayPage {
  constructor(readonly page: Page) {}

  /** Opens Today from the navigation and waits until its sections are read. */
  async open(): Promise<void> {
    await this.page
      .getByRole('navigation')
      .getByRole('link', { name: new RegExp(`^${kk.nav.today}`) })
      .click();
    await this.page.getByRole('heading', { level: 1, name: kk.today.title }).waitFor();
    await this.page.locator('main[aria-busy="false"]').waitFor();
  }

  section(id: TodaySectionId) {
    return this.page.getByTestId(`today-${id}`);
  }

  /** The count a section's heading shows. */
  async count(id: TodaySectionId): Promise<number> {
    const text = (await this.section(id).getByTestId('today-count').textContent()) ?? '';
    const match = /^\((\d+)\)$/.exec(text.trim());
    if (!match) throw new Error(`no count in "${text}"`);
    return Number(match[1]);
  }

  /** The row of a case in a section (found by its registration number's link). */
  row(id: TodaySectionId, regNumber: string) {
    return this.section(id)
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('link', { name: regNumber, exact: true }) });
  }

  /** The deadline colour a case's row shows in a section (`overdue`, `due_soon`, …). */
  async mark(id: TodaySectionId, regNumber: string): Promise<string | null> {
    return this.row(id, regNumber).locator('[data-deadline]').first().getAttribute('data-deadline');
  }

  /** The number beside "Бүгін" in the navigation; 0 when none is shown. */
  async navCount(): Promise<number> {
    const badge = this.page.getByRole('navigation').getByTestId('today-count');
    if ((await badge.count()) === 0) return 0;
    return Number((await badge.locator('[aria-hidden="true"]').textContent()) ?? '0');
  }

  /**
   * Moves the page's clock to a local time of the office and lets a minute pass, so the
   * screens' minute tick reads the new time (as a screen left open overnight would).
   */
  async moveClockTo(local: string): Promise<void> {
    await this.page.clock.setSystemTime(officeTime(local));
    await this.page.clock.fastForward(61_000);
  }

  /** Registers at the desk with the applicant's phone; returns the registration number. */
  static async register(
    intake: IntakePage,
    serviceId: string,
    applicant: Applicant & { phone?: string },
  ): Promise<string> {
    await intake.chooseService(serviceId);
    await intake.fill(applicant);
    if (applicant.phone) {
      await intake.page.getByLabel(kk.intake.phone, { exact: true }).fill(applicant.phone);
    }
    await intake.checkAllDocuments();
    await intake.save();
    return intake.landedCase();
  }
}
