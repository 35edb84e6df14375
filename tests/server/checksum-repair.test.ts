/**
 * A device that lost part of what it had pulled finds the range by checksums and fetches again
 * only from there, with the app's own sync code against the real server; a device that holds
 * everything finds nothing to repair.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getMeta } from '../../src/db/meta';
import { QabyldauDb } from '../../src/db/schema';
import { enrollDevice as enrollClient } from '../../src/sync/enroll';
import { createHttp } from '../../src/sync/http';
import { pullEvents } from '../../src/sync/pull';
import { verifyAndRepair } from '../../src/sync/verify';
import { issueEnrollCode } from '../../sync-server/sync/enroll';
import {
  enrollDevice,
  type Harness,
  newCaseId,
  registration,
  STORES,
  staffOf,
  startServer,
} from './helpers';

describe.each(STORES)('checksum repair on $name', (store) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer(store);
    // 1,200 registrations in akt-01, pushed by a simulated device.
    const pusher = await enrollDevice(h, 'akt-01', 'akimat');
    for (let batch = 0; batch < 6; batch++) {
      const events = Array.from({ length: 200 }, (_, i) =>
        pusher.event(
          'case.registered',
          newCaseId(),
          staffOf('akt-01', 'akimat_specialist'),
          registration(batch * 200 + i + 1),
        ),
      );
      const reply = await pusher.push(events);
      expect(reply.status).toBe(200);
    }
  });
  afterAll(async () => h?.close());

  it('finds the lost range and fetches again only from there', async () => {
    const db = new QabyldauDb(`verify-${uuidv7()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    const code = await issueEnrollCode(h.db, 'akt-01', 'akimat', h.clock.now());
    const http = createHttp(h.base);
    await enrollClient(db, http, code, h.base, h.clock.now());
    const creds = await getMeta(db, 'credentials');
    if (!creds) throw new Error('not enrolled');
    await pullEvents(db, http, creds, () => new Date());
    expect(await db.events.count()).toBe(1200);
    expect((await verifyAndRepair(db, http, creds)).isDiverged).toBe(false);

    // A page the device once held is gone (events 901–950 by serverSeq).
    const lost = await db.events.where('serverSeq').between(900, 950, false, true).primaryKeys();
    await db.events.bulkDelete(lost);
    const report = await verifyAndRepair(db, http, creds);
    expect(report.isDiverged).toBe(true);
    expect(report.rewoundTo).toBeLessThanOrEqual(900);
    expect(report.rewoundTo).toBeGreaterThan(300);
    expect(report.requests).toBeLessThan(6);

    const refetched = await pullEvents(db, http, creds, () => new Date());
    expect(refetched.received).toBe(1200 - (report.rewoundTo ?? 0));
    expect(await db.events.count()).toBe(1200);
    expect((await verifyAndRepair(db, http, creds)).isDiverged).toBe(false);
  });
});
