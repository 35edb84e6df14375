/**
 * Every earlier released schema of the device database (1–6), holding a device's work, opens in
 * today's app (7) with every row kept or converted as the upgrades intend: events, the unsent
 * outbox, the initial sync's histories, counters and credentials as they were; the cases of the
 * releases before the process model folded again into today's shape; the staff's PIN hashes
 * deleted and the unsent events' highest seq noted for the push that declares them; the
 * journal's index and the devices' names kept. And the device goes on from there: the next
 * event continues the seq after the unsent ones. The rows of each version come from one shared
 * fixture (earlier-schemas.ts).
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { createCommands } from '../../../src/db/commands';
import type { Credentials } from '../../../src/db/meta';
import { reprojectIfMarked } from '../../../src/db/projection';
import { type CaseRow, QabyldauDb, REPROJECT_MARK } from '../../../src/db/schema';
import { encodeKey, newProofKey } from '../../../src/domain/identity/proof';
import type { Staff } from '../../../src/domain/reference';
import { EARLIER_VERSIONS, rowsAt, type Tables, writeDeviceAt } from './earlier-schemas';

const CURRENT = 7;

const byId = <T>(rows: T[]) =>
  [...rows].sort((a, b) =>
    String((a as { id: string }).id).localeCompare((b as { id: string }).id),
  );
const bySeq = <T>(rows: T[]) =>
  [...rows].sort(
    (a, b) => (a as { deviceSeq: number }).deviceSeq - (b as { deviceSeq: number }).deviceSeq,
  );
const withoutRev = (rows: CaseRow[]) => byId(rows.map(({ rev: _rev, ...row }) => row));
const metaOf = (rows: { key: string; value: unknown }[]) =>
  Object.fromEntries(rows.map((m) => [m.key, m.value]));
const rowsOf = (tables: Tables, name: string) => (tables[name] ?? []) as never[];

describe.each(EARLIER_VERSIONS)('a device database of schema version %i', (n) => {
  it(`opens at version ${CURRENT} with every row kept or converted`, async () => {
    const factory = new IDBFactory();
    const old = await writeDeviceAt(n, factory, `v${n}`);
    const unsent = rowsOf(old, 'outbox') as { deviceSeq: number }[];
    expect(unsent.map((o) => o.deviceSeq)).toEqual([21, 22, 23]);

    const db = new QabyldauDb(`v${n}`, { indexedDB: factory, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT);

    // What the office did, untouched: events, the unsent outbox, the initial sync's histories.
    expect(bySeq(await db.events.toArray())).toEqual(bySeq(rowsOf(old, 'events')));
    expect(await db.outbox.toArray()).toEqual(rowsOf(old, 'outbox'));
    expect(await db.histories.toArray()).toEqual(rowsOf(old, 'histories'));
    expect(await db.histories.count()).toBe(n >= 3 ? 1 : 0);

    // Counters, credentials and sync state as they were; beside them the highest unsent seq
    // (version 7) and, from a release before the process model, the mark to fold (version 4).
    expect(metaOf(await db.meta.toArray())).toEqual({
      ...metaOf(rowsOf(old, 'meta')),
      legacyThrough: 23,
      ...(n < 4 ? { [REPROJECT_MARK]: true } : {}),
    });

    // Reference data as it was; the staff without the PIN hashes every earlier release kept.
    expect(byId(await db.offices.toArray())).toEqual(byId(rowsOf(old, 'offices')));
    expect(await db.districts.toArray()).toEqual(rowsOf(old, 'districts'));
    expect(byId(await db.people.toArray())).toEqual(byId(rowsOf(old, 'people')));
    const staff = rowsOf(old, 'staff') as (Staff & { pin?: unknown })[];
    expect(staff.every((s) => s.pin)).toBe(true);
    expect(byId(await db.staff.toArray())).toEqual(byId(staff.map(({ pin: _pin, ...s }) => s)));
    expect(JSON.stringify(await db.staff.toArray())).not.toContain('PBKDF2');

    // What versions 5 and 6 added, kept; the tables of version 7 empty.
    expect(await db.journalCache.toArray()).toEqual(rowsOf(old, 'journalCache'));
    expect(byId(await db.devices.toArray())).toEqual(byId(rowsOf(old, 'devices')));
    expect(await db.seals.count()).toBe(0);
    expect(await db.signInLocks.count()).toBe(0);

    // The cases: rows as they were until the fold; a release before 4 left them on the fixed
    // chain, and after the fold they are exactly what release 4 and later hold.
    expect(byId(await db.cases.toArray())).toEqual(byId(rowsOf(old, 'cases')));
    expect(await reprojectIfMarked(db)).toBe(n < 4);
    const cases = await db.cases.toArray();
    expect(withoutRev(cases)).toEqual(withoutRev(rowsOf(rowsAt(4), 'cases')));
    if (n < 4) {
      for (const row of cases) expect(row, row.id).toMatchObject({ model: 'legacy' });
      expect(await db.meta.get(REPROJECT_MARK)).toBeUndefined();
    }

    // Version 2 let two cases share a registration number; version 1's unique index is gone.
    const twin = cases[0] as CaseRow;
    await db.cases.put({ ...twin, id: uuidv7() });
    expect(await db.cases.where('regNumber').equals(twin.regNumber).count()).toBe(2);
    await db.cases
      .where('regNumber')
      .equals(twin.regNumber)
      .and((c) => c.id !== twin.id)
      .delete();

    // The device goes on: a step recorded now takes the seq after the unsent events.
    const credentials = (await db.meta.get('credentials'))?.value as Credentials;
    const specialist = (await db.staff.toArray()).find(
      (s) => s.role === 'akimat_specialist',
    ) as Staff;
    const commands = createCommands(
      db,
      { now: () => new Date('2026-12-08T10:00:00+05:00'), newId: () => uuidv7() },
      () => ({ staff: specialist, credentials, proofKey: encodeKey(newProofKey()) }),
    );
    const waiting = cases.find((c) => c.status === 'result_sent') as CaseRow;
    expect(await commands.receiveResult(waiting.id)).toEqual({ ok: true, value: undefined });
    expect((await db.outbox.toArray()).map((o) => o.deviceSeq)).toEqual([21, 22, 23, 24]);
    const made = await db.events.where({ deviceId: credentials.deviceId, deviceSeq: 24 }).first();
    expect(made).toMatchObject({ type: 'result.received', caseId: waiting.id, status: 'pending' });
    expect(made?.proof).toEqual(expect.any(String));
    db.close();
  });
});
