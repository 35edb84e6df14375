/**
 * After a sequence gap the rest of a push waits: an event whose seq happens to be the next one
 * must not be taken before the events the device made first. A device that lost writes after
 * the server had stored them numbers its later events from where its disk left off; the chaos
 * test saw a transfer batch taken (and refused, `case-not-found`) ahead of its own registration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  enrollDevice,
  type Harness,
  newCaseId,
  registration,
  STORES,
  staffOf,
  startServer,
} from './helpers';

const SPECIALIST = staffOf('akt-01', 'akimat_specialist');

describe.each(STORES)('push order on $name', (store) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer(store);
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers the rest of a push as a gap once one event was out of order', async () => {
    const device = await enrollDevice(h, 'akt-01', 'akimat');
    const first = device.event('case.registered', newCaseId(), SPECIALIST, registration(1));
    await device.push([first]);

    // The device lost `first`, made a registration and a batch for it numbered 1 and 2 again,
    // and sends them in its order: the registration gaps, the batch (seq 2) must wait for it.
    const caseId = newCaseId();
    const registered = {
      ...device.event('case.registered', caseId, SPECIALIST, registration(2)),
      deviceSeq: 1,
    };
    const batch = {
      ...device.event('batch.sent', caseId, SPECIALIST, {
        batchId: newCaseId(),
        batchNumber: 'T01-26-01-001',
        caseCount: 1,
      }),
      deviceSeq: 2,
    };
    const reply = await device.push([registered, first, batch]);
    expect(reply.body.results).toEqual([
      {
        id: registered.id,
        status: 'rejected',
        code: 'sequence-gap',
        details: { expected: 2, received: 1 },
      },
      // A known id is still answered from the record.
      expect.objectContaining({ id: first.id, status: 'duplicate' }),
      {
        id: batch.id,
        status: 'rejected',
        code: 'sequence-gap',
        details: { expected: 2, received: 2 },
      },
    ]);

    // Renumbered from 2, both go through in the device's order.
    const again = await device.push([
      { ...registered, deviceSeq: 2 },
      { ...batch, deviceSeq: 3 },
    ]);
    expect(again.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
  });
});
