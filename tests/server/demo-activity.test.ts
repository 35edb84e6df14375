/**
 * `demo-activity` as an administrator runs it: the CLI in a child process on a fresh SQLite
 * store, its simulated devices syncing with the real server it starts on that store. Outcomes
 * are read back from the store — the server's event log and case projection — and counted here,
 * not taken from the command's summary. Twelve office days, seed 7: enough for every kind of
 * work the demo promises (fates are dealt from decks in fixed proportions, so the counts below
 * have a margin whatever day the test runs on; eight days gave at least 2 returns, 2 overdue,
 * 2 cancellations, 3 commission acts, 4 refusals at the desk over eighteen dates; twelve give
 * results batches of two to four and several department-desk cases handed out).
 *
 * Also: the claim that makes a fresh `npm start` run it once (`demo/autostart.ts`), on every
 * store of the suite.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../src/domain/calendar';
import { caseDeadline } from '../../src/domain/case/deadline';
import type { CaseEvent } from '../../src/domain/case/events';
import type { Case } from '../../src/domain/case/reducer';
import { CATALOG, servicesFor } from '../../src/domain/catalog';
import { LOW_PIN_COST } from '../../src/domain/identity/pin';
import { checkIin } from '../../src/domain/iin';
import { migrate } from '../../sync-server/db/migrations';
import { openSqlite } from '../../sync-server/db/sqlite';
import type { Db } from '../../sync-server/db/types';
import { claimDemoActivity } from '../../sync-server/demo/autostart';
import type { DemoActivitySummary } from '../../sync-server/demo/summary';
import { getDemoActivityMark } from '../../sync-server/queries/demo-activity';
import { DEMO_DISTRICT, DISTRICT_OFFICE } from '../../sync-server/seed/aktogay';
import { ensureDemoDistrict } from '../../sync-server/seed/demo';
import { type CliAnswer, cliHarness } from '../support/cli';
import { STORES } from './helpers';

const { cli, dataDir, parent } = cliHarness('demo-activity');

const DAYS = '12';
const SEED = '7';
const SUMMARY_KEYS = [
  'days',
  'seed',
  'from',
  'to',
  'offices',
  'devices',
  'cases',
  'refusedAtIntake',
  'returned',
  'commission',
  'corrected',
  'cancelled',
  'sentBack',
  'approved',
  'refused',
  'handedOut',
  'open',
  'overdue',
  'events',
] as const;

interface StoreView {
  states: Case[];
  events: CaseEvent[];
  devices: number;
  rejected: number;
  /** events stored without a proof */
  unproved: number;
  /** live proof keys, as `staffId@deviceId` */
  keys: string[];
  mark: unknown;
}

const storeDir = (name: string) => join(parent(), name);

async function withStore<T>(dir: string, read: (db: Db) => Promise<T>): Promise<T> {
  const db = openSqlite(join(dir, 'qabyldau.db'));
  try {
    return await read(db);
  } finally {
    await db.close();
  }
}

async function view(dir: string): Promise<StoreView> {
  return withStore(dir, async (db) => {
    const count = async (table: string) =>
      Number((await db.first<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n ?? 0);
    return {
      states: (await db.all<{ state: string }>('SELECT state FROM cases')).map(
        (r) => JSON.parse(r.state) as Case,
      ),
      events: (
        await db.all<{ content: string }>('SELECT content FROM events ORDER BY server_seq')
      ).map((r) => JSON.parse(r.content) as CaseEvent),
      devices: await count('devices'),
      rejected: await count('rejected_events'),
      unproved: Number(
        (await db.first<{ n: number }>('SELECT COUNT(*) AS n FROM events WHERE proof IS NULL'))
          ?.n ?? 0,
      ),
      keys: (
        await db.all<{ staff_id: string; device_id: string }>(
          'SELECT staff_id, device_id FROM staff_keys WHERE revoked_at IS NULL',
        )
      ).map((k) => `${k.staff_id}@${k.device_id}`),
      mark: await getDemoActivityMark(db),
    };
  });
}

/** What the run made, by case: the same seed on the same day must make the same. */
function cases(v: StoreView) {
  return v.states
    .map((s) => [
      s.regNumber,
      s.serviceId,
      s.applicant.iin,
      s.applicant.surname,
      s.applicant.givenName,
      s.status,
      s.outcome ?? null,
    ])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
}

function summaryOf(answer: CliAnswer): DemoActivitySummary {
  expect(answer.code, answer.stderr).toBe(0);
  return JSON.parse(answer.stdout) as DemoActivitySummary;
}

/** Local date-time in the offices' zone (UTC+05:00), as the summary counts overdue. */
const officeNow = () => new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 16);

/** What the refusal must leave as it was. */
const snapshot = (dir: string) =>
  withStore(dir, async (db) => ({
    meta: await db.all('SELECT * FROM meta ORDER BY key'),
    codes: await db.all('SELECT * FROM enroll_codes'),
    devices: await db.all('SELECT * FROM devices'),
    events: await db.all('SELECT * FROM events'),
    cases: await db.all('SELECT * FROM cases'),
  }));

/**
 * Every command of the file, started together: each is a process of its own, and the machine's
 * two cores are better used than by one after the other.
 */
const runs = {} as Record<'a' | 'b' | 'empty' | 'real' | 'usage', Promise<CliAnswer>>;
let realBefore: Awaited<ReturnType<typeof snapshot>>;
let started = 0;

beforeAll(async () => {
  // A store whose only district is not a demo one: the demo district with its flag cleared.
  await withStore(storeDir('real'), async (db) => {
    await migrate(db);
    await ensureDemoDistrict(db, new Date(), {}, LOW_PIN_COST);
    await db.run('UPDATE districts SET is_demo = 0');
  });
  realBefore = await snapshot(storeDir('real'));
  started = Date.now();
  const run = ['demo-activity', '--days', DAYS, '--seed', SEED, '--json'];
  // Two fresh stores, the same seed, at the same moment (so on the same day). The PIN cost is
  // the tests' (the run signs thirteen people in and seals their keys); `npm start` runs it at
  // the standard one.
  runs.a = cli(run, { DATA_DIR: storeDir('a'), PIN_COST: 'low' });
  runs.b = cli(run, { DATA_DIR: storeDir('b'), PIN_COST: 'low' });
  runs.empty = cli(['demo-activity', '--days', '2', '--seed', '1'], {
    DATA_DIR: storeDir('empty'),
    DEMO: '0',
  });
  runs.real = cli(['demo-activity', '--days', '2', '--seed', '1', '--json'], {
    DATA_DIR: storeDir('real'),
  });
  runs.usage = cli(['demo-activity', '--days', '0', '--seed', '1']);
});

// Whatever tests ran (`-t` picks some), no command outlives the file and its temporary stores.
afterAll(async () => {
  await Promise.allSettled(Object.values(runs));
}, 180_000);

describe('demo-activity on a fresh demo district', () => {
  let summary: DemoActivitySummary;
  let again: DemoActivitySummary;
  let store: StoreView;
  let second: StoreView;
  let seconds = 0;

  beforeAll(async () => {
    const [a, b] = await Promise.all([runs.a, runs.b]);
    seconds = (Date.now() - started) / 1000;
    summary = summaryOf(a);
    again = summaryOf(b);
    store = await view(storeDir('a'));
    second = await view(storeDir('b'));
  }, 120_000);

  afterAll(() => {
    console.log(`demo-activity: two runs of ${DAYS} days side by side in ${seconds.toFixed(1)} s`);
  });

  const registered = () => store.states.filter((s) => s.status !== 'refused_at_intake');
  const casesWith = (type: CaseEvent['type']) =>
    new Set(store.events.filter((e) => e.type === type).map((e) => e.caseId));

  it('--json answers with the stable keys', () => {
    expect(Object.keys(summary)).toEqual([...SUMMARY_KEYS]);
    expect(summary.days).toBe(Number(DAYS));
    expect(summary.seed).toBe(Number(SEED));
    expect(summary.from <= summary.to).toBe(true);
  });

  it('the server accepted everything the devices pushed, and the summary counts what it holds', () => {
    expect(store.rejected).toBe(0);
    // Five village devices and the district's, enrolled with one-time codes.
    expect(store.devices).toBe(6);
    expect(store.events.length).toBe(summary.events);
    expect(registered().length).toBe(summary.cases);
    expect(store.mark).toMatchObject({ state: 'done', days: 12, seed: 7 });
  });

  it('its people signed in through the server, and every event carries its proof', () => {
    // Two people on each village device, three on the district's: a key for each, each a
    // first sign-in on that device.
    expect(store.keys.length).toBe(5 * 2 + 3);
    expect(new Set(store.keys.map((k) => k.split('@')[1])).size).toBe(6);
    const signedIn = new Set(store.keys.map((k) => k.split('@')[0]));
    for (const e of store.events) expect(signedIn.has(e.staffId), e.staffId).toBe(true);
    expect(store.events.length).toBeGreaterThan(0);
    expect(store.unproved).toBe(0);
  });

  it('several akimats register, Ақтоғай ауылы among them, every service with an akim channel', () => {
    const atAkimats = registered().filter((s) => s.officeId !== DISTRICT_OFFICE.id);
    const offices = new Set(atAkimats.map((s) => s.officeId));
    expect(offices.size).toBeGreaterThanOrEqual(3);
    expect(offices.has('akt-01')).toBe(true);
    expect([...offices].sort()).toEqual(summary.offices);
    const services = servicesFor(CATALOG, DEMO_DISTRICT.actIds, 'akim').map((s) => s.id);
    expect(new Set(atAkimats.map((s) => s.serviceId))).toEqual(new Set(services));
    for (const s of store.states) expect(checkIin(s.applicant.iin).valid).toBe(true);
  });

  it('applications refused at the desk, with the documents missing or out of date', () => {
    const refused = store.states.filter((s) => s.status === 'refused_at_intake');
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBe(summary.refusedAtIntake);
    for (const s of refused) expect(s.intakeRefusal?.length).toBeGreaterThan(0);
  });

  it('returns, commission acts, send-backs, corrections and cancellations', () => {
    expect(casesWith('case.returned').size).toBeGreaterThanOrEqual(1);
    expect(casesWith('case.returned').size).toBe(summary.returned);
    const inspected = casesWith('commission.inspected');
    expect(inspected.size).toBeGreaterThanOrEqual(1);
    const byId = new Map(store.states.map((s) => [s.id, s]));
    for (const id of inspected) expect(byId.get(id)?.serviceId).toBe('004-01');
    expect(casesWith('case.corrected').size).toBeGreaterThanOrEqual(1);
    expect(store.states.filter((s) => s.status === 'cancelled').length).toBeGreaterThanOrEqual(1);
    expect(casesWith('case.sent_back').size).toBe(summary.sentBack);
  });

  it('the desk works by batch: files confirmed a batch at a time, cases assigned together', () => {
    // One action writes its events with one device time: a batch confirmed in one go.
    const together = (type: CaseEvent['type'], key: (e: CaseEvent) => string) => {
      const groups = new Map<string, number>();
      for (const e of store.events.filter((x) => x.type === type)) {
        const k = `${e.deviceId}|${e.deviceTime}|${key(e)}`;
        groups.set(k, (groups.get(k) ?? 0) + 1);
      }
      return [...groups.values()];
    };
    const batchOf = (e: CaseEvent) => String((e.payload as { batchId?: string }).batchId);
    expect(Math.max(...together('case.received', batchOf))).toBeGreaterThanOrEqual(2);
    expect(Math.max(...together('case.assigned', () => ''))).toBeGreaterThanOrEqual(2);
  });

  it('results go back by akimat in numbered results batches of several, received by batch', () => {
    const sent = store.events.filter((e) => e.type === 'result.sent');
    expect(sent.length).toBeGreaterThanOrEqual(2);
    const batches = new Map<string, CaseEvent[]>();
    for (const e of sent) {
      const p = e.payload as { batchNumber?: string; caseCount?: number };
      expect(p.batchNumber).toMatch(/^N00-\d{2}-\d{2}-\d{3}$/);
      batches.set(p.batchNumber as string, [...(batches.get(p.batchNumber as string) ?? []), e]);
    }
    for (const events of batches.values()) {
      expect(new Set(events.map((e) => e.officeId)).size).toBe(1);
      for (const e of events) {
        expect((e.payload as { caseCount?: number }).caseCount).toBe(events.length);
      }
    }
    expect(Math.max(...[...batches.values()].map((b) => b.length))).toBeGreaterThanOrEqual(2);
    // The akimat confirms a results batch in one action (one device time for its cases).
    const received = new Map<string, number>();
    for (const e of store.events.filter((x) => x.type === 'result.received')) {
      received.set(
        `${e.deviceId}|${e.deviceTime}`,
        (received.get(`${e.deviceId}|${e.deviceTime}`) ?? 0) + 1,
      );
    }
    expect(Math.max(...received.values())).toBeGreaterThanOrEqual(2);
  });

  it('the department registers at its own desk on the provider channel and hands results out there', () => {
    const own = store.states.filter((s) => s.officeId === DISTRICT_OFFICE.id);
    const registeredHere = own.filter((s) => s.status !== 'refused_at_intake');
    expect(registeredHere.length).toBeGreaterThanOrEqual(1);
    for (const s of own) expect(s.channel).toBe('provider');
    for (const s of registeredHere) expect(s.regNumber).toMatch(/^00-\d{2}-\d{2}-\d{4}$/);
    const ids = new Set(own.map((s) => s.id));
    const handovers = store.events.filter(
      (e) => ids.has(e.caseId) && ['batch.sent', 'result.sent', 'result.received'].includes(e.type),
    );
    expect(handovers).toEqual([]);
    const handedOut = store.events.filter(
      (e) => ids.has(e.caseId) && e.type === 'result.handed_out',
    );
    expect(handedOut.length).toBeGreaterThanOrEqual(1);
    expect(handedOut.every((e) => e.officeId === DISTRICT_OFFICE.id)).toBe(true);
  });

  it('results handed out, some to a representative with a power of attorney', () => {
    const handOuts = store.events.filter((e) => e.type === 'result.handed_out');
    expect(handOuts.length).toBeGreaterThanOrEqual(1);
    expect(handOuts.length).toBe(summary.handedOut);
    expect(handOuts.some((e) => (e.payload as { to: string }).to === 'representative')).toBe(true);
  });

  it('cases still open, some of them overdue as of now', () => {
    const open = store.states.filter(
      (s) => !['closed', 'cancelled', 'refused_at_intake'].includes(s.status),
    );
    expect(open.length).toBeGreaterThanOrEqual(1);
    expect(open.length).toBe(summary.open);
    const overdue = open.filter((s) => {
      const channel = CATALOG.services.find((x) => x.id === s.serviceId)?.channels[s.channel];
      return (
        channel !== undefined &&
        caseDeadline(DEFAULT_CALENDAR, s, channel, officeNow()).colour === 'overdue'
      );
    });
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    // Time only makes cases later: counted a little after the run, none fewer.
    expect(overdue.length).toBeGreaterThanOrEqual(summary.overdue);
  });

  it('devices worked in office hours of the period, in UTC+05:00', () => {
    for (const e of store.events) {
      expect(e.deviceTime.endsWith('+05:00')).toBe(true);
      const day = e.deviceTime.slice(0, 10);
      const hour = Number(e.deviceTime.slice(11, 13));
      expect(day >= summary.from && day <= summary.to, e.deviceTime).toBe(true);
      expect(hour >= 8 && hour < 20, e.deviceTime).toBe(true);
    }
  });

  it('the same seed on the same day makes the same cases on another fresh store', () => {
    expect([again.from, again.to]).toEqual([summary.from, summary.to]);
    expect(cases(second)).toEqual(cases(store));
    // Overdue is counted as of the moment each run ended, the rest is the seed's.
    const { overdue: _a, ...first } = summary;
    const { overdue: _b, ...next } = again;
    expect(next).toEqual(first);
  });
});

describe('demo-activity refuses what is not the demo district', () => {
  it('a store with no district (DEMO=0): exit 1, nothing written', async () => {
    const answer = await runs.empty;
    expect(answer.code).toBe(1);
    expect(answer.stderr).toMatch(/not-demo-district: the store holds no district/);
    const v = await view(storeDir('empty'));
    expect([v.states.length, v.events.length, v.devices, v.mark]).toEqual([0, 0, 0, undefined]);
  });

  it('a district that is not the demo: exit 1, the store as it was', async () => {
    const answer = await runs.real;
    expect(answer.code).toBe(1);
    expect(answer.stdout).toBe('');
    expect(answer.stderr).toMatch(/not-demo-district: the store holds aktogay, not the demo/);
    expect(await snapshot(storeDir('real'))).toEqual(realBefore);
  });

  it('wrong arguments: exit 2 with the usage, before any store is made', async () => {
    const answer = await runs.usage;
    expect(answer.code).toBe(2);
    expect(existsSync(dataDir())).toBe(false);
    expect(answer.stderr).toMatch(/--days must be a whole number from 1 to 250/);
    expect(answer.stderr).toMatch(/usage: demo-activity --days <n> --seed <n> \[--json\]/);
  });
});

describe.each(STORES)('the first start of a demo district claims the run once ($name)', (kind) => {
  const now = new Date('2026-03-18T05:30:00Z');

  it('claimed on a fresh demo district, never again', async () => {
    const { db, cleanup } = await kind.open();
    try {
      await ensureDemoDistrict(db, now, {}, LOW_PIN_COST);
      expect(await claimDemoActivity(db, now, {})).toBe(true);
      expect(await getDemoActivityMark(db)).toMatchObject({ state: 'started', days: 20, seed: 1 });
      // A restart, or a second instance starting at the same moment.
      const [a, b] = await Promise.all([
        claimDemoActivity(db, now, {}),
        claimDemoActivity(db, now, {}),
      ]);
      expect([a, b]).toEqual([false, false]);
    } finally {
      await cleanup();
    }
  });

  it('not with DEMO_ACTIVITY=0, not where people already work, not in a real district', async () => {
    const { db, cleanup } = await kind.open();
    try {
      expect(await claimDemoActivity(db, now, {})).toBe(false); // no district at all
      await ensureDemoDistrict(db, now, {}, LOW_PIN_COST);
      expect(await claimDemoActivity(db, now, { DEMO_ACTIVITY: '0' })).toBe(false);
      expect(await claimDemoActivity(db, now, { DEMO: '0' })).toBe(false);
      await db.run(
        `INSERT INTO events (server_seq, id, type, case_id, office_id, device_id, device_seq, content, server_time)
         VALUES (1, 'e1', 'case.registered', 'c1', 'akt-01', 'd1', 1, '{}', ?)`,
        [now.toISOString()],
      );
      expect(await claimDemoActivity(db, now, {})).toBe(false);
      expect(await getDemoActivityMark(db)).toBeUndefined();
    } finally {
      await cleanup();
    }
  });
});
