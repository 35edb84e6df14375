/**
 * The district administrator's work on people, devices and handed-over files, as the people
 * involved see it: a person added and a village specialist's PIN reset (on the village device,
 * after its sync, the old PIN is refused and the new one signs in), a deactivated person gone
 * from sign-in, a device named when its code is issued and renamed later, a revocation that
 * asks first and says what becomes of the unsent work, the file of that work — written by the
 * revoked device itself — imported twice with the report each time, and the audit of the
 * person who recorded it, with the device's name; and the renamed village device, after its
 * sync, naming itself by the new name on its Sync screen and in the history of a case.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminPage } from './pages/admin';
import { AppPage, CasePage, IntakePage } from './pages/app';
import { SyncPage } from './pages/sync';
import { launchChromium } from './support/browser';
import { makeIin } from './support/iins';
import { freePort, ServerProcess } from './support/server';
import { kk, pinWrong, ru } from './support/texts';

describe('administration', () => {
  let server: ServerProcess;
  let browser: Browser;
  let adminPage: Page;
  let village: Page;
  let admin: AdminPage;
  let officeNames: Record<string, string>;

  const newPage = async () =>
    (await browser.newContext({ locale: 'kk-KZ', timezoneId: 'Asia/Almaty' })).newPage();

  beforeAll(async () => {
    server = new ServerProcess(await freePort(), { DEMO_ACTIVITY: '0' });
    await server.start();
    browser = await launchChromium();
    officeNames = Object.fromEntries(
      (
        JSON.parse(await server.cli(['offices', '--json'])) as {
          id: string;
          name: { kk: string };
        }[]
      ).map((o) => [o.id, o.name.kk]),
    );
    adminPage = await newPage();
    const a = new AppPage(adminPage);
    await a.open(server.url);
    await a.enroll(await server.enrollCode('akt-district', 'district'));
    await a.signIn(kk.roles.district_admin, '555555');
    await a.goto('admin');
    admin = new AdminPage(adminPage);

    village = await newPage();
    const v = new AppPage(village);
    await v.open(server.url);
    await v.enroll(await server.enrollCode('akt-01', 'akimat'));
    await v.signIn(kk.roles.akimat_specialist, '111111');
  });

  afterAll(async () => {
    await adminPage
      ?.screenshot({ path: join('test-results', 'administration-kk.png'), fullPage: true })
      .catch(() => {});
    await new AppPage(adminPage)
      .switchLanguage('ru')
      .then(() =>
        adminPage.screenshot({
          path: join('test-results', 'administration-ru.png'),
          fullPage: true,
        }),
      )
      .catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('takes the keyboard from the contents at the top to the panel chosen', async () => {
    const contents = adminPage.getByRole('navigation', { name: kk.admin.contents });
    await contents.getByRole('button', { name: kk.audit.title, exact: true }).click();
    await expect
      .poll(() => adminPage.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe(kk.audit.title);
  });

  it('adds a person, resets a PIN and deactivates someone; the village device follows after its sync', async () => {
    await admin.addPerson({
      surname: 'Тілеубердиева',
      givenName: 'Әйгерім',
      officeId: 'akt-01',
      role: kk.roles.akimat_specialist,
      pin: '258036',
    });
    const akt01 = officeNames['akt-01'] ?? '';
    // The demo specialist of akt-01 (PIN 111111) gets 864297.
    const person = admin.staff.locator('select[name="person"]');
    await person.locator('option', { hasText: 'Тілеубердиева' }).waitFor({ state: 'attached' });
    const demo = (await person.locator('option').allTextContents()).find(
      (o) =>
        o.includes(`— ${kk.roles.akimat_specialist} — ${akt01}`) && !o.startsWith('Тілеубердиева'),
    );
    expect(demo).toBeDefined();
    await person.selectOption({ label: demo ?? '' });
    // A PIN that is not one, and two PINs that differ, are refused before anything is sent.
    await admin.staff.locator('input[name="newPin"]').fill('12');
    await admin.staff.locator('input[name="newPinAgain"]').fill('12');
    await admin.staff.getByRole('button', { name: kk.staffAdmin.resetPin }).click();
    await adminPage
      .getByRole('dialog', { name: kk.staffAdmin.resetPin })
      .getByRole('button', { name: kk.confirm.yes })
      .click();
    await admin.staff.getByText(kk.errors['pin-invalid']).waitFor();
    await admin.staff.locator('input[name="newPin"]').fill('864297');
    await admin.staff.locator('input[name="newPinAgain"]').fill('864279');
    await admin.staff.getByRole('button', { name: kk.staffAdmin.resetPin }).click();
    await adminPage
      .getByRole('dialog', { name: kk.staffAdmin.resetPin })
      .getByRole('button', { name: kk.confirm.yes })
      .click();
    await admin.staff.getByText(kk.staffAdmin.pinsDiffer).waitFor();
    const question = await admin.resetPin('864297');
    expect(question).toContain('келесі рет синхрондалғанда');

    // The akim of akt-01 leaves.
    await admin.choosePerson([`— ${kk.roles.akim} — ${akt01}`]);
    expect(await admin.deactivate()).toContain('ешбір құрылғыға кіре алмайды');
    await admin.staff.getByRole('cell', { name: kk.staffAdmin.inactive }).waitFor();

    const v = new AppPage(village);
    await v.syncNow();
    await v.signOut();
    const people = village.getByLabel(kk.signIn.person);
    await people.locator('option', { hasText: 'Тілеубердиева' }).waitFor({ state: 'attached' });
    const options = await people.locator('option').allTextContents();
    expect(options.some((o) => o.endsWith(`— ${kk.roles.akim}`))).toBe(false);

    // The old PIN is refused, the new one signs in; so does the new person's.
    const specialist = demo?.split(' — ')[0] ?? '';
    expect(await v.signInRefused(specialist, '111111')).toBe(pinWrong(4));
    await v.signIn(specialist, '864297');
    await v.signOut();
    await v.signIn('Тілеубердиева', '258036');
  });

  it('names devices, asks before revoking, and imports the revoked device’s own file twice', async () => {
    // The village device of akt-01, enrolled unnamed, gets a name.
    await adminPage.reload();
    await admin.renameDevice(`${officeNames['akt-01']} №1`, 'Ақтоғай, маман үстелі');

    // A new device for akt-02, named with its code.
    const code = await admin.issueCode('akt-02', 'Ақжарық, қабылдау үстелі');
    const lost = await newPage();
    const l = new AppPage(lost);
    await l.open(server.url);
    await l.enroll(code);
    await l.signIn(kk.roles.akimat_specialist, '111111');
    // The app's screens offline come from the service worker's cache.
    await l.waitForServiceWorker();
    await adminPage.reload();
    await admin.devices
      .getByRole('cell', { name: 'Ақжарық, қабылдау үстелі', exact: true })
      .waitFor();

    // It registers an application offline, then is revoked before it syncs again.
    await lost.context().setOffline(true);
    await l.goto('intake');
    const intake = new IntakePage(lost);
    await intake.chooseService('004-01');
    await intake.fill({
      iin: makeIin('880808', 3, 6100),
      surname: 'Бекболатов',
      givenName: 'Нұржан',
    });
    await intake.checkAllDocuments();
    await intake.save();
    const heading = lost.getByRole('heading', { level: 1, name: /^Іс / });
    await heading.waitFor();
    const regNumber = ((await heading.textContent()) ?? '').replace(/^Іс\s+/, '').trim();

    const revocation = await admin.askRevoke('Ақжарық, қабылдау үстелі');
    expect(revocation.text).toContain('жойылмайды');
    expect(revocation.text).toContain(kk.unsentImport.title);
    await revocation.confirm();

    await lost.context().setOffline(false);
    await l.syncNow();
    await lost
      .getByRole('banner')
      .getByRole('alert')
      .filter({ hasText: kk.errors['device-revoked'] })
      .waitFor();
    await lost.getByRole('banner').getByRole('link', { name: kk.sync.export }).click();
    const download = lost.waitForEvent('download');
    await lost.getByRole('button', { name: kk.sync.export }).click();
    const buffer = await readFile((await (await download).path()) ?? '');

    const first = await admin.importUnsent({ name: 'unsent.json', buffer });
    expect(first.summary).toContain('Ақжарық, қабылдау үстелі');
    expect(first.summary).toMatch(/қабылданды 1, серверде бар 0, қабылданбады 0/);
    expect(first.rows).toHaveLength(1);
    expect(first.rows[0]).toContain(regNumber);
    expect(first.rows[0]).toContain(kk.unsentImport.statuses.accepted);
    const second = await admin.importUnsent({ name: 'unsent.json', buffer });
    expect(second.summary).toMatch(/қабылданды 0, серверде бар 1, қабылданбады 0/);
    expect(second.rows[0]).toContain(kk.unsentImport.statuses.already_there);

    // Not such a file: refused, nothing imported.
    await admin.unsent.getByLabel(kk.unsentImport.file).setInputFiles({
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello": "world"}'),
    });
    await admin.unsent.getByRole('button', { name: kk.unsentImport.import }).click();
    await admin.unsent.getByText(kk.errors['unsent-file-invalid']).waitFor();

    // The audit: what the akt-02 specialist recorded, on which device.
    const rows = await admin.auditOf([
      `— ${kk.roles.akimat_specialist} — ${officeNames['akt-02']}`,
    ]);
    const row = rows.find((r) => r.includes(regNumber));
    expect(row, rows.join('\n')).toBeDefined();
    expect(row).toContain('Ақжарық, қабылдау үстелі');
    expect(row).toContain(kk.eventTypes.case_registered);
    await lost.context().close();
  });

  it('shows the village device its new name after a sync: in a case’s history and on the Sync screen', async () => {
    const v = new AppPage(village);
    await v.goto('intake');
    const intake = new IntakePage(village);
    await intake.chooseService('004-01');
    await intake.fill({ iin: makeIin('910303', 4, 7200), surname: 'Оспанова', givenName: 'Дана' });
    await intake.checkAllDocuments();
    await intake.save();
    const heading = village.getByRole('heading', { level: 1, name: /^Іс / });
    await heading.waitFor();
    const regNumber = ((await heading.textContent()) ?? '').replace(/^Іс\s+/, '').trim();
    await v.syncNow();
    await v.waitAllSent();

    // The registration, made on this device, is said to be made on "Ақтоғай, маман үстелі".
    await v.openCase(regNumber);
    const history = village.getByRole('region', { name: kk.case.history });
    await history.getByText('Ақтоғай, маман үстелі', { exact: true }).first().waitFor();
    const devices = await new CasePage(village).historyDevices();
    expect(devices.length).toBeGreaterThan(0);
    expect(new Set(devices)).toEqual(new Set(['Ақтоғай, маман үстелі']));
    await village.screenshot({
      path: join('test-results', 'device-names-case-kk.png'),
      fullPage: true,
    });
    await v.switchLanguage('ru');
    await village.getByRole('region', { name: ru.case.history }).waitFor();
    await village.screenshot({
      path: join('test-results', 'device-names-case-ru.png'),
      fullPage: true,
    });
    await v.switchLanguage('kk');

    await v.goto('sync');
    const line = await new SyncPage(village).waitForDeviceName('Ақтоғай, маман үстелі');
    expect(line).toContain('№1');
    expect(line).not.toContain(`${officeNames['akt-01']} №1`);
    await village.screenshot({ path: join('test-results', 'device-names-sync-kk.png') });
    await v.switchLanguage('ru');
    await village.getByRole('heading', { level: 1, name: ru.sync.title }).waitFor();
    await new SyncPage(village).waitForDeviceName('Ақтоғай, маман үстелі');
    await village.screenshot({ path: join('test-results', 'device-names-sync-ru.png') });
    await v.switchLanguage('kk');
  });
});
