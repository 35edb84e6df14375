/**
 * A village device after years of work, in Chromium's real IndexedDB: the app's database seeded
 * with 50,000 applications of its office and their full histories (about 400,000 events), then
 * the app's own code timed on it — saving an intake (`registerCase`), the journal's index (built
 * from the rows, and read back from its saved copy), its search for any part of an IIN, a name or
 * a number and its filters and sorts, the journal screen's first render, an offline cold start
 * under 4× CPU throttling with the service worker serving the app, and the page's heap.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { kk as kkStart } from '../src/i18n/kk';
import { kkWork } from '../src/i18n/work/kk';
import { DEMO_PINS } from '../sync-server/seed/aktogay';
import {
  bench,
  enrollInPage,
  keepSignedIn,
  newDeviceContext,
  signInInPage,
  waitForServiceWorker,
} from './lib/browser';
import { BenchServer, enrollCode, sqliteStore } from './lib/server';
import { median, percentile, round, sleep } from './lib/stats';

/** The start-up texts and the work screens' (the intake form's), as the app has them. */
const kk = { ...kkStart, ...kkWork };

export interface DeviceDbResult {
  cases: number;
  events: number;
  seedSeconds: number;
  intake: { samples: number; p50: number; p95: number; max: number };
  /** the same saves with the journal on screen */
  intakeWithJournal: { p50: number; p95: number };
  search: {
    samples: number;
    p95: number;
    iinP95: number;
    nameP95: number;
    iinP50: number;
    nameP50: number;
    numberP50: number;
    numberP95: number;
    max: number;
  };
  /** the journal's index in a new page: from every case row, and from its saved copy */
  journalIndex: { builtMs: number; savedMs: number; entries: number };
  /** filters and sorts on the loaded index: median and max ms, rows found */
  filters: Record<string, { p50: number; max: number; rows: number }>;
  journal: { trials: number[]; median: number; fullLoad: number[] };
  coldStart: { trials: number[]; median: number };
  heap: { usedMb: number; totalMb: number };
}

/**
 * Tells, from navigation start, when the journal table is on screen (after its first paint), in
 * a console message: the bench then runs nothing in the page while it starts (a polling
 * `waitForFunction` would, and inject Playwright's script into the measured time).
 */
function observeJournal(title: string) {
  const isReady = () =>
    document.querySelector('main h1')?.textContent === title &&
    document.querySelector('main table tbody tr') !== null &&
    document.querySelector('main input[type=search]') !== null;
  const observer = new MutationObserver(() => {
    if (!isReady()) return;
    observer.disconnect();
    requestAnimationFrame(() =>
      setTimeout(() => {
        console.debug(`bench-journal ${performance.now()}`);
      }, 0),
    );
  });
  const start = () => observer.observe(document, { childList: true, subtree: true });
  start();
}

/** From setting the hash to the journal table painted, in a page showing another screen. */
function journalAfterHashChange(title: string): Promise<number> {
  return new Promise((resolve) => {
    const isReady = () =>
      document.querySelector('main h1')?.textContent === title &&
      document.querySelector('main table tbody tr') !== null;
    const started = performance.now();
    const observer = new MutationObserver(() => {
      if (!isReady()) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - started), 0));
    });
    observer.observe(document.body, { childList: true, subtree: true });
    window.location.hash = '#/journal';
  });
}

async function openJournalFresh(
  context: BrowserContext,
  url: string,
  cpuThrottle = 1,
): Promise<{ page: Page; ms: number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (cpuThrottle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
  await page.addInitScript(observeJournal, kk.journal.title);
  const painted = page.waitForEvent('console', {
    predicate: (message) => message.text().startsWith('bench-journal '),
    timeout: 60_000,
  });
  await page.goto(`${url}/#/journal`);
  const ms = Number((await painted).text().slice('bench-journal '.length));
  if (cpuThrottle !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await cdp.detach();
  return { page, ms };
}

export async function benchDeviceDb(
  browser: Browser,
  quick: boolean,
  log: (line: string) => void,
): Promise<DeviceDbResult> {
  const cases = quick ? 5_000 : 50_000;
  const store = await sqliteStore();
  const server = await BenchServer.start(store);
  const context = await newDeviceContext(browser);
  try {
    const page = await context.newPage();
    await enrollInPage(page, server.url, await enrollCode(store, 'akt-01', 'akimat'));
    const session = await signInInPage(
      page,
      kk.roles.akimat_specialist,
      DEMO_PINS.akimat_specialist,
    );
    await waitForServiceWorker(page);
    await keepSignedIn(context, session);
    // From here the device works offline: the service worker serves the app and nothing syncs.
    await context.setOffline(true);

    const seeded = await bench(page, 'seedVillage', cases, 50);
    log(
      `  seeded ${seeded.cases} cases, ${seeded.events} events in ${round(seeded.ms / 1000, 1)} s`,
    );

    // Intake: on the intake screen, as when a person saves an application (the app's live
    // queries on screen re-run after each save, as they do for a person). The first saves warm
    // the page up (catalog, calendar, JIT); they are not counted.
    await page.evaluate(() => {
      window.location.hash = '#/intake';
    });
    await page.getByRole('heading', { name: kk.intake.title }).waitFor();
    const warm = 10;
    const saves = (await bench(page, 'timeRegister', warm + (quick ? 60 : 300))).slice(warm);
    const intake = {
      samples: saves.length,
      p50: round(percentile(saves, 50), 1),
      p95: round(percentile(saves, 95), 1),
      max: round(Math.max(...saves), 1),
    };
    // The same with the journal on screen instead: its index reads the new row and its table
    // re-renders after each save.
    await page.evaluate(() => {
      window.location.hash = '#/journal';
    });
    await page.getByRole('heading', { name: kk.journal.title }).waitFor();
    // Timed once the journal is whole and its copy saved, as on a device that has opened it
    // before: the first opening after the upgrade reads every row (timed on its own below).
    await page.locator('main .journal-count').waitFor({ timeout: 600_000 });
    await bench(page, 'waitJournalSaved');
    const withJournal = await bench(page, 'timeRegister', quick ? 20 : 60, 22);
    const intakeWithJournal = {
      p50: round(percentile(withJournal, 50), 1),
      p95: round(percentile(withJournal, 95), 1),
    };
    log(`  intake save p95 ${intake.p95} ms (journal on screen: ${intakeWithJournal.p95} ms)`);

    // The journal's index as a new page loads it: first from every case row (no saved copy
    // yet), then from the copy that load saved.
    const built = await bench(page, 'timeJournalLoad', true);
    const saved = await bench(page, 'timeJournalLoad', false);
    if (built.source !== 'built' || saved.source !== 'saved') {
      throw new Error(`journal index loaded from ${built.source}, then ${saved.source}`);
    }
    const journalIndex = {
      builtMs: round(built.ms, 1),
      savedMs: round(saved.ms, 1),
      entries: saved.entries,
    };
    log(
      `  journal index: ${journalIndex.builtMs} ms from the rows, ${journalIndex.savedMs} ms saved`,
    );

    // Search for any part: middles of IINs (4–8 digits), of surnames (2–5 letters, lower or
    // upper case) and of registration numbers.
    const count = quick ? 50 : 200;
    const iinTerms = seeded.iins.slice(0, count).map((iin, i) => iin.slice(3, 7 + (i % 5)));
    const nameTerms = seeded.surnames.slice(0, count).map((s, i) => {
      const part = s.slice(1, 3 + (i % 4));
      return i % 2 === 0 ? part : part.toLocaleUpperCase('kk');
    });
    const numberTerms = seeded.regNumbers.slice(0, count).map((n) => n.slice(3, 10));
    await bench(page, 'timeSearch', [...iinTerms.slice(0, 5), ...nameTerms.slice(0, 5)]);
    const iinTimes = (await bench(page, 'timeSearch', iinTerms)).map((r) => r.ms);
    const nameTimes = (await bench(page, 'timeSearch', nameTerms)).map((r) => r.ms);
    const numberTimes = (await bench(page, 'timeSearch', numberTerms)).map((r) => r.ms);
    const all = [...iinTimes, ...nameTimes, ...numberTimes];
    const search = {
      samples: all.length,
      p95: round(percentile(all, 95), 1),
      iinP95: round(percentile(iinTimes, 95), 1),
      nameP95: round(percentile(nameTimes, 95), 1),
      iinP50: round(percentile(iinTimes, 50), 1),
      nameP50: round(percentile(nameTimes, 50), 1),
      numberP50: round(percentile(numberTimes, 50), 1),
      numberP95: round(percentile(numberTimes, 95), 1),
      max: round(Math.max(...all), 1),
    };
    log(`  search p95 ${search.p95} ms (IIN ${search.iinP95}, name ${search.nameP95})`);
    const filterTimes = await bench(page, 'timeFilters', quick ? 5 : 20);
    const filters = Object.fromEntries(
      Object.entries(filterTimes).map(([name, f]) => [
        name,
        { p50: round(percentile(f.ms, 50), 1), max: round(Math.max(...f.ms), 1), rows: f.rows },
      ]),
    );
    log(
      `  filters: ${Object.entries(filters)
        .map(([n, f]) => `${n} ${f.p50} ms`)
        .join(', ')}`,
    );
    await page.close();

    // Journal first render: a freshly loaded page on another screen, then the journal.
    const trials = quick ? 3 : 7;
    const journalTrials: number[] = [];
    for (let i = 0; i < trials; i++) {
      const p = await context.newPage();
      await p.goto(`${server.url}/#/intake`);
      await p.getByRole('heading', { name: kk.intake.title }).waitFor();
      await sleep(500);
      journalTrials.push(round(await p.evaluate(journalAfterHashChange, kk.journal.title), 1));
      await p.close();
    }
    const fullLoad: number[] = [];
    for (let i = 0; i < trials; i++) {
      const { page: p, ms } = await openJournalFresh(context, server.url);
      fullLoad.push(round(ms, 1));
      await p.close();
    }
    const journal = { trials: journalTrials, median: median(journalTrials), fullLoad };
    log(`  journal render median ${journal.median} ms (full page load ${median(fullLoad)} ms)`);

    // Heap: a fresh page showing the journal, after a full garbage collection.
    const { page: heapPage } = await openJournalFresh(context, server.url);
    await sleep(1_000);
    const cdp = await context.newCDPSession(heapPage);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? 0;
    const heap = {
      usedMb: round(metric('JSHeapUsedSize') / 2 ** 20, 1),
      totalMb: round(metric('JSHeapTotalSize') / 2 ** 20, 1),
    };
    await heapPage.close();
    log(`  heap ${heap.usedMb} MB`);

    // Cold start: offline, the service worker stopped, a new tab, the CPU 4× slower.
    const coldTrials: number[] = [];
    for (let i = 0; i < trials; i++) {
      const blank = await context.newPage();
      const swCdp = await context.newCDPSession(blank);
      await swCdp.send('ServiceWorker.enable');
      await swCdp.send('ServiceWorker.stopAllWorkers');
      await swCdp.detach();
      await blank.close();
      const { page: p, ms } = await openJournalFresh(context, server.url, 4);
      coldTrials.push(round(ms, 1));
      await p.close();
    }
    const coldStart = { trials: coldTrials, median: median(coldTrials) };
    log(`  cold start median ${coldStart.median} ms`);

    return {
      cases: seeded.cases,
      events: seeded.events,
      seedSeconds: round(seeded.ms / 1000, 1),
      intake,
      intakeWithJournal,
      search,
      journalIndex,
      filters,
      journal,
      coldStart,
      heap,
    };
  } finally {
    await context.close();
    await server.stop();
    await store.dispose();
  }
}
