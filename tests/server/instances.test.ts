/**
 * Several server instances on one database (PostgreSQL behind a load balancer; on SQLite, two
 * processes on one file): pushes racing through different instances must still give a
 * gap-free serverSeq in commit order, so a pulling device never skips an event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../sync-server/app';
import type { Db } from '../../sync-server/db/types';
import {
  Device,
  enrollDevice,
  type Harness,
  newCaseId,
  registration,
  STORES,
  staffOf,
  startServer,
} from './helpers';

describe.each(STORES)('two instances on $name', (store) => {
  let h: Harness;
  let otherDb: Db;
  let other: Harness;
  beforeAll(async () => {
    h = await startServer(store);
    otherDb = h.connect();
    const app = await buildServer({ db: otherDb, clock: h.clock });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    other = { ...h, db: otherDb, app, base: `http://127.0.0.1:${port}` };
  });
  afterAll(async () => {
    await other.app.close();
    await otherDb.close();
    await h.close();
  });

  it('keeps serverSeq gap-free and complete under concurrent pushes', async () => {
    const offices = ['akt-10', 'akt-11', 'akt-12', 'akt-13'];
    const devices = await Promise.all(offices.map((office) => enrollDevice(h, office, 'akimat')));
    // Half the devices talk to the second instance.
    const routed = devices.map((d, i) => (i % 2 ? new Device(other, d.enrollment) : d));
    const pushes = routed.flatMap((device, i) =>
      [0, 1, 2].map(() =>
        device.push(
          Array.from({ length: 5 }, () =>
            device.event(
              'case.registered',
              newCaseId(),
              staffOf(offices[i] ?? '', 'akim'),
              registration(),
            ),
          ),
        ),
      ),
    );
    // Each device's three requests go out at once, so some arrive out of order and get
    // sequence-gap; what matters is that everything accepted is gap-free and pulled.
    const replies = await Promise.all(pushes);
    expect(replies.every((r) => r.status === 200)).toBe(true);

    const district = await enrollDevice(h, 'akt-district', 'district');
    const seen = await district.pullAll(7);
    const accepted = replies.flatMap((r) => r.body.results.filter((x) => x.status === 'accepted'));
    expect(seen).toHaveLength(accepted.length);
    // Writers take turns, so the events one push accepts have consecutive serverSeqs: its
    // answer is a single run, and the run names the serverSeqs the events are stored under.
    for (const reply of replies) expect(reply.body.accepted.length).toBeLessThanOrEqual(1);
    const storedSeq = new Map(seen.map((e) => [e.id, e.serverSeq]));
    for (const result of accepted) {
      expect(result.status === 'accepted' && result.serverSeq).toBe(storedSeq.get(result.id));
    }
    const seqs = seen.map((e) => e.serverSeq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    // Per device, accepted events are its deviceSeq 1..n with no hole.
    for (const device of devices) {
      const own = seen.filter((e) => e.deviceId === device.id).map((e) => e.deviceSeq);
      expect(own).toEqual(Array.from({ length: own.length }, (_, i) => i + 1));
    }
  });
});
