/**
 * Reports on a district device, in a real Chromium against the real server: the demo's office
 * days of work (made through the real commands and sync by `demo-activity`) pulled by the
 * district's device, whose report screen must show the figures this file counts on its own —
 * case outcomes from the demo's summary (counted from the server's store by its own code) and
 * steps in time per stage from the server's `export steps` rows; the Excel file read back; the
 * charts drawn with the figures; and the same figures offline after a reload. One server and
 * one browser for the file; the tests run in order.
 *
 * Screens are photographed in Kazakh and Russian into test-results/, and the printed page is
 * saved as a PDF and read back as text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { readSheet } from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StepRow } from '../../src/domain/report';
import type { DemoActivitySummary } from '../../sync-server/demo/summary';
import type { AppPage } from './pages/app';
import { ReportsPage } from './pages/reports';
import { readPdf, squash } from './support/paper';
import type { ServerProcess } from './support/server';
import { ARTIFACTS, type BrowserSuite, startBrowserSuite } from './support/session';
import { filled, kk, ru } from './support/texts';

describe('reports on the district device', () => {
  let suite: BrowserSuite;
  let server: ServerProcess;
  let context: BrowserContext;
  let page: Page;
  let app: AppPage;
  let reports: ReportsPage;
  let demo: DemoActivitySummary;
  let rows: StepRow[];

  /** The test's own count of export rows: steps completed in time per stage, in percent. */
  const onTimePercent = (of: readonly StepRow[]) => {
    const done = of.filter((r) => r.onTime !== null);
    const inTime = done.filter((r) => r.onTime === true).length;
    return done.length === 0 ? null : Math.round((inTime / done.length) * 1000) / 10;
  };

  async function shoot(name: string): Promise<void> {
    await page.screenshot({ path: join(ARTIFACTS, `reports-${name}-kk.png`), fullPage: true });
    await app.switchLanguage('ru');
    await page.getByRole('heading', { level: 1, name: ru.reports.title }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, `reports-${name}-ru.png`), fullPage: true });
    await app.switchLanguage('kk');
    await page.getByRole('heading', { level: 1, name: kk.reports.title }).waitFor();
  }

  beforeAll(async () => {
    suite = await startBrowserSuite();
    server = suite.server;
    demo = JSON.parse(
      await server.cli(['demo-activity', '--days', '4', '--seed', '11', '--json']),
    ) as DemoActivitySummary;
    rows = JSON.parse(
      await server.cli(['export', 'steps', '--from', demo.from, '--to', demo.to, '--json']),
    ) as StepRow[];
    ({ context, page, app } = await suite.newDevice({
      office: 'akt-district',
      role: 'district_executor',
      serviceWorker: true,
      context: { acceptDownloads: true },
    }));
    reports = new ReportsPage(page);
    suite.keepLastScreen(page, 'last-reports');
  }, 240_000);

  afterAll(async () => {
    await suite?.close();
  });

  it('shows the period’s figures per akimat equal to the test’s own count', async () => {
    expect(demo.cases).toBeGreaterThan(10);
    await app.goto('reports');
    await page.getByRole('heading', { level: 1, name: kk.reports.title }).waitFor();
    await reports.setPeriod(demo.from, demo.to);
    await reports.waitForReceived(demo.cases);
    const total = async (key: string) => reports.figure('offices', 'total', key);
    expect({
      received: await total('received'),
      refusedAtIntake: await total('refusedAtIntake'),
      returned: await total('returned'),
      inProgress: await total('inProgress'),
      approved: await total('approved'),
      handedOut: await total('handedOut'),
      cancelled: await total('cancelled'),
    }).toEqual({
      received: demo.cases,
      refusedAtIntake: demo.refusedAtIntake,
      returned: demo.returned,
      inProgress: demo.open,
      approved: demo.approved,
      handedOut: demo.handedOut,
      cancelled: demo.cancelled,
    });
    // Steps in time: the whole and per stage, as the server's rows count them here.
    expect(await total('onTimePercent')).toBe(onTimePercent(rows));
    for (const stage of new Set(rows.map((r) => r.stage))) {
      expect(await reports.figure('stages', stage, 'onTimePercent'), stage).toBe(
        onTimePercent(rows.filter((r) => r.stage === stage)),
      );
      expect(await reports.figure('stages', stage, 'open'), stage).toBe(
        rows.filter((r) => r.stage === stage && r.completedAt === null).length,
      );
    }
    // Each akimat's steps.
    for (const office of demo.offices) {
      expect(await reports.figure('offices', office, 'onTimePercent'), office).toBe(
        onTimePercent(rows.filter((r) => r.office === office)),
      );
    }
  });

  it('draws the charts with the figures', async () => {
    for (const id of ['chart-offices', 'chart-stages'] as const) {
      await page.locator(`#${id}[data-state="drawn"]`).waitFor();
      expect(await reports.paintedPixels(id), id).toBeGreaterThan(500);
    }
    const label = (await reports.chart('chart-offices').getAttribute('aria-label')) ?? '';
    const total = await reports.figure('offices', demo.offices[0] ?? '', 'received');
    expect(label).toContain(`${kk.reports.received} ${total}`);
    await shoot('district');
  });

  it('exports the figures to Excel, read back equal to the screen', async () => {
    const file = await (await reports.export('xlsx')).path();
    const sheet = await readSheet(file, kk.reports.sheets.offices);
    expect(sheet[0]?.[1]).toBe(kk.reports.received);
    const last = sheet.at(-1) ?? [];
    expect(last[0]).toBe(kk.reports.total);
    expect(last.slice(1, 9)).toEqual([
      demo.cases,
      demo.refusedAtIntake,
      demo.returned,
      demo.open,
      demo.approved,
      await reports.figure('offices', 'total', 'refused'),
      demo.handedOut,
      demo.cancelled,
    ]);
    expect(last[9]).toBe(onTimePercent(rows));
    const stages = await readSheet(file, kk.reports.sheets.stages);
    expect(stages.length - 1).toBe(new Set(rows.map((r) => r.stage)).size);
    // The CSV for Excel (a byte-order mark, semicolons, CRLF): the offices' table, its header,
    // and its total row with the workbook's figures.
    const csv = readFileSync(await (await reports.export('csv')).path(), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    const offices = lines.indexOf(kk.reports.sheets.offices);
    expect(offices).toBeGreaterThan(0);
    expect(lines[offices + 1]?.split(';').slice(0, 2)).toEqual([
      kk.reports.office,
      kk.reports.received,
    ]);
    const totalLine = lines.slice(offices + 2).find((l) => l.startsWith(`${kk.reports.total};`));
    const totals = totalLine?.split(';') ?? [];
    expect(totals.slice(1, 9).map(Number)).toEqual(last.slice(1, 9));
    expect(totals[9]).toBe(String(last[9] ?? ''));
  });

  it('filters by one akimat', async () => {
    const office = demo.offices[0] ?? '';
    const received = await reports.figure('offices', office, 'received');
    await reports.chooseOffice(office);
    await page.waitForFunction(
      () => document.querySelectorAll('#report-offices tbody tr').length === 2,
      undefined,
      { timeout: 30_000 },
    );
    expect(await reports.figure('offices', 'total', 'received')).toBe(received);
    await reports.chooseOffice(null);
    await reports.waitForReceived(demo.cases);
  });

  it('says a period the wrong way round in words and counts nothing', async () => {
    await reports.setPeriod(demo.to, demo.to);
    await page.getByLabel(kk.reports.from, { exact: true }).fill('2099-01-01');
    await page.getByText(kk.errors['report-period-invalid']).waitFor();
    await expect(page.locator('#report-offices').count()).resolves.toBe(0);
    await reports.setPeriod(demo.from, demo.to);
    await reports.waitForReceived(demo.cases);
  });

  it('prints the report: the period and the figures are in the PDF’s text', async () => {
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({
      path: join(ARTIFACTS, 'paper-report.pdf'),
      format: 'A4',
      landscape: true,
    });
    await page.emulateMedia({ media: 'screen' });
    const text = squash((await readPdf(pdf)).pages.map((p) => p.text).join(' '));
    expect(text).toContain(squash(kk.reports.byOffice));
    expect(text).toContain(squash(kk.reports.byStage));
    expect(text).not.toContain(squash(kk.reports.filters));
    // The period as the heading writes it (day.month.year), and the district's total row with
    // its first figures in their columns' order.
    const day = (iso: string) => iso.slice(0, 10).split('-').reverse().join('.');
    expect(text).toContain(
      squash(filled(kk.reports.heading, { from: day(demo.from), to: day(demo.to) })),
    );
    expect(text).toContain(
      squash(`${kk.reports.total} ${demo.cases} ${demo.refusedAtIntake} ${demo.returned}`),
    );
  });

  it('shows the same figures offline, from the device’s own copy', async () => {
    const before = await page.locator('#report-offices').innerText();
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: kk.reports.title }).waitFor();
    await reports.waitForReceived(demo.cases);
    expect(await page.locator('#report-offices').innerText()).toBe(before);
    await context.setOffline(false);
  });
});
