/**
 * A district server restored from a backup older than a village's latest work: the village
 * device, running the app's own sync code, notices that the server's log ends before its cursor
 * and that the server holds fewer of its events than it had acknowledged, fetches the log again
 * and sends the lost events again under their own ids. Afterwards the restored server holds
 * every event exactly once and the device has nothing unsent.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, describe, expect, it } from 'vitest';
import { createCommands } from '../../src/db/commands';
import { getMeta } from '../../src/db/meta';
import { QabyldauDb } from '../../src/db/schema';
import { LOW_PIN_COST } from '../../src/domain/identity/pin';
import { controlDigit } from '../../src/domain/iin';
import { enrollDevice } from '../../src/sync/enroll';
import { createHttp } from '../../src/sync/http';
import { pullEvents, pullReference } from '../../src/sync/pull';
import { pushOutbox } from '../../src/sync/push';
import { buildServer } from '../../sync-server/app';
import { writeBackup } from '../../sync-server/backup/backup';
import { restoreBackup } from '../../sync-server/backup/restore';
import { issueEnrollCode } from '../../sync-server/sync/enroll';
import { type Harness, STORES, signInOnApp, startServer } from './helpers';

function iin(serial: number): string {
  for (let s = serial; ; s++) {
    const first11 = `8504124${String(s).padStart(4, '0')}`;
    const digit = controlDigit(first11);
    if (digit !== null) return `${first11}${digit}`;
  }
}

describe.each(STORES)('restore from an older backup on $name', (store) => {
  const closers: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const close of closers.reverse()) await close();
  });

  it('the device sends again what the restored server lost', async () => {
    const h: Harness = await startServer(store);
    closers.push(() => h.close());
    const db = new QabyldauDb(`restore-${uuidv7()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    const code = await issueEnrollCode(h.db, 'akt-04', 'akimat', h.clock.now());
    await enrollDevice(db, createHttp(h.base), code, h.base, h.clock.now());
    const creds = await getMeta(db, 'credentials');
    if (!creds) throw new Error('not enrolled');
    await pullReference(db, createHttp(h.base), creds);
    const staff = (await db.staff.toArray()).find((s) => s.role === 'akimat_specialist');
    if (!staff) throw new Error('no specialist');
    // Signed in before the backup: the restored server knows her key on the device.
    const proofKey = await signInOnApp({ db, credentials: creds, http: createHttp(h.base) }, staff);
    const commands = createCommands(
      db,
      { now: () => new Date(2026, 2, 18, 10, 30), newId: uuidv7 },
      () => ({
        staff,
        credentials: creds,
        proofKey,
      }),
    );
    const register = async (n: number) => {
      const r = await commands.registerCase({
        serviceId: '003-06',
        channel: 'akim',
        applicant: { iin: iin(n * 10), surname: `Өтініш${n}`, givenName: 'Әсел' },
        personalDataConsent: true,
        presentedDocuments: [],
      });
      if (!r.ok) throw new Error(JSON.stringify(r.problem));
      return r.value.caseId;
    };
    const sync = async (server: { base: string }) => {
      const http = createHttp(server.base);
      await pushOutbox(db, http, creds);
      return pullEvents(db, http, creds, () => new Date());
    };

    const first = await register(1);
    await sync(h);
    const backup = join(mkdtempSync(join(tmpdir(), 'qabyldau-restore-')), 'district.qbk');
    await writeBackup(h.db, backup, h.clock.now());

    // Work after the backup: two more applications and a transfer batch, all acknowledged.
    const second = await register(2);
    const third = await register(3);
    expect((await commands.sendBatch([first, second, third])).ok).toBe(true);
    await sync(h);
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'cursor')).toBe(6);

    // The district loses its server and restores last night's backup on a new one.
    const { db: restored, cleanup } = await store.open();
    closers.push(cleanup);
    await restoreBackup(restored, backup);
    const app = await buildServer({ db: restored, clock: h.clock, pinCost: LOW_PIN_COST });
    await app.listen({ host: '127.0.0.1', port: 0 });
    closers.push(async () => {
      await app.close();
    });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    expect((await restored.first<{ n: number }>('SELECT COUNT(*) AS n FROM events'))?.n ?? 0).toBe(
      1,
    );

    const report = await sync({ base });
    expect(report.requeued).toBe(5);
    await sync({ base });
    expect(await db.outbox.count()).toBe(0);

    const rows = await restored.all<{ id: string }>('SELECT id FROM events');
    const device = await db.events.toArray();
    expect(rows.map((r) => r.id).sort()).toEqual(device.map((e) => e.id).sort());
    expect(device.every((e) => e.status === 'synced')).toBe(true);
    const cases = await db.cases.bulkGet([first, second, third]);
    expect(cases.map((c) => c?.status)).toEqual(['forwarded', 'forwarded', 'forwarded']);
    const serverCases = await restored.all<{ status: string }>(
      'SELECT status FROM cases ORDER BY case_id',
    );
    expect(serverCases.map((c) => c.status)).toEqual(['forwarded', 'forwarded', 'forwarded']);
  });
});
