/**
 * What sync costs on the wire and over a weak link, with the real app in Chromium talking to the
 * real server through a byte-counting relay:
 *
 * - a day's intake: 50 applications registered with the app's `registerCase`, then one sync
 *   round; its bytes against the gzip size of the bare events;
 * - a full lifecycle, batched: a village device registers 50 applications and sends them in one
 *   transfer batch; a district device pulls them, receives, decides, signs and sends results; the
 *   village pulls the results, takes them back and hands them out. Every round of both devices
 *   is counted, divided by 50;
 * - a day over 2G (Chromium's network emulation): the village pushes 50 new applications in a
 *   batch, the district (a simulated device over HTTP, not timed) works them, and the village
 *   pulls the results;
 * - one 004-01 case with the precinct commission, registration to hand-out: the bytes its
 *   pushes take (`wire-commission.ts`: the app's commands and sync code in Node).
 *
 * Devices stay offline between their rounds so idle polling does not add to the counts; going
 * online starts the round, as it does for a person.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { deriveEventId } from '../src/domain/case/event-id';
import type { CaseEvent } from '../src/domain/case/events';
import { eventProof } from '../src/domain/identity/proof';
import type { StaffRole } from '../src/domain/roles';
import {
  fromPushAnswer,
  PROTOCOL_VERSION,
  type PullResponse,
  type PushResponse,
} from '../src/domain/sync/protocol';
import { fromWirePage, provenPush } from '../src/domain/sync/wire';
import { kk } from '../src/i18n/kk';
import { DEMO_PINS } from '../sync-server/seed/aktogay';
import type { BenchApi } from './browser/entry';
import {
  bench,
  enrollInPage,
  newDeviceContext,
  SYNC_LABEL,
  signInInPage,
  waitForServiceWorker,
} from './lib/browser';
import { DISTRICT_EXECUTOR, DISTRICT_HEAD } from './lib/demo';
import { Fleet, type SimDevice } from './lib/fleet';
import { request } from './lib/http';
import { DeviceNetwork, LINK_2G, type Link } from './lib/network';
import { CountingProxy } from './lib/proxy';
import { BenchServer, type BenchStore, enroll, enrollCode, sqliteStore } from './lib/server';
import { round } from './lib/stats';
import { offsetTime } from './lib/world';
import { benchCommissionCase, type CommissionCaseResult } from './wire-commission';

export interface WireResult {
  day: {
    cases: number;
    events: number;
    bytes: number;
    /** browser to server (the push), and back (its answer and the pull) */
    up: number;
    down: number;
    requests: number;
    gzipEvents: number;
    rawEvents: number;
    ratio: number;
  };
  lifecycle: {
    cases: number;
    bytes: number;
    perCase: number;
    /** gzip of a case's eight bare events, all cases in one stream, per case */
    bareGzipPerCase: number;
    rounds: { name: string; bytes: number; requests: number }[];
  };
  weakLink: {
    cases: number;
    pushSeconds: number;
    pullSeconds: number;
    seconds: number;
    pushBytes: number;
    pullBytes: number;
  };
  /** one 004-01 case through the rural akim, with the commission: its pushes (wire-commission.ts) */
  commission: CommissionCaseResult;
}

type Step = Parameters<BenchApi['runMany']>[0][number];

interface Device {
  context: BrowserContext;
  page: Page;
  net: DeviceNetwork;
}

/**
 * A device enrolled and signed in through the app's screens as `person` (her role's name in the
 * list) with `role`'s demo PIN; `others` of the office sign in on it too, through the app's
 * sign-in (the first time goes to the server, so before the device goes offline).
 */
async function openDevice(
  browser: Browser,
  proxy: CountingProxy,
  store: BenchStore,
  officeId: string,
  kind: 'akimat' | 'district',
  role: StaffRole,
  others: { staffId: string; role: StaffRole }[] = [],
): Promise<Device> {
  const context = await newDeviceContext(browser);
  const page = await context.newPage();
  await enrollInPage(page, proxy.url, await enrollCode(store, officeId, kind));
  await signInInPage(page, kk.roles[role], DEMO_PINS[role]);
  for (const other of others) await bench(page, 'signIn', other.staffId, DEMO_PINS[other.role]);
  await waitForServiceWorker(page);
  const net = await DeviceNetwork.of(context, page);
  // Let the first rounds after enrollment finish before the device goes quiet.
  await syncRound({ context, page, net });
  await net.offline();
  return { context, page, net };
}

/** One sync round of a device: it comes online (over `link`), syncs, and goes offline again. */
async function syncRound(
  device: Device,
  link?: Link,
): Promise<{ sinceArm: number; round: number }> {
  await bench(device.page, 'arm', SYNC_LABEL);
  await device.net.online(link);
  const time = await bench(device.page, 'finish');
  await device.net.offline();
  return time;
}

async function measured(
  proxy: CountingProxy,
  rounds: WireResult['lifecycle']['rounds'],
  name: string,
  device: Device,
): Promise<void> {
  proxy.reset();
  await syncRound(device);
  rounds.push({ name, bytes: proxy.total, requests: proxy.requests });
}

async function dayIntake(browser: Browser, proxy: CountingProxy, store: BenchStore) {
  const village = await openDevice(browser, proxy, store, 'akt-02', 'akimat', 'akimat_specialist');
  try {
    const cases = 50;
    await bench(village.page, 'registerMany', cases, 41);
    const events = await bench(village.page, 'outboxEvents');
    const json = JSON.stringify(events);
    proxy.reset();
    await syncRound(village);
    const bytes = proxy.total;
    const { up, down, requests } = proxy;
    const left = await bench(village.page, 'counts');
    if (left.outbox !== 0) throw new Error(`day intake: ${left.outbox} events not sent`);
    const gzipEvents = gzipSync(json).length;
    return {
      cases,
      events: events.length,
      bytes,
      up,
      down,
      requests,
      gzipEvents,
      rawEvents: Buffer.byteLength(json),
      ratio: round(bytes / gzipEvents, 2),
    };
  } finally {
    await village.context.close();
  }
}

async function lifecycle(browser: Browser, proxy: CountingProxy, store: BenchStore) {
  const village = await openDevice(browser, proxy, store, 'akt-03', 'akimat', 'akimat_specialist');
  const district = await openDevice(
    browser,
    proxy,
    store,
    'akt-district',
    'district',
    'district_executor',
    [{ staffId: DISTRICT_HEAD, role: 'district_head' }],
  );
  try {
    // A first sign-in on a device moves the district's reference version (ADR 0015): the
    // village takes the new reference data in a round of its own, as it would at its next sync
    // after the district's people first signed in there, not in the rounds counted below.
    await syncRound(village);
    const cases = 50;
    const rounds: WireResult['lifecycle']['rounds'] = [];
    const ids = await bench(village.page, 'registerMany', cases, 51);
    await bench(village.page, 'run', 'sendBatch', [ids]);
    await measured(proxy, rounds, 'village: push intake and batch', village);
    await measured(proxy, rounds, 'district: pull the batch', district);
    const forwarded = await bench(district.page, 'caseIds', 'forwarded');
    if (forwarded.length !== cases) throw new Error(`district sees ${forwarded.length} cases`);
    const work = forwarded.flatMap((id, i) => {
      const decision =
        i % 12 === 5
          ? {
              outcome: 'refused',
              reason: 'Отбасының орташа айлық табысы ең төменгі күнкөріс деңгейінен асады.',
            }
          : { outcome: 'approved' };
      return [
        ['receiveCase', [id], DISTRICT_EXECUTOR],
        ['decideCase', [id, decision], DISTRICT_EXECUTOR],
        ['signCase', [id], DISTRICT_HEAD],
      ] as Step[];
    });
    // The signed results go back as the desk sends them: the akimat's in one results batch.
    work.push(['sendResults', [forwarded], DISTRICT_EXECUTOR] as Step);
    await bench(district.page, 'runMany', work);
    await measured(proxy, rounds, 'district: push decisions and results', district);
    await measured(proxy, rounds, 'village: pull results', village);
    const back = await bench(village.page, 'caseIds', 'result_sent');
    if (back.length !== cases) throw new Error(`village sees ${back.length} results`);
    await bench(village.page, 'runMany', [
      ['receiveResults', [back]],
      ...back.map((id, i) => [
        'handOutResult',
        [id, i % 7 === 3 ? 'Сейітова Айгүл (сенімхат бойынша)' : ''],
      ]),
    ] as Step[]);
    await measured(proxy, rounds, 'village: push hand-outs', village);
    const closed = await bench(village.page, 'caseIds', 'closed');
    if (closed.length !== cases) throw new Error(`${closed.length} cases closed`);
    const bytes = rounds.reduce((n, r) => n + r.bytes, 0);
    const bare = gzipSync(JSON.stringify(await bench(village.page, 'allEvents'))).length;
    return {
      cases,
      bytes,
      perCase: round(bytes / cases),
      bareGzipPerCase: round(bare / cases),
      rounds,
    };
  } finally {
    await village.context.close();
    await district.context.close();
  }
}

/** A district device over HTTP, enrolled, with its executor and head signed in. */
async function districtDevice(server: BenchServer, store: BenchStore): Promise<SimDevice> {
  const fleet = new Fleet(server.url);
  const device = fleet.add(await enroll(server, store, 'akt-district', 'district'));
  await fleet.signIn(device);
  return device;
}

/**
 * The district's part, as a device of its own over HTTP: every forwarded case worked, by its
 * executor and head, each event with its proof.
 */
async function districtWorks(server: BenchServer, district: SimDevice, officeId: string) {
  const device = district.enrollment;
  const keys = district.keys;
  let cursor = 0;
  const forwarded = new Map<string, CaseEvent>();
  for (;;) {
    const page = await request<PullResponse>(
      server.url,
      'GET',
      `/api/v1/sync/pull?cursor=${cursor}&limit=1000`,
      {
        token: device.token,
      },
    );
    for (const e of fromWirePage(page.body.events)) {
      if (e.type === 'batch.sent' && e.officeId === officeId) forwarded.set(e.caseId, e);
    }
    cursor = page.body.cursor;
    if (!page.body.hasMore) break;
  }
  let seq = 0;
  const events: CaseEvent[] = [];
  const now = Date.now();
  for (const sent of forwarded.values()) {
    const make = (type: CaseEvent['type'], staffId: string, payload: unknown, at: number) => {
      const deviceSeq = ++seq;
      const deviceTime = offsetTime(at);
      const key = keys.get(staffId);
      if (!key) throw new Error(`${staffId} is not signed in`);
      const event = {
        id: deriveEventId({
          deviceId: device.deviceId,
          deviceSeq,
          deviceTime,
          caseId: sent.caseId,
          type,
        }),
        type,
        caseId: sent.caseId,
        officeId,
        deviceId: device.deviceId,
        deviceSeq,
        staffId,
        deviceTime,
        payload,
      } as CaseEvent;
      return { ...event, proof: eventProof(key, event) };
    };
    if (sent.type !== 'batch.sent') continue;
    events.push(make('case.received', DISTRICT_EXECUTOR, { batchId: sent.payload.batchId }, now));
    events.push(make('case.decided', DISTRICT_EXECUTOR, { outcome: 'approved' }, now + 1_000));
    events.push(make('case.signed', DISTRICT_HEAD, {}, now + 2_000));
    events.push(make('result.sent', DISTRICT_EXECUTOR, {}, now + 3_000));
  }
  const reply = await request<PushResponse>(server.url, 'POST', '/api/v1/sync/push', {
    token: device.token,
    json: { protocolVersion: PROTOCOL_VERSION, ...provenPush(events) },
  });
  const results = fromPushAnswer(
    events.map((e) => e.id),
    reply.body,
  );
  const accepted = results?.filter((r) => r.status === 'accepted').length ?? 0;
  if (accepted !== events.length)
    throw new Error(`district push: ${accepted}/${events.length} accepted`);
  return forwarded.size;
}

async function weakLink(
  browser: Browser,
  proxy: CountingProxy,
  store: BenchStore,
  server: BenchServer,
) {
  // The district's people sign in before the village's day starts: a first sign-in moves the
  // reference version, which the village would otherwise fetch in the round timed below.
  const district = await districtDevice(server, store);
  const village = await openDevice(browser, proxy, store, 'akt-04', 'akimat', 'akimat_specialist');
  try {
    const cases = 50;
    const ids = await bench(village.page, 'registerMany', cases, 61);
    await bench(village.page, 'run', 'sendBatch', [ids]);
    proxy.reset();
    const push = await syncRound(village, LINK_2G);
    const pushBytes = proxy.total;
    const left = await bench(village.page, 'counts');
    if (left.outbox !== 0) throw new Error(`weak link: ${left.outbox} events not sent`);
    const worked = await districtWorks(server, district, 'akt-04');
    if (worked !== cases) throw new Error(`district worked ${worked} cases`);
    proxy.reset();
    const pull = await syncRound(village, LINK_2G);
    const pullBytes = proxy.total;
    const back = await bench(village.page, 'caseIds', 'result_sent');
    if (back.length !== cases) throw new Error(`village has ${back.length} results`);
    return {
      cases,
      pushSeconds: round(push.round / 1000, 2),
      pullSeconds: round(pull.round / 1000, 2),
      seconds: round((push.round + pull.round) / 1000, 2),
      pushBytes,
      pullBytes,
    };
  } finally {
    await village.context.close();
  }
}

export async function benchWire(
  browser: Browser,
  log: (line: string) => void,
): Promise<WireResult> {
  const store = await sqliteStore();
  const server = await BenchServer.start(store);
  const proxy = await CountingProxy.start(server.url);
  try {
    const day = await dayIntake(browser, proxy, store);
    log(
      `  day's intake: ${day.bytes} B on the wire, events gzip ${day.gzipEvents} B, ratio ${day.ratio}`,
    );
    const cycle = await lifecycle(browser, proxy, store);
    log(`  lifecycle: ${cycle.perCase} B per case`);
    const weak = await weakLink(browser, proxy, store, server);
    log(`  weak link: push ${weak.pushSeconds} s + pull ${weak.pullSeconds} s`);
    const commission = await benchCommissionCase(proxy, store);
    log(
      `  004-01 with the commission: ${commission.online.upBytes} B pushed step by step (bodies ${commission.online.bodyBytes} B), ${commission.offline.upBytes} B in three pushes`,
    );
    return { day, lifecycle: cycle, weakLink: weak, commission };
  } finally {
    await proxy.stop();
    await server.stop();
    await store.dispose();
  }
}
