/**
 * `npm run bench` — every benchmark against the real server, the built app in Chromium and the
 * app's own code; writes docs/benchmarks.md and bench/results.json. `-- --quick` runs smaller
 * sizes in under two minutes. Builds the app first when dist/ is missing or older than src/.
 */

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { benchBundle } from './bundle';
import { benchDeviceDb } from './device-db';
import { benchIngestStore } from './ingest';
import { benchInitialSync } from './initial-sync';
import { distIsStale, launchChromium } from './lib/browser';
import { describeMachine } from './lib/machine';
import { CountingProxy } from './lib/proxy';
import { BenchServer, ROOT, sqliteStore } from './lib/server';
import { benchProof } from './proof';
import { type RunResults, writeReport } from './report';
import { benchServerRss } from './server-rss';
import { benchWire } from './wire';
import { benchCommissionCase } from './wire-commission';

const quick = process.argv.includes('--quick');
/** `--baseline=<results.json>,<label>`: another commit's figures from this machine, shown beside */
const baselineArg = process.argv
  .find((a) => a.startsWith('--baseline='))
  ?.slice('--baseline='.length);

function readBaseline(arg: string | undefined): RunResults['baseline'] {
  if (!arg) return undefined;
  const [file = '', label = 'baseline'] = arg.split(',', 2);
  return { label, results: JSON.parse(readFileSync(file, 'utf8')) as Record<string, number> };
}
// Read before anything runs: a wrong path must not cost a whole run.
const baseline = readBaseline(baselineArg);
/**
 * `--only=wire,bundle` runs the named parts and prints their results without writing the
 * report: for working on one figure. Parts: bundle, ingest (both stores), ingest-sqlite,
 * ingest-pg, initial-sync, wire, device, proof, rss, and commission (the 004-01 case of the wire
 * part alone: the app's code in Node, no Chromium, no build).
 */
const onlyArg = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const only = onlyArg ? new Set(onlyArg.split(',')) : undefined;
const started = performance.now();
const load = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;
const loadAtStart = load();
const log = (line: string) => {
  const at = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`${at}s ${line}`);
};

/** Parts that drive the built app in Chromium (or measure it), so need dist/ built. */
const NEEDS_APP = ['bundle', 'initial-sync', 'wire', 'device', 'proof'];

async function main(): Promise<void> {
  const needsApp = !only || [...only].some((p) => NEEDS_APP.includes(p));
  if (needsApp && distIsStale()) {
    log('building the app (dist/ is missing or older than src/)');
    const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  log(`bench${quick ? ' (quick)' : ''}`);
  if (only) return runOnly(only);
  const bundle = benchBundle();
  log(`bundle: ${bundle.gzipKb} KB gzip`);
  log('ingest, SQLite');
  const sqlite = await benchIngestStore('sqlite', quick, log);
  log('ingest, PostgreSQL');
  const postgres = await benchIngestStore('postgres', quick, log);

  const browser = await launchChromium();
  const machine = describeMachine(browser.version(), loadAtStart);
  let initialSync: Awaited<ReturnType<typeof benchInitialSync>>;
  let wire: Awaited<ReturnType<typeof benchWire>>;
  let device: Awaited<ReturnType<typeof benchDeviceDb>>;
  let proof: Awaited<ReturnType<typeof benchProof>>;
  try {
    log('initial sync');
    initialSync = await benchInitialSync(browser, quick, log);
    log('wire');
    wire = await benchWire(browser, log);
    log('device database');
    device = await benchDeviceDb(browser, quick, log);
    log('proofs');
    proof = await benchProof(browser, quick, log);
  } finally {
    await browser.close();
  }
  log('server memory');
  const rss = await benchServerRss(quick, log);

  const written = writeReport({
    quick,
    baseline,
    seconds: (performance.now() - started) / 1000,
    loadAtEnd: load(),
    machine,
    bundle,
    sqlite,
    postgres,
    initialSync,
    wire,
    device,
    proof,
    rss,
  });
  log(`wrote ${written.md} and ${written.json}`);
}

async function runOnly(parts: Set<string>): Promise<void> {
  const known = [
    'bundle',
    'ingest',
    'ingest-sqlite',
    'ingest-pg',
    'initial-sync',
    'wire',
    'device',
    'proof',
    'rss',
    'commission',
  ];
  const unknown = [...parts].filter((p) => !known.includes(p));
  if (unknown.length > 0) throw new Error(`unknown parts: ${unknown.join(', ')}; known: ${known}`);
  const out: Record<string, unknown> = {};
  if (parts.has('bundle')) out.bundle = benchBundle();
  if (parts.has('ingest') || parts.has('ingest-sqlite'))
    out.sqlite = await benchIngestStore('sqlite', quick, log);
  if (parts.has('ingest') || parts.has('ingest-pg'))
    out.postgres = await benchIngestStore('postgres', quick, log);
  if (['initial-sync', 'wire', 'device', 'proof'].some((p) => parts.has(p))) {
    const browser = await launchChromium();
    try {
      if (parts.has('initial-sync')) out.initialSync = await benchInitialSync(browser, quick, log);
      if (parts.has('wire')) out.wire = await benchWire(browser, log);
      if (parts.has('device')) out.device = await benchDeviceDb(browser, quick, log);
      if (parts.has('proof')) out.proof = await benchProof(browser, quick, log);
    } finally {
      await browser.close();
    }
  }
  if (parts.has('rss')) out.rss = await benchServerRss(quick, log);
  if (parts.has('commission')) out.commission = await benchCommissionAlone();
  console.log(JSON.stringify(out, null, 2));
}

/** The wire part's 004-01 case with the commission, on a server and relay of its own. */
async function benchCommissionAlone() {
  const store = await sqliteStore();
  const server = await BenchServer.start(store);
  const proxy = await CountingProxy.start(server.url);
  try {
    return await benchCommissionCase(proxy, store);
  } finally {
    await proxy.stop();
    await server.stop();
    await store.dispose();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
