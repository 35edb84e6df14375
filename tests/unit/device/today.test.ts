/**
 * The village office's day as the device reads it (`todayOf`), on fake-indexeddb with a stepped
 * clock: a case to forward turns due soon, then overdue; a file at the district that nobody
 * confirmed turns overdue there; a file the district returned (arriving by sync) shows with the
 * documents it lacks and its applicant to call; a result signed at the village waits, with its
 * days, and is uncollected after a month; counts and the navigation's number follow. Dates are
 * checked by hand: Monday 6 April 2026, no holiday until 1 May.
 */
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { refreshCases } from '../../../src/db/projection';
import type { EventRow, QabyldauDb } from '../../../src/db/schema';
import { attentionCount, todayOf } from '../../../src/db/today';
import type { EventType, PayloadOf } from '../../../src/domain/case/events';
import { controlDigit } from '../../../src/domain/iin';
import { AKIM, makeDevice, OFFICE, TestClock } from './fixtures';

function iin(first11: string): string {
  const digit = controlDigit(first11);
  if (digit === null) throw new Error('pick another serial');
  return `${first11}${digit}`;
}

const person = (serial: string, surname: string, phone?: string) => ({
  iin: iin(`8504124${serial}`),
  surname,
  givenName: 'Гүлназ',
  ...(phone ? { phone } : {}),
});

/** The device's own events as the server acknowledged them, so later pulled ones fold after. */
async function acknowledge(db: QabyldauDb): Promise<void> {
  const events = await db.events.toArray();
  await db.events.bulkPut(events.map((e) => ({ ...e, status: 'synced', serverSeq: e.deviceSeq })));
  await db.outbox.clear();
}

let districtSeq = 0;
/** An event of the district device arriving with a pull. */
async function fromDistrict<T extends EventType>(
  db: QabyldauDb,
  caseId: string,
  type: T,
  payload: PayloadOf<T>,
  at: string,
): Promise<void> {
  districtSeq += 1;
  const event = {
    id: uuidv7(),
    type,
    caseId,
    officeId: OFFICE.id,
    deviceId: 'district-device',
    deviceSeq: districtSeq,
    staffId: 'akt-district-district_executor',
    deviceTime: `${at}:00+05:00`,
    payload,
    status: 'synced',
    serverSeq: 1000 + districtSeq,
    storedAt: at,
  } as EventRow;
  // As the sync client writes: projections and their revision counter in meta together.
  await db.transaction('rw', [db.events, db.histories, db.cases, db.meta], async () => {
    await db.events.put(event);
    await refreshCases(db, [caseId]);
  });
}

describe('Today on a village device', () => {
  it('says so when the office has no case at all', async () => {
    const { db } = await makeDevice(new TestClock(new Date(2026, 3, 6, 10, 0)));
    const today = await todayOf(db, OFFICE.id, '2026-04-06T10:00');
    expect(today).toMatchObject({
      hasNoCases: true,
      toForward: [],
      overdue: [],
      returned: [],
      toHandOut: [],
      toCall: [],
      needsAttention: 0,
    });
  });

  it('a case to forward turns due soon, then overdue; counts follow', async () => {
    const clock = new TestClock(new Date(2026, 3, 6, 10, 0));
    const { db, commands } = await makeDevice(clock);
    const a = await commands.registerCase({
      serviceId: '003-06',
      channel: 'akim',
      applicant: person('1001', 'Әлиева', '+7 701 111 22 33'),
      personalDataConsent: true,
      presentedDocuments: [],
    });
    if (!a.ok) throw new Error(JSON.stringify(a.problem));

    // Forward within 13 working days of Monday 6 April: 7–10, 13–17, 20–23 April → 23 April.
    const early = await todayOf(db, OFFICE.id, '2026-04-06T10:05');
    expect(early.hasNoCases).toBe(false);
    expect(early.toForward).toHaveLength(1);
    expect(early.toForward[0]).toMatchObject({
      row: { regNumber: a.value.regNumber },
      due: '2026-04-23',
      deadline: { colour: 'on_time' },
    });
    expect(early.needsAttention).toBe(0);
    expect(early.overdue).toEqual([]);

    const dayBefore = await todayOf(db, OFFICE.id, '2026-04-22T09:00');
    expect(dayBefore.toForward[0]?.deadline.colour).toBe('due_soon');
    expect(dayBefore.needsAttention).toBe(1);

    const late = await todayOf(db, OFFICE.id, '2026-04-27T09:00');
    expect(late.toForward[0]?.deadline.colour).toBe('overdue');
    expect(late.overdue).toHaveLength(1);
    expect(late.overdue[0]).toMatchObject({
      where: 'village',
      daysLate: 4,
      step: { stepId: 'register_forward', dueDate: '2026-04-23' },
    });
    expect(await attentionCount(db, OFFICE.id, '2026-04-27T09:00')).toBe(1);

    // Once forwarded it leaves the list; the district's review is on time.
    clock.current = new Date(2026, 3, 27, 9, 30);
    expect((await commands.sendBatch([a.value.caseId])).ok).toBe(true);
    const sent = await todayOf(db, OFFICE.id, '2026-04-27T09:31');
    expect(sent.toForward).toEqual([]);
    expect(sent.overdue).toEqual([]);
    // Nobody at the district confirms the file: its review (5 working days: 28, 29, 30 April,
    // 4, 5 May — 1 May is a holiday) is overdue on 6 May, and the file is still on its way.
    const unconfirmed = await todayOf(db, OFFICE.id, '2026-05-06T09:00');
    expect(unconfirmed.overdue[0]).toMatchObject({
      where: 'toDistrict',
      step: { stepId: 'review', dueDate: '2026-05-05' },
    });
  });

  it('a file the district returned, with the documents it lacks and a phone to call', async () => {
    const clock = new TestClock(new Date(2026, 3, 6, 10, 0));
    const { db, commands, signIn } = await makeDevice(clock);
    const b = await commands.registerCase({
      serviceId: '004-01',
      channel: 'akim',
      applicant: person('2002', 'Бекова', '8 777 000 11 22'),
      personalDataConsent: true,
      presentedDocuments: [
        'application',
        'birth_certificates',
        'identity_document',
        'residence_registration',
        'family_composition',
        'family_income',
        'adoption_guardianship_decision',
      ],
    });
    if (!b.ok) throw new Error(JSON.stringify(b.problem));
    signIn(AKIM);
    expect((await commands.orderCommission(b.value.caseId)).ok).toBe(true);
    const inspected = await commands.recordInspection(b.value.caseId, {
      actDate: '2026-04-06',
      members: ['Оспанов Қ. Б.'],
      findings: 'Тексерілді.',
      conclusion: 'needy',
      conclusionText: 'Мұқтаж.',
    });
    expect(inspected.ok).toBe(true);
    expect((await commands.sendBatch([b.value.caseId])).ok).toBe(true);
    await acknowledge(db);

    await fromDistrict(
      db,
      b.value.caseId,
      'case.returned',
      { documents: [{ id: 'family_income', problem: 'missing' }], reason: 'Анықтама жоқ.' },
      '2026-04-08T11:00',
    );
    const today = await todayOf(db, OFFICE.id, '2026-04-08T12:00');
    expect(today.returned).toHaveLength(1);
    expect(today.returned[0]?.returned).toMatchObject({
      at: '2026-04-08T11:00',
      documents: [{ id: 'family_income', problem: 'missing' }],
      reason: 'Анықтама жоқ.',
    });
    // Returned files are not offered for forwarding until completed; the citizen is called.
    expect(today.toForward).toEqual([]);
    expect(today.toCall).toEqual([
      expect.objectContaining({ why: 'documents_missing', phone: '8 777 000 11 22' }),
    ]);
    expect(today.needsAttention).toBe(1);
  });

  it('a result waits with its days and is uncollected after a month; other offices stay out', async () => {
    const clock = new TestClock(new Date(2026, 3, 6, 10, 0));
    const { db, commands, signIn } = await makeDevice(clock);
    const c = await commands.registerCase({
      serviceId: '003-16',
      channel: 'akim',
      applicant: person('3003', 'Сейітова'),
      personalDataConsent: true,
      presentedDocuments: [],
    });
    if (!c.ok) throw new Error(JSON.stringify(c.problem));
    clock.advanceMinutes(5);
    signIn(AKIM);
    expect((await commands.signCase(c.value.caseId, { outcome: 'approved' })).ok).toBe(true);

    const sameDay = await todayOf(db, OFFICE.id, '2026-04-06T16:00');
    expect(sameDay.toHandOut).toHaveLength(1);
    expect(sameDay.toHandOut[0]?.waiting).toMatchObject({
      since: '2026-04-06',
      daysWaiting: 0,
      isUncollected: false,
    });
    // No phone was written at intake: the citizen is still listed, to be found another way.
    expect(sameDay.toCall).toEqual([expect.objectContaining({ why: 'result_ready' })]);
    expect(sameDay.toCall[0]?.phone).toBeUndefined();
    // The hand-out's minute has passed; the colour says so, the rows are the same.
    expect(sameDay.toHandOut[0]?.deadline.colour).toBe('overdue');

    const weekLater = await todayOf(db, OFFICE.id, '2026-04-13T09:00');
    expect(weekLater.toHandOut[0]?.waiting.daysWaiting).toBe(7);
    const monthLater = await todayOf(db, OFFICE.id, '2026-05-06T09:00');
    expect(monthLater.toHandOut[0]?.waiting).toMatchObject({
      daysWaiting: 30,
      uncollectedFrom: '2026-05-06',
      isUncollected: true,
    });

    // Handed out: nothing is left on the screen, though the office has cases.
    expect((await commands.handOutResult(c.value.caseId)).ok).toBe(true);
    const done = await todayOf(db, OFFICE.id, '2026-05-06T09:10');
    expect(done).toMatchObject({ hasNoCases: false, toHandOut: [], toCall: [], overdue: [] });
    expect(await todayOf(db, 'akt-02', '2026-05-06T09:10')).toMatchObject({ hasNoCases: true });
  });

  it('counts with the office’s own hours: after its closing time, from the next working day', async () => {
    // Monday 6 April 2026, 16:30: within the default hours, after an office closing at 16:00.
    const clock = new TestClock(new Date(2026, 3, 6, 16, 30));
    const { db, commands } = await makeDevice(clock);
    await db.offices.put({ ...OFFICE, hours: { open: '09:00', close: '16:00', lunch: null } });
    const late = await commands.registerCase({
      serviceId: '003-06',
      channel: 'akim',
      applicant: person('4004', 'Жұмабаева'),
      personalDataConsent: true,
      presentedDocuments: [],
    });
    if (!late.ok) throw new Error(JSON.stringify(late.problem));
    // The talon: 22 working days from Tuesday 7 April, not from Monday — 12 May, not 8 May
    // (Saturday 9 May's day off is Monday 11 May).
    expect((await db.cases.get(late.value.caseId))?.resultDue).toBe('2026-05-12');
    const today = await todayOf(db, OFFICE.id, '2026-04-06T16:31');
    expect(today.toForward[0]?.due).toBe('2026-04-24');
  });
});
