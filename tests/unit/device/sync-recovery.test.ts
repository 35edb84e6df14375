/**
 * A device that lost its latest writes after the server had taken them (a power cut while the
 * browser still held them, a restored profile) must neither stall nor reuse what the server
 * holds: a `sequence-gap` renumbers the unsent events from the server's seq, own events coming
 * back in a pull move the counters past them, and the projection accepts two cases under one
 * registration number rather than refusing the pull. The chaos test (tests/chaos) found each.
 */
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { getMeta, setMeta } from '../../../src/db/meta';
import { QabyldauDb } from '../../../src/db/schema';
import type { CaseEvent, StoredEvent } from '../../../src/domain/case/events';
import { controlDigit } from '../../../src/domain/iin';
import {
  type PullResponse,
  type PushResponse,
  type PushResult,
  toPushAnswer,
} from '../../../src/domain/sync/protocol';
import { fromWireEvent } from '../../../src/domain/sync/wire';
import { SyncEngine } from '../../../src/sync/engine';
import type { HttpPort } from '../../../src/sync/http';
import { pullEvents } from '../../../src/sync/pull';
import { pushOutbox } from '../../../src/sync/push';
import { makeDevice, TestClock } from './fixtures';

function iin(first11: string): string {
  const digit = controlDigit(first11);
  if (digit === null) throw new Error('pick another serial');
  return `${first11}${digit}`;
}

const INTAKE = {
  serviceId: '003-06',
  channel: 'akim' as const,
  applicant: { iin: iin('85041241234'), surname: 'Сейітқалиева', givenName: 'Гүлназ' },
  personalDataConsent: true,
  presentedDocuments: [],
  // These tests register one applicant again and again: the duplicate warning is answered.
  confirmDuplicate: true,
};

/** An HttpPort that answers pushes and pulls from the test's hands and keeps what it was sent. */
function fakeServer(answers: {
  push?: (events: CaseEvent[]) => PushResult[];
  pull?: (cursor: number) => Omit<PullResponse, 'serverTime' | 'referenceVersion'>;
}) {
  const pushes: CaseEvent[][] = [];
  const http: HttpPort = {
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const serverTime = '2026-03-18T05:30:00.000Z';
      if (method === 'POST' && path === '/api/v1/sync/push') {
        // read as the server reads them: ids the envelopes derive made again
        const events = (body as { events: unknown[] }).events.map((event) =>
          fromWireEvent(event),
        ) as CaseEvent[];
        pushes.push(events.map((e) => ({ ...e })));
        const results = answers.push?.(events) ?? [];
        return { serverTime, ...toPushAnswer(results) } satisfies PushResponse as T;
      }
      if (method === 'GET' && path.startsWith('/api/v1/sync/pull')) {
        const cursor = Number(/cursor=(\d+)/.exec(path)?.[1] ?? 0);
        const page = answers.pull?.(cursor) ?? { events: [], cursor, hasMore: false };
        return { serverTime, referenceVersion: 'v1', ...page } satisfies PullResponse as T;
      }
      throw new Error(`unexpected ${method} ${path}`);
    },
  };
  return { http, pushes };
}

describe('sequence-gap', () => {
  it('renumbers the unsent events from the seq the server expects and sends them again', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands, credentials } = await makeDevice(clock);
    await commands.registerCase(INTAKE);
    await commands.registerCase(INTAKE);
    // The server already took seqs 1–4 from this device before the device lost them.
    let serverSeq = 100;
    const server = fakeServer({
      push: (events) => {
        let expected = 5;
        return events.map((e): PushResult => {
          if (e.deviceSeq !== expected) {
            return {
              id: e.id,
              status: 'rejected',
              code: 'sequence-gap',
              details: { expected, received: e.deviceSeq },
            };
          }
          expected++;
          return { id: e.id, status: 'accepted', serverSeq: ++serverSeq };
        });
      },
    });

    const report = await pushOutbox(db, server.http, credentials);

    expect(server.pushes.map((p) => p.map((e) => e.deviceSeq))).toEqual([
      [1, 2],
      [5, 6],
    ]);
    // Same events, same ids: only the seq changed, and the server never held the old one.
    expect(server.pushes[1]?.map((e) => e.id)).toEqual(server.pushes[0]?.map((e) => e.id));
    expect(report.accepted).toBe(2);
    expect(await db.outbox.count()).toBe(0);
    expect(
      (await db.events.orderBy('serverSeq').toArray()).map((e) => [e.deviceSeq, e.status]),
    ).toEqual([
      [5, 'synced'],
      [6, 'synced'],
    ]);
    expect(await getMeta(db, 'lastDeviceSeq')).toBe(6);
    // The next event follows on.
    await commands.registerCase(INTAKE);
    expect((await db.outbox.toArray()).map((o) => o.deviceSeq)).toEqual([7]);
  });

  it('keeps what the server acknowledged before the gap and renumbers only the rest', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands, credentials } = await makeDevice(clock);
    for (let i = 0; i < 3; i++) await commands.registerCase(INTAKE);
    const [first] = await db.events.toCollection().sortBy('deviceSeq');
    const server = fakeServer({
      push: (events) =>
        events.map((e): PushResult => {
          if (e.id === first?.id) return { id: e.id, status: 'duplicate', serverSeq: 50 };
          if (e.deviceSeq === 2) {
            return { id: e.id, status: 'rejected', code: 'sequence-gap', details: { expected: 9 } };
          }
          if (e.deviceSeq >= 9)
            return { id: e.id, status: 'accepted', serverSeq: 50 + e.deviceSeq };
          return { id: e.id, status: 'rejected', code: 'sequence-gap', details: { expected: 9 } };
        }),
    });

    await pushOutbox(db, server.http, credentials);

    expect(server.pushes.map((p) => p.map((e) => e.deviceSeq))).toEqual([
      [1, 2, 3],
      [9, 10],
    ]);
    expect((await db.events.toCollection().sortBy('deviceSeq')).map((e) => e.deviceSeq)).toEqual([
      1, 9, 10,
    ]);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('sequence-gap after a power cut undid a renumbering', () => {
  it('applies answers about known events, leaves pulled-back ones alone, renumbers only the rest', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands, credentials } = await makeDevice(clock);
    for (let i = 0; i < 4; i++) await commands.registerCase(INTAKE);
    const [a, b, c, d] = await db.events.toCollection().sortBy('deviceSeq');
    if (!a || !b || !c || !d) throw new Error('four events');
    // b came back in a pull under the seq the server gave it (8): it is on the server.
    await db.events.update(b.id, { status: 'synced', serverSeq: 40, deviceSeq: 8 });
    const server = fakeServer({
      push: (events) =>
        events.map((e): PushResult => {
          if (e.id === b.id) return { id: e.id, status: 'duplicate', serverSeq: 40 };
          // c was refused earlier under seq 9; the answer comes from the record, in any order.
          if (e.id === c.id)
            return { id: e.id, status: 'rejected', code: 'transition-not-allowed' };
          if (e.deviceSeq >= 10)
            return { id: e.id, status: 'accepted', serverSeq: 40 + e.deviceSeq };
          return { id: e.id, status: 'rejected', code: 'sequence-gap', details: { expected: 10 } };
        }),
    });

    await pushOutbox(db, server.http, credentials);

    // First push: a (gap), b (duplicate), c (known refusal), d (gap); then a and d from 10.
    expect(server.pushes.map((p) => p.map((e) => [e.id, e.deviceSeq]))).toEqual([
      [
        [a.id, 1],
        [b.id, 8],
        [c.id, 3],
        [d.id, 4],
      ],
      [
        [a.id, 10],
        [d.id, 11],
      ],
    ]);
    expect(await db.outbox.count()).toBe(0);
    const after = new Map((await db.events.toArray()).map((e) => [e.id, e]));
    expect(after.get(b.id)).toMatchObject({ status: 'synced', deviceSeq: 8, serverSeq: 40 });
    expect(after.get(c.id)).toMatchObject({ status: 'rejected', deviceSeq: 3 });
    expect(await getMeta(db, 'lastDeviceSeq')).toBe(11);
  });

  it('takes an acknowledged event out of the outbox by its entry, not by its current seq', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands, credentials } = await makeDevice(clock);
    for (let i = 0; i < 2; i++) await commands.registerCase(INTAKE);
    const [a, b] = await db.events.toCollection().sortBy('deviceSeq');
    if (!a || !b) throw new Error('two events');
    // A pull replaced a with the server's copy, numbered 2 there; b still waits under 2.
    await db.events.update(a.id, { status: 'synced', serverSeq: 7, deviceSeq: 2 });
    const server = fakeServer({
      push: (events) =>
        events.map(
          (e): PushResult =>
            e.id === a.id
              ? { id: e.id, status: 'duplicate', serverSeq: 7 }
              : { id: e.id, status: 'accepted', serverSeq: 8 },
        ),
    });

    await pushOutbox(db, server.http, credentials);

    // a's answer took a's entry (1), not b's (2), though a's row now says seq 2: one push did it.
    expect(server.pushes.map((p) => p.map((e) => e.id))).toEqual([[a.id, b.id]]);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.events.get(b.id))?.status).toBe('synced');
  });
});

describe('own events coming back in a pull', () => {
  it('move the device seq and the number counters past them', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands, credentials } = await makeDevice(clock);
    await commands.registerCase(INTAKE);
    const [mine] = await db.events.toArray();
    if (mine?.type !== 'case.registered') throw new Error('no registration');
    // What the device lost: its seqs 2–4, registration 0007 and batch 003 of 2026.
    const { status: _s, storedAt: _t, ...event } = mine;
    const lost: StoredEvent[] = [
      {
        ...event,
        id: '01900000-0000-7000-8000-000000000002',
        caseId: '01900000-0000-7000-8000-00000000000c',
        deviceSeq: 4,
        payload: { ...event.payload, regNumber: '01-26-03-0007' },
        serverSeq: 12,
        serverTime: '2026-03-18T05:31:00.000Z',
      },
      {
        ...event,
        type: 'batch.sent',
        id: '01900000-0000-7000-8000-000000000003',
        caseId: '01900000-0000-7000-8000-00000000000c',
        deviceSeq: 5,
        deviceTime: '2026-03-18T10:40:00+05:00',
        payload: {
          batchId: '01900000-0000-7000-8000-0000000000bb',
          batchNumber: 'T01-26-03-003',
          caseCount: 1,
        },
        serverSeq: 13,
        serverTime: '2026-03-18T05:31:00.000Z',
      },
    ];
    const server = fakeServer({
      pull: (cursor) =>
        cursor === 0
          ? { events: lost, cursor: 13, hasMore: false }
          : { events: [], cursor, hasMore: false },
    });

    await setMeta(db, 'referenceVersion', 'v1');
    await pullEvents(db, server.http, credentials, clock.now);

    expect(await getMeta(db, 'lastDeviceSeq')).toBe(5);
    expect(await getMeta(db, 'regCounter')).toEqual({ year: 2026, seq: 7 });
    expect(await getMeta(db, 'batchCounter')).toEqual({ year: 2026, seq: 3 });
    const next = await commands.registerCase(INTAKE);
    expect(next.ok && next.value.regNumber).toBe('01-26-03-0008');
    // The unsent registration keeps its seq until the server says where it stands (a gap).
    expect((await db.outbox.toArray()).map((o) => o.deviceSeq)).toEqual([1, 6]);
  });

  it('never move the counters back', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands, credentials } = await makeDevice(clock);
    for (let i = 0; i < 3; i++) await commands.registerCase(INTAKE);
    const [first] = await db.events.toCollection().sortBy('deviceSeq');
    if (!first) throw new Error('no event');
    const { status: _s, storedAt: _t, ...event } = first;
    const server = fakeServer({
      pull: (cursor) =>
        cursor === 0
          ? {
              events: [{ ...event, serverSeq: 1, serverTime: '2026-03-18T05:31:00.000Z' }],
              cursor: 1,
              hasMore: false,
            }
          : { events: [], cursor, hasMore: false },
    });
    await setMeta(db, 'referenceVersion', 'v1');
    await pullEvents(db, server.http, credentials, clock.now);
    expect(await getMeta(db, 'lastDeviceSeq')).toBe(3);
    expect(await getMeta(db, 'regCounter')).toEqual({ year: 2026, seq: 3 });
  });
});

describe('case projection', () => {
  it('takes two cases under one registration number instead of failing the pull', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands, credentials } = await makeDevice(clock);
    await commands.registerCase(INTAKE);
    const [mine] = await db.events.toArray();
    if (mine?.type !== 'case.registered') throw new Error('no registration');
    const { status: _s, storedAt: _t, ...event } = mine;
    // The same number on another case of the office, from before this device lost its writes.
    const twin: StoredEvent = {
      ...event,
      id: '01900000-0000-7000-8000-000000000002',
      caseId: '01900000-0000-7000-8000-00000000000c',
      deviceSeq: 7,
      serverSeq: 3,
      serverTime: '2026-03-18T05:31:00.000Z',
    };
    const server = fakeServer({
      pull: (cursor) =>
        cursor === 0
          ? { events: [twin], cursor: 3, hasMore: false }
          : { events: [], cursor, hasMore: false },
    });

    await setMeta(db, 'referenceVersion', 'v1');
    await pullEvents(db, server.http, credentials, clock.now);

    const cases = await db.cases.where('regNumber').equals(event.payload.regNumber).toArray();
    expect(cases.map((c) => c.id).sort()).toEqual([event.caseId, twin.caseId].sort());
    expect(await getMeta(db, 'cursor')).toBe(3);
  });

  it('opens a version-1 database and keeps its cases', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('upgrade', { indexedDB, IDBKeyRange });
    v1.version(1).stores({
      events: 'id, caseId, status, serverSeq, [deviceId+deviceSeq], type',
      cases:
        'id, &regNumber, status, officeId, registeredAt, iin, surnameLower, batchId, updatedAt',
      outbox: 'deviceSeq',
      meta: 'key',
      offices: 'id, kind',
      staff: 'id, officeId',
      districts: 'id',
      people: 'id, officeId',
    });
    await v1.table('cases').put({ id: 'a', regNumber: '01-26-03-0001', status: 'registered' });
    await v1.table('meta').put({ key: 'lastDeviceSeq', value: 4 });
    v1.close();

    const db = new QabyldauDb('upgrade', { indexedDB, IDBKeyRange });
    expect(await db.cases.get('a')).toMatchObject({ regNumber: '01-26-03-0001' });
    expect(await getMeta(db, 'lastDeviceSeq')).toBe(4);
    await db.cases.put({ ...(await db.cases.get('a')), id: 'b' } as never);
    expect(await db.cases.where('regNumber').equals('01-26-03-0001').count()).toBe(2);
    db.close();
  });
});

describe('device schema version 3', () => {
  it('opens a version-2 database, keeps its events and cases, and adds case histories', async () => {
    const indexedDB = new IDBFactory();
    const v2 = new Dexie('upgrade-3', { indexedDB, IDBKeyRange });
    v2.version(2).stores({
      events: 'id, caseId, status, serverSeq, [deviceId+deviceSeq], type',
      cases: 'id, regNumber, status, officeId, registeredAt, iin, surnameLower, batchId, updatedAt',
      outbox: 'deviceSeq',
      meta: 'key',
      offices: 'id, kind',
      staff: 'id, officeId',
      districts: 'id',
      people: 'id, officeId',
    });
    await v2.table('cases').put({ id: 'a', regNumber: '01-26-03-0001', status: 'registered' });
    await v2.table('events').put({ id: 'e1', caseId: 'a', status: 'synced', serverSeq: 3 });
    v2.close();

    const db = new QabyldauDb('upgrade-3', { indexedDB, IDBKeyRange });
    expect(await db.cases.get('a')).toMatchObject({ regNumber: '01-26-03-0001' });
    expect(await db.events.get('e1')).toMatchObject({ serverSeq: 3 });
    await db.histories.put({ caseId: 'a', events: [], lastSeq: 2, storedAt: '2026-03-01T09:00' });
    expect(await db.histories.where('lastSeq').above(1).count()).toBe(1);
    db.close();
  });
});

describe('sync engine', () => {
  it('does not reject when a round cannot even record its failure', async () => {
    const db = new QabyldauDb('closed', { indexedDB: new IDBFactory(), IDBKeyRange });
    await setMeta(db, 'cursor', 0);
    const engine = new SyncEngine({ db });
    db.close();
    await expect(engine.syncNow()).resolves.toBeUndefined();
    engine.stop();
  });
});
