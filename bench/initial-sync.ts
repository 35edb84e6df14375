/**
 * Initial sync of a district device: the server holds 10,000 closed applications of the
 * district's akimats with their full histories (80,000 events, written into its store in bulk);
 * a fresh district device in Chromium is enrolled with a code and pulls everything with the
 * app's own sync engine. Timed from pressing "enroll" to every case being in its IndexedDB;
 * bytes counted on the TCP connection between the browser and the server.
 */
import type { Browser } from 'playwright-core';
import type { PullResponse } from '../src/domain/sync/protocol';
import { kk } from '../src/i18n/kk';
import { bench, newDeviceContext, waitForServiceWorker } from './lib/browser';
import { request } from './lib/http';
import { CountingProxy } from './lib/proxy';
import { seedStore } from './lib/seed-store';
import { BenchServer, enrollCode, sqliteStore } from './lib/server';
import { round } from './lib/stats';

export interface InitialSyncResult {
  cases: number;
  events: number;
  seconds: number;
  bytes: number;
  mib: number;
  requests: number;
  bytesPerEvent: number;
  casesOnDevice: number;
  /** the same pages pulled by a client in Node: the server's part of the time */
  serverSeconds: number;
  /** case projections refreshed over the sync (per page, every case the page touches) */
  caseRefreshes: number;
  /** this browser's IndexedDB writing event rows of the app's schema, rows a second */
  idbRowsPerSecond: number;
}

/**
 * Every page, one after another, as the app asks for them (500 events): seconds, and how many
 * case projections the device refreshes on the way (each page refreshes every case it touches).
 */
async function pullEverything(
  base: string,
  token: string,
): Promise<{ seconds: number; caseRefreshes: number }> {
  const started = performance.now();
  let cursor = 0;
  let caseRefreshes = 0;
  for (;;) {
    const page = await request<PullResponse>(
      base,
      'GET',
      `/api/v1/sync/pull?cursor=${cursor}&limit=500`,
      { token },
    );
    caseRefreshes += new Set(page.body.events.map((e) => e.caseId)).size;
    cursor = page.body.cursor;
    if (!page.body.hasMore) {
      return { seconds: (performance.now() - started) / 1000, caseRefreshes };
    }
  }
}

export async function benchInitialSync(
  browser: Browser,
  quick: boolean,
  log: (line: string) => void,
): Promise<InitialSyncResult> {
  const cases = quick ? 1_000 : 10_000;
  const store = await sqliteStore();
  if (!store.file) throw new Error('SQLite store expected');
  const seeded = seedStore(store.file, { cases, closed: true });
  log(`  server store: ${seeded.cases} closed cases, ${seeded.events} events`);
  const server = await BenchServer.start(store);
  const proxy = await CountingProxy.start(server.url);
  const context = await newDeviceContext(browser);
  try {
    const page = await context.newPage();
    const code = await enrollCode(store, 'akt-district', 'district');
    await page.goto(`${proxy.url}/#/enroll/${code}`);
    // The app and its service worker are installed first; that download is not the sync's.
    await waitForServiceWorker(page);
    await page.getByRole('button', { name: kk.enroll.submit }).waitFor();
    await bench(page, 'counts');
    proxy.reset();
    const since = await page.evaluate((label) => {
      const button = [...document.querySelectorAll('button')].find(
        (b) => b.textContent?.trim() === label,
      );
      const at = performance.now();
      button?.click();
      return at;
    }, kk.enroll.submit);
    const ms = await bench(page, 'waitPulled', seeded.lastServerSeq, seeded.cases, since);
    const bytes = proxy.total;
    const requests = proxy.requests;
    const counts = await bench(page, 'counts');
    const idbRowsPerSecond = round(await bench(page, 'idbWriteRate', seeded.events));
    const serverPull = await pullEverything(server.url, seeded.district.token);
    const result = {
      cases: seeded.cases,
      events: seeded.events,
      seconds: round(ms / 1000, 2),
      bytes,
      mib: round(bytes / 2 ** 20, 2),
      requests,
      bytesPerEvent: round(bytes / seeded.events, 1),
      casesOnDevice: counts.cases,
      serverSeconds: round(serverPull.seconds, 2),
      caseRefreshes: serverPull.caseRefreshes,
      idbRowsPerSecond,
    };
    log(`  initial sync ${result.seconds} s, ${result.mib} MiB in ${requests} requests`);
    return result;
  } finally {
    await context.close();
    await proxy.stop();
    await server.stop();
    await store.dispose();
  }
}
