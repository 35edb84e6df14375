/**
 * One chaos run, shared by the server test suite (`tests/server/chaos.test.ts`) and the long
 * run (`npm run test:chaos`). It builds a district — the real server in a child process, the
 * fault-injecting proxy in front of it, simulated village and district devices behind it — and
 * then:
 *
 * 1. enrolls every device with a code from the administrator's CLI, pulls reference data and
 *    signs people in through the server's sign-in (calm network; the server runs at the tests'
 *    PIN cost), each person's events proved with her key from then on;
 * 2. the storm: every device works its own seeded workload, syncing as it goes, while the
 *    proxy drops, repeats, delays, reorders and cuts requests, villages lose their connection
 *    for a while, offices lose power (a device's database falls back to its last flush to
 *    disk), and the server is killed with SIGKILL and restarted several times;
 * 3. the calm: the network is clean and the server up; every device syncs until its outbox is
 *    empty and a pull brings nothing new;
 * 4. the verdict (`verify.ts`) from the server's store and every device's database.
 *
 * Everything random comes from one seed, printed first, so a failure can be replayed.
 */
import { getMeta } from '../../src/db/meta';
import { createHttp } from '../../src/sync/http';
import { pullEvents } from '../../src/sync/pull';
import { AKIMAT_OFFICES, DEMO_DISTRICT, DISTRICT_OFFICE } from '../../sync-server/seed/aktogay';

const DEMO_ACTS = DEMO_DISTRICT.actIds;

import { CATALOG, servicesFor } from '../../src/domain/catalog';
import { type Action, type DeviceSpec, eventsPerCase, OPEN_STATUSES, SimDevice } from './devices';
import { CALM, type Fault, type FaultMix, FaultProxy, STORMY } from './proxy';
import { Rng } from './random';
import { type ChaosStore, freePort, postgresStore, ServerChild, sqliteStore } from './server';
import { type Verdict, verify } from './verify';

export interface ChaosOptions {
  seed: number;
  /** all devices, village and district */
  devices: number;
  /**
   * events per device on average: the run aims at devices × eventsPerDevice events in all
   * (district devices make more than villages: half of every case's events are theirs)
   */
  eventsPerDevice: number;
  /** SIGKILL + restart cycles of the server during the storm */
  restarts: number;
  store: 'sqlite' | 'postgres';
  /** PostgreSQL server to make a fresh schema on (store 'postgres') */
  databaseUrl?: string;
  mix?: FaultMix;
  /** the storm ends here even if cases are still open (they are then left where they are) */
  maxStormMs?: number;
  /** chance per step that a device's storage is rolled back a few steps later (power cut) */
  powerCutChance?: number;
  /** chance per step that a device's connection goes away, for 0.5 s to maxOfflineMs */
  offlineChance?: number;
  maxOfflineMs?: number;
  /** the storm ends when no device has made an event for this long (default 60 s) */
  stallMs?: number;
  log?: (line: string) => void;
}

export interface ChaosReport extends Verdict {
  seed: number;
  store: string;
  devices: number;
  villageDevices: number;
  districtDevices: number;
  offices: number;
  events: number;
  restarts: number;
  /** the storm ended (maxStormMs, or nothing moved for stallMs) before every case was closed */
  cutShort: boolean;
  faults: Record<Fault, number>;
  /** requests refused while their device was offline */
  offlineRefusals: number;
  /** device power cuts that rolled a database back to its last flush */
  powerCuts: number;
  /** people signed in at the start, each the first time on her device, through the server */
  signedIn: number;
  /** sign-ins again after a power cut, by opening a seal on the device */
  signInsBySeal: number;
  /** commands a device refused because the case had moved on under it */
  refused: number;
  /** events the server rejected (two devices raced for one case) */
  rejected: number;
  /** rejected events by type and code */
  rejections: Record<string, number>;
  /** what the people did, summed over devices */
  actions: Partial<Record<Action, number>>;
  ms: { setup: number; storm: number; calm: number; verify: number; total: number };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `task` for every item, at most `limit` at a time. */
async function inBatches<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: Math.min(limit, queue.length) }, async () => {
      for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
    }),
  );
}

/** A clock off by a few hours or by days, either way; a few devices are right. */
function clockSkew(rng: Rng): number {
  const hour = 3_600_000;
  const kind = rng.weighted({ right: 2, hours: 4, days: 4 });
  const sign = rng.chance(0.5) ? 1 : -1;
  if (kind === 'right') return 0;
  if (kind === 'hours') return sign * rng.int(1, 12) * hour + rng.int(0, 59) * 60_000;
  return sign * rng.int(1, 20) * 24 * hour + rng.int(0, 23) * hour;
}

/** Each office reaches the server from its own address (`akt-07` → 10.0.7.1). */
function officeAddress(officeId: string): string {
  return `10.0.${Number.parseInt(officeId.replace(/\D/g, '') || '0', 10)}.1`;
}

/** Village devices in groups of about three per akimat, plus 2–3 district devices. */
export function planDevices(rng: Rng, total: number): DeviceSpec[] {
  const districts = total >= 30 ? 3 : 2;
  const villages = Math.max(1, total - districts);
  const officeCount = Math.min(AKIMAT_OFFICES.length, Math.max(2, Math.ceil(villages / 3)));
  const offices = rng.sample(AKIMAT_OFFICES, officeCount).sort((a, b) => (a.id < b.id ? -1 : 1));
  const specs: DeviceSpec[] = [];
  for (let i = 0; i < villages; i++) {
    const office = offices[i % officeCount] ?? AKIMAT_OFFICES[0];
    if (!office) throw new Error('no akimat offices');
    specs.push({
      name: `v${String(i + 1).padStart(2, '0')}-${office.id}`,
      officeId: office.id,
      kind: 'akimat',
      clockSkewMs: 0,
    });
  }
  for (let i = 0; i < districts; i++) {
    specs.push({
      name: `d${i + 1}-${DISTRICT_OFFICE.id}`,
      officeId: DISTRICT_OFFICE.id,
      kind: 'district',
      clockSkewMs: 0,
      share: { index: i, of: districts },
    });
  }
  for (const spec of specs) spec.clockSkewMs = clockSkew(rng.fork(`clock/${spec.name}`));
  return specs;
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const rng = new Rng(options.seed, 'root');
  log(
    `chaos: seed=${options.seed} store=${options.store} devices=${options.devices} events/device≈${options.eventsPerDevice} restarts=${options.restarts}`,
  );

  let store: ChaosStore;
  if (options.store === 'postgres') {
    if (!options.databaseUrl) throw new Error('store postgres needs databaseUrl');
    store = await postgresStore(options.databaseUrl, String(options.seed));
  } else {
    store = sqliteStore();
  }
  const server = new ServerChild(await freePort(), store);
  const proxy = new FaultProxy(server.port, rng.fork('proxy'));
  const specs = planDevices(rng.fork('plan'), options.devices);
  const devices = specs.map((spec) => new SimDevice(spec, rng.fork(`device/${spec.name}`)));

  try {
    // 1. Setup on a calm network.
    await server.start();
    await proxy.start();
    // The CLI is a process per code; a few at a time keep two cores busy without thrashing.
    const codes = new Map<SimDevice, string>();
    await inBatches(devices, 6, async (device) => {
      codes.set(device, await server.enrollCode(device.spec.officeId, device.spec.kind));
    });
    log(`chaos: codes issued in ${Date.now() - started} ms`);
    await Promise.all(
      devices.map(async (device) => {
        await device.enroll(codes.get(device) ?? '', proxy.url);
        proxy.register(device.credentials.token, device.name, officeAddress(device.spec.officeId));
        await device.signIn();
      }),
    );
    const setupDone = Date.now();
    const signedIn = devices.reduce((sum, d) => sum + d.signedIn, 0);
    log(
      `chaos: ${devices.length} devices enrolled, ${signedIn} people signed in, in ${setupDone - started} ms`,
    );

    // 2. The storm. Each case walks its service's process: three events at the village for
    //    003-16, eleven or so for 004-01 with its commission and visa, eight for the services
    //    that go to the district and back — about eight on average, more where a file is
    //    returned or a draft sent back, fewer where a case is cancelled. Villages register the
    //    run's events divided by that between them and then see their cases through; district
    //    devices work until every village is done.
    proxy.setMix(options.mix ?? STORMY);
    const expected = devices.length * options.eventsPerDevice;
    const villages = devices.filter((d) => !d.isDistrict);
    const perCase = eventsPerCase(servicesFor(CATALOG, DEMO_ACTS, 'akim'));
    const perVillage = Math.max(1, Math.round(expected / perCase / villages.length));
    for (const village of villages) village.registrationQuota = perVillage;
    const made = () => devices.reduce((sum, d) => sum + d.eventsMade, 0);
    const villagesLeft = new Set(villages);
    const deadline = Date.now() + (options.maxStormMs ?? 30 * 60_000);
    let stormOver = false;
    let cutShort = false;
    // A device that lost track of cases would wait for them forever; when nobody has made an
    // event for a long while the storm ends and the verdict says what went wrong.
    const stallMs = options.stallMs ?? 60_000;
    let lastMade = 0;
    let lastProgressAt = Date.now();
    const isStalled = () => {
      const now = made();
      if (now !== lastMade) {
        lastMade = now;
        lastProgressAt = Date.now();
      }
      return Date.now() - lastProgressAt > stallMs;
    };

    const restarter = (async () => {
      const restartRng = rng.fork('restarts');
      for (let k = 1; k <= options.restarts; k++) {
        // Spread the power cuts over the storm, each at a seeded point of its stretch.
        const at = ((k - 1 + 0.2 + restartRng.next() * 0.6) / options.restarts) * expected * 0.8;
        while (!stormOver && made() < at) await sleep(20);
        if (stormOver) break;
        await server.kill();
        log(`chaos: server killed (${k}/${options.restarts}) at ${made()} events`);
        await sleep(restartRng.int(100, 1500));
        await server.start();
      }
    })();

    await Promise.all(
      devices.map(async (device) => {
        const pace = rng.fork(`pace/${device.name}`);
        let idle = 0;
        let offlineUntil = 0;
        let stepsToPowerCut = 0;
        for (;;) {
          // Now and then the office loses power a few steps after the storage last reached
          // the disk; district machines (on a UPS, and with big databases) less often.
          const cutChance = (options.powerCutChance ?? 0.005) * (device.isDistrict ? 0.2 : 1);
          if (stepsToPowerCut === 0 && pace.chance(cutChance)) {
            await device.flush();
            stepsToPowerCut = pace.int(2, 25);
          } else if (stepsToPowerCut > 0 && --stepsToPowerCut === 0) {
            const lost = await device.powerCut();
            log(`chaos: power cut at ${device.name}, ${lost} of its events gone from the device`);
            // Restarting is work too: the stall clock starts again.
            lastProgressAt = Date.now();
          }
          // Now and then the village loses its connection for a while and works on.
          if (offlineUntil === 0 && pace.chance(options.offlineChance ?? 0.004)) {
            offlineUntil = Date.now() + pace.int(500, options.maxOfflineMs ?? 4_000);
            proxy.setOffline(device.name, true);
          } else if (offlineUntil > 0 && Date.now() > offlineUntil) {
            offlineUntil = 0;
            proxy.setOffline(device.name, false);
          }
          if (Date.now() > deadline || isStalled()) {
            cutShort = true;
            break;
          }
          if (device.isDistrict ? villagesLeft.size === 0 : await device.isVillageDone()) break;
          const before = device.eventsMade;
          await device.step();
          // Waiting for the other side: sync less eagerly, as the engine's timer would.
          idle = device.eventsMade === before ? idle + 1 : 0;
          await sleep(idle > 0 ? pace.int(20, 20 + 25 * Math.min(idle, 6)) : pace.int(0, 8));
        }
        proxy.setOffline(device.name, false);
        villagesLeft.delete(device);
      }),
    );
    stormOver = true;
    if (cutShort) {
      log(`chaos: the storm was cut short with ${made()} events made; still open:`);
      for (const line of await describeOpenWork(devices, villagesLeft)) log(`  ${line}`);
    }
    await restarter;
    if (!server.isUp) await server.start();
    const stormDone = Date.now();
    log(
      `chaos: storm over after ${stormDone - setupDone} ms, ${made()} events made, faults ${JSON.stringify(proxy.stats)}`,
    );

    // 3. The calm: late requests are delivered, then every device syncs until it has nothing
    //    left to send, then until nothing is left to pull.
    proxy.setMix(CALM);
    await proxy.flush();
    await Promise.all(
      devices.map(async (device) => {
        for (let round = 0; round < 20; round++) {
          const ok = await device.sync();
          if (ok && (await device.db.outbox.count()) === 0) return;
        }
        log(`chaos: ${device.name} still has an outbox after 20 calm rounds`);
      }),
    );
    let pulledLate = 0;
    await Promise.all(
      devices.map(async (device) => {
        await device.sync();
        device.engine.stop();
        const http = createHttp(device.credentials.serverUrl);
        const report = await pullEvents(device.db, http, device.credentials, device.ports.now);
        pulledLate += report.received;
      }),
    );
    const calmDone = Date.now();
    if (pulledLate > 0) log(`chaos: ${pulledLate} events still came in a last pull`);

    // 4. The verdict, from the store itself with the server stopped.
    await server.stop();
    const db = store.open();
    let verdict: Verdict;
    try {
      verdict = await verify(db, devices);
    } finally {
      await db.close();
    }
    if (pulledLate > 0) {
      verdict.diverged += pulledLate;
      verdict.problems.push(`${pulledLate} events arrived in a pull after the calm phase`);
    }
    const done = Date.now();
    const rejections: Record<string, number> = {};
    for (const device of devices) {
      for (const row of await device.db.events.where('status').equals('rejected').toArray()) {
        const key = `${row.type} ${row.rejection?.code}`;
        rejections[key] = (rejections[key] ?? 0) + 1;
      }
    }
    const rejected = Object.values(rejections).reduce((a, b) => a + b, 0);
    const lastSync = await Promise.all(devices.map((d) => getMeta(d.db, 'syncStatus')));
    if (lastSync.some((s) => s?.lastError)) log('chaos: some device ended with a sync error');

    return {
      ...verdict,
      seed: options.seed,
      store: store.name,
      devices: devices.length,
      villageDevices: devices.filter((d) => !d.isDistrict).length,
      districtDevices: devices.filter((d) => d.isDistrict).length,
      offices: new Set(specs.filter((s) => s.kind === 'akimat').map((s) => s.officeId)).size,
      events: made(),
      restarts: server.kills,
      cutShort,
      faults: { ...proxy.stats },
      offlineRefusals: proxy.offlineRefusals,
      powerCuts: devices.reduce((sum, d) => sum + d.powerCuts, 0),
      signedIn,
      signInsBySeal: devices.reduce((sum, d) => sum + d.signInsBySeal, 0),
      refused: devices.reduce((sum, d) => sum + d.refused, 0),
      rejected,
      rejections,
      actions: sumActions(devices),
      ms: {
        setup: setupDone - started,
        storm: stormDone - setupDone,
        calm: calmDone - stormDone,
        verify: done - calmDone,
        total: done - started,
      },
    };
  } catch (error) {
    log(`chaos: run failed (seed ${options.seed}); server said:\n${server.recentOutput()}`);
    throw error;
  } finally {
    for (const device of devices) {
      device.engine.stop();
      device.db.close();
    }
    await proxy.close().catch(() => undefined);
    await server.kill().catch(() => undefined);
    await store.dispose().catch(() => undefined);
  }
}

function sumActions(devices: readonly SimDevice[]): Partial<Record<Action, number>> {
  const total: Partial<Record<Action, number>> = {};
  for (const device of devices) {
    for (const [action, n] of Object.entries(device.actions) as [Action, number][]) {
      total[action] = (total[action] ?? 0) + n;
    }
  }
  return total;
}

/** What the devices still waited for when the storm was cut short, to see why. */
async function describeOpenWork(
  devices: readonly SimDevice[],
  unfinished: ReadonlySet<SimDevice>,
): Promise<string[]> {
  const lines: string[] = [];
  for (const device of devices) {
    if (!device.isDistrict && !unfinished.has(device)) continue;
    const open = await device.db.cases
      .where('status')
      .anyOf([...OPEN_STATUSES])
      .toArray();
    const byStatus: Record<string, number> = {};
    for (const c of open) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
    const status = await getMeta(device.db, 'syncStatus');
    lines.push(
      `${device.name}: ${JSON.stringify(byStatus)} outbox=${await device.db.outbox.count()} lastError=${status?.lastError ?? '-'} lastSync=${status?.lastSyncAt ?? '-'} e.g. ${open
        .slice(0, 3)
        .map((c) => `${c.id} ${c.status}`)
        .join(', ')}`,
    );
  }
  return lines;
}

/** The one line a run ends with. */
export function summaryLine(report: ChaosReport): string {
  return `chaos: devices=${report.devices} events=${report.events} restarts=${report.restarts} lost=${report.lost} duplicated=${report.duplicated} diverged=${report.diverged} unsent=${report.unsent} unproved=${report.unproved}`;
}

export function isClean(report: ChaosReport): boolean {
  return report.lost + report.duplicated + report.diverged + report.unsent + report.unproved === 0;
}
