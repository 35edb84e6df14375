/**
 * The initial sync with the app's own sync code against the real server: a fresh device takes
 * the log up to a mark case by case, then pulls on from the mark, and ends with exactly the
 * events and projections a device that pulled the whole log event by event has — after an
 * interruption too, and with events stored on the server while it ran.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEvents } from '../../src/db/history';
import { type Credentials, getMeta } from '../../src/db/meta';
import { caseHistory } from '../../src/db/queries';
import { QabyldauDb } from '../../src/db/schema';
import type { CaseEvent } from '../../src/domain/case/events';
import { PROTOCOL_VERSION } from '../../src/domain/sync/protocol';
import { enrollDevice as enrollClient } from '../../src/sync/enroll';
import { createHttp, type HttpPort } from '../../src/sync/http';
import { type InitialProgress, initialSync } from '../../src/sync/initial';
import { pullEvents } from '../../src/sync/pull';
import { verifyAndRepair } from '../../src/sync/verify';
import { issueEnrollCode } from '../../sync-server/sync/enroll';
import {
  call,
  type Device,
  enrollDevice,
  type Harness,
  newCaseId,
  registration,
  STORES,
  staffOf,
  startServer,
} from './helpers';

async function freshDevice(h: Harness, officeId: string, kind: 'akimat' | 'district') {
  const db = new QabyldauDb(`initial-${uuidv7()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const code = await issueEnrollCode(h.db, officeId, kind, h.clock.now());
  const http = createHttp(h.base);
  await enrollClient(db, http, code, h.base, h.clock.now());
  const creds = (await getMeta(db, 'credentials')) as Credentials;
  return { db, http, creds };
}

/** Registers `count` cases of the village device's office and sends every second one on. */
async function registerCases(village: Device, officeId: string, count: number, from: number) {
  const specialist = staffOf(officeId, 'akimat_specialist');
  const events: CaseEvent[] = [];
  const batchId = uuidv7();
  for (let i = 0; i < count; i++) {
    const caseId = newCaseId();
    events.push(
      village.event('case.registered', caseId, specialist, {
        ...registration(from + i),
        acceptedBy: { staffId: specialist, shortName: 'Әбенова Г. С.' },
      }),
    );
    if (i % 2 === 0) {
      events.push(
        village.event('batch.sent', caseId, specialist, {
          batchId,
          batchNumber: `T-${from}`,
          caseCount: Math.ceil(count / 2),
        }),
      );
    }
  }
  const reply = await village.push(events);
  expect(reply.body.results.every((r) => r.status === 'accepted')).toBe(true);
}

/** Every event on the device, each once, as the server would give it in a pull. */
async function everything(db: QabyldauDb): Promise<string[]> {
  const ids = (await db.cases.toCollection().primaryKeys()) as string[];
  const all = (await Promise.all(ids.map((id) => caseEvents(db, id)))).flat();
  return all
    .map(({ status: _s, storedAt: _t, ...event }) =>
      JSON.stringify(event, Object.keys(event).sort()),
    )
    .sort();
}

describe.each(STORES)('initial sync on $name', (store) => {
  let h: Harness;
  let villages: Device[];
  beforeAll(async () => {
    h = await startServer(store);
    villages = [
      await enrollDevice(h, 'akt-01', 'akimat'),
      await enrollDevice(h, 'akt-02', 'akimat'),
    ];
    await registerCases(villages[0] as Device, 'akt-01', 23, 1);
    await registerCases(villages[1] as Device, 'akt-02', 17, 100);
  });
  afterAll(async () => h?.close());

  it('ends with the same events and cases as a pull of the whole log', async () => {
    const fresh = await freshDevice(h, 'akt-district', 'district');
    const report = await initialSync(fresh.db, fresh.http, fresh.creds, () => new Date(), 7);
    expect(report.cases).toBe(40);
    expect(await fresh.db.histories.count()).toBe(40);
    expect(await fresh.db.events.count()).toBe(0);
    const pulled = await pullEvents(fresh.db, fresh.http, fresh.creds, () => new Date());
    expect(pulled.received).toBe(0);

    const plain = await freshDevice(h, 'akt-district', 'district');
    await setInitialDone(plain.db);
    await pullEvents(plain.db, plain.http, plain.creds, () => new Date());
    expect(await plain.db.events.count()).toBe(61);

    expect(await everything(fresh.db)).toEqual(await everything(plain.db));
    // Without the revisions, which count each device's own writes.
    const byId = (rows: { id: string; rev?: number }[]) =>
      rows.map(({ rev: _rev, ...row }) => row).sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(await fresh.db.cases.toArray())).toEqual(byId(await plain.db.cases.toArray()));
    expect((await verifyAndRepair(fresh.db, fresh.http, fresh.creds)).isDiverged).toBe(false);

    // The case screen shows a case's whole history from its history row.
    const sent = (await fresh.db.cases.where('status').equals('forwarded').first())?.id ?? '';
    expect((await caseHistory(fresh.db, sent)).map((e) => e.type)).toEqual([
      'case.registered',
      'batch.sent',
    ]);
  });

  it('resumes after an interruption, and the pull brings what came after the mark', async () => {
    const fresh = await freshDevice(h, 'akt-district', 'district');
    // The connection fails on the third page.
    let requests = 0;
    const flaky: HttpPort = {
      request(method, path, body, token) {
        if (path.startsWith('/api/v1/sync/initial') && ++requests === 3) {
          return Promise.reject(new Error('connection lost'));
        }
        return fresh.http.request(method, path, body, token);
      },
    };
    await expect(initialSync(fresh.db, flaky, fresh.creds, () => new Date(), 7)).rejects.toThrow();
    expect(await fresh.db.histories.count()).toBe(14);
    const state = await getMeta(fresh.db, 'initialSync');
    expect(state?.isDone).toBe(false);
    // What the progress bar shows after a reload: two pages of the first page's total.
    expect(state).toMatchObject({ received: 14, total: 40 });

    // Meanwhile the villages go on: new cases after the mark.
    await registerCases(villages[0] as Device, 'akt-01', 3, 500);
    const progress: InitialProgress[] = [];
    const resumed = await initialSync(
      fresh.db,
      fresh.http,
      fresh.creds,
      () => new Date(),
      7,
      (p) => progress.push(p),
    );
    expect(resumed.cases).toBe(40 - 14);
    // Counted on from where it stopped, of the same total: the cases after the mark come with
    // the pull, not with this sync.
    expect(progress).toEqual([14, 21, 28, 35, 40].map((received) => ({ received, total: 40 })));
    expect(await fresh.db.histories.count()).toBe(40);
    expect(await getMeta(fresh.db, 'cursor')).toBe(state?.mark);
    const pulled = await pullEvents(fresh.db, fresh.http, fresh.creds, () => new Date());
    expect(pulled.received).toBe(5);

    const plain = await freshDevice(h, 'akt-district', 'district');
    await setInitialDone(plain.db);
    await pullEvents(plain.db, plain.http, plain.creds, () => new Date());
    expect(await everything(fresh.db)).toEqual(await everything(plain.db));
    expect(await fresh.db.cases.count()).toBe(43);
    expect((await verifyAndRepair(fresh.db, fresh.http, fresh.creds)).isDiverged).toBe(false);
    // Done: the next round does not start it again.
    expect((await initialSync(fresh.db, fresh.http, fresh.creds, () => new Date())).cases).toBe(0);
  });

  it('stores no page after one whose transaction failed', async () => {
    const fresh = await freshDevice(h, 'akt-district', 'district');
    // The second page's write fails while the third is already on its way to the database.
    const transactions = new Set<unknown>();
    let isFailing = true;
    fresh.db.histories.hook('creating', () => {
      transactions.add(Dexie.currentTransaction);
      if (isFailing && transactions.size === 2) throw new Error('disk full');
    });
    await expect(
      initialSync(fresh.db, fresh.http, fresh.creds, () => new Date(), 7),
    ).rejects.toThrow();
    expect(await fresh.db.histories.count()).toBe(7);
    expect(await fresh.db.cases.count()).toBe(7);
    const state = await getMeta(fresh.db, 'initialSync');
    expect(state?.isDone).toBe(false);

    isFailing = false;
    const resumed = await initialSync(fresh.db, fresh.http, fresh.creds, () => new Date(), 7);
    expect(resumed.cases).toBe((await fresh.db.cases.count()) - 7);
    await pullEvents(fresh.db, fresh.http, fresh.creds, () => new Date());
    const plain = await freshDevice(h, 'akt-district', 'district');
    await setInitialDone(plain.db);
    await pullEvents(plain.db, plain.http, plain.creds, () => new Date());
    expect(await everything(fresh.db)).toEqual(await everything(plain.db));
  });

  it("gives a village device its own office's cases only", async () => {
    const fresh = await freshDevice(h, 'akt-02', 'akimat');
    const progress: InitialProgress[] = [];
    await initialSync(
      fresh.db,
      fresh.http,
      fresh.creds,
      () => new Date(),
      undefined,
      (p) => progress.push(p),
    );
    const cases = await fresh.db.cases.toArray();
    expect(cases).toHaveLength(17);
    expect(new Set(cases.map((c) => c.officeId))).toEqual(new Set(['akt-02']));
    // One page, which is its own total.
    expect(progress).toEqual([{ received: 0 }, { received: 17, total: 17 }]);
  });

  it('says on the first page how many cases the sync brings, and the device counts them', async () => {
    for (const [officeId, kind, expected] of [
      ['akt-02', 'akimat', 17],
      ['akt-district', 'district', 43],
    ] as const) {
      const fresh = await freshDevice(h, officeId, kind);
      const progress: InitialProgress[] = [];
      await initialSync(
        fresh.db,
        fresh.http,
        fresh.creds,
        () => new Date(),
        5,
        (p) => progress.push(p),
      );
      expect(await fresh.db.cases.count()).toBe(expected);
      // Before the first page nothing is known; then each stored page, of the first page's total.
      const pages = Math.ceil(expected / 5);
      expect(progress).toEqual([
        { received: 0 },
        ...Array.from({ length: pages }, (_, i) => ({
          received: Math.min(expected, (i + 1) * 5),
          total: expected,
        })),
      ]);
      expect(await getMeta(fresh.db, 'initialSync')).toMatchObject({
        isDone: true,
        received: expected,
        total: expected,
      });
    }
  });

  it('sends the total on the first page only', async () => {
    const device = await enrollDevice(h, 'akt-district', 'district');
    const ask = async (query: string) => {
      const response = await fetch(`${h.base}/api/v1/sync/initial?v=${PROTOCOL_VERSION}${query}`, {
        headers: { authorization: `Bearer ${device.enrollment.token}` },
      });
      return (await response.json()) as { total?: number; mark: number; after: number };
    };
    const first = await ask('&limit=5');
    expect(first.total).toBe(43);
    const next = await ask(`&limit=5&after=${first.after}&mark=${first.mark}`);
    expect(next).not.toHaveProperty('total');
  });

  it('answers in Brotli to a client that accepts it', async () => {
    const device = await enrollDevice(h, 'akt-district', 'district');
    const response = await fetch(`${h.base}/api/v1/sync/initial?v=${PROTOCOL_VERSION}&limit=5`, {
      headers: { authorization: `Bearer ${device.enrollment.token}`, 'accept-encoding': 'br' },
    });
    expect(response.headers.get('content-encoding')).toBe('br');
    const page = (await response.json()) as { cases: unknown[]; hasMore: boolean };
    expect(page.cases).toHaveLength(5);
    expect(page.hasMore).toBe(true);
    const refused = await call(h, 'GET', `/api/v1/sync/initial?v=${PROTOCOL_VERSION + 1}`, {
      token: device.enrollment.token,
    });
    expect(refused.status).toBe(426);
  });
});

async function setInitialDone(db: QabyldauDb): Promise<void> {
  await db.meta.put({ key: 'initialSync', value: { mark: 0, after: 0, isDone: true } });
}
