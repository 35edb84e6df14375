/**
 * The district desk's commands and reads on a device database: a batch confirmed but for an
 * exception (all or none), several cases assigned to one executor, results sent back to an
 * akimat as one numbered results batch, and what the desk's reads make of them.
 */
import { describe, expect, it } from 'vitest';
import { deskCases, incomingByOffice, resultsOnTheWay, resultsToSend } from '../../../src/db/desk';
import { resultRegisterOf } from '../../../src/db/papers';
import { draftAndVisa } from '../../../src/db/queries';
import type { EventRow } from '../../../src/db/schema';
import { controlDigit } from '../../../src/domain/iin';
import type { Staff } from '../../../src/domain/reference';
import { makeDevice, SPECIALIST, TestClock } from './fixtures';

function iin(first11: string): string {
  const digit = controlDigit(first11);
  if (digit === null) throw new Error('pick another serial');
  return `${first11}${digit}`;
}

const person = (id: string, role: Staff['role'], surname: string): Staff => ({
  ...SPECIALIST,
  id,
  role,
  surname,
  givenName: 'Айгүл',
});
const EXECUTOR = person('d-exec', 'district_executor', 'Жамбылова');
const HEAD = person('d-head', 'district_head', 'Қожахметов');

async function deskWithBatch() {
  const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
  const device = await makeDevice(clock);
  await device.db.staff.bulkPut([EXECUTOR, HEAD]);
  const ids: string[] = [];
  for (const serial of ['85041241234', '90010130200', '92061540310']) {
    const r = await device.commands.registerCase({
      serviceId: '003-06',
      channel: 'akim',
      applicant: { iin: iin(serial), surname: 'Сейітқалиева', givenName: 'Гүлназ' },
      personalDataConsent: true,
      presentedDocuments: [],
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    ids.push(r.value.caseId);
  }
  const batch = await device.commands.sendBatch(ids);
  if (!batch.ok) throw new Error(JSON.stringify(batch));
  clock.advanceMinutes(60);
  return { ...device, clock, ids, batchNumber: batch.value.batchNumber };
}

describe('the district desk', () => {
  it('confirms a batch but for its exception, all or none', async () => {
    const { db, commands, signIn, ids } = await deskWithBatch();
    signIn(EXECUTOR);
    const [a, b, c] = ids as [string, string, string];
    const before = await db.events.count();
    // One of them was confirmed already: the whole action is refused and nothing is written.
    expect((await commands.receiveCases([a])).ok).toBe(true);
    const twice = await commands.receiveCases([a, b]);
    expect(twice).toMatchObject({ ok: false, problem: { code: 'transition-not-allowed' } });
    expect(await db.events.count()).toBe(before + 1);
    expect(await commands.receiveCases([])).toMatchObject({
      ok: false,
      problem: { code: 'selection-empty' },
    });

    expect((await commands.receiveCases([b])).ok).toBe(true);
    const incoming = await incomingByOffice(db, '2026-03-18T12:00');
    expect(incoming).toHaveLength(1);
    const [batch] = incoming[0]?.batches ?? [];
    expect(batch).toMatchObject({ confirmed: 2, returned: 0 });
    expect(batch?.outstanding.map((d) => d.row.id)).toEqual([c]);
    const received = await db.events.where('type').equals('case.received').toArray();
    expect(received.every((e) => e.type === 'case.received' && e.payload.batchId)).toBe(true);
  });

  it('assigns several cases to one executor of the department', async () => {
    const { db, commands, signIn, ids } = await deskWithBatch();
    signIn(EXECUTOR);
    expect((await commands.receiveCases(ids)).ok).toBe(true);
    expect(await commands.assignCases(ids, 'd-exec')).toMatchObject({
      ok: false,
      problem: { code: 'role-not-allowed' },
    });
    signIn(HEAD);
    expect(await commands.assignCases(ids, SPECIALIST.id)).toMatchObject({
      ok: false,
      problem: { code: 'executor-unknown' },
    });
    expect((await commands.assignCases(ids.slice(0, 2), 'd-exec')).ok).toBe(true);
    const rows = await db.cases.bulkGet(ids);
    expect(rows.map((r) => r?.executorId)).toEqual(['d-exec', 'd-exec', undefined]);
    const desk = await deskCases(db, '2026-03-18T12:00');
    expect(desk.map((d) => d.stage)).toEqual(['draft', 'draft', 'draft']);
  });

  it('sends the signed results of an akimat back as one numbered results batch', async () => {
    const { db, commands, signIn, ids, clock } = await deskWithBatch();
    signIn(EXECUTOR);
    expect((await commands.receiveCases(ids)).ok).toBe(true);
    for (const id of ids)
      expect((await commands.decideCase(id, { outcome: 'approved' })).ok).toBe(true);
    signIn(HEAD);
    for (const id of ids.slice(0, 2)) expect((await commands.signCase(id)).ok).toBe(true);
    clock.advanceMinutes(30);

    const ready = await resultsToSend(db, '2026-03-18T12:00');
    expect(ready.map((g) => g.cases.length)).toEqual([2]);
    // The unsigned one cannot go: nothing of the batch is written.
    const early = await commands.sendResults(ids);
    expect(early).toMatchObject({ ok: false, problem: { code: 'transition-not-allowed' } });
    expect(await db.events.where('type').equals('result.sent').count()).toBe(0);

    const sent = await commands.sendResults(ids.slice(0, 2));
    expect(sent).toMatchObject({ ok: true, value: { batchNumber: 'N01-26-03-001' } });
    const events = await db.events.where('type').equals('result.sent').toArray();
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({ batchNumber: 'N01-26-03-001', caseCount: 2 }),
      expect.objectContaining({ batchNumber: 'N01-26-03-001', caseCount: 2 }),
    ]);
    const onTheWay = await resultsOnTheWay(db);
    expect(onTheWay).toMatchObject([{ batchNumber: 'N01-26-03-001' }]);
    expect(onTheWay[0]?.cases).toHaveLength(2);
    const register = await resultRegisterOf(db, 'N01-26-03-001');
    expect(register?.cases.map((c) => c.caseRow.outcome)).toEqual(['approved', 'approved']);
    expect(register?.cases.every((c) => c.signedAt?.startsWith('2026-03-18'))).toBe(true);
    expect(register?.sentBy).toBeUndefined();

    // A result sent alone is a batch of one, numbered next.
    signIn(HEAD);
    expect((await commands.signCase(ids[2] as string)).ok).toBe(true);
    expect(await commands.sendResult(ids[2] as string)).toMatchObject({
      ok: true,
      value: { batchNumber: 'N01-26-03-002' },
    });
  });
});

describe('the draft and its visa', () => {
  const at = '2026-03-18T10:30:00+05:00';
  const row = (type: string, staffId: string, status = 'synced') =>
    ({ type, staffId, deviceTime: at, status, payload: {} }) as unknown as EventRow;

  it('shows a visa given within the same second as the draft, by the case’s order', () => {
    const drafted = row('case.decided', 'd-exec');
    const visa = row('case.endorsed', 'd-sector');
    expect(draftAndVisa([row('case.assigned', 'd-head'), drafted, visa])).toEqual({
      drafted,
      visa,
    });
  });

  it('shows no visa given before a later draft, nor a rejected one', () => {
    const redrafted = row('case.decided', 'd-exec');
    expect(
      draftAndVisa([row('case.decided', 'd-exec'), row('case.endorsed', 'd-sector'), redrafted]),
    ).toEqual({ drafted: redrafted });
    const drafted = row('case.decided', 'd-exec');
    expect(draftAndVisa([drafted, row('case.endorsed', 'd-sector', 'rejected')])).toEqual({
      drafted,
    });
    expect(draftAndVisa([row('case.endorsed', 'd-sector')])).toEqual({});
  });
});
