/**
 * Device schema version 5: the case rows get a revision index (`rev`) and the journal its saved
 * index (`journalCache`). A version-4 database opens with every row as it was — nothing is
 * rewritten, so the upgrade costs nothing on a device with years of cases — and from then on
 * every write of projections, including the fold of schema version 4, gives the rows it writes
 * a revision above every earlier one.
 */

import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { createCommands } from '../../../src/db/commands';
import { getMeta } from '../../../src/db/meta';
import { reprojectIfMarked } from '../../../src/db/projection';
import { type CaseRow, QabyldauDb } from '../../../src/db/schema';
import { encodeKey, newProofKey } from '../../../src/domain/identity/proof';
import { controlDigit } from '../../../src/domain/iin';
import type { Staff } from '../../../src/domain/reference';
import { releaseVillageDevice, writeReleaseDevice } from '../../fixtures/release-3';
import { makeDevice, SPECIALIST, TestClock } from './fixtures';

/** The stores of src/db/schema.ts up to version 4, as the previous version of the app had them. */
function version4(name: string, factory: IDBFactory): Dexie {
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
  return db;
}

const IIN = `85041241234${controlDigit('85041241234')}`;

describe('device schema version 5', () => {
  it('opens a version-4 database with every row as it was and revisions from the next write on', async () => {
    // Rows as the previous version wrote them: today's projection, without a revision.
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const source = await makeDevice(clock);
    for (const surname of ['Сейітқалиева', 'Омарова']) {
      const r = await source.commands.registerCase({
        serviceId: '003-06',
        channel: 'akim',
        applicant: { iin: IIN, surname, givenName: 'Гүлназ' },
        personalDataConsent: true,
        presentedDocuments: [],
        confirmDuplicate: true,
      });
      expect(r.ok, JSON.stringify(r)).toBe(true);
    }
    const oldRows = (await source.db.cases.toArray()).map(({ rev: _rev, ...row }) => row);
    const tables = {
      cases: oldRows,
      events: await source.db.events.toArray(),
      outbox: await source.db.outbox.toArray(),
      meta: (await source.db.meta.toArray()).filter((m) => m.key !== 'caseRev'),
      offices: await source.db.offices.toArray(),
      staff: await source.db.staff.toArray(),
    };
    const factory = new IDBFactory();
    const old = version4('v4', factory);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkPut(rows);
    });
    old.close();

    const db = new QabyldauDb('v4', { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(5);
    // Nothing rewritten: the rows are the old ones, none of them in the revision index yet.
    const byId = (rows: { id: string }[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(await db.cases.toArray())).toEqual(byId(oldRows));
    expect(await db.cases.where('rev').above(0).count()).toBe(0);
    expect(await db.journalCache.count()).toBe(0);
    expect(await db.events.count()).toBe(2);

    // The next write gives the row it writes the first revision.
    const credentials = await getMeta(db, 'credentials');
    expect(credentials).toBeDefined();
    const commands = createCommands(db, { now: clock.now, newId: () => crypto.randomUUID() }, () =>
      credentials
        ? { staff: SPECIALIST as Staff, credentials, proofKey: encodeKey(newProofKey()) }
        : null,
    );
    const first = oldRows[0] as CaseRow;
    const cancelled = await commands.cancelCase(first.id, 'withdrawn', 'өзі');
    expect(cancelled.ok, JSON.stringify(cancelled)).toBe(true);
    expect(await getMeta(db, 'caseRev')).toBe(1);
    expect(await db.cases.where('rev').above(0).primaryKeys()).toEqual([first.id]);
    db.close();
  });

  it('gives every row the fold of version 4 writes one revision', async () => {
    const factory = new IDBFactory();
    await writeReleaseDevice(
      { indexedDB: factory, IDBKeyRange },
      'release-3',
      releaseVillageDevice(),
    );
    const db = new QabyldauDb('release-3', { indexedDB: factory, IDBKeyRange });
    expect(await reprojectIfMarked(db)).toBe(true);
    const rev = await getMeta(db, 'caseRev');
    expect(rev).toBe(1);
    const rows = await db.cases.toArray();
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.rev))).toEqual(new Set([1]));
    db.close();
  });

  it('raises the revision with every write of projections, never reusing one', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    const revs: number[] = [];
    for (const surname of ['Әлиева', 'Бекова', 'Ыбырайқызы']) {
      const r = await commands.registerCase({
        serviceId: '003-06',
        channel: 'akim',
        applicant: { iin: IIN, surname, givenName: 'Гүлназ' },
        personalDataConsent: true,
        presentedDocuments: [],
        confirmDuplicate: true,
      });
      if (!r.ok) throw new Error(JSON.stringify(r));
      revs.push((await db.cases.get(r.value.caseId))?.rev ?? 0);
    }
    expect(revs).toEqual([1, 2, 3]);
    db.close();
  });
});
