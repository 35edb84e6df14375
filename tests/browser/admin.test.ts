/**
 * The district administrator completes a checklist the seeds lack and adds next year's
 * calendar; a village device receives both with its next sync: intake now asks for those
 * documents and records the new catalog edition on the case, while a case registered before
 * keeps the shipped edition.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage, IntakePage } from './pages/app';
import { makeIin } from './support/iins';
import { decodeQr } from './support/paper';
import type { ServerProcess } from './support/server';
import { type BrowserSuite, startBrowserSuite } from './support/session';
import { kk } from './support/texts';

describe('district administrator', () => {
  let suite: BrowserSuite;
  let server: ServerProcess;
  let admin: Page;
  let village: Page;

  beforeAll(async () => {
    suite = await startBrowserSuite();
    server = suite.server;
    admin = await suite.newPage();
    village = await suite.newPage();
    suite.keepLastScreen(admin, 'last-admin');
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('completes a checklist and a calendar year that reach the village', async () => {
    const v = new AppPage(village);
    await v.open(server.url);
    await v.enroll(await server.enrollCode('akt-03', 'akimat'));
    await v.signIn(kk.roles.akimat_specialist, '111111');
    await v.goto('intake');
    const intake = new IntakePage(village);
    const before = await intake.register('003-06', {
      iin: makeIin('750505', 3, 4000),
      surname: 'Нұрланов',
      givenName: 'Арман',
    });

    const a = new AppPage(admin);
    await a.open(server.url);
    await a.enroll(await server.enrollCode('akt-district', 'district'));
    await a.signIn(kk.roles.district_admin, '555555');
    await a.goto('admin');

    const checklist = admin.getByRole('region', { name: kk.admin.checklists });
    await checklist.getByLabel(kk.intake.service).selectOption('003-06');
    const documents: [string, string][] = [
      ['Өтініш', 'Заявление'],
      ['Баланың туу туралы куәлігінің көшірмесі', 'Копия свидетельства о рождении ребёнка'],
    ];
    for (const [kkName, ruName] of documents) {
      await checklist.getByRole('button', { name: kk.admin.addDocument }).click();
      await checklist.getByLabel(kk.admin.nameKk).last().fill(kkName);
      await checklist.getByLabel(kk.admin.nameRu).last().fill(ruName);
    }
    await checklist.getByRole('button', { name: kk.admin.saveChecklist }).click();
    await checklist.getByRole('status').filter({ hasText: kk.admin.saved }).waitFor();
    await admin.getByText('2026.1+1').first().waitFor();

    const calendar = admin.getByRole('region', { name: kk.admin.calendar });
    await calendar.getByLabel(kk.admin.year, { exact: true }).fill('2028');
    await calendar.getByLabel(kk.admin.kurbanAit).fill('2028-05-05');
    await calendar.getByRole('button', { name: kk.admin.addTransfer }).click();
    await calendar.getByLabel(kk.admin.dayOff).fill('2028-05-12');
    await calendar.getByLabel(kk.admin.workDay).fill('2028-05-13');
    await calendar.getByLabel(kk.admin.order).fill('Мысал қаулы');
    await calendar.getByLabel(kk.admin.source).fill('Мысал қаулы, 2027');
    await expect(
      calendar.getByRole('region', { name: kk.admin.preview }).textContent(),
    ).resolves.toContain('12.05.2028');
    await calendar.getByRole('button', { name: kk.admin.saveCalendar }).click();
    await calendar.getByRole('status').filter({ hasText: kk.admin.saved }).waitFor();

    // The village syncs and now asks for the documents.
    await v.syncNow();
    await v.goto('intake');
    await intake.chooseService('003-06');
    await intake.fill({ iin: makeIin('760606', 4, 5000), surname: 'Омарова', givenName: 'Сәуле' });
    await intake.save();
    await village.getByText(kk.errors['documents-incomplete']).first().waitFor();
    await intake.checkAllDocuments();
    await intake.save();
    await village.getByRole('heading', { level: 1, name: /^Іс / }).waitFor();

    // The journal: the new case and the earlier one, each with its own edition.
    await v.goto('catalog');
    await village.getByText('2026.1+1').waitFor();
    // The catalog browser: search in Russian, the steps with durations and their seed lines.
    await village.getByLabel(kk.catalog.search).fill('пособ');
    const service = village.locator('details', { hasText: '003-06' });
    await service.locator('summary').click();
    const text = (await service.textContent()) ?? '';
    expect(text).toContain('13 жұмыс күні');
    expect(text).toContain('003_051d4fcbe1fd319b.txt:971');
    expect(text).toContain('Баланың туу туралы куәлігінің көшірмесі');
    await village.goto(`${server.url}/#/journal`);
    await village.getByRole('link', { name: before }).click();
    await expect(village.getByTestId('case-status').textContent()).resolves.toBe(
      kk.status.registered,
    );
  });

  it('issues a code by QR link and revokes a device that keeps its work', async () => {
    const a = new AppPage(admin);
    const devices = admin.getByRole('region', { name: kk.admin.devices });
    await devices.getByLabel(kk.admin.codeFor).selectOption('akt-09');
    await devices.getByRole('button', { name: kk.admin.issueCode }).click();
    const code = (await devices.getByTestId('issued-code').textContent()) ?? '';
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    // The QR code holds the app's address with the code written under it.
    const qr = decodeQr(await devices.getByRole('img', { name: kk.admin.codeQr }).screenshot());
    expect(qr).toBe(`${server.url}/#/enroll/${code}`);

    // The QR code's link opens the app with the code filled in.
    const phone = await suite.newPage();
    await phone.goto(qr ?? '');
    await expect(phone.getByLabel(kk.enroll.code).inputValue()).resolves.toBe(code);
    await phone.getByRole('button', { name: kk.enroll.submit }).click();
    await phone.getByRole('heading', { name: kk.signIn.title }).waitFor();

    // The village keeps working offline.
    const v = new AppPage(village);
    await village.context().setOffline(true);
    await v.goto('intake');
    await new IntakePage(village).chooseService('004-01');
    await new IntakePage(village).fill({
      iin: makeIin('880808', 3, 6000),
      surname: 'Бекболатов',
      givenName: 'Нұржан',
    });
    await new IntakePage(village).checkAllDocuments();
    await new IntakePage(village).save();
    await village.getByRole('heading', { level: 1, name: /^Іс / }).waitFor();

    // The administrator revokes the village device while it is offline.
    const offices = JSON.parse(await server.cli(['offices', '--json'])) as {
      id: string;
      name: { kk: string };
    }[];
    const name = offices.find((o) => o.id === 'akt-03')?.name.kk ?? '';
    await a.goto('district');
    await a.goto('admin');
    await devices.getByRole('button', { name: `${kk.admin.revoke} ${name} №1` }).click();
    // Revocation asks first, and says the device's unsent work stays on it.
    const confirm = admin.getByRole('dialog', { name: kk.admin.revoke });
    await confirm.getByText(kk.unsentImport.title, { exact: false }).waitFor();
    await confirm.getByRole('button', { name: kk.confirm.yes }).click();
    await devices.getByText(kk.admin.revoked).first().waitFor();

    await village.context().setOffline(false);
    await v.syncNow();
    await village
      .getByRole('banner')
      .getByRole('alert')
      .filter({ hasText: kk.errors['device-revoked'] })
      .waitFor();
    await village.getByRole('banner').getByRole('link', { name: kk.sync.export }).click();
    const download = village.waitForEvent('download');
    await village.getByRole('button', { name: kk.sync.export }).click();
    const file = await download;
    const saved = JSON.parse(
      await (await import('node:fs/promises')).readFile((await file.path()) ?? '', 'utf8'),
    ) as {
      format: string;
      events: { type: string; status: string }[];
    };
    expect(saved.format).toBe('qabyldau-unsent-events');
    expect(saved.events.map((e) => [e.type, e.status])).toEqual([['case.registered', 'pending']]);
  });
});
