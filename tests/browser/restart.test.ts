/**
 * The server goes away while the village keeps working: the office registers applications with
 * no server (the sync rounds fail and back off), the server is killed mid-way like a power cut
 * and started again on the same data, and sync completes with nothing lost or doubled.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IntakePage } from './pages/app';
import { makeIin } from './support/iins';
import { type BrowserSuite, startBrowserSuite } from './support/session';
import { kk, ru } from './support/texts';

describe('server restart while the village works', () => {
  let suite: BrowserSuite;

  beforeAll(async () => {
    suite = await startBrowserSuite();
  });

  afterAll(async () => {
    await suite?.close();
  });

  it('loses and doubles nothing', async () => {
    const { server } = suite;
    const { page, app } = await suite.newDevice({
      office: 'akt-05',
      role: 'akimat_specialist',
      serviceWorker: true,
    });
    suite.keepLastScreen(page, 'last-restart');
    const intake = new IntakePage(page);

    await app.goto('intake');
    await intake.register('003-06', {
      iin: makeIin('800101', 3, 1000),
      surname: 'Оспанов',
      givenName: 'Бақыт',
    });
    await app.waitAllSent();

    await server.kill();
    const regNumbers: string[] = [];
    for (let i = 0; i < 4; i++) {
      await app.goto('intake');
      regNumbers.push(
        await intake.register('003-06', {
          iin: makeIin('810203', 4, 2000 + i * 7),
          surname: `Қасымова${i}`,
          givenName: 'Әсел',
        }),
      );
      // Pressing "sync" with the server down must only leave the work waiting.
      await app.syncNow();
    }
    await page.getByText('4 әрекет жіберілмеді').waitFor();

    // A page reload with the server still down: everything typed is still here.
    await page.reload();
    await app.goto('journal');
    for (const n of regNumbers) await page.getByRole('link', { name: n }).waitFor();
    // The Russian dictionary is not part of the start-up script: with the server down it must
    // come from the service worker's cache, when chosen and when the app starts in Russian.
    await page.getByLabel(kk.app.language).selectOption('ru');
    await page.getByRole('heading', { name: ru.journal.title }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: ru.journal.title }).waitFor();
    for (const n of regNumbers) await page.getByRole('link', { name: n }).waitFor();
    await page.getByLabel(ru.app.language).selectOption('kk');
    await page.getByRole('heading', { name: kk.journal.title }).waitFor();

    await server.start();
    await app.syncNow();
    await app.waitAllSent();

    const db = new Database(join(server.dataDir, 'qabyldau.db'), { readonly: true });
    try {
      const rows = db
        .prepare("SELECT id, json_extract(content, '$.payload.regNumber') AS reg FROM events")
        .all() as {
        id: string;
        reg: string | null;
      }[];
      expect(rows).toHaveLength(5);
      expect(new Set(rows.map((r) => r.id)).size).toBe(5);
      for (const n of regNumbers) expect(rows.filter((r) => r.reg === n)).toHaveLength(1);
    } finally {
      db.close();
    }
  });
});
