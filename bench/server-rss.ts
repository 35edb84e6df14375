/**
 * Server memory with a large store: 1,000,000 events (125,000 applications of the demo
 * district's 17 akimats with their full histories) written into a SQLite store in bulk, then the
 * real server, built and started as `npm start` does, run on it as a child process and used a little — a district device and two
 * village devices pulling pages from the start, the middle and the end of the log, and pushes of
 * new work from a village and the district — before its resident memory is read from /proc.
 * The stored events carry their proofs, as a store written since ADR 0015 does; the pushes'
 * people sign in first, at the benchmark's low PIN cost.
 *
 * Apart from that, the server as a district runs it, PINs at the standard cost, on a fresh demo
 * district: its resident memory after the first sign-ins of six people (each an Argon2id of
 * 128 MiB in the server) and a while later.
 */
import { STANDARD_PIN_COST } from '../src/domain/identity/pin';
import { PROTOCOL_VERSION, type PullResponse } from '../src/domain/sync/protocol';
import { demoOffices } from './lib/demo';
import { Fleet, type SimDevice } from './lib/fleet';
import { request } from './lib/http';
import { type SeededDevice, seedStore } from './lib/seed-store';
import { BenchServer, enroll, sqliteStore } from './lib/server';
import { round, sleep } from './lib/stats';

export interface ServerRssResult {
  events: number;
  cases: number;
  seedSeconds: number;
  rssMb: number;
  peakMb: number;
  idleRssMb: number;
  pulls: number;
  pushes: number;
  standardSignIns: StandardSignIns;
}

/** The server's memory around first sign-ins at the standard PIN cost. */
export interface StandardSignIns {
  signIns: number;
  /** each sign-in's request, from sending to the answer (PIN checked, key registered) */
  msPerSignIn: number;
  idleRssMb: number;
  rssMb: number;
  peakMb: number;
  /** ten seconds after the last sign-in */
  laterRssMb: number;
}

/** Six first sign-ins (three village devices, two people each) at the standard PIN cost. */
async function standardSignIns(): Promise<StandardSignIns> {
  const store = await sqliteStore(STANDARD_PIN_COST);
  const server = await BenchServer.start(store, true);
  try {
    await sleep(500);
    const idle = server.memory();
    const fleet = new Fleet(server.url);
    let ms = 0;
    for (const office of demoOffices().slice(0, 3)) {
      const device = fleet.add(await enroll(server, store, office.id, 'akimat'), office);
      const started = performance.now();
      await fleet.signIn(device);
      ms += performance.now() - started;
    }
    const after = server.memory();
    await sleep(10_000);
    return {
      signIns: 6,
      msPerSignIn: round(ms / 6),
      idleRssMb: round(idle.rssMb, 1),
      rssMb: round(after.rssMb, 1),
      peakMb: round(after.peakMb, 1),
      laterRssMb: round(server.memory().rssMb, 1),
    };
  } finally {
    await server.stop();
    await store.dispose();
  }
}

export async function benchServerRss(
  quick: boolean,
  log: (line: string) => void,
): Promise<ServerRssResult> {
  const events = quick ? 100_000 : 1_000_000;
  const store = await sqliteStore();
  if (!store.file) throw new Error('SQLite store expected');
  const started = performance.now();
  const seeded = seedStore(store.file, { cases: events / 8, closed: true, maxEvents: events });
  const seedSeconds = round((performance.now() - started) / 1000, 1);
  log(`  store: ${seeded.events} events, ${seeded.cases} cases in ${seedSeconds} s`);
  const asDevice = (d: SeededDevice, kind: 'akimat' | 'district') => ({
    deviceId: d.id,
    token: d.token,
    officeId: d.officeId,
    officeKind: kind,
    deviceNo: d.deviceNo,
    protocolVersion: PROTOCOL_VERSION,
    serverTime: '',
  });
  const [first, second] = seeded.village;
  if (!first || !second) throw new Error('no village devices');
  const fleet = new Fleet('', 20);
  const village: SimDevice = fleet.add(
    asDevice(first, 'akimat'),
    demoOffices().find((o) => o.id === first.officeId),
  );
  village.seq = first.lastSeq;
  const district = fleet.add(asDevice(seeded.district, 'district'));
  district.seq = seeded.district.lastSeq;
  let pulls = 0;
  let pushes = 0;

  /** A district device and two village devices pulling, then pushes from both kinds. */
  const work = async (url: string) => {
    const pull = async (d: SeededDevice, cursor: number, pages: number) => {
      let at = cursor;
      for (let i = 0; i < pages; i++) {
        const reply = await request<PullResponse>(
          url,
          'GET',
          `/api/v1/sync/pull?cursor=${at}&limit=1000`,
          { token: d.token },
        );
        if (reply.status !== 200) throw new Error(`pull ${reply.status}`);
        pulls++;
        at = reply.body.cursor;
        if (!reply.body.hasMore) break;
      }
    };
    const middle = Math.floor(seeded.lastServerSeq / 2);
    await pull(seeded.district, 0, 5);
    await pull(seeded.district, middle, 5);
    await pull(seeded.district, seeded.lastServerSeq - 3_000, 5);
    await pull(first, 0, 3);
    await pull(second, middle, 3);
    fleet.base = url;
    // A new day: the people of both devices sign in (at the bench's PIN cost) and prove what
    // they push.
    await fleet.signIn(village);
    await fleet.signIn(district);
    for (let i = 0; i < 5; i++) {
      if (await fleet.pushNext(village)) pushes++;
      if (await fleet.pushNext(district)) pushes++;
    }
    if (fleet.rejections.length > 0) {
      throw new Error(`pushes rejected: ${fleet.rejections.join('; ')}`);
    }
    await sleep(1_000);
  };

  try {
    const server = await BenchServer.start(store);
    let idle: { rssMb: number };
    let memory: { rssMb: number; peakMb: number };
    try {
      await sleep(500);
      idle = server.memory();
      await work(server.url);
      memory = server.memory();
    } finally {
      await server.stop();
    }
    log(`  server RSS ${round(memory.rssMb)} MB (peak ${round(memory.peakMb)} MB)`);
    const signIns = await standardSignIns();
    log(
      `  standard PIN cost: RSS ${signIns.rssMb} MB after ${signIns.signIns} sign-ins (peak ${signIns.peakMb} MB), ${signIns.laterRssMb} MB 10 s later`,
    );
    return {
      standardSignIns: signIns,
      events: seeded.events,
      cases: seeded.cases,
      seedSeconds,
      rssMb: round(memory.rssMb, 1),
      peakMb: round(memory.peakMb, 1),
      idleRssMb: round(idle.rssMb, 1),
      pulls,
      pushes,
    };
  } finally {
    await store.dispose();
  }
}
