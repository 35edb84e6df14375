/**
 * What a proof costs (ADR 0015): making one event's proof on the device (`eventProof`, HMAC-SHA256
 * of its canonical content, at every append) and checking it on the server (`isEventProof`, for
 * every pushed event), each measured over tens of thousands of real events of the demo district
 * (`lib/proof-work.ts`). The device's side is timed in Chromium, in a page of the built app, as a
 * device runs it; the server's in Node, as the server runs it; the device's code is also timed in
 * Node, to tell the engine apart from the code. Several passes over all the events after one not
 * counted; the median pass is the figure.
 */
import type { Browser } from 'playwright-core';
import { nodeMac } from '../sync-server/digest';
import { bench, newDeviceContext } from './lib/browser';
import { proofWorkload, timeChecking, timeProving } from './lib/proof-work';
import { BenchServer, sqliteStore } from './lib/server';
import { median, round } from './lib/stats';

export interface ProofResult {
  events: number;
  passes: number;
  /** `eventProof` in Chromium, µs per event: median pass, and every pass */
  deviceUs: number;
  deviceTrials: number[];
  /** `eventProof` in Node, µs per event (median pass) */
  deviceNodeUs: number;
  /** `isEventProof` in Node, µs per event: median pass, and every pass */
  serverUs: number;
  serverTrials: number[];
  /** the canonical content's length a proof covers, bytes (mean) */
  contentBytes: number;
}

const PASSES = 7;

export async function benchProof(
  browser: Browser,
  quick: boolean,
  log: (line: string) => void,
): Promise<ProofResult> {
  const count = quick ? 10_000 : 50_000;
  const work = proofWorkload(count, Date.now());
  const proving = timeProving(work, PASSES);
  const checking = timeChecking(work, PASSES, nodeMac);
  const contentBytes =
    work.events.reduce((n, e) => n + JSON.stringify(e).length, 0) / work.events.length;
  log(
    `  Node: proving ${round(median(proving), 2)} µs, checking ${round(median(checking), 2)} µs per event`,
  );

  // The page only needs the app's origin: the bench script runs the device's code there.
  const store = await sqliteStore();
  const server = await BenchServer.start(store);
  const context = await newDeviceContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    const device = await bench(page, 'timeProofs', count, PASSES);
    log(`  Chromium: proving ${round(median(device), 2)} µs per event`);
    return {
      events: count,
      passes: PASSES,
      deviceUs: round(median(device), 2),
      deviceTrials: device.map((t) => round(t, 2)),
      deviceNodeUs: round(median(proving), 2),
      serverUs: round(median(checking), 2),
      serverTrials: checking.map((t) => round(t, 2)),
      contentBytes: Math.round(contentBytes),
    };
  } finally {
    await context.close();
    await server.stop();
    await store.dispose();
  }
}
