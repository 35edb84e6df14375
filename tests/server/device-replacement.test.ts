/**
 * A replacement device: a new laptop enrolled in an office that already has work pulls the
 * office's whole history, and its registration numbers never collide with the old device's,
 * with the app's own commands and sync code against the real server.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommands } from '../../src/db/commands';
import { getMeta } from '../../src/db/meta';
import { QabyldauDb } from '../../src/db/schema';
import { controlDigit } from '../../src/domain/iin';
import { enrollDevice } from '../../src/sync/enroll';
import { createHttp } from '../../src/sync/http';
import { pullEvents, pullReference } from '../../src/sync/pull';
import { pushOutbox } from '../../src/sync/push';
import { issueEnrollCode } from '../../sync-server/sync/enroll';
import { type Harness, STORES, signInOnApp, startServer } from './helpers';

function iin(serial: number): string {
  for (let s = serial; ; s++) {
    const first11 = `9001013${String(s).padStart(4, '0')}`;
    const digit = controlDigit(first11);
    if (digit !== null) return `${first11}${digit}`;
  }
}

async function laptop(h: Harness, officeId: string) {
  const db = new QabyldauDb(`laptop-${uuidv7()}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const http = createHttp(h.base);
  await enrollDevice(
    db,
    http,
    await issueEnrollCode(h.db, officeId, 'akimat', h.clock.now()),
    h.base,
    h.clock.now(),
  );
  const creds = await getMeta(db, 'credentials');
  if (!creds) throw new Error('not enrolled');
  await pullReference(db, http, creds);
  const staff = (await db.staff.toArray()).find((s) => s.role === 'akimat_specialist');
  if (!staff) throw new Error('no specialist');
  const proofKey = await signInOnApp({ db, credentials: creds, http }, staff);
  const commands = createCommands(
    db,
    { now: () => new Date(2026, 2, 18, 10, 30), newId: uuidv7 },
    () => ({
      staff,
      credentials: creds,
      proofKey,
    }),
  );
  return {
    db,
    creds,
    register: async (n: number) => {
      const r = await commands.registerCase({
        serviceId: '003-06',
        channel: 'akim',
        applicant: { iin: iin(n * 10), surname: `Өтініш${n}`, givenName: 'Әсел' },
        personalDataConsent: true,
        presentedDocuments: [],
      });
      if (!r.ok) throw new Error(JSON.stringify(r.problem));
      return r.value.regNumber;
    },
    sync: async () => {
      await pushOutbox(db, http, creds);
      await pullEvents(db, http, creds, () => new Date());
    },
  };
}

describe.each(STORES)('device replacement on $name', (store) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer(store);
  });
  afterAll(async () => h?.close());

  it('pulls the office history and numbers without collisions', async () => {
    const old = await laptop(h, 'akt-06');
    const before = [await old.register(1), await old.register(2), await old.register(3)];
    await old.sync();

    const replacement = await laptop(h, 'akt-06');
    expect(replacement.creds.deviceNo).toBe(old.creds.deviceNo + 1);
    await replacement.sync();
    const history = await replacement.db.cases.toArray();
    expect(history.map((c) => c.regNumber).sort()).toEqual([...before].sort());
    expect(await replacement.db.events.count()).toBe(3);

    const after = [await replacement.register(4), await replacement.register(5)];
    await replacement.sync();
    await old.sync();
    const all = [...before, ...after];
    expect(new Set(all).size).toBe(5);
    expect(
      after.every((n) => n.split('-')[2] === String(replacement.creds.deviceNo).padStart(2, '0')),
    ).toBe(true);
    const rows = await h.db.all<{ n: number }>(
      "SELECT COUNT(*) AS n FROM events WHERE type = 'case.registered'",
    );
    expect(Number(rows[0]?.n)).toBe(5);
    expect(await old.db.cases.count()).toBe(5);
  });
});
