/**
 * `npm run bench` — every benchmark against the real server, the built app in Chromium and the
 * app's own code; writes docs/benchmarks.md and bench/results.json. `-- --quick` runs smaller
 * sizes in under two minutes. Builds the app first when dist/ is missing or older than src/.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { benchBundle } from './bundle';
import { benchDeviceDb } from './device-db';
import { benchIngestStore } from './ingest';
import { benchInitialSync } from './initial-sync';
import { distIsStale, launchChromium } from './lib/browser';
import { describeMachine } from './lib/machine';
import { ROOT } from './lib/server';
import { writeReport } from './report';
import { benchServerRss } from './server-rss';
import { benchWire } from './wire';

const quick = process.argv.includes('--quick');
const started = performance.now();
const load = () => Math.round((loadavg()[0] ?? 0) * 100) / 100;
const loadAtStart = load();
const log = (line: string) => {
  const at = ((performance.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`${at}s ${line}`);
};

async function main(): Promise<void> {
  if (distIsStale()) {
    log('building the app (dist/ is missing or older than src/)');
    const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  log(`bench${quick ? ' (quick)' : ''}`);
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
  try {
    log('initial sync');
    initialSync = await benchInitialSync(browser, quick, log);
    log('wire');
    wire = await benchWire(browser, log);
    log('device database');
    device = await benchDeviceDb(browser, quick, log);
  } finally {
    await browser.close();
  }
  log('server memory');
  const rss = await benchServerRss(quick, log);

  const written = writeReport({
    quick,
    seconds: (performance.now() - started) / 1000,
    loadAtEnd: load(),
    machine,
    bundle,
    sqlite,
    postgres,
    initialSync,
    wire,
    device,
    rss,
  });
  log(`wrote ${written.md} and ${written.json}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
