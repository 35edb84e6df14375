/**
 * Server ingest: events per second the real server (child process, `sync-server/main.ts`)
 * accepts from 1, 10, 100 and 200 devices pushing as fast as they get answers (each device one
 * request at a time, as the app's single syncing tab does), on SQLite and on PostgreSQL; and the
 * latency of pushes when 200 devices each push a 20-event batch about once a second. Every
 * event carries its person's proof, which the server checks (ADR 0015).
 */
import { demoOffices } from './lib/demo';
import { Fleet, type PushSample, type SimDevice } from './lib/fleet';
import { BenchServer, type BenchStore, enroll, postgresStore, sqliteStore } from './lib/server';
import { cpuSeconds, percentile, round, sleep } from './lib/stats';

export interface Level {
  devices: number;
  eps: number;
  pushesPerS: number;
  p50: number;
  p99: number;
  /** server process CPU use during the window, % of one core */
  serverCpu: number;
  /** the load generator's (this process's) CPU use, % of one core */
  generatorCpu: number;
}

export interface OpenLoop {
  devices: number;
  offeredEps: number;
  acceptedEps: number;
  pushes: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  serverCpu: number;
}

export interface IngestStoreResult {
  store: 'sqlite' | 'postgres';
  levels: Level[];
  best: Level;
  open?: OpenLoop;
  rejections: string[];
  eventsStored: number;
}

const LEVELS = [1, 10, 100, 200];

async function makeFleet(server: BenchServer, store: BenchStore, count: number): Promise<Fleet> {
  const fleet = new Fleet(server.url, 20);
  const offices = demoOffices();
  let village = 0;
  for (let i = 0; i < count; i++) {
    // One district device in five: the first device is a village one, and every prefix of the
    // list has both kinds from ten devices on.
    let device: SimDevice;
    if (i % 5 === 4) device = fleet.add(await enroll(server, store, 'akt-district', 'district'));
    else {
      const office = offices[village++ % offices.length];
      if (!office) throw new Error('no offices');
      device = fleet.add(await enroll(server, store, office.id, 'akimat'), office);
    }
    // Its people sign in through the server (at the bench's PIN cost), as on a first morning.
    await fleet.signIn(device);
  }
  return fleet;
}

/** Each device pushes its next outbox as soon as the previous answer came. */
async function closedLoop(
  fleet: Fleet,
  server: BenchServer,
  devices: number,
  warmupMs: number,
  measureMs: number,
): Promise<Level> {
  const samples: PushSample[] = [];
  const start = performance.now();
  const from = start + warmupMs;
  const until = from + measureMs;
  let cpuFrom = 0;
  let ownFrom = process.cpuUsage();
  const cpuTimer = setTimeout(() => {
    cpuFrom = cpuSeconds(server.pid);
    ownFrom = process.cpuUsage();
  }, warmupMs);
  await Promise.all(
    fleet.devices.slice(0, devices).map(async (device) => {
      while (performance.now() < until) {
        const sample = await fleet.pushNext(device);
        if (!sample) await sleep(2);
        else if (sample.at >= from && sample.at <= until) samples.push(sample);
      }
    }),
  );
  clearTimeout(cpuTimer);
  const cpu = cpuSeconds(server.pid) - cpuFrom;
  const own = process.cpuUsage(ownFrom);
  const seconds = measureMs / 1000;
  const accepted = samples.reduce((n, s) => n + s.accepted, 0);
  const latencies = samples.map((s) => s.ms);
  return {
    devices,
    eps: round(accepted / seconds),
    pushesPerS: round(samples.length / seconds),
    p50: round(percentile(latencies, 50), 1),
    p99: round(percentile(latencies, 99), 1),
    serverCpu: round((cpu / seconds) * 100),
    generatorCpu: round(((own.user + own.system) / 1e6 / seconds) * 100),
  };
}

/**
 * 200 devices, each pushing its next 20-event outbox about once a second (period jittered ±20%,
 * phases spread): a busy region, not a saturated one. A device waits for its previous answer
 * before the next push, as the app does; latency is from sending to the answer.
 */
async function openLoop(
  fleet: Fleet,
  server: BenchServer,
  devices: number,
  periodMs: number,
  warmupMs: number,
  measureMs: number,
): Promise<OpenLoop> {
  const samples: PushSample[] = [];
  const start = performance.now();
  const from = start + warmupMs;
  const until = from + measureMs;
  let cpuFrom = 0;
  const cpuTimer = setTimeout(() => {
    cpuFrom = cpuSeconds(server.pid);
  }, warmupMs);
  await Promise.all(
    fleet.devices.slice(0, devices).map(async (device, i) => {
      let next = start + (i / devices) * periodMs;
      while (next < until) {
        const wait = next - performance.now();
        if (wait > 0) await sleep(wait);
        const sample = await fleet.pushNext(device);
        if (sample && sample.at >= from && sample.at <= until) samples.push(sample);
        next += periodMs * (0.8 + Math.random() * 0.4);
      }
    }),
  );
  clearTimeout(cpuTimer);
  const cpu = cpuSeconds(server.pid) - cpuFrom;
  const seconds = measureMs / 1000;
  const latencies = samples.map((s) => s.ms);
  return {
    devices,
    offeredEps: round((devices * fleet.batchSize * 1000) / periodMs),
    acceptedEps: round(samples.reduce((n, s) => n + s.accepted, 0) / seconds),
    pushes: samples.length,
    p50: round(percentile(latencies, 50), 1),
    p95: round(percentile(latencies, 95), 1),
    p99: round(percentile(latencies, 99), 1),
    max: round(Math.max(...latencies), 1),
    serverCpu: round((cpu / seconds) * 100),
  };
}

export async function benchIngestStore(
  kind: 'sqlite' | 'postgres',
  quick: boolean,
  log: (line: string) => void,
): Promise<IngestStoreResult> {
  const store = kind === 'sqlite' ? await sqliteStore() : await postgresStore();
  const server = await BenchServer.start(store);
  try {
    const fleet = await makeFleet(server, store, Math.max(...LEVELS));
    const levels: Level[] = [];
    for (const devices of LEVELS) {
      const level = await closedLoop(
        fleet,
        server,
        devices,
        quick ? 400 : 2_000,
        quick ? 1_200 : 10_000,
      );
      log(`  ${kind} ${devices} devices: ${level.eps} events/s, p99 ${level.p99} ms`);
      levels.push(level);
    }
    const best = levels.reduce((a, b) => (b.eps > a.eps ? b : a));
    let open: OpenLoop | undefined;
    if (kind === 'sqlite' || !quick) {
      open = await openLoop(
        fleet,
        server,
        200,
        1_000,
        quick ? 1_000 : 3_000,
        quick ? 5_000 : 20_000,
      );
      log(`  ${kind} 200 devices at 1 push/s: p99 ${open.p99} ms`);
    }
    const row = await store.db.first<{ n: number }>('SELECT COUNT(*) AS n FROM events');
    return {
      store: kind,
      levels,
      best,
      ...(open ? { open } : {}),
      rejections: fleet.rejections,
      eventsStored: Number(row?.n ?? 0),
    };
  } finally {
    await server.stop();
    await store.dispose();
  }
}
