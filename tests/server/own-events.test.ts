/**
 * A pull leaves out the calling device's own events that it already holds (it learned their
 * serverSeq from its push answers), yet moves the cursor past them; and own events a power cut
 * took from the device still come back, even after the device has made new events under the
 * same seqs. The app's own sync code against a real server, on each store.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommands } from '../../src/db/commands';
import { getMeta } from '../../src/db/meta';
import { QabyldauDb } from '../../src/db/schema';
import { controlDigit } from '../../src/domain/iin';
import type { PullResponse, PushResponse } from '../../src/domain/sync/protocol';
import { enrollDevice } from '../../src/sync/enroll';
import { createHttp, type HttpPort } from '../../src/sync/http';
import { pullEvents, pullReference } from '../../src/sync/pull';
import { pushOutbox } from '../../src/sync/push';
import { verifyAndRepair } from '../../src/sync/verify';
import { issueEnrollCode } from '../../sync-server/sync/enroll';
import { type Harness, STORES, signInOnApp, startServer } from './helpers';

function iin(serial: number): string {
  for (let s = serial; ; s++) {
    const first11 = `8504124${String(s).padStart(4, '0')}`;
    const digit = controlDigit(first11);
    if (digit !== null) return `${first11}${digit}`;
  }
}

/** An HttpPort that keeps every pull page it passes on (from a pull or a push) and counts requests. */
function recording(h: Harness): { http: HttpPort; pulls: PullResponse[]; requests: string[] } {
  const inner = createHttp(h.base);
  const pulls: PullResponse[] = [];
  const requests: string[] = [];
  return {
    pulls,
    requests,
    http: {
      async request<T>(
        method: 'GET' | 'POST' | 'PUT',
        path: string,
        body?: unknown,
        token?: string,
      ) {
        const answer = await inner.request<T>(method, path, body, token);
        requests.push(path.split('?')[0] ?? path);
        if (path.startsWith('/api/v1/sync/pull')) pulls.push(answer as PullResponse);
        const page = (answer as Partial<PushResponse>).page;
        if (path === '/api/v1/sync/push' && page) pulls.push({ ...page, serverTime: '' });
        return answer;
      },
    },
  };
}

async function villageDevice(h: Harness) {
  const name = `own-${uuidv7()}`;
  const factory = new IDBFactory();
  let db = new QabyldauDb(name, { indexedDB: factory, IDBKeyRange });
  const code = await issueEnrollCode(h.db, 'akt-04', 'akimat', h.clock.now());
  await enrollDevice(db, createHttp(h.base), code, h.base, h.clock.now());
  const creds = await getMeta(db, 'credentials');
  if (!creds) throw new Error('not enrolled');
  await pullReference(db, createHttp(h.base), creds);
  const staff = (await db.staff.toArray()).find((s) => s.role === 'akimat_specialist');
  if (!staff) throw new Error('no specialist');
  const proofKey = await signInOnApp({ db, credentials: creds, http: createHttp(h.base) }, staff);
  let serial = 0;
  const register = async () => {
    const commands = createCommands(
      db,
      { now: () => new Date(2026, 2, 18, 10, 30), newId: uuidv7 },
      () => ({ staff, credentials: creds, proofKey }),
    );
    serial += 10;
    const r = await commands.registerCase({
      serviceId: '003-06',
      channel: 'akim',
      applicant: { iin: iin(serial), surname: `Өтініш${serial}`, givenName: 'Әсел' },
      personalDataConsent: true,
      presentedDocuments: [],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    return r.value.caseId;
  };
  /** Every table as it is now, to come back to as a power cut would. */
  const snapshot = async () => {
    const tables = db.tables.map((t) => t.name);
    const out = new Map<string, unknown[]>();
    for (const t of tables) out.set(t, await db.table(t).toArray());
    return out;
  };
  const powerCut = async (flushed: Map<string, unknown[]>) => {
    db.close();
    db = new QabyldauDb(name, { indexedDB: factory, IDBKeyRange });
    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) {
        await table.clear();
        await table.bulkPut(flushed.get(table.name) ?? []);
      }
    });
  };
  const rec = recording(h);
  const push = () => pushOutbox(db, rec.http, creds);
  const pull = () => pullEvents(db, rec.http, creds, () => new Date());
  /** A sync round as the engine runs it: the push brings the first page of the pull. */
  const round = async () => {
    const pushed = await pushOutbox(db, rec.http, creds);
    return pullEvents(db, rec.http, creds, () => new Date(), pushed.page);
  };
  return {
    get db() {
      return db;
    },
    creds,
    register,
    snapshot,
    powerCut,
    push,
    pull,
    round,
    pulls: rec.pulls,
    requests: rec.requests,
    verify: () => verifyAndRepair(db, rec.http, creds),
  };
}

async function serverIds(h: Harness): Promise<string[]> {
  const rows = await h.db.all<{ id: string }>('SELECT id FROM events ORDER BY server_seq');
  return rows.map((r) => r.id);
}

describe.each(STORES)('own events in a pull on $name', (store) => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it('are left out when the device holds them, and the cursor moves past them', async () => {
    const h = await startServer(store);
    closers.push(() => h.close());
    const device = await villageDevice(h);
    await device.register();
    await device.register();
    await device.push();
    await device.pull();
    expect(device.pulls.at(-1)?.events).toEqual([]);
    expect(device.pulls.at(-1)?.cursor).toBe(2);
    expect(await getMeta(device.db, 'cursor')).toBe(2);
    expect(await getMeta(device.db, 'heldSeq')).toBe(2);
    const rows = await device.db.events.orderBy('serverSeq').toArray();
    expect(rows.map((r) => [r.status, r.serverSeq])).toEqual([
      ['synced', 1],
      ['synced', 2],
    ]);
    // The checksum of what the device holds agrees with the server's.
    expect((await device.verify()).isDiverged).toBe(false);
  });

  it('come back when a power cut took them, though new events took their seqs', async () => {
    const h = await startServer(store);
    closers.push(() => h.close());
    const device = await villageDevice(h);
    await device.register();
    await device.push();
    await device.pull();
    const flushed = await device.snapshot();

    // Three applications reach the server; then the power goes and the device forgets them.
    await device.register();
    await device.register();
    await device.register();
    await device.push();
    await device.pull();
    await device.powerCut(flushed);
    expect(await device.db.events.count()).toBe(1);

    // The office keeps working: two new applications under seqs 2 and 3, which the server
    // holds for two of the lost ones. The push renumbers them; the pull brings the lost back.
    await device.register();
    await device.register();
    await device.push();
    await device.pull();
    await device.push();
    await device.pull();
    expect(await device.db.outbox.count()).toBe(0);
    const held = await device.db.events.toArray();
    expect(held.every((e) => e.status === 'synced')).toBe(true);
    expect(held.map((e) => e.id).sort()).toEqual((await serverIds(h)).sort());
    expect(held.map((e) => e.deviceSeq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await getMeta(device.db, 'lastDeviceSeq')).toBe(6);
    expect(await getMeta(device.db, 'heldSeq')).toBe(6);
    expect((await device.verify()).isDiverged).toBe(false);

    // Once it holds them all, none of its events travels back again.
    await device.register();
    await device.push();
    await device.pull();
    expect(device.pulls.at(-1)?.events).toEqual([]);
  });

  it('come back when the device pulls before it pushes its new events', async () => {
    const h = await startServer(store);
    closers.push(() => h.close());
    const device = await villageDevice(h);
    const flushed = await device.snapshot();
    await device.register();
    await device.register();
    await device.push();
    await device.pull();
    await device.powerCut(flushed);
    await device.register();
    await device.pull();
    expect(device.pulls.at(-1)?.events.map((e) => e.deviceSeq)).toEqual([1, 2]);
    await device.push();
    await device.pull();
    expect(await device.db.outbox.count()).toBe(0);
    const held = await device.db.events.toArray();
    expect(held.map((e) => e.id).sort()).toEqual((await serverIds(h)).sort());
    expect(held.every((e) => e.status === 'synced')).toBe(true);
    expect((await device.verify()).isDiverged).toBe(false);
  });

  it('come with the push answer in a round of one request, lost ones included', async () => {
    const h = await startServer(store);
    closers.push(() => h.close());
    const device = await villageDevice(h);
    await device.register();
    await device.round();
    const flushed = await device.snapshot();
    await device.register();
    await device.register();
    device.requests.length = 0;
    await device.round();
    // One request: the push, whose answer carried the page (without the device's own events).
    expect(device.requests).toEqual(['/api/v1/sync/push']);
    expect(device.pulls.at(-1)?.events).toEqual([]);
    expect(await getMeta(device.db, 'cursor')).toBe(3);

    await device.powerCut(flushed);
    await device.register();
    await device.round();
    await device.round();
    expect(await device.db.outbox.count()).toBe(0);
    const held = await device.db.events.toArray();
    expect(held.every((e) => e.status === 'synced')).toBe(true);
    expect(held.map((e) => e.id).sort()).toEqual((await serverIds(h)).sort());
    expect((await device.verify()).isDiverged).toBe(false);
  });
});
