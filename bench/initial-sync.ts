/**
 * Initial sync of a district device: the server holds 10,000 closed applications of the
 * district's akimats with their full histories (80,000 events, written into its store in bulk);
 * a fresh district device in Chromium is enrolled with a code and pulls everything with the
 * app's own sync engine. Timed from pressing "enroll" to every case being in its IndexedDB;
 * bytes counted on the TCP connection between the browser and the server.
 */
import type { Browser, Page } from 'playwright-core';
import { decodeInitialPage, type InitialPageResponse } from '../src/domain/sync/initial-page';
import { PROTOCOL_VERSION } from '../src/domain/sync/protocol';
import { kk } from '../src/i18n/kk';
import { INITIAL_PAGE_CASES } from '../src/sync/initial';
import { bench, newDeviceContext, waitForServiceWorker } from './lib/browser';
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
  /** the same initial-sync pages fetched by a client in Node: the server's part of the time */
  serverSeconds: number;
  /** case projections written over the sync (each case once, with the page that brings it) */
  caseRefreshes: number;
  /**
   * this browser's IndexedDB writing the app's history rows (one a case, with its events), rows
   * a second
   */
  idbRowsPerSecond: number;
}

/**
 * Every initial-sync page, one after another, as the app asks for them (500 cases, Brotli
 * accepted, decoded as the app decodes them): seconds, and how many case projections the device
 * writes on the way (each case once, on the page that brings it).
 */
async function fetchInitialPages(
  base: string,
  token: string,
): Promise<{ seconds: number; caseRefreshes: number }> {
  const started = performance.now();
  let after = 0;
  let mark: number | undefined;
  let caseRefreshes = 0;
  for (;;) {
    const url = `${base}/api/v1/sync/initial?v=${PROTOCOL_VERSION}&after=${after}${
      mark === undefined ? '' : `&mark=${mark}`
    }&limit=${INITIAL_PAGE_CASES}`;
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'br' },
    });
    if (!response.ok) throw new Error(`initial page: HTTP ${response.status}`);
    const page = (await response.json()) as InitialPageResponse;
    caseRefreshes += decodeInitialPage(page).length;
    after = page.after;
    mark = page.mark;
    if (!page.hasMore) return { seconds: (performance.now() - started) / 1000, caseRefreshes };
  }
}

/**
 * How fast this browser's IndexedDB stores history rows as the app does (durable transactions of
 * 500 rows): the device's rows copied into a scratch database, which is then deleted.
 */
function historyWriteRate(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const done = (request: IDBRequest | IDBTransaction) =>
      new Promise<void>((resolve, reject) => {
        if (request instanceof IDBTransaction) request.oncomplete = () => resolve();
        else request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
      });
    const open = async (name: string, upgrade?: (db: IDBDatabase) => void) => {
      const request = upgrade ? indexedDB.open(name, 1) : indexedDB.open(name);
      if (upgrade) request.onupgradeneeded = () => upgrade(request.result);
      await done(request);
      return request.result;
    };
    const app = await open('qabyldau');
    const read = app.transaction('histories').objectStore('histories').getAll();
    await done(read);
    const rows = read.result as unknown[];
    app.close();
    const name = 'qabyldau-bench-history-scratch';
    const scratch = await open(name, (db) => {
      db.createObjectStore('histories', { keyPath: 'caseId' }).createIndex('lastSeq', 'lastSeq');
    });
    const started = performance.now();
    for (let i = 0; i < rows.length; i += 500) {
      const tx = scratch.transaction('histories', 'readwrite', { durability: 'strict' });
      for (const row of rows.slice(i, i + 500)) tx.objectStore('histories').put(row);
      await done(tx);
    }
    const seconds = (performance.now() - started) / 1000;
    scratch.close();
    await done(indexedDB.deleteDatabase(name));
    return rows.length / seconds;
  });
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
    const idbRowsPerSecond = round(await historyWriteRate(page));
    const serverPull = await fetchInitialPages(server.url, seeded.district.token);
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
