/**
 * Bad input and refusals as a person meets them: a wrong PIN, an invalid IIN and an empty
 * required field get clear messages in Kazakh (and in Russian after switching), nothing typed is
 * lost even across a reload, and an event the server rejects (another device of the office sent
 * the same case first) stays visible with the server's reason.
 */
import type { BrowserContext, Page, Route } from 'playwright-core';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../src/domain/case/events';
import { encodeKey, eventProof, newProofKey } from '../../src/domain/identity/proof';
import { PROTOCOL_VERSION } from '../../src/domain/sync/protocol';
import { AppPage, IntakePage } from './pages/app';
import { makeIin } from './support/iins';
import type { ServerProcess } from './support/server';
import { type BrowserSuite, startBrowserSuite } from './support/session';
import { kk, pinWrong, ru } from './support/texts';

describe('bad input and rejected events', () => {
  let suite: BrowserSuite;
  let server: ServerProcess;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    suite = await startBrowserSuite();
    server = suite.server;
    page = await suite.newPage();
    context = page.context();
    suite.keepLastScreen(page, 'last-bad-input');
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('explains every problem and keeps what was typed', async () => {
    const app = new AppPage(page);
    await app.open(server.url);
    await app.enroll(await server.enrollCode('akt-02', 'akimat'));

    // A wrong PIN, once the office's people have arrived.
    await page
      .getByLabel(kk.signIn.person)
      .locator('option')
      .first()
      .waitFor({ state: 'attached' });
    await page.getByLabel(kk.signIn.pin).fill('000000');
    await page.getByRole('button', { name: kk.signIn.submit }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: pinWrong(4) })
      .waitFor();
    await app.signIn(kk.roles.akimat_specialist, '111111');

    // An IIN with a wrong check digit and an empty surname.
    await app.goto('intake');
    const intake = new IntakePage(page);
    await intake.chooseService('003-06');
    const good = makeIin('850412', 4, 1234);
    const wrong = `${good.slice(0, 11)}${(Number(good[11]) + 1) % 10}`;
    await page.getByLabel(kk.intake.iin, { exact: true }).fill(wrong);
    await page.getByLabel(kk.intake.givenName, { exact: true }).fill('Гүлназ');
    await intake.save();
    await page.getByText(kk.errors['iin-checksum']).waitFor();
    await page.getByText(kk.errors['field-required']).waitFor();
    await page.getByText(kk.intake.fixProblems).waitFor();
    await expect(
      page.getByLabel(kk.intake.iin, { exact: true }).getAttribute('aria-invalid'),
    ).resolves.toBe('true');

    // A reload loses nothing typed.
    await page.reload();
    await expect(page.getByLabel(kk.intake.iin, { exact: true }).inputValue()).resolves.toBe(wrong);
    await expect(page.getByLabel(kk.intake.givenName, { exact: true }).inputValue()).resolves.toBe(
      'Гүлназ',
    );

    // The same in Russian.
    await page.getByLabel(kk.app.language).selectOption('ru');
    await page.getByRole('heading', { name: ru.intake.title }).waitFor();
    await page.getByRole('button', { name: ru.intake.save }).click();
    await page.getByText(ru.errors['iin-checksum']).waitFor();
    await page.getByLabel(ru.app.language).selectOption('kk');

    // Corrected, and with the applicant's consent, it registers; nothing was registered before.
    await page.getByText(kk.errors['consent-required']).waitFor();
    await page.getByLabel(kk.intake.iin, { exact: true }).fill(good);
    await page.getByLabel(kk.intake.surname, { exact: true }).fill('Сейітқалиева');
    await page.getByLabel(kk.intake.consent).check();
    await intake.save();
    await page.getByRole('heading', { level: 1, name: /^Іс 02-\d{2}-01-0001$/ }).waitFor();
  });

  it('shows an event the server rejected, with its reason', async () => {
    const app = new AppPage(page);
    await app.waitAllSent();
    const caseId = new URL(page.url()).hash.split('/')[2] ?? '';
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);

    // A second device of the same office sends the case to the district first.
    const enroll = await fetch(`${server.url}/api/v1/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: await server.enrollCode('akt-02', 'akimat') }),
    });
    const other = (await enroll.json()) as { deviceId: string; token: string };
    // Its specialist signs in there (registering her proof key) and the event carries its proof.
    const key = newProofKey();
    const signIn = await fetch(`${server.url}/api/v1/staff/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other.token}` },
      body: JSON.stringify({
        staffId: 'akt-02-akimat_specialist',
        pin: '111111',
        key: encodeKey(key),
      }),
    });
    expect(signIn.status).toBe(200);
    const sent: CaseEvent = {
      id: uuidv7(),
      type: 'batch.sent',
      caseId,
      officeId: 'akt-02',
      deviceId: other.deviceId,
      deviceSeq: 1,
      staffId: 'akt-02-akimat_specialist',
      deviceTime: '2026-11-24T10:00:00+05:00',
      payload: { batchId: uuidv7(), batchNumber: 'T02-26-02-001', caseCount: 1 },
    };
    const push = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${other.token}` },
      body: JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        events: [{ ...sent, proof: eventProof(key, sent) }],
      }),
    });
    // One event, accepted: a run of one serverSeq and nothing else to say.
    expect(await push.json()).toMatchObject({ accepted: [[expect.any(Number), 1]], others: [] });

    // This device, offline, does not know and sends the same case.
    await context.setOffline(true);
    await app.goto('transfer');
    await page.getByLabel(kk.transfer.selectAll).check();
    await page.getByRole('button', { name: /Тізіліммен жіберу/ }).click();
    await page.getByRole('link', { name: kk.transfer.printRegister }).waitFor();
    await context.setOffline(false);
    await app.syncNow();

    await page.getByRole('link', { name: /1 қабылданбады/ }).click();
    const rejected = page.getByRole('region', { name: kk.sync.rejected });
    await rejected.getByText(kk.errors['transition-not-allowed']).waitFor();
    await expect(rejected.getByRole('listitem').count()).resolves.toBe(1);
    // A lost race says who recorded the step first.
    await expect(rejected.getByRole('listitem').textContent()).resolves.toContain(
      'басқа құрылғыда бұрын жазған',
    );
    // The case shows what the server accepted: the other device's batch.
    await rejected.getByRole('link', { name: kk.eventTypes.batch_sent }).click();
    await expect(page.getByTestId('case-status').textContent()).resolves.toBe(kk.status.forwarded);
    await page.getByText('T02-26-02-001', { exact: true }).waitFor();
    await page
      .getByRole('region', { name: kk.case.history })
      .getByText(kk.eventStatus.rejected, { exact: false })
      .waitFor();

    // Dealt with: it stops counting, and stays in the log.
    await app.goto('sync');
    await page.getByRole('button', { name: kk.sync.acknowledge }).click();
    await page.getByText(kk.sync.noneRejected).waitFor();
    await expect(
      page
        .getByRole('banner')
        .getByText(/қабылданбады/)
        .count(),
    ).resolves.toBe(0);
    await page.getByText('Қаралғандар (1)').waitFor();
  });

  it("asks the person to update when the server no longer speaks the app's protocol", async () => {
    const app = new AppPage(page);
    // Nothing waits to be sent, so a round is a pull: the pull an app of the previous protocol
    // sends, answered by the real server.
    const asOldApp = (route: Route) =>
      route.continue({
        url: route
          .request()
          .url()
          .replace(/([?&])v=\d+/, `$1v=${PROTOCOL_VERSION - 1}`),
      });
    await context.route('**/api/v1/sync/pull*', asOldApp);
    await app.syncNow();
    const alert = page.getByRole('alert').filter({ hasText: kk.errors['protocol-unsupported'] });
    await alert.waitFor();
    await alert.getByRole('button', { name: kk.app.reload }).waitFor();

    // The app of the server's version syncs again.
    await context.unroute('**/api/v1/sync/pull*', asOldApp);
    await app.syncNow();
    await alert.waitFor({ state: 'detached' });
  });
});
