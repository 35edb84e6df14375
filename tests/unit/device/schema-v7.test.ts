/**
 * Device schema version 7 (ADR 0015): the PIN hashes a version-6 device kept of every person of
 * its office are deleted by the upgrade, the new tables of seals and sign-in locks start empty,
 * and the highest seq among the unsent events, made before proofs, is noted as `legacyThrough`
 * for the next push to declare. Nothing else changes: unsent events stay, without proofs, in
 * the outbox.
 */

import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { getMeta } from '../../../src/db/meta';
import { QabyldauDb } from '../../../src/db/schema';
import { controlDigit } from '../../../src/domain/iin';
import { AKIM, makeDevice, SPECIALIST, TestClock } from './fixtures';

/** The stores of src/db/schema.ts up to version 6, as the previous version of the app had them. */
function version6(name: string, factory: IDBFactory): Dexie {
  const db = new Dexie(name, { indexedDB: factory, IDBKeyRange });
  db.version(2).stores({
    events: 'id, caseId, status, serverSeq, [deviceId+deviceSeq], type',
    cases: 'id, regNumber, status, officeId, registeredAt, iin, surnameLower, batchId, updatedAt',
    outbox: 'deviceSeq',
    meta: 'key',
    offices: 'id, kind',
    staff: 'id, officeId',
    districts: 'id',
    people: 'id, officeId',
  });
  db.version(3).stores({ histories: 'caseId, lastSeq' });
  db.version(4).stores({});
  db.version(5).stores({
    cases:
      'id, regNumber, status, officeId, registeredAt, iin, surnameLower, batchId, updatedAt, rev',
    journalCache: 'key',
  });
  db.version(6).stores({ devices: 'id, officeId' });
  return db;
}

const IIN = `85041241234${controlDigit('85041241234')}`;

/** A PBKDF2 hash as the previous server distributed it with every person. */
const pinHash = (salt: string) => ({
  algorithm: 'PBKDF2-SHA256',
  iterations: 100_000,
  salt,
  hash: 'hrm8zLUe6Cb+J3TFl0aaPlkuxutqtT63ByVu1vlHHiQ=',
});

/** Everything in a database as text, to look for what must not be anywhere. */
async function everything(db: Dexie): Promise<string> {
  const parts: string[] = [];
  for (const table of db.tables) parts.push(JSON.stringify(await table.toArray()));
  return parts.join('\n');
}

/** A version-6 device of the akimat holding PIN hashes and `unsent` events in its outbox. */
async function oldDevice(name: string, factory: IDBFactory, unsent: number) {
  const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
  const source = await makeDevice(clock);
  for (let i = 0; i < 3; i++) {
    const r = await source.commands.registerCase({
      serviceId: '003-06',
      channel: 'akim',
      applicant: { iin: IIN, surname: 'Сейітқалиева', givenName: 'Гүлназ' },
      personalDataConsent: true,
      presentedDocuments: [],
      confirmDuplicate: true,
    });
    expect(r.ok, JSON.stringify(r)).toBe(true);
  }
  // The previous release made events without proofs; the first ones were sent already.
  const made = (await source.db.events.toArray()).sort((a, b) => a.deviceSeq - b.deviceSeq);
  const events = made.map(({ proof: _proof, ...event }, i) =>
    i < 3 - unsent ? { ...event, status: 'synced' as const, serverSeq: 10 + i } : event,
  );
  const outbox = (await source.db.outbox.toArray()).filter((e) => e.deviceSeq > 3 - unsent);
  const tables = {
    cases: await source.db.cases.toArray(),
    events,
    outbox,
    meta: await source.db.meta.toArray(),
    offices: await source.db.offices.toArray(),
    staff: [
      { ...SPECIALIST, pin: pinHash('/7UhvA/9nWCTmURWfufvjQ==') },
      { ...AKIM, pin: pinHash('1t6hezXcM1Nbw2mY0iZtrg==') },
    ],
    people: [{ id: AKIM.id, officeId: AKIM.officeId, role: AKIM.role, surname: AKIM.surname }],
  };
  source.db.close();
  const old = version6(name, factory);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkPut(rows);
  });
  expect(await everything(old)).toContain('PBKDF2');
  old.close();
  return tables;
}

describe('device schema version 7', () => {
  it('deletes every PIN hash and notes the highest seq of the unsent events', async () => {
    const factory = new IDBFactory();
    const tables = await oldDevice('v6', factory, 2);
    expect(tables.outbox.map((e) => e.deviceSeq)).toEqual([2, 3]);

    const db = new QabyldauDb('v6', { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(7);
    const stored = await everything(db);
    expect(stored).not.toContain('PBKDF2');
    expect(stored).not.toContain('"pin"');
    expect(stored).not.toContain('hrm8zLUe6Cb');
    expect(await db.staff.toArray()).toEqual(
      [AKIM, SPECIALIST].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    // The highest, not how many: seq 1 was sent before the upgrade.
    expect(await getMeta(db, 'legacyThrough')).toBe(3);
    expect(await getMeta(db, 'legacyDeclared')).toBeUndefined();
    // The unsent work is there as it was, without proofs; nothing is sealed or locked yet.
    const events = (await db.events.toArray()).sort((a, b) => a.deviceSeq - b.deviceSeq);
    expect(events).toEqual(tables.events);
    expect(await db.outbox.toArray()).toEqual(tables.outbox);
    expect(await db.cases.toArray()).toEqual(tables.cases);
    expect((await db.events.toArray()).every((e) => e.proof === undefined)).toBe(true);
    expect(await db.seals.count()).toBe(0);
    expect(await db.signInLocks.count()).toBe(0);
    db.close();
  });

  it('notes 0 when nothing was waiting to be sent', async () => {
    const factory = new IDBFactory();
    const tables = await oldDevice('v6-empty', factory, 0);
    expect(tables.outbox).toEqual([]);
    const db = new QabyldauDb('v6-empty', { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(await getMeta(db, 'legacyThrough')).toBe(0);
    expect(await everything(db)).not.toContain('PBKDF2');
    db.close();
  });

  it('notes nothing on a database made at version 7: every event it makes is proved', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db } = await makeDevice(clock);
    expect(db.verno).toBe(7);
    expect(await getMeta(db, 'legacyThrough')).toBeUndefined();
    db.close();
  });
});
