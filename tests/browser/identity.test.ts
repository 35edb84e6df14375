/**
 * Staff identity as the people live it (ADR 0015), on one village device of akt-01 and the
 * district office's device where the administrator works:
 * - the specialist's first sign-in on the fresh village device goes to the server; signed out,
 *   with the server gone (killed, like a power cut), she signs in again with the same PIN and
 *   registers an application, which the server accepts with its proof once it is back;
 * - the akim, who never signed in on that device, cannot sign in there without the server, and
 *   the screen says the first sign-in needs a connection;
 * - five wrong PINs lock the specialist on the device; the screen says so even for the right PIN;
 *   the administrator sees the lock (since when, on which device), lifts it after a confirmation,
 *   and after a sync the specialist signs in;
 * - the administrator resets the specialist's PIN; after a sync the village device has forgotten
 *   her seal, the old PIN is refused and the new one signs in;
 * - the akim, whose PIN is still a four-digit one from before (a PBKDF2 verifier), is asked for a
 *   new PIN of six digits or more, typed twice, and signs in with it;
 * - the administrator's tab holding a key the server does not know: the admin screen says her
 *   session cannot be renewed and offers to sign out and in again, which works.
 * Screenshots of the sign-in screen (kk, ru) and of the locked person go to /tmp/shots-identity.
 */
import { pbkdf2Sync, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminPage, LOCK_MARKS } from './pages/admin';
import { AppPage, IntakePage } from './pages/app';
import { launchChromium } from './support/browser';
import { makeIin } from './support/iins';
import { freePort, ServerProcess } from './support/server';
import { kk, pinWrong, ru } from './support/texts';

const SHOTS = '/tmp/shots-identity';

describe('staff identity', () => {
  let server: ServerProcess;
  let browser: Browser;
  let villagePage: Page;
  let districtPage: Page;
  let v: AppPage;
  let admin: AdminPage;
  let villageOffice: string;
  /** the specialist and the akim of akt-01 as the sign-in list names them ("Surname I.") */
  let specialist: string;
  let akim: string;

  const newPage = async () =>
    (await browser.newContext({ locale: 'kk-KZ', timezoneId: 'Asia/Almaty' })).newPage();

  /** The hint under the list of people: who has never signed in on this device. */
  const firstHint = (lang: typeof kk | typeof ru = kk): Locator =>
    villagePage.getByRole('main').getByText(new RegExp(`^${prefix(lang.signIn.firstHere)}`));

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = new ServerProcess(await freePort());
    await server.start();
    browser = await launchChromium();
    const offices = JSON.parse(await server.cli(['offices', '--json'])) as {
      id: string;
      name: { kk: string };
    }[];
    villageOffice = offices.find((o) => o.id === 'akt-01')?.name.kk ?? '';

    villagePage = await newPage();
    v = new AppPage(villagePage);
    await v.open(server.url);
    // The app must start, and sign in, with the server gone.
    await v.waitForServiceWorker();
    await v.enroll(await server.enrollCode('akt-01', 'akimat'));
    specialist = (await v.choosePerson(kk.roles.akimat_specialist)).split(' — ')[0] ?? '';
    akim = (await v.choosePerson(kk.roles.akim)).split(' — ')[0] ?? '';

    districtPage = await newPage();
    const d = new AppPage(districtPage);
    await d.open(server.url);
    await d.enroll(await server.enrollCode('akt-district', 'district'));
    await d.signIn(kk.roles.district_admin, '555555');
    await d.goto('admin');
    admin = new AdminPage(districtPage);
  });

  afterAll(async () => {
    await villagePage
      ?.screenshot({ path: join('test-results', 'last-identity-village.png'), fullPage: true })
      .catch(() => {});
    await districtPage
      ?.screenshot({ path: join('test-results', 'last-identity-district.png'), fullPage: true })
      .catch(() => {});
    await browser?.close();
    await server?.stop();
  });

  it('signs in first online, then offline with the same PIN, and the work is accepted with its proof', async () => {
    // A fresh device: nobody has signed in here, and the screen says a first sign-in needs the line.
    const fresh = await firstHint().textContent();
    expect(fresh).toContain(specialist);
    expect(fresh).toContain(akim);
    await v.signIn(kk.roles.akimat_specialist, '111111');
    await v.signOut();
    // She has signed in here now; the others have not.
    const hint = await firstHint().textContent();
    expect(hint).toContain(akim);
    expect(hint).not.toContain(specialist);

    await server.kill();
    await v.signIn(kk.roles.akimat_specialist, '111111');
    await v.goto('intake');
    const regNumber = await new IntakePage(villagePage).register('003-06', {
      iin: makeIin('790515', 4, 3100),
      surname: 'Жұмабаева',
      givenName: 'Айгүл',
    });
    await villagePage.getByText('1 әрекет жіберілмеді').waitFor();

    await server.start();
    await v.syncNow();
    await v.waitAllSent();
    const db = new Database(join(server.dataDir, 'qabyldau.db'), { readonly: true });
    try {
      const rows = db
        .prepare(
          "SELECT proof, json_extract(content, '$.staffId') AS staffId, json_extract(content, '$.payload.regNumber') AS reg FROM events",
        )
        .all() as { proof: string | null; staffId: string; reg: string | null }[];
      expect(rows).toEqual([
        {
          proof: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
          staffId: 'akt-01-akimat_specialist',
          reg: regNumber,
        },
      ]);
    } finally {
      db.close();
    }
    await expect(
      villagePage
        .getByRole('banner')
        .getByText(/қабылданбады/)
        .count(),
    ).resolves.toBe(0);
  });

  it('refuses offline the first sign-in of a person who never signed in on the device, and says why', async () => {
    await v.signOut();
    await server.kill();
    try {
      expect(await v.signInRefused(kk.roles.akim, '222222')).toBe(
        kk.errors['sign-in-needs-connection'],
      );
      await expect(firstHint().textContent()).resolves.toContain(akim);
      await villagePage.screenshot({ path: join(SHOTS, 'sign-in-offline-kk.png'), fullPage: true });
      // The same in Russian, the dictionary coming from the service worker's cache.
      await v.switchLanguage('ru');
      await villagePage
        .getByRole('main')
        .getByRole('alert')
        .filter({ hasText: ru.errors['sign-in-needs-connection'] })
        .waitFor();
      await expect(firstHint(ru).textContent()).resolves.toContain(akim);
      await villagePage.screenshot({ path: join(SHOTS, 'sign-in-offline-ru.png'), fullPage: true });
      await v.switchLanguage('kk');
      // Nothing was counted against her: no sign-in was tried.
      await villagePage.getByRole('heading', { name: kk.signIn.title }).waitFor();
    } finally {
      await server.start();
    }
  });

  it('locks after five wrong PINs; the administrator sees the lock and lifts it; after a sync she signs in', async () => {
    for (const left of [4, 3, 2, 1]) {
      expect(await v.signInRefused(kk.roles.akimat_specialist, '909090')).toBe(pinWrong(left));
    }
    expect(await v.signInRefused(kk.roles.akimat_specialist, '909090')).toBe(
      kk.errors['pin-locked'],
    );
    // Locked: not even the right PIN is looked at.
    expect(await v.signInRefused(kk.roles.akimat_specialist, '111111')).toBe(
      kk.errors['pin-locked'],
    );
    await villagePage.screenshot({ path: join(SHOTS, 'sign-in-locked-kk.png'), fullPage: true });
    await v.switchLanguage('ru');
    await villagePage.getByRole('main').getByText(ru.errors['pin-locked']).waitFor();
    await villagePage.screenshot({ path: join(SHOTS, 'sign-in-locked-ru.png'), fullPage: true });
    await v.switchLanguage('kk');

    // The device reports its lock; the administrator sees it, with the device by its label.
    await v.syncNow();
    const surname = specialist.split(' ')[0] ?? '';
    const state = await admin.waitForLock(surname, `${villageOffice} №1`);
    expect(state).toContain(kk.staffAdmin.active);
    // Chosen, she shows the lock again beside the button that lifts it.
    await admin.choosePerson([`${specialist} — ${kk.roles.akimat_specialist} — ${villageOffice}`]);
    await admin.staff.getByRole('button', { name: kk.staffAdmin.unlock }).waitFor();
    const lock = state.replace(kk.staffAdmin.active, '').trim();
    await expect(admin.staff.getByText(lock, { exact: true }).count()).resolves.toBe(2);
    await admin.staff.screenshot({ path: join(SHOTS, 'staff-locked-kk.png') });
    await new AppPage(districtPage).switchLanguage('ru');
    await admin.page
      .getByRole('region', { name: ru.staffAdmin.title, exact: true })
      .getByRole('button', { name: ru.staffAdmin.unlock })
      .waitFor();
    await admin.page
      .getByRole('region', { name: ru.staffAdmin.title, exact: true })
      .screenshot({ path: join(SHOTS, 'staff-locked-ru.png') });
    await new AppPage(districtPage).switchLanguage('kk');

    expect(await admin.unlock()).toContain(specialist.split(' ')[0]);
    await expect.poll(() => admin.stateOf(surname)).not.toMatch(new RegExp(LOCK_MARKS.join('|')));

    await v.signInAfterSync(kk.roles.akimat_specialist, '111111');
  });

  it('after a PIN reset and a sync, the old PIN is refused on the village device and the new one signs in', async () => {
    await v.signOut();
    await admin.choosePerson([`${specialist} — ${kk.roles.akimat_specialist} — ${villageOffice}`]);
    expect(await admin.resetPin('246813')).toContain('келесі рет синхрондалғанда');

    // After its sync the device has dropped her seal: she is one who never signed in here.
    await v.syncUntil(firstHint().filter({ hasText: specialist }));
    expect(await v.signInRefused(kk.roles.akimat_specialist, '111111')).toBe(pinWrong(4));
    await v.signIn(kk.roles.akimat_specialist, '246813');
    await v.signOut();
    await expect(firstHint().textContent()).resolves.not.toContain(specialist);
  });

  it('takes a person whose old PIN is too short through choosing a new one, typed twice', async () => {
    // The akim's verifier as a release before ADR 0015 left it: PBKDF2 of a four-digit PIN.
    await server.stop();
    const db = new Database(join(server.dataDir, 'qabyldau.db'));
    try {
      const salt = randomBytes(16);
      const verifier = {
        algorithm: 'PBKDF2-SHA256',
        iterations: 1_000,
        salt: salt.toString('base64'),
        hash: pbkdf2Sync('2580', salt, 1_000, 32, 'sha256').toString('base64'),
      };
      db.prepare('UPDATE staff SET pin_hash = ? WHERE id = ?').run(
        JSON.stringify(verifier),
        'akt-01-akim',
      );
    } finally {
      db.close();
    }
    await server.start();

    await v.choosePerson(kk.roles.akim);
    await v.typePin('2580');
    const newPin = villagePage.getByLabel(kk.signIn.newPin, { exact: true });
    await newPin.waitFor();
    // The second step has the focus, and says why it is there.
    await expect(newPin.evaluate((field) => field === document.activeElement)).resolves.toBe(true);
    await villagePage.getByText(kk.errors['pin-change-required']).waitFor();
    await villagePage.screenshot({ path: join(SHOTS, 'sign-in-new-pin-kk.png'), fullPage: true });
    // Checked here before anything is sent: too short, then two that differ.
    await v.chooseNewPin('1234');
    await villagePage.getByRole('alert').filter({ hasText: kk.errors['pin-invalid'] }).waitFor();
    await v.chooseNewPin('482615', '482651');
    await villagePage.getByRole('alert').filter({ hasText: kk.signIn.pinsDiffer }).waitFor();
    await v.chooseNewPin('482615');
    await villagePage.getByRole('navigation').waitFor();
    await v.signOut();
    // The new PIN is hers now, here (her seal) and on the server (an Argon2id verifier).
    await v.signIn(kk.roles.akim, '482615');
    const check = new Database(join(server.dataDir, 'qabyldau.db'), { readonly: true });
    try {
      const row = check.prepare('SELECT pin_hash FROM staff WHERE id = ?').get('akt-01-akim') as {
        pin_hash: string;
      };
      expect(JSON.parse(row.pin_hash)).toMatchObject({ algorithm: 'argon2id' });
    } finally {
      check.close();
    }
  });

  it('says when the administrator’s session cannot be renewed, and signing out and in again restores it', async () => {
    // The key this tab holds is not the one the server registered (as after a reset of her PIN
    // elsewhere), and it has no session: the renewal by proof is refused.
    await districtPage.evaluate(() => {
      const stored = JSON.parse(sessionStorage.getItem('qabyldau-session') ?? '{}') as {
        state: Record<string, unknown>;
      };
      stored.state.proofKey = 'A'.repeat(43);
      stored.state.adminSession = null;
      sessionStorage.setItem('qabyldau-session', JSON.stringify(stored));
    });
    await districtPage.reload();
    const alert = districtPage
      .getByRole('main')
      .getByRole('alert')
      .filter({ hasText: kk.errors['session-proof-invalid'] })
      .first();
    await alert.waitFor();
    await districtPage.screenshot({ path: join(SHOTS, 'admin-session-kk.png') });
    await alert.getByRole('button', { name: kk.admin.signInAgain }).click();
    await districtPage.getByRole('heading', { name: kk.signIn.title }).waitFor();
    const d = new AppPage(districtPage);
    await d.signIn(kk.roles.district_admin, '555555');
    await d.goto('admin');
    await admin.staff
      .getByRole('cell', { name: new RegExp(`^${specialist.split(' ')[0]} `) })
      .waitFor();
    await expect(districtPage.getByRole('main').getByRole('alert').count()).resolves.toBe(0);
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A text's fixed start, before its first `{{…}}` place. */
function prefix(text: string): string {
  return escapeRegExp(text.split('{{')[0] ?? text);
}
