/**
 * The district department as an intake point, against the real server on every store: its
 * device registers an application on the provider channel and walks it at the department
 * (assignment, draft, signature, hand-out), refuses an incomplete package at its desk; nobody
 * registers into another office's journal (a village into the department's, the department
 * into a village's), each desk only on its own channel, a village person on no case of the
 * department; and a village device never receives the department's cases, by pull or by the
 * initial sync, while the department's device gets them both ways.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Credentials, getMeta } from '../../src/db/meta';
import { QabyldauDb } from '../../src/db/schema';
import type { CaseEvent, PayloadOf } from '../../src/domain/case/events';
import type { Case } from '../../src/domain/case/reducer';
import { CATALOG_VERSION } from '../../src/domain/catalog';
import type { ChannelKind } from '../../src/domain/catalog/schema';
import { enrollDevice as enrollClient } from '../../src/sync/enroll';
import { createHttp } from '../../src/sync/http';
import { initialSync } from '../../src/sync/initial';
import { pullEvents } from '../../src/sync/pull';
import { issueEnrollCode } from '../../sync-server/sync/enroll';
import {
  type Device,
  enrollDevice,
  type Harness,
  newCaseId,
  STORES,
  staffOf,
  startServer,
} from './helpers';

const EXECUTOR = staffOf('akt-district', 'district_executor');
const HEAD = staffOf('akt-district', 'district_head');
const SPECIALIST = staffOf('akt-01', 'akimat_specialist');

function registration(
  regNumber: string,
  serviceId = '003-06',
  channel: ChannelKind = 'provider',
  acceptedBy = EXECUTOR,
): PayloadOf<'case.registered'> {
  return {
    regNumber,
    serviceId,
    catalogVersion: CATALOG_VERSION,
    channel,
    applicant: { iin: '900101300123', surname: 'Серікова', givenName: 'Әсел' },
    documents: [{ id: 'application', isPresented: true }],
    registeredAt: '2026-03-18T10:30',
    resultDue: '2026-03-26',
    acceptedBy: { staffId: acceptedBy, shortName: 'Қасымов Д. Е.' },
    process: 'catalog',
  };
}

function refusal(refusalNumber: string): PayloadOf<'application.refused'> {
  const {
    regNumber: _,
    registeredAt,
    resultDue: __,
    acceptedBy,
    process: ___,
    ...rest
  } = registration('x');
  return {
    ...rest,
    refusalNumber,
    documents: [{ id: 'application', isPresented: false }],
    problems: [{ id: 'application', problem: 'missing' }],
    refusedAt: registeredAt,
    refusedBy: acceptedBy,
  };
}

const outcome = (r: { status: string; code?: string }) =>
  r.status === 'rejected' ? (r.code ?? 'rejected') : r.status;

async function pushOne(device: Device, event: CaseEvent): Promise<string> {
  const reply = await device.push([event]);
  expect(reply.status).toBe(200);
  const [result] = reply.body.results;
  return result ? outcome(result) : 'missing';
}

async function serverCase(h: Harness, caseId: string): Promise<Case | undefined> {
  const row = await h.db.first<{ state: string }>('SELECT state FROM cases WHERE case_id = ?', [
    caseId,
  ]);
  return row ? (JSON.parse(row.state) as Case) : undefined;
}

async function freshDevice(h: Harness, officeId: string, kind: 'akimat' | 'district') {
  const db = new QabyldauDb(`district-intake-${uuidv7()}`, {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
  });
  const code = await issueEnrollCode(h.db, officeId, kind, h.clock.now());
  const http = createHttp(h.base);
  await enrollClient(db, http, code, h.base, h.clock.now());
  const creds = (await getMeta(db, 'credentials')) as Credentials;
  return { db, http, creds };
}

describe.each(STORES)('the district department as an intake point on $name', (store) => {
  let h: Harness;
  let district: Device;
  let village: Device;
  /** the department's own cases: walked to the hand-out, and refused at its desk */
  const walked = newCaseId();
  const refused = newCaseId();
  /** a village case of akt-01, sent to nobody yet */
  const villageCase = newCaseId();

  beforeAll(async () => {
    h = await startServer(store);
    district = await enrollDevice(h, 'akt-district', 'district');
    village = await enrollDevice(h, 'akt-01', 'akimat');
    const reply = await village.push([
      village.event(
        'case.registered',
        villageCase,
        SPECIALIST,
        registration('01-26-01-0001', '003-06', 'akim', SPECIALIST),
      ),
    ]);
    expect(reply.body.results.map(outcome)).toEqual(['accepted']);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('registers at its desk and walks the case at the department to the hand-out', async () => {
    const steps: [CaseEvent['type'], string, unknown][] = [
      ['case.registered', EXECUTOR, registration('00-26-01-0001')],
      ['case.assigned', HEAD, { executorId: EXECUTOR }],
      ['case.decided', EXECUTOR, { outcome: 'approved' }],
      ['case.signed', HEAD, {}],
      ['result.handed_out', EXECUTOR, { to: 'applicant' }],
    ];
    const events = steps.map(([type, staffId, payload]) =>
      district.event(type, walked, staffId, payload as never),
    );
    const reply = await district.push(events);
    expect(reply.body.results.map(outcome)).toEqual(steps.map(() => 'accepted'));
    const state = await serverCase(h, walked);
    expect(state).toMatchObject({
      officeId: 'akt-district',
      regNumber: '00-26-01-0001',
      channel: 'provider',
      status: 'closed',
      at: 'district',
      outcome: 'approved',
    });
    expect(Object.keys(state?.done ?? {}).sort()).toEqual([
      'assign',
      'handout',
      'register',
      'review',
      'sign',
    ]);
  });

  it('refuses an incomplete package at its desk, in its refusal register', async () => {
    expect(
      await pushOne(
        district,
        district.event('application.refused', refused, EXECUTOR, refusal('R00-26-01-0001')),
      ),
    ).toBe('accepted');
    expect(await serverCase(h, refused)).toMatchObject({
      officeId: 'akt-district',
      regNumber: 'R00-26-01-0001',
      status: 'refused_at_intake',
      at: 'district',
    });
  });

  it('never a transfer batch for its own case, nor a village step', async () => {
    const caseId = newCaseId();
    expect(
      await pushOne(
        district,
        district.event('case.registered', caseId, EXECUTOR, registration('00-26-01-0002')),
      ),
    ).toBe('accepted');
    const batch = { batchId: uuidv7(), batchNumber: 'T00-26-01-001', caseCount: 1 };
    expect(await pushOne(district, district.event('batch.sent', caseId, EXECUTOR, batch))).toBe(
      'step-not-in-process',
    );
    expect(await pushOne(district, district.event('case.received', caseId, EXECUTOR, {}))).toBe(
      'step-not-in-process',
    );
    // A village person cannot touch it from a village device: not a step of theirs, and the
    // department's case is outside the village's scope.
    expect(
      await pushOne(
        village,
        village.event(
          'case.cancelled',
          caseId,
          SPECIALIST,
          { reason: 'withdrawn' },
          'akt-district',
        ),
      ),
    ).toBe('role-not-allowed');
    expect(
      await pushOne(
        village,
        village.event('result.received', caseId, SPECIALIST, {}, 'akt-district'),
      ),
    ).toBe('case-not-in-scope');
    expect((await serverCase(h, caseId))?.status).toBe('registered');
  });

  it("no desk registers into another office's journal and numbering, nor on another desk's channel", async () => {
    const cases: [string, Device, string, PayloadOf<'case.registered'>, string, string][] = [
      // A village on the department's sequence: its office and its number.
      [
        'village into the department',
        village,
        SPECIALIST,
        registration('00-26-01-0099', '003-06', 'akim', SPECIALIST),
        'akt-district',
        'case-not-in-scope',
      ],
      // The department into a village's journal.
      [
        'department into akt-01',
        district,
        EXECUTOR,
        registration('01-26-01-0099'),
        'akt-01',
        'case-not-in-scope',
      ],
      // The provider's channel is the department's people's: not a village's.
      [
        'village on the provider channel',
        village,
        SPECIALIST,
        registration('01-26-01-0098', '003-06', 'provider', SPECIALIST),
        'akt-01',
        'role-not-allowed',
      ],
      // The rural akim's channel is the village's.
      [
        'department on the akim channel',
        district,
        EXECUTOR,
        registration('00-26-01-0098', '003-06', 'akim'),
        'akt-district',
        'role-not-allowed',
      ],
      // The e-gov portal is no desk: nobody registers its applications by hand.
      [
        'department on the e-gov channel',
        district,
        EXECUTOR,
        registration('00-26-01-0097', '000-05', 'egov'),
        'akt-district',
        'channel-not-at-desk',
      ],
      // The sector head has no desk.
      [
        'the sector head',
        district,
        staffOf('akt-district', 'district_sector_head'),
        registration('00-26-01-0096'),
        'akt-district',
        'role-not-allowed',
      ],
    ];
    const got: string[] = [];
    for (const [name, device, staffId, payload, officeId] of cases) {
      const caseId = newCaseId();
      const result = await pushOne(
        device,
        device.event('case.registered', caseId, staffId, payload, officeId),
      );
      got.push(`${name}: ${result}`);
      expect(await serverCase(h, caseId), name).toBeUndefined();
    }
    expect(got).toEqual(cases.map(([name, , , , , code]) => `${name}: ${code}`));
    // A refusal at the desk follows the same rule.
    expect(
      await pushOne(
        village,
        village.event(
          'application.refused',
          newCaseId(),
          SPECIALIST,
          {
            ...refusal('R00-26-01-0099'),
            channel: 'akim',
            refusedBy: { staffId: SPECIALIST, shortName: 'Әбенова Г. С.' },
          },
          'akt-district',
        ),
      ),
    ).toBe('case-not-in-scope');
  });

  it("a village device never receives the department's cases; the department's device does", async () => {
    const seenByVillage = new Set((await village.pullAll()).map((e) => e.caseId));
    expect(seenByVillage.has(villageCase)).toBe(true);
    expect(seenByVillage.has(walked)).toBe(false);
    expect(seenByVillage.has(refused)).toBe(false);
    const seenByDistrict = new Set((await district.pullAll()).map((e) => e.caseId));
    for (const id of [villageCase, walked, refused]) expect(seenByDistrict.has(id)).toBe(true);

    // The same through the initial sync of a fresh device of each office, with the app's code.
    const freshVillage = await freshDevice(h, 'akt-01', 'akimat');
    await initialSync(freshVillage.db, freshVillage.http, freshVillage.creds, () => new Date(), 5);
    await pullEvents(freshVillage.db, freshVillage.http, freshVillage.creds, () => new Date());
    const villageOffices = new Set((await freshVillage.db.cases.toArray()).map((c) => c.officeId));
    expect([...villageOffices]).toEqual(['akt-01']);
    const freshDistrict = await freshDevice(h, 'akt-district', 'district');
    await initialSync(
      freshDistrict.db,
      freshDistrict.http,
      freshDistrict.creds,
      () => new Date(),
      5,
    );
    await pullEvents(freshDistrict.db, freshDistrict.http, freshDistrict.creds, () => new Date());
    const own = await freshDistrict.db.cases.where('officeId').equals('akt-district').toArray();
    expect(own.map((c) => c.regNumber).sort()).toEqual([
      '00-26-01-0001',
      '00-26-01-0002',
      'R00-26-01-0001',
    ]);
    expect((await freshDistrict.db.cases.get(walked))?.status).toBe('closed');
    for (const db of [freshVillage.db, freshDistrict.db]) db.close();
  });
});
