/**
 * Push semantics, one scenario per rule of docs/sync-protocol.md: exactly-once storage, the
 * device's gap-free order, office scope, roles, and legal transitions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResult } from '../../src/domain/sync/protocol';
import {
  type Device,
  enrollDevice,
  type Harness,
  newCaseId,
  registration,
  STORES,
  staffOf,
  startServer,
} from './helpers';

const SPECIALIST_01 = staffOf('akt-01', 'akimat_specialist');

describe.each(STORES)('push on $name', (store) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer(store);
  });
  afterAll(async () => {
    await h.close();
  });

  const village = () => enrollDevice(h, 'akt-01', 'akimat');
  const register = (device: Device, n = 1) =>
    device.event('case.registered', newCaseId(), SPECIALIST_01, registration(n));

  it('accepts an event with the next serverSeq and answers a re-push as duplicate', async () => {
    const device = await village();
    const first = register(device, 1);
    const second = register(device, 2);
    const reply = await device.push([first, second]);
    expect(reply.status).toBe(200);
    const [a, b] = reply.body.results as [PushResult, PushResult];
    expect(a).toMatchObject({ id: first.id, status: 'accepted' });
    expect(b).toMatchObject({ id: second.id, status: 'accepted' });
    if (a.status === 'rejected' || b.status === 'rejected') throw new Error('unexpected');
    expect(b.serverSeq).toBe(a.serverSeq + 1);

    const again = await device.push([first, second]);
    expect(again.body.results).toEqual([
      { id: first.id, status: 'duplicate', serverSeq: a.serverSeq },
      { id: second.id, status: 'duplicate', serverSeq: b.serverSeq },
    ]);
  });

  it('rejects the same id with other content as event-id-conflict', async () => {
    const device = await village();
    const event = register(device);
    await device.push([event]);
    const forged = { ...event, payload: { ...registration(), regNumber: '01-1-9999' } };
    const reply = await device.push([forged]);
    expect(reply.body.results).toEqual([
      { id: event.id, status: 'rejected', code: 'event-id-conflict' },
    ]);
  });

  it('reports a sequence gap with the expected seq and does not advance', async () => {
    const device = await village();
    const first = register(device);
    device.seq += 1; // seq 2 never reaches the server
    const third = register(device);
    const reply = await device.push([first, third]);
    expect(reply.body.results[0]).toMatchObject({ status: 'accepted' });
    expect(reply.body.results[1]).toEqual({
      id: third.id,
      status: 'rejected',
      code: 'sequence-gap',
      details: { expected: 2, received: 3 },
    });
    // The device resends from 2; the server still waits for 2.
    const resent = { ...third, deviceSeq: 2 };
    const retry = await device.push([resent]);
    expect(retry.body.results[0]).toMatchObject({ status: 'accepted' });
  });

  it("keeps a village device out of another office's case (case-not-in-scope)", async () => {
    const device = await village();
    const event = device.event(
      'case.registered',
      newCaseId(),
      SPECIALIST_01,
      registration(),
      'akt-02',
    );
    const reply = await device.push([event]);
    expect(reply.body.results[0]).toMatchObject({ status: 'rejected', code: 'case-not-in-scope' });
  });

  it('rejects village staff recording a decision (role-not-allowed)', async () => {
    const device = await village();
    const registered = register(device);
    const decided = device.event('case.decided', registered.caseId, SPECIALIST_01, {
      outcome: 'approved',
    });
    const reply = await device.push([registered, decided]);
    expect(reply.body.results[0]).toMatchObject({ status: 'accepted' });
    expect(reply.body.results[1]).toMatchObject({
      status: 'rejected',
      code: 'role-not-allowed',
      details: { type: 'case.decided', role: 'akimat_specialist' },
    });
  });

  it('rejects an illegal transition and lets the queue move on', async () => {
    const device = await village();
    const registered = register(device);
    // result.received before the district sent anything
    const early = device.event('result.received', registered.caseId, SPECIALIST_01, {});
    const batch = device.event('batch.sent', registered.caseId, SPECIALIST_01, {
      batchId: newCaseId(),
      batchNumber: '01-T-0001',
      caseCount: 1,
    });
    const reply = await device.push([registered, early, batch]);
    expect(reply.body.results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(reply.body.results[1]).toMatchObject({
      code: 'transition-not-allowed',
      details: { type: 'result.received', status: 'registered' },
    });
    // A rejected id stays rejected with the same code when sent again.
    const again = await device.push([early]);
    expect(again.body.results[0]).toMatchObject({
      status: 'rejected',
      code: 'transition-not-allowed',
    });
  });

  it('rejects an event for a case the server does not know (case-not-found)', async () => {
    const device = await village();
    const orphan = device.event('batch.sent', newCaseId(), SPECIALIST_01, {
      batchId: newCaseId(),
      batchNumber: '01-T-0002',
      caseCount: 1,
    });
    const reply = await device.push([orphan]);
    expect(reply.body.results[0]).toMatchObject({ status: 'rejected', code: 'case-not-found' });
  });

  it('rejects a schema-invalid event, records it, and keeps the queue moving', async () => {
    const device = await village();
    const bad = { ...register(device), payload: { regNumber: '' } };
    const good = register(device, 2);
    const reply = await device.push([bad, good]);
    expect(reply.body.results[0]).toMatchObject({
      id: bad.id,
      status: 'rejected',
      code: 'event-schema-invalid',
    });
    expect(reply.body.results[1]).toMatchObject({ id: good.id, status: 'accepted' });
  });

  it('rejects events that name another device or an unknown person', async () => {
    const device = await village();
    const other = await village();
    const forged = { ...register(device), deviceId: other.id };
    const stranger = device.event(
      'case.registered',
      newCaseId(),
      staffOf('akt-02', 'akim'),
      registration(),
    );
    const reply = await device.push([forged, stranger]);
    expect(reply.body.results.map((r) => (r.status === 'rejected' ? r.code : r.status))).toEqual([
      'device-mismatch',
      'staff-unknown',
    ]);
  });

  it('gives the same answers when one request is sent twice at once', async () => {
    const device = await village();
    const events = [register(device, 1), register(device, 2), register(device, 3)];
    const [a, b] = await Promise.all([device.push(events), device.push(events)]);
    const seqs = (r: typeof a) =>
      r.body.results.map((x) => (x.status === 'rejected' ? x.code : x.serverSeq));
    expect(seqs(a)).toEqual(seqs(b));
    const statuses = [...a.body.results, ...b.body.results].map((r) => r.status).sort();
    expect(statuses).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'duplicate',
      'duplicate',
      'duplicate',
    ]);
  });
});
