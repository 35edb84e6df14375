/**
 * Issue 12, item 7, on every store: what the release before the process model stored keeps
 * working. The store and the village device's database are that release's own
 * (tests/fixtures/release-3, written by its code: nine cases in every status of the old fixed
 * chain, the old Case JSON in `cases`, registrations without `process`; three events the
 * village made offline and never sent).
 *
 * - The server starts on the store as it is; nothing is rewritten until a case moves.
 * - A device of protocol 3 is told to update (426 `protocol-unsupported`) on push, pull and
 *   initial sync, and nothing it sends is taken or refused.
 * - Updated (today's app on its version-3 database, which schema version 4 re-projects), it
 *   sends what it held under the same ids and seqs, and the server takes it on the legacy chain.
 * - Every case goes on through its remaining steps over HTTP, with today's actions too (a return
 *   and re-forwarding, a send-back, a correction); the server's state of each is the fold of its
 *   events, and a fresh device pulling the district shows every case exactly as the server holds
 *   it.
 */

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMeta, setMeta } from '../../src/db/meta';
import { reprojectIfMarked } from '../../src/db/projection';
import { QabyldauDb } from '../../src/db/schema';
import { type CaseEvent, canonicalJson } from '../../src/domain/case/events';
import { type Case, foldCase, processOf, upgradeCase } from '../../src/domain/case/reducer';
import { nextActions } from '../../src/domain/process';
import type { StaffRole } from '../../src/domain/roles';
import { PROTOCOL_VERSION } from '../../src/domain/sync/protocol';
import { toWireEvent } from '../../src/domain/sync/wire';
import { SyncEngine } from '../../src/sync/engine';
import { enrollDevice as enrollApp } from '../../src/sync/enroll';
import { createHttp } from '../../src/sync/http';
import { pullReference } from '../../src/sync/pull';
import { issueEnrollCode } from '../../sync-server/sync/enroll';
import {
  loadServerStore,
  releaseServerStore,
  releaseVillageDevice,
  writeReleaseDevice,
} from '../fixtures/release-3';
import { call, Device, enrollDevice, type Harness, STORES, staffOf, startServer } from './helpers';
import { payloadFor, registrationFor } from './process-cases';

const fixture = releaseServerStore();
const deviceFixture = releaseVillageDevice();
/** the approved draft, and the case handed out before the update */
const [four, nine] = [fixture.cases[3]?.caseId as string, fixture.cases[8]?.caseId as string];
const queued = fixture.queued;

interface Credentials {
  deviceId: string;
  token: string;
  officeId: string;
  officeKind: 'akimat' | 'district';
  deviceNo: number;
}
const oldCredentials = (deviceFixture.tables.meta as { key: string; value: unknown }[]).find(
  (m) => m.key === 'credentials',
)?.value as Credentials;
/** What the village device made offline, in its order, as it holds them. */
const queuedEvents = (deviceFixture.tables.events as (CaseEvent & { status: string })[])
  .filter((e) => e.status === 'pending')
  .sort((a, b) => a.deviceSeq - b.deviceSeq)
  .map(
    ({ status: _s, storedAt: _t, ...event }: CaseEvent & { status: string; storedAt?: string }) =>
      event as CaseEvent,
  );

/** A case as compared: the device's index helpers left out. */
function comparable(value: Case): string {
  const {
    iin: _i,
    surnameLower: _s,
    rev: _r,
    ...rest
  } = value as Case & {
    iin?: string;
    surnameLower?: string;
    rev?: number;
  };
  return canonicalJson(rest);
}

describe.each(STORES)('a store of the previous release on $name', (store) => {
  let h: Harness;
  /** the village device after the update: today's app on the release's database */
  let updated: QabyldauDb;

  beforeAll(async () => {
    h = await startServer(store, undefined, {}, (db) => loadServerStore(db, fixture));
  });
  afterAll(async () => {
    updated?.close();
    await h?.close();
  });

  const count = async (table: string) =>
    Number((await h.db.first<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))?.n);
  const stateOf = async (caseId: string): Promise<Case> => {
    const row = await h.db.first<{ state: string }>('SELECT state FROM cases WHERE case_id = ?', [
      caseId,
    ]);
    return JSON.parse(row?.state ?? 'null') as Case;
  };
  const eventsOf = async (caseId: string): Promise<CaseEvent[]> =>
    (
      await h.db.all<{ content: string }>(
        'SELECT content FROM events WHERE case_id = ? ORDER BY server_seq',
        [caseId],
      )
    ).map((r) => JSON.parse(r.content) as CaseEvent);

  it('starts on the store as the release left it, and rewrites nothing', async () => {
    expect(fixture.cases.map((c) => c.status)).toEqual([
      'registered',
      'forwarded',
      'received',
      'decided',
      'decided',
      'signed',
      'result_sent',
      'result_received',
      'closed',
    ]);
    expect(await count('events')).toBe(fixture.tables.events?.length);
    const rows = await h.db.all<{ case_id: string; status: string; state: string }>(
      'SELECT case_id, status, state FROM cases ORDER BY case_id',
    );
    const stored = [...(fixture.tables.cases ?? [])].sort((a, b) =>
      String(a.case_id) < String(b.case_id) ? -1 : 1,
    );
    expect(rows).toEqual(
      stored.map((r) => ({ case_id: r.case_id, status: r.status, state: r.state })),
    );
    // The old shape: a status of the fixed chain, completions by stage, no process.
    const state = await stateOf(four);
    expect(state).not.toHaveProperty('done');
    expect(state).not.toHaveProperty('model');
    expect(state.completions).toHaveProperty('review');
  });

  it('tells a device of protocol 3 to update, on push, pull and initial sync, and takes nothing from it', async () => {
    expect(PROTOCOL_VERSION).toBe(6);
    const token = oldCredentials.token;
    const before = {
      events: await count('events'),
      rejected: await count('rejected_events'),
      seq: (
        await h.db.first<{ last_seq: number }>('SELECT last_seq FROM devices WHERE id = ?', [
          oldCredentials.deviceId,
        ])
      )?.last_seq,
    };
    expect(queuedEvents.map((e) => `${e.type} ${e.deviceSeq}`)).toEqual([
      'case.registered 21',
      'batch.sent 22',
      'result.handed_out 23',
    ]);
    const push = await call<{ error: { code: string } }>(h, 'POST', '/api/v1/sync/push', {
      token,
      json: { protocolVersion: 3, events: queuedEvents.map(toWireEvent) },
    });
    expect(push.status).toBe(426);
    expect(push.body.error.code).toBe('protocol-unsupported');
    for (const path of ['/api/v1/sync/pull?cursor=40&v=3', '/api/v1/sync/initial?v=3']) {
      const reply = await call<{ error: { code: string } }>(h, 'GET', path, { token });
      expect(reply.status, path).toBe(426);
      expect(reply.body.error.code, path).toBe('protocol-unsupported');
    }
    expect({
      events: await count('events'),
      rejected: await count('rejected_events'),
      seq: (
        await h.db.first<{ last_seq: number }>('SELECT last_seq FROM devices WHERE id = ?', [
          oldCredentials.deviceId,
        ])
      )?.last_seq,
    }).toEqual(before);
  });

  it('takes what the device held once it is updated, under the same ids and seqs, on the legacy chain', async () => {
    // The updated app opens the release's database (schema version 4 re-projects its cases)
    // and syncs as it always does.
    const factory = new IDBFactory();
    const name = `release-3-${store.name}`;
    await writeReleaseDevice({ indexedDB: factory, IDBKeyRange }, name, deviceFixture);
    updated = new QabyldauDb(name, { indexedDB: factory, IDBKeyRange });
    await updated.open();
    expect(await reprojectIfMarked(updated)).toBe(true);
    const credentials = await getMeta(updated, 'credentials');
    if (!credentials) throw new Error('no credentials in the release database');
    await setMeta(updated, 'credentials', { ...credentials, serverUrl: h.base });
    const engine = new SyncEngine({ db: updated });
    await engine.syncNow();
    engine.stop();
    expect(await getMeta(updated, 'syncStatus')).not.toHaveProperty('lastError');
    expect(await updated.outbox.count()).toBe(0);

    const events = await updated.events.where('deviceId').equals(oldCredentials.deviceId).toArray();
    const sent = events.filter((e) => queuedEvents.some((q) => q.id === e.id));
    expect(sent.map((e) => `${e.type} ${e.deviceSeq} ${e.status}`).sort()).toEqual([
      'batch.sent 22 synced',
      'case.registered 21 synced',
      'result.handed_out 23 synced',
    ]);
    const stored = await h.db.all<{ id: string; device_seq: number }>(
      'SELECT id, device_seq FROM events WHERE device_id = ? AND device_seq > 20 ORDER BY device_seq',
      [oldCredentials.deviceId],
    );
    expect(stored.map((r) => [r.id, Number(r.device_seq)])).toEqual(
      queuedEvents.map((e) => [e.id, e.deviceSeq]),
    );
    expect(await count('rejected_events')).toBe(0);

    expect(await stateOf(queued.registered)).toMatchObject({
      model: 'legacy',
      status: 'registered',
    });
    expect(await stateOf(queued.forwarded)).toMatchObject({ model: 'legacy', status: 'forwarded' });
    expect(await stateOf(queued.handedOut)).toMatchObject({ model: 'legacy', status: 'closed' });
    // The device shows each of its cases as the server holds it.
    for (const row of await updated.cases.toArray()) {
      const server = await stateOf(row.id);
      if (server.done === undefined) continue; // never moved since the release: old shape
      expect(comparable(row), row.id).toBe(comparable(server));
    }
  });

  it("continues every case through its remaining steps, today's actions among them, and a fresh device shows each as the server holds it", async () => {
    const lastSeq = (
      await h.db.first<{ last_seq: number }>('SELECT last_seq FROM devices WHERE id = ?', [
        oldCredentials.deviceId,
      ])
    )?.last_seq;
    const village = new Device(h, {
      ...oldCredentials,
      protocolVersion: PROTOCOL_VERSION,
      serverTime: '',
    });
    village.seq = Number(lastSeq);
    const district = await enrollDevice(h, 'akt-district', 'district');

    async function push(role: StaffRole, event: (device: Device, staffId: string) => CaseEvent) {
      const village_ = role === 'akimat_specialist' || role === 'akim';
      const device = village_ ? village : district;
      const e = event(device, staffOf(village_ ? 'akt-01' : 'akt-district', role));
      const reply = await device.push([e]);
      expect(reply.body.results[0], `${e.type} on ${e.caseId}`).toMatchObject({
        status: 'accepted',
      });
    }

    // Today's actions on the old cases: a return and re-forwarding, a send-back and a new draft,
    // a correction.
    await push('district_executor', (d, s) =>
      d.event(
        'case.returned',
        queued.forwarded,
        s,
        { documents: [], reason: 'Анықтама жоқ' },
        'akt-01',
      ),
    );
    expect(await stateOf(queued.forwarded)).toMatchObject({ status: 'returned', returnCount: 1 });
    await push('akimat_specialist', (d, s) =>
      d.event(
        'batch.sent',
        queued.forwarded,
        s,
        { batchId: uuidv7(), batchNumber: '01-26-01-0003', caseCount: 1 },
        'akt-01',
      ),
    );
    await push('district_head', (d, s) =>
      d.event('case.sent_back', four, s, { comment: 'Қайта қараңыз' }, 'akt-01'),
    );
    await push('district_executor', (d, s) =>
      d.event('case.decided', four, s, { outcome: 'refused', reason: 'Табыс жоғары' }, 'akt-01'),
    );
    const registered = await stateOf(queued.registered);
    await push('akim', (d, s) =>
      d.event(
        'case.corrected',
        queued.registered,
        s,
        {
          changes: [{ field: 'phone', from: registered.applicant.phone ?? '', to: '87015556677' }],
          reason: 'Телефон нөмірі',
        },
        'akt-01',
      ),
    );
    // A step only today's processes have is not the legacy chain's.
    const order = village.event(
      'commission.ordered',
      queued.registered,
      staffOf('akt-01', 'akim'),
      {},
      'akt-01',
    );
    expect((await village.push([order])).body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'step-not-in-process',
    });

    // Then every case to its end, each step as the legacy chain offers it.
    const all = [...fixture.cases.map((c) => c.caseId), queued.registered];
    for (let round = 0; round < 12; round++) {
      let moved = 0;
      for (const caseId of all) {
        // (a case that has not moved since the release is stored in its shape)
        const state = upgradeCase(await stateOf(caseId));
        const process = processOf(state);
        const action = nextActions(process, state).find((a) => a.step !== null);
        if (!action) continue;
        const role = (['akimat_specialist', 'district_executor', 'district_head'] as const).find(
          (r) => action.roles.includes(r),
        ) as StaffRole;
        await push(role, (d, s) =>
          d.event(
            action.type,
            caseId,
            s,
            payloadFor(action.type, process, {
              officeId: 'akt-01',
              districtOffice: 'akt-district',
              state,
            }) as never,
            'akt-01',
          ),
        );
        moved++;
      }
      if (moved === 0) break;
    }
    for (const caseId of all) {
      expect((await stateOf(caseId)).status, caseId).toBe('closed');
    }

    // The server's state of every case that moved is the fold of its events; the one that never
    // moved keeps the release's shape, and its events fold to the same end.
    const folds = new Map<string, Case>();
    for (const caseId of all) {
      const folded = foldCase(await eventsOf(caseId));
      expect(folded.ok, caseId).toBe(true);
      if (!folded.ok || !folded.value) continue;
      folds.set(caseId, folded.value);
      expect(folded.value.model).toBe('legacy');
      const server = await stateOf(caseId);
      if (caseId === nine) {
        expect(server).not.toHaveProperty('done');
        expect(folded.value.status).toBe(server.status);
      } else {
        expect(comparable(server), caseId).toBe(comparable(folded.value));
      }
    }
    expect((await stateOf(queued.forwarded)).returnCount).toBe(1);
    expect(await stateOf(four)).toMatchObject({
      outcome: 'refused',
      refusalReason: 'Табыс жоғары',
    });
    expect((await stateOf(queued.registered)).applicant.phone).toBe('87015556677');

    // A fresh device of the district, today's app: it sees every case as the server holds it.
    const fresh = new QabyldauDb(`fresh-${store.name}`, {
      indexedDB: new IDBFactory(),
      IDBKeyRange,
    });
    const http = createHttp(h.base);
    await enrollApp(
      fresh,
      http,
      await issueEnrollCode(h.db, 'akt-district', 'district', h.clock.now()),
      h.base,
      new Date(),
    );
    const credentials = await getMeta(fresh, 'credentials');
    if (!credentials) throw new Error('no credentials');
    await pullReference(fresh, http, credentials);
    const engine = new SyncEngine({ db: fresh });
    await engine.syncNow();
    engine.stop();
    expect(await getMeta(fresh, 'syncStatus')).not.toHaveProperty('lastError');
    const cases = await fresh.cases.toArray();
    expect(cases.map((c) => c.id).sort()).toEqual([...all].sort());
    for (const row of cases) {
      expect(comparable(row), row.id).toBe(comparable(folds.get(row.id) as Case));
    }
    fresh.close();
    // And the updated village device, after one more round, shows them too.
    const engine2 = new SyncEngine({ db: updated });
    await engine2.syncNow();
    engine2.stop();
    for (const row of await updated.cases.toArray()) {
      expect(comparable(row), row.id).toBe(comparable(folds.get(row.id) as Case));
    }
  });

  it("registers new cases on the same store on the catalog's process", async () => {
    const village = await enrollDevice(h, 'akt-01', 'akimat');
    const caseId = uuidv7();
    const reply = await village.push([
      village.event(
        'case.registered',
        caseId,
        staffOf('akt-01', 'akimat_specialist'),
        registrationFor('004-01', 'akt-01'),
      ),
      village.event('commission.ordered', caseId, staffOf('akt-01', 'akim'), {}),
    ]);
    expect(reply.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(await stateOf(caseId)).toMatchObject({ model: 'catalog', status: 'commission_ordered' });
  });
});
