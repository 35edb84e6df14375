/**
 * The rural-akim chain through the server with two devices, village → district → village, and
 * what each device may pull: its own office (village) or the whole district (district), paged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe.each(STORES)('chain and pull on $name', (store) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer(store);
  });
  afterAll(async () => {
    await h.close();
  });

  const statuses = (reply: Awaited<ReturnType<Device['push']>>) =>
    reply.body.results.map((r) => (r.status === 'rejected' ? `rejected:${r.code}` : r.status));

  it('carries a case from the akimat to the district and back to the citizen', async () => {
    const village = await enrollDevice(h, 'akt-01', 'akimat');
    const district = await enrollDevice(h, 'akt-district', 'district');
    const specialist = staffOf('akt-01', 'akimat_specialist');
    const executor = staffOf('akt-district', 'district_executor');
    const head = staffOf('akt-district', 'district_head');
    const caseId = newCaseId();
    const batchId = newCaseId();

    const sent = await village.push([
      village.event('case.registered', caseId, specialist, registration()),
      village.event('batch.sent', caseId, specialist, {
        batchId,
        batchNumber: '01-T-0001',
        caseCount: 1,
      }),
    ]);
    expect(statuses(sent)).toEqual(['accepted', 'accepted']);

    const inbox = await district.pullAll();
    expect(inbox.filter((e) => e.caseId === caseId).map((e) => e.type)).toEqual([
      'case.registered',
      'batch.sent',
    ]);
    // Officially the akimat's case: events name the akimat office, not the district.
    expect(inbox.every((e) => e.officeId === 'akt-01')).toBe(true);

    const decided = await district.push([
      district.event('case.received', caseId, executor, { batchId }, 'akt-01'),
      district.event('case.decided', caseId, executor, { outcome: 'approved' }, 'akt-01'),
      // The executor may not sign; only the head may.
      district.event('case.signed', caseId, executor, {}, 'akt-01'),
      district.event('case.signed', caseId, head, {}, 'akt-01'),
      district.event('result.sent', caseId, executor, {}, 'akt-01'),
    ]);
    expect(statuses(decided)).toEqual([
      'accepted',
      'accepted',
      'rejected:role-not-allowed',
      'accepted',
      'accepted',
    ]);

    const back = await village.pullAll();
    expect(back.filter((e) => e.caseId === caseId).map((e) => e.type)).toEqual([
      'case.registered',
      'batch.sent',
      'case.received',
      'case.decided',
      'case.signed',
      'result.sent',
    ]);
    const serverSeqs = back.map((e) => e.serverSeq);
    expect(serverSeqs).toEqual([...serverSeqs].sort((a, b) => a - b));
    // Devices do not keep the server's receipt time: protocol 3 leaves it out of pulled events.
    expect(back.at(-1)).not.toHaveProperty('serverTime');

    const closed = await village.push([
      village.event('result.received', caseId, specialist, {}),
      village.event('result.handed_out', caseId, specialist, { recipient: 'Серікова Ә.' }),
    ]);
    expect(statuses(closed)).toEqual(['accepted', 'accepted']);
    // Nothing after the close: the case is closed for everyone.
    const late = await district.push([district.event('result.sent', caseId, head, {}, 'akt-01')]);
    expect(statuses(late)).toEqual(['rejected:transition-not-allowed']);
  });

  it("shows a village device only its office's events and the district device both", async () => {
    const a = await enrollDevice(h, 'akt-05', 'akimat');
    const b = await enrollDevice(h, 'akt-06', 'akimat');
    const district = await enrollDevice(h, 'akt-district', 'district');
    const caseA = newCaseId();
    const caseB = newCaseId();
    await a.push([a.event('case.registered', caseA, staffOf('akt-05', 'akim'), registration())]);
    await b.push([
      b.event('case.registered', caseB, staffOf('akt-06', 'akimat_specialist'), registration()),
    ]);

    const seenByA = (await a.pullAll()).map((e) => e.caseId);
    const seenByB = (await b.pullAll()).map((e) => e.caseId);
    const seenByDistrict = (await district.pullAll()).map((e) => e.caseId);
    expect(seenByA).toContain(caseA);
    expect(seenByA).not.toContain(caseB);
    expect(seenByB).toContain(caseB);
    expect(seenByB).not.toContain(caseA);
    expect(seenByDistrict).toEqual(expect.arrayContaining([caseA, caseB]));
  });

  it('pages with hasMore and a cursor that resumes exactly after the last event', async () => {
    const device = await enrollDevice(h, 'akt-07', 'akimat');
    const specialist = staffOf('akt-07', 'akimat_specialist');
    const events = Array.from({ length: 7 }, (_, i) =>
      device.event('case.registered', newCaseId(), specialist, registration(i + 1)),
    );
    expect(statuses(await device.push(events))).toEqual(Array(7).fill('accepted'));

    const first = await device.pull(3);
    expect(first.body.events).toHaveLength(3);
    expect(first.body.hasMore).toBe(true);
    expect(first.body.cursor).toBe(first.body.events[2]?.serverSeq);

    const rest = await device.pullAll(3);
    expect([...first.body.events, ...rest].map((e) => e.id)).toEqual(events.map((e) => e.id));

    const empty = await device.pull(3);
    expect(empty.body).toMatchObject({ events: [], hasMore: false, cursor: device.cursor });
  });
});
