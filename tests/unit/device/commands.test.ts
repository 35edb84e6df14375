import { describe, expect, it } from 'vitest';
import { getMeta, setMeta } from '../../../src/db/meta';
import { loadCatalog } from '../../../src/db/reference';
import { controlDigit } from '../../../src/domain/iin';
import { AKIM, makeDevice, SPECIALIST, TestClock } from './fixtures';

function iin(first11: string): string {
  const digit = controlDigit(first11);
  if (digit === null) throw new Error('pick another serial');
  return `${first11}${digit}`;
}

const APPLICANT = { iin: iin('85041241234'), surname: 'Сейітқалиева', givenName: 'Гүлназ' };

describe('registerCase', () => {
  it('writes the event, its outbox entry and the case projection together', async () => {
    // Wednesday 18 March 2026, 10:30 local time.
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    const result = await commands.registerCase({
      serviceId: '003-06',
      channel: 'akim',
      applicant: APPLICANT,
      personalDataConsent: true,
      presentedDocuments: [],
    });
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok) return;
    expect(result.value.regNumber).toBe('01-26-03-0001');

    const events = await db.events.toArray();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'case.registered', deviceSeq: 1, status: 'pending' });
    expect(await db.outbox.toArray()).toEqual([
      { deviceSeq: 1, eventId: events[0]?.id, caseId: result.value.caseId },
    ]);
    const row = await db.cases.get(result.value.caseId);
    expect(row).toMatchObject({
      status: 'registered',
      regNumber: '01-26-03-0001',
      registeredAt: '2026-03-18T10:30',
      acceptedBy: { shortName: 'Әбенова Г. С.' },
    });
    // 13 + 5 + 1 + 2 + 1 working days from 18 March 2026, across Nauryz (21–23 March, and the
    // 24th in lieu of the Saturday): the deadline engine's own hand-checked date.
    expect(row?.resultDue).toMatch(/^2026-04-\d{2}$/);
    expect(await getMeta(db, 'lastDeviceSeq')).toBe(1);
  });

  it('numbers cases and device sequence without gaps', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    for (let i = 0; i < 3; i++) {
      const r = await commands.registerCase({
        serviceId: '003-06',
        channel: 'akim',
        applicant: APPLICANT,
        personalDataConsent: true,
        presentedDocuments: [],
        confirmDuplicate: true,
      });
      expect(r.ok).toBe(true);
      clock.advanceMinutes(5);
    }
    const rows = await db.cases.orderBy('registeredAt').toArray();
    expect(rows.map((r) => r.regNumber)).toEqual([
      '01-26-03-0001',
      '01-26-03-0002',
      '01-26-03-0003',
    ]);
    expect((await db.outbox.toArray()).map((o) => o.deviceSeq)).toEqual([1, 2, 3]);
  });

  it('warns of an open case of the same IIN and service, and registers once confirmed', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    const input = {
      serviceId: '003-06',
      channel: 'akim' as const,
      applicant: APPLICANT,
      personalDataConsent: true,
      presentedDocuments: [],
    };
    const first = await commands.registerCase(input);
    expect(first.ok).toBe(true);
    const again = await commands.registerCase(input);
    expect(again).toMatchObject({
      ok: false,
      problem: { code: 'duplicate-open-case', details: { regNumber: '01-26-03-0001' } },
    });
    expect(await db.cases.count()).toBe(1);
    // Another service for the same person is no duplicate.
    const other = await commands.registerCase({ ...input, serviceId: '003-16' });
    expect(other.ok).toBe(true);
    const confirmed = await commands.registerCase({ ...input, confirmDuplicate: true });
    expect(confirmed.ok).toBe(true);
    expect(await db.cases.count()).toBe(3);
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    const result = await commands.registerCase({
      serviceId: '003-06',
      channel: 'akim',
      applicant: { iin: '850412412340', surname: ' ', givenName: 'Гүлназ' },
      personalDataConsent: true,
      presentedDocuments: [],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields).toEqual(
      expect.arrayContaining([
        { field: 'iin', code: 'iin-checksum' },
        { field: 'surname', code: 'field-required' },
      ]),
    );
    expect(await db.events.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await getMeta(db, 'regCounter')).toBeUndefined();
  });

  it('refuses an incomplete package where the regulation lists the documents', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    const result = await commands.registerCase({
      serviceId: '004-01',
      channel: 'akim',
      applicant: APPLICANT,
      personalDataConsent: true,
      presentedDocuments: [],
    });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.fields).toContainEqual({ field: 'documents', code: 'documents-incomplete' });
    expect(await db.events.count()).toBe(0);
  });
});

describe('a second application of one IIN for one service', () => {
  it('warns while the first case is open, and registers once the person confirms', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    const intake = {
      serviceId: '003-06',
      channel: 'akim' as const,
      applicant: APPLICANT,
      personalDataConsent: true,
      presentedDocuments: [],
    };
    const first = await commands.registerCase(intake);
    if (!first.ok) throw new Error('register failed');
    const second = await commands.registerCase({
      ...intake,
      applicant: { ...APPLICANT, iin: ` ${APPLICANT.iin} ` },
    });
    expect(second).toMatchObject({
      ok: false,
      problem: { code: 'duplicate-open-case', details: { regNumber: first.value.regNumber } },
    });
    expect(await db.events.count()).toBe(1);
    // Another service of the same person is no duplicate.
    expect((await commands.registerCase({ ...intake, serviceId: '003-07' })).ok).toBe(true);
    const confirmed = await commands.registerCase({ ...intake, confirmDuplicate: true });
    expect(confirmed.ok).toBe(true);
    expect(await db.events.count()).toBe(3);
  });

  it('does not warn about a case that is closed or cancelled', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { commands } = await makeDevice(clock);
    const intake = {
      serviceId: '003-06',
      channel: 'akim' as const,
      applicant: APPLICANT,
      personalDataConsent: true,
      presentedDocuments: [],
    };
    const first = await commands.registerCase(intake);
    if (!first.ok) throw new Error('register failed');
    expect(await commands.cancelCase(first.value.caseId, 'registered_in_error')).toEqual({
      ok: true,
      value: undefined,
    });
    expect((await commands.registerCase(intake)).ok).toBe(true);
  });
});

describe('transfer batch and transitions', () => {
  it('sends registered cases in one batch and refuses to send one twice', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await commands.registerCase({
        serviceId: '003-06',
        channel: 'akim',
        applicant: APPLICANT,
        personalDataConsent: true,
        presentedDocuments: [],
        confirmDuplicate: true,
      });
      if (r.ok) ids.push(r.value.caseId);
    }
    const batch = await commands.sendBatch(ids);
    expect(batch.ok, JSON.stringify(batch)).toBe(true);
    const rows = await db.cases.bulkGet(ids);
    expect(rows.map((r) => r?.status)).toEqual(['forwarded', 'forwarded']);
    expect(new Set(rows.map((r) => r?.batchNumber))).toEqual(new Set(['T01-26-03-001']));

    const again = await commands.sendBatch(ids);
    expect(again).toMatchObject({ ok: false, problem: { code: 'transition-not-allowed' } });
    expect(await db.events.count()).toBe(4);
  });

  it('does not let the village record a district decision', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { commands } = await makeDevice(clock);
    const r = await commands.registerCase({
      serviceId: '003-06',
      channel: 'akim',
      applicant: APPLICANT,
      personalDataConsent: true,
      presentedDocuments: [],
    });
    if (!r.ok) throw new Error('register failed');
    const decided = await commands.decideCase(r.value.caseId, { outcome: 'approved' });
    expect(decided).toMatchObject({ ok: false, problem: { code: 'transition-not-allowed' } });
  });

  it('needs a signed-in person', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { commands, signOut } = await makeDevice(clock);
    signOut();
    const r = await commands.sendBatch(['x']);
    expect(r).toMatchObject({ ok: false, problem: { code: 'unauthorized' } });
  });
});

describe('catalog editions', () => {
  it('checks the checklist an administrator completed and records the edition on the case', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    await setMeta(db, 'catalogEditions', [
      {
        version: '2026.1+1',
        baseVersion: '2026.1',
        createdAt: '2026-03-01T00:00:00Z',
        createdBy: 'akt-district-district_admin',
        checklists: { '003-06': [{ id: 'application', name: { kk: 'Өтініш', ru: 'Заявление' } }] },
      },
    ]);
    const input = {
      serviceId: '003-06',
      channel: 'akim' as const,
      applicant: APPLICANT,
      personalDataConsent: true,
      presentedDocuments: [],
    };
    const incomplete = await commands.registerCase(input);
    expect(incomplete).toMatchObject({
      ok: false,
      fields: [{ field: 'documents', code: 'documents-incomplete' }],
    });

    const complete = await commands.registerCase({ ...input, presentedDocuments: ['application'] });
    expect(complete.ok).toBe(true);
    if (!complete.ok) return;
    const row = await db.cases.get(complete.value.caseId);
    expect(row?.catalogVersion).toBe('2026.1+1');
    expect(row?.documents).toEqual([{ id: 'application', isPresented: true, form: 'original' }]);
  });

  it('keeps the shipped catalog for cases registered before any edition', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db } = await makeDevice(clock);
    const shipped = await loadCatalog(db, '2026.1');
    expect(shipped.version).toBe('2026.1');
    expect(shipped.services.find((s) => s.id === '003-06')?.checklist.documents).toBeUndefined();
  });
});

describe('the process on the device', () => {
  it('renders a village service at the desk: the akim signs, the result is handed out, no batch', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands, signIn } = await makeDevice(clock);
    const r = await commands.registerCase({
      serviceId: '003-16',
      channel: 'akim',
      applicant: APPLICANT,
      personalDataConsent: true,
      presentedDocuments: [],
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const id = r.value.caseId;
    // The specialist may not sign for the akim, and the case never goes to the district.
    expect(await commands.signCase(id, { outcome: 'approved' })).toMatchObject({
      ok: false,
      problem: { code: 'role-not-allowed' },
    });
    expect(await commands.sendBatch([id])).toMatchObject({
      ok: false,
      problem: { code: 'step-not-in-process' },
    });
    signIn(AKIM);
    // The akim's signature is the decision here: it must say which.
    expect(await commands.signCase(id)).toMatchObject({
      ok: false,
      problem: { code: 'decision-required' },
    });
    expect((await commands.signCase(id, { outcome: 'approved' })).ok).toBe(true);
    signIn(SPECIALIST);
    expect(
      await commands.handOutResult(id, { to: 'representative', name: ' ', powerOfAttorney: '' }),
    ).toMatchObject({ ok: false, problem: { code: 'representative-required' } });
    const handed = await commands.handOutResult(id, {
      to: 'representative',
      name: 'Сейітқалиев Ерлан',
      powerOfAttorney: '№ 123, 2026-03-01',
    });
    expect(handed.ok).toBe(true);
    const row = await db.cases.get(id);
    expect(row).toMatchObject({ status: 'closed', outcome: 'approved', at: 'village' });
    expect(row?.batchId).toBeUndefined();
    expect(Object.keys(row?.done ?? {})).toEqual(['register_review', 'sign', 'handout']);
  });

  it('corrects applicant data and cancels a case before it leaves the village', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    const r = await commands.registerCase({
      serviceId: '003-06',
      channel: 'akim',
      applicant: APPLICANT,
      personalDataConsent: true,
      presentedDocuments: [],
    });
    if (!r.ok) throw new Error(JSON.stringify(r));
    const id = r.value.caseId;
    const stale = await commands.correctCase(
      id,
      [{ field: 'surname', from: 'Басқа', to: 'Сейітқалиева' }],
      'қате',
    );
    expect(stale).toMatchObject({ ok: false, problem: { code: 'correction-stale' } });
    const fixed = await commands.correctCase(
      id,
      [{ field: 'givenName', from: APPLICANT.givenName, to: 'Гүлназым' }],
      'Құжатпен салыстырылды',
    );
    expect(fixed.ok).toBe(true);
    expect((await db.cases.get(id))?.applicant.givenName).toBe('Гүлназым');
    expect((await commands.cancelCase(id, 'withdrawn', 'Өтініш беруші бас тартты')).ok).toBe(true);
    expect(await db.cases.get(id)).toMatchObject({
      status: 'cancelled',
      cancelled: { reason: 'withdrawn' },
      correctionCount: 1,
    });
    expect(await commands.sendBatch([id])).toMatchObject({ ok: false });
  });
});

describe('refuseApplication', () => {
  it('records an incomplete package under its own number and never registers it', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    const input = {
      serviceId: '004-01',
      channel: 'akim' as const,
      applicant: APPLICANT,
      personalDataConsent: true,
      presentedDocuments: ['application'],
      copies: ['application'],
    };
    // Nothing presented at all: the first refusal of the register.
    const complete = await commands.refuseApplication({ ...input, presentedDocuments: [] });
    expect(complete.ok).toBe(true);
    const refused = await commands.refuseApplication(input);
    expect(refused.ok, JSON.stringify(refused)).toBe(true);
    if (!refused.ok || !complete.ok) return;
    expect([complete.value.refusalNumber, refused.value.refusalNumber]).toEqual([
      'R01-26-03-0001',
      'R01-26-03-0002',
    ]);
    const row = await db.cases.get(refused.value.caseId);
    expect(row?.status).toBe('refused_at_intake');
    expect(row?.documents.find((d) => d.id === 'application')).toEqual({
      id: 'application',
      isPresented: true,
      form: 'copy',
    });
    expect(row?.intakeRefusal?.map((p) => p.id)).not.toContain('application');
    expect(row?.intakeRefusal?.length).toBeGreaterThan(0);
    // The registration numbers are untouched: the next registration is still the first.
    const registered = await commands.registerCase({
      ...input,
      serviceId: '003-06',
      presentedDocuments: [],
    });
    expect(registered.ok && registered.value.regNumber).toBe('01-26-03-0001');
  });

  it('refuses nothing when nothing is missing', async () => {
    const { db, commands } = await makeDevice(new TestClock(new Date(2026, 2, 18, 10, 30)));
    const catalog = await loadCatalog(db);
    const all = (catalog.services.find((s) => s.id === '004-01')?.checklist.documents ?? []).map(
      (d) => d.id,
    );
    const result = await commands.refuseApplication({
      serviceId: '004-01',
      channel: 'akim',
      applicant: APPLICANT,
      personalDataConsent: true,
      presentedDocuments: all,
    });
    expect(result.ok ? 'ok' : result.problem.code).toBe('refusal-documents-required');
    expect(await db.events.count()).toBe(0);
  });

  it('is no open case: the applicant back with the papers registers without a duplicate warning', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands } = await makeDevice(clock);
    const input = {
      serviceId: '004-01',
      channel: 'akim' as const,
      applicant: APPLICANT,
      personalDataConsent: true,
      presentedDocuments: [],
    };
    const refused = await commands.refuseApplication(input);
    expect(refused.ok, JSON.stringify(refused)).toBe(true);
    clock.advanceMinutes(60 * 24);
    const catalog = await loadCatalog(db);
    const all = (catalog.services.find((s) => s.id === '004-01')?.checklist.documents ?? []).map(
      (d) => d.id,
    );
    const registered = await commands.registerCase({ ...input, presentedDocuments: all });
    expect(registered.ok, JSON.stringify(registered)).toBe(true);
    // A registered case of the service is one: the next registration is warned about.
    const again = await commands.registerCase({ ...input, presentedDocuments: all });
    expect(again.ok ? 'ok' : again.problem.code).toBe('duplicate-open-case');
  });
});
