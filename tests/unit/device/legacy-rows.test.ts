/**
 * A case the device projected before the process model (a status of the fixed chain, its
 * completions by stage, no steps done) until an event of the case arrives: the work lists find
 * it where it waits, and its next step can be recorded.
 */
import { describe, expect, it } from 'vitest';
import type { CaseRow, EventRow } from '../../../src/db/schema';
import { casesAwaiting, currentRow, isAwaiting } from '../../../src/db/worklists';
import { makeDevice, TestClock } from './fixtures';

/** A 003-06 case whose result reached the village under the previous release. */
const OLD_ROW = {
  id: '01a04160-abfe-7010-80f0-b29b5a26ba84',
  officeId: 'akt-01',
  regNumber: '01-26-03-0007',
  serviceId: '003-06',
  catalogVersion: '2026.1',
  channel: 'akim',
  applicant: { iin: '850412412340', surname: 'Сейітқалиева', givenName: 'Гүлназ' },
  documents: [],
  registeredAt: '2026-03-02T10:00',
  resultDue: '2026-03-31',
  acceptedBy: { staffId: 'akt-01-specialist', shortName: 'Әбенова Г. С.' },
  status: 'result_received',
  completions: { forward: '2026-03-04T11:00', review: '2026-03-10T15:00' },
  batchId: '01a04160-abfe-71e5-815f-f4ef105ccfc2',
  batchNumber: 'T01-26-03-001',
  outcome: 'approved',
  updatedAt: '2026-03-13T09:00',
  eventCount: 7,
  iin: '850412412340',
  surnameLower: 'сейітқалиева',
} as unknown as CaseRow;

/** Its events as the previous release stored them: the fixed chain up to the result's arrival. */
function oldEvents(): EventRow[] {
  const chain: [EventRow['type'], string, object][] = [
    [
      'case.registered',
      '2026-03-02T10:00:00+05:00',
      {
        regNumber: OLD_ROW.regNumber,
        serviceId: '003-06',
        catalogVersion: '2026.1',
        channel: 'akim',
        applicant: OLD_ROW.applicant,
        documents: [],
        registeredAt: '2026-03-02T10:00',
        resultDue: '2026-03-31',
        acceptedBy: OLD_ROW.acceptedBy,
      },
    ],
    [
      'batch.sent',
      '2026-03-04T11:00:00+05:00',
      { batchId: OLD_ROW.batchId, batchNumber: OLD_ROW.batchNumber, caseCount: 1 },
    ],
    ['case.received', '2026-03-05T09:00:00+05:00', {}],
    ['case.decided', '2026-03-10T15:00:00+05:00', { outcome: 'approved' }],
    ['case.signed', '2026-03-11T10:00:00+05:00', {}],
    ['result.sent', '2026-03-12T10:00:00+05:00', {}],
    ['result.received', '2026-03-13T09:00:00+05:00', {}],
  ];
  return chain.map(
    ([type, deviceTime, payload], i) =>
      ({
        id: `01a04160-abfe-7${String(i).padStart(3, '0')}-80f0-b29b5a26ba84`,
        type,
        caseId: OLD_ROW.id,
        officeId: 'akt-01',
        deviceId: 'old-device',
        deviceSeq: i + 1,
        staffId: 'akt-01-specialist',
        deviceTime,
        payload,
        status: 'synced',
        serverSeq: i + 1,
        storedAt: deviceTime.slice(0, 16),
      }) as EventRow,
  );
}

describe('a case row projected before the process model', () => {
  it('waits where it stood on the legacy chain', async () => {
    const row = currentRow(OLD_ROW);
    expect(row.model).toBe('legacy');
    expect(row.done).toBeDefined();
    expect(isAwaiting(OLD_ROW, 'result.handed_out')).toBe(true);
    expect(isAwaiting(OLD_ROW, 'batch.sent')).toBe(false);
  });

  it('is listed to hand out and handed out', async () => {
    const clock = new TestClock(new Date(2026, 2, 16, 10, 0));
    const { db, commands } = await makeDevice(clock);
    await db.events.bulkAdd(oldEvents());
    await db.cases.put(OLD_ROW);
    const waiting = await casesAwaiting(db, ['result_received'], 'result.handed_out');
    expect(waiting.map((c) => c.regNumber)).toEqual(['01-26-03-0007']);

    const result = await commands.handOutResult(OLD_ROW.id, { to: 'applicant' });
    expect(result, JSON.stringify(result)).toEqual({ ok: true, value: undefined });
    expect(await db.cases.get(OLD_ROW.id)).toMatchObject({ status: 'closed', model: 'legacy' });
  });
});
