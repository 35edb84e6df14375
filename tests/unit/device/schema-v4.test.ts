/**
 * Device schema version 4: a database the previous release wrote (version 3, cases projected on
 * the fixed chain: a status and completions by stage) opens in today's app with every case
 * projected again from its events — on the legacy chain, as its registration without `process`
 * says — and nothing else touched: the events, the outbox with what was never sent, the
 * counters, the credentials. The database is the one `tests/fixtures/release-3/make.ts` wrote
 * with that release's own code.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { createCommands } from '../../../src/db/commands';
import { caseEvents } from '../../../src/db/history';
import { getMeta } from '../../../src/db/meta';
import { projectCase, reprojectIfMarked, toCaseRow } from '../../../src/db/projection';
import { type CaseRow, type EventRow, type HistoryRow, QabyldauDb } from '../../../src/db/schema';
import { canonicalJson } from '../../../src/domain/case/events';
import { processOf } from '../../../src/domain/case/reducer';
import { encodeKey, newProofKey } from '../../../src/domain/identity/proof';
import { nextActions } from '../../../src/domain/process';
import type { Staff } from '../../../src/domain/reference';
import { releaseVillageDevice, writeReleaseDevice } from '../../fixtures/release-3';

describe('device schema version 4', () => {
  it('re-projects every case of a version-3 database from its events, on the legacy chain, and keeps everything else as it was', async () => {
    const fixture = releaseVillageDevice();
    expect(fixture.version).toBe(3);
    const oldCases = fixture.tables.cases as unknown as (CaseRow & { completions: object })[];
    expect(oldCases).toHaveLength(10);
    // The previous release's shape: no process, completions by stage.
    for (const row of oldCases) {
      expect(row).not.toHaveProperty('done');
      expect(Object.keys(row.completions)).toContain('intake');
    }
    // One case as an initial sync delivers it: its events in a history row, not in `events`.
    const historyCase = (oldCases.find((c) => c.status === 'decided') as CaseRow).id;
    const factory = new IDBFactory();
    await writeReleaseDevice(
      { indexedDB: factory, IDBKeyRange },
      'release-3',
      fixture,
      (tables) => {
        const events = tables.events as unknown as EventRow[];
        const moved = events.filter((e) => e.caseId === historyCase);
        tables.events = events.filter((e) => e.caseId !== historyCase) as never;
        const history: HistoryRow = {
          caseId: historyCase,
          events: moved.map(({ status: _s, storedAt: _t, rejection: _r, ...e }) => ({
            ...e,
            serverSeq: e.serverSeq as number,
          })),
          lastSeq: Math.max(...moved.map((e) => e.serverSeq ?? 0)),
          storedAt: moved[0]?.storedAt ?? '',
        };
        tables.histories = [history as never];
      },
    );

    const db = new QabyldauDb('release-3', { indexedDB: factory, IDBKeyRange });
    await db.open();
    // Opened by today's app, which is past version 4 (version 5 added the journal's index).
    expect(db.verno).toBeGreaterThanOrEqual(4);
    // The upgrade leaves its mark; the app folds after its first screen, once.
    expect(await reprojectIfMarked(db)).toBe(true);
    expect(await reprojectIfMarked(db)).toBe(false);

    const cases = await db.cases.toArray();
    expect(cases.map((c) => c.id).sort()).toEqual(oldCases.map((c) => c.id).sort());
    for (const row of cases) {
      // Today's shape, the legacy chain, and exactly the fold of the case's events.
      expect(row, row.id).toMatchObject({ model: 'legacy', returnCount: 0, correctionCount: 0 });
      const state = projectCase(await caseEvents(db, row.id));
      expect(state, row.id).toBeDefined();
      // The revision is the device's own bookkeeping, not part of the fold.
      const { rev: _rev, ...projected } = row;
      expect(canonicalJson(projected)).toBe(
        canonicalJson(toCaseRow(state as NonNullable<typeof state>)),
      );
    }
    // The old chain's statuses are the legacy chain's: every case is where it was.
    const statuses = (rows: { id: string; status: string }[]) =>
      Object.fromEntries(rows.map((r) => [r.id, r.status]));
    expect(statuses(cases)).toEqual(statuses(oldCases));
    expect(new Set(cases.map((c) => c.status))).toEqual(
      new Set([
        'registered',
        'forwarded',
        'received',
        'decided',
        'signed',
        'result_sent',
        'closed',
      ]),
    );
    // Where each file is, and what is done, as the old status said.
    const forwarded = cases.find((c) => c.status === 'forwarded') as CaseRow;
    expect(forwarded.at).toBe('village');
    expect(Object.keys(forwarded.done).sort()).toEqual(['forward', 'register']);
    expect(cases.find((c) => c.status === 'received')?.at).toBe('district');

    // Nothing the office did is touched: events, the unsent outbox, counters, credentials.
    const events = await db.events.toArray();
    const fixtureEvents = (fixture.tables.events as unknown as EventRow[]).filter(
      (e) => e.caseId !== historyCase,
    );
    expect(events.sort((a, b) => a.deviceSeq - b.deviceSeq)).toEqual(
      fixtureEvents.sort((a, b) => a.deviceSeq - b.deviceSeq),
    );
    expect(events.filter((e) => e.status === 'pending').map((e) => e.type)).toEqual([
      'case.registered',
      'batch.sent',
      'result.handed_out',
    ]);
    expect(await db.outbox.toArray()).toEqual(fixture.tables.outbox);
    // (beside the revision the fold gave the case rows, and the seq up to which its events
    // predate proofs, version 7's, the device's own bookkeeping)
    const bookkeeping = new Set(['caseRev', 'legacyThrough']);
    expect((await db.meta.toArray()).filter((m) => !bookkeeping.has(m.key))).toEqual(
      fixture.tables.meta,
    );
    expect(await db.histories.count()).toBe(1);

    // And the app goes on with them: a step of the legacy chain and an action of today's.
    const credentials = await getMeta(db, 'credentials');
    const specialist = (await db.staff.toArray()).find(
      (s) => s.role === 'akimat_specialist',
    ) as Staff;
    expect(credentials).toBeDefined();
    const commands = createCommands(
      db,
      { now: () => new Date('2026-12-08T10:00:00+05:00'), newId: () => uuidv7() },
      () =>
        credentials ? { staff: specialist, credentials, proofKey: encodeKey(newProofKey()) } : null,
    );
    const waiting = cases.find((c) => c.status === 'result_sent') as CaseRow;
    expect(nextActions(processOf(waiting), waiting).map((a) => a.type)).toContain(
      'result.received',
    );
    expect(await commands.receiveResult(waiting.id)).toEqual({ ok: true, value: undefined });
    expect((await db.cases.get(waiting.id))?.status).toBe('result_received');
    const registered = cases.find((c) => c.status === 'registered') as CaseRow;
    expect(
      await commands.correctCase(
        registered.id,
        [{ field: 'surname', from: registered.applicant.surname, to: 'Серікқызы' }],
        'Тегі қате жазылған',
      ),
    ).toEqual({ ok: true, value: undefined });
    expect((await db.cases.get(registered.id))?.applicant.surname).toBe('Серікқызы');
    // A step only today's processes have is not the legacy chain's.
    expect(await commands.orderCommission(registered.id)).toMatchObject({
      ok: false,
      problem: { code: 'step-not-in-process' },
    });
    db.close();
  });

  it('keeps a case row it has no events for, upgraded as it stands', async () => {
    const fixture = releaseVillageDevice();
    const factory = new IDBFactory();
    const orphan = '0190a000-0000-7000-8000-00000000aaaa';
    await writeReleaseDevice({ indexedDB: factory, IDBKeyRange }, 'orphan', fixture, (tables) => {
      const row = (tables.cases as { status: string }[]).find((c) => c.status === 'received');
      tables.cases = [...(tables.cases ?? []), { ...row, id: orphan, regNumber: '01-26-01-0099' }];
    });
    const db = new QabyldauDb('orphan', { indexedDB: factory, IDBKeyRange });
    await reprojectIfMarked(db);
    const row = await db.cases.get(orphan);
    expect(row).toMatchObject({ model: 'legacy', status: 'received', at: 'district' });
    expect(Object.keys(row?.done ?? {}).sort()).toEqual(['forward', 'receive', 'register']);
    expect(await db.cases.count()).toBe(11);
    db.close();
  });

  it('opens a fresh database at the current version with nothing to move', async () => {
    const db = new QabyldauDb('fresh', { indexedDB: new IDBFactory(), IDBKeyRange });
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(await db.cases.count()).toBe(0);
    // A database made at version 4 has nothing to fold again.
    expect(await reprojectIfMarked(db)).toBe(false);
    db.close();
  });
});
