/**
 * The akimat's Results screen on a device database: results arriving by results batch, a batch
 * confirmed in one action but for a result missing from the packet (all or none), and a result
 * sent singly before results batches, still listed and confirmed on its own.
 */
import { describe, expect, it } from 'vitest';
import { appendEvents, proverOf } from '../../../src/db/append';
import { arrivingResults } from '../../../src/db/results';
import { newProofKey } from '../../../src/domain/identity/proof';
import { controlDigit } from '../../../src/domain/iin';
import type { Staff } from '../../../src/domain/reference';
import { toOffsetDateTime } from '../../../src/domain/time';
import { makeDevice, SPECIALIST, TestClock } from './fixtures';

function iin(first11: string): string {
  const digit = controlDigit(first11);
  if (digit === null) throw new Error('pick another serial');
  return `${first11}${digit}`;
}

const EXECUTOR: Staff = { ...SPECIALIST, id: 'd-exec', role: 'district_executor' };
const HEAD: Staff = { ...SPECIALIST, id: 'd-head', role: 'district_head' };

/** Four signed 003-06 cases: three sent back as one results batch, one left signed. */
async function resultsOnTheWay() {
  const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
  const device = await makeDevice(clock);
  const { commands, signIn } = device;
  await device.db.staff.bulkPut([EXECUTOR, HEAD]);
  const ids: string[] = [];
  for (const serial of ['85041241234', '90010130200', '92061540310', '88030340510']) {
    const r = await commands.registerCase({
      serviceId: '003-06',
      channel: 'akim',
      applicant: { iin: iin(serial), surname: 'Сейітқалиева', givenName: 'Гүлназ' },
      personalDataConsent: true,
      presentedDocuments: [],
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    ids.push(r.value.caseId);
  }
  expect((await commands.sendBatch(ids)).ok).toBe(true);
  signIn(EXECUTOR);
  expect((await commands.receiveCases(ids)).ok).toBe(true);
  for (const id of ids) {
    expect((await commands.decideCase(id, { outcome: 'approved' })).ok).toBe(true);
  }
  signIn(HEAD);
  for (const id of ids) expect((await commands.signCase(id)).ok).toBe(true);
  clock.advanceMinutes(60);
  signIn(EXECUTOR);
  const sent = await commands.sendResults(ids.slice(0, 3));
  if (!sent.ok) throw new Error(JSON.stringify(sent));
  clock.advanceMinutes(60 * 24);
  signIn(SPECIALIST);
  return { ...device, clock, ids, batchNumber: sent.value.batchNumber };
}

describe('results arriving at the akimat', () => {
  it('lists a results batch and confirms it but for a result missing from the packet', async () => {
    const { db, commands, ids, batchNumber } = await resultsOnTheWay();
    const [a, b, c, d] = ids as [string, string, string, string];
    const arriving = await arrivingResults(db, '2026-03-19T12:00');
    expect(arriving).toHaveLength(1);
    expect(arriving[0]).toMatchObject({ batchNumber, received: 0 });
    expect(arriving[0]?.sentAt?.startsWith('2026-03-18T11:30')).toBe(true);
    expect(arriving[0]?.waiting.map((w) => w.row.id)).toEqual([a, b, c]);

    // The fourth result was never sent: the whole action is refused, nothing written.
    const before = await db.events.count();
    const early = await commands.receiveResults([a, d]);
    expect(early).toMatchObject({ ok: false, problem: { code: 'transition-not-allowed' } });
    expect(early.ok || early.problem.details?.regNumber).toBe((await db.cases.get(d))?.regNumber);
    expect(await db.events.count()).toBe(before);
    expect(await commands.receiveResults([])).toMatchObject({
      ok: false,
      problem: { code: 'selection-empty' },
    });

    // The batch but c, which is not in the packet: one `result.received` per case.
    expect(await commands.receiveResults([a, b])).toEqual({ ok: true, value: undefined });
    const received = await db.events.where('type').equals('result.received').toArray();
    expect(received.map((e) => e.caseId).sort()).toEqual([a, b].sort());
    const after = await arrivingResults(db, '2026-03-19T12:00');
    expect(after).toMatchObject([{ batchNumber, received: 2 }]);
    expect(after[0]?.waiting.map((w) => w.row.id)).toEqual([c]);

    // Twice is refused and names the case.
    expect(await commands.receiveResults([a])).toMatchObject({ ok: false });
    expect((await commands.receiveResults([c])).ok).toBe(true);
    expect(await arrivingResults(db, '2026-03-19T12:00')).toEqual([]);
    const rows = await db.cases.bulkGet([a, b, c]);
    expect(rows.map((r) => r?.status)).toEqual(Array(3).fill('result_received'));
  });

  it('still lists a result sent singly, without a batch, and confirms it alone', async () => {
    const { db, commands, ids, credentials, clock, batchNumber } = await resultsOnTheWay();
    const d = ids[3] as string;
    // A result sent before results batches: its event carries no batch.
    const now = clock.now();
    await appendEvents(db, now, proverOf(newProofKey()), async () => [
      {
        caseId: d,
        officeId: SPECIALIST.officeId,
        deviceId: credentials.deviceId,
        staffId: EXECUTOR.id,
        deviceTime: toOffsetDateTime(now),
        type: 'result.sent',
        payload: {},
      },
    ]);
    const arriving = await arrivingResults(db, '2026-03-19T12:00');
    expect(arriving.map((g) => g.batchNumber)).toEqual([batchNumber, undefined]);
    expect(arriving[1]?.waiting.map((w) => w.row.id)).toEqual([d]);
    expect((await commands.receiveResults([d])).ok).toBe(true);
    expect((await db.cases.get(d))?.status).toBe('result_received');
  });
});
