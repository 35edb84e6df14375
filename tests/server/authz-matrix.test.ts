/**
 * Who may do what, when, for whose cases, checked against the real server on every store.
 *
 * - The role tables, written out by hand from the regulations (not computed from the code): for
 *   each service under test, each event type and each role, whether the role may ever record it
 *   (A), may not (R), or the event has no place in the service's process at all (P). They are
 *   held equal to the domain's `mayRecord`/`isInProcess`, and they drive the expectations below,
 *   so a change in who may do what fails here until the tables change with it.
 * - The process tables: for 003-16 (rendered at the village), 004-01 (commission, visa), 003-06
 *   (implicit handovers) and a 003-06 case registered the old way (legacy chain), every event
 *   type by every role on a case at every position of its walk and of the branches off it (a
 *   return, a refusal, a send-back, a cancellation), and on no case. Whether a step may happen
 *   *now* is the domain's `nextActions` (the oracle); the server must accept exactly those, and
 *   refuse the rest as out of order (`transition-not-allowed`), by a role the step does not allow
 *   (`role-not-allowed`) or not in the case's process (`step-not-in-process`).
 * - The authorization matrix: every person (each role, in the device's office or another) on a
 *   village and a district device, for 004-01 cases of the device's own akimat, another akimat of
 *   the district, the district office and an akimat of another district, for every event type.
 * - Forged envelopes: another device's id, an inactive or unknown person (proved with a key
 *   registered under her id all the same), a case claimed for another office, an assignment to
 *   someone outside the office. Proofs of every event type by other people, devices and events,
 *   and every admin call refused to anyone but the administrator in her session on her device,
 *   are in authz-identity.test.ts.
 * - Pull scope: a village device gets its own akimat's events only, a district device every
 *   akimat's of its district and its department's own (taken in at its desk), nothing of
 *   another district; rejected events reach no one.
 * - Reference scope: people of the device's own office, with no PIN data; offices and people
 *   only of its district.
 *
 * Every case is first brought to its position through legal events, so a rejection is about
 * the rule under test and never about a missing case.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CaseEvent,
  canonicalJson,
  EVENT_TYPES,
  type EventType,
} from '../../src/domain/case/events';
import { applyEvent, type Case } from '../../src/domain/case/reducer';
import { LOW_PIN_COST, makePinVerifier } from '../../src/domain/identity/pin';
import { actionsFor, isInProcess, mayRecord, nextActions } from '../../src/domain/process';
import type { Office } from '../../src/domain/reference';
import type { StaffRole } from '../../src/domain/roles';
import type { PushResult, ReferenceResponse } from '../../src/domain/sync/protocol';
import {
  bumpReferenceVersion,
  insertDistrict,
  insertOffice,
  insertStaff,
  listStaff,
} from '../../sync-server/queries/reference';
import {
  call,
  type Device,
  enrollDevice,
  type Harness,
  STORES,
  staffOf,
  startServer,
} from './helpers';
import {
  isVillageRole,
  newIds,
  type OfficeDevices,
  type Position,
  payloadFor,
  positionsOf,
  processOfService,
  ROLES,
  registrationFor,
  SERVICE_NAMES,
  type ServiceName,
  stateAt,
  walkCases,
} from './process-cases';

/**
 * Who may ever record each event type on a case of the service: one letter per role, in the
 * order specialist · akim · executor · sector head · head · administrator. A may · R may not ·
 * P the event has no place in the service's process.
 *
 * - 003-16 (certificate of belonging to targeted-assistance recipients): the specialist prepares,
 *   the akim signs with the decision, the specialist hands out, all at the village.
 * - 004-01 (child benefit): the akim orders the precinct commission's inspection, the village
 *   records the act, forwards; the district receives or returns, the head assigns, the executor
 *   drafts, the sector head endorses, the head signs, the result goes back to the village.
 * - 003-06: the chain of the old release, with the receipt of the file and of the result that
 *   its regulation leaves implicit; no visa.
 * - the legacy chain of cases registered before the process model: the same fixed steps.
 */
const ROLE_TABLES: Record<ServiceName, Record<EventType, string>> = {
  '003-16': {
    'case.registered': 'AARRRR',
    'application.refused': 'AARRRR',
    'commission.ordered': 'PPPPPP',
    'commission.inspected': 'PPPPPP',
    'batch.sent': 'PPPPPP',
    'case.received': 'PPPPPP',
    'case.returned': 'PPPPPP',
    'case.assigned': 'PPPPPP',
    'case.decided': 'PPPPPP',
    'case.endorsed': 'PPPPPP',
    'case.sent_back': 'PPPPPP',
    'case.signed': 'RARRRR',
    'result.sent': 'PPPPPP',
    'result.received': 'PPPPPP',
    'result.handed_out': 'AARRRR',
    'case.refused': 'PPPPPP',
    'case.corrected': 'AARRRR',
    'case.cancelled': 'AARRRR',
  },
  '004-01': {
    'case.registered': 'AARRRR',
    'application.refused': 'AARRRR',
    'commission.ordered': 'RARRRR',
    'commission.inspected': 'AARRRR',
    'batch.sent': 'AARRRR',
    'case.received': 'RRARAR',
    'case.returned': 'RRARAR',
    'case.assigned': 'RRRRAR',
    'case.decided': 'RRARAR',
    'case.endorsed': 'RRRARR',
    'case.sent_back': 'RRRAAR',
    'case.signed': 'RRRRAR',
    'result.sent': 'RRARAR',
    'result.received': 'AARRRR',
    'result.handed_out': 'AARRRR',
    'case.refused': 'AARRRR',
    'case.corrected': 'AARRRR',
    'case.cancelled': 'AARRRR',
  },
  '003-06': {
    'case.registered': 'AARRRR',
    'application.refused': 'AARRRR',
    'commission.ordered': 'PPPPPP',
    'commission.inspected': 'PPPPPP',
    'batch.sent': 'AARRRR',
    'case.received': 'RRARAR',
    'case.returned': 'RRARAR',
    'case.assigned': 'RRRRAR',
    'case.decided': 'RRARAR',
    'case.endorsed': 'PPPPPP',
    'case.sent_back': 'RRRRAR',
    'case.signed': 'RRRRAR',
    'result.sent': 'RRARAR',
    'result.received': 'AARRRR',
    'result.handed_out': 'AARRRR',
    'case.refused': 'AARRRR',
    'case.corrected': 'AARRRR',
    'case.cancelled': 'AARRRR',
  },
  'legacy 003-06': {
    'case.registered': 'AARRRR',
    'application.refused': 'AARRRR',
    'commission.ordered': 'PPPPPP',
    'commission.inspected': 'PPPPPP',
    'batch.sent': 'AARRRR',
    'case.received': 'RRARAR',
    'case.returned': 'RRARAR',
    'case.assigned': 'PPPPPP',
    'case.decided': 'RRARAR',
    'case.endorsed': 'PPPPPP',
    'case.sent_back': 'RRRRAR',
    'case.signed': 'RRRRAR',
    'result.sent': 'RRARAR',
    'result.received': 'AARRRR',
    'result.handed_out': 'AARRRR',
    'case.refused': 'AARRRR',
    'case.corrected': 'AARRRR',
    'case.cancelled': 'AARRRR',
  },
};

/** The events that start a case: a registration, and a refusal at the desk. */
const STARTS_A_CASE: readonly EventType[] = ['case.registered', 'application.refused'];

const roleLetter = (service: ServiceName, type: EventType, role: StaffRole) =>
  ROLE_TABLES[service][type][ROLES.indexOf(role)] as 'A' | 'R' | 'P';

/** One letter per outcome, so a row reads as a word. */
const OUTCOMES = {
  A: 'accepted',
  R: 'role-not-allowed',
  P: 'step-not-in-process',
  S: 'case-not-in-scope',
  U: 'staff-unknown',
  T: 'transition-not-allowed',
  E: 'case-already-exists',
  N: 'case-not-found',
} as const;
type Letter = keyof typeof OUTCOMES;

/**
 * What the server must answer when a person in `role`, on their own office's device, records
 * `type` on an akt-01 case in `state` (undefined: no such case): the role table for who, the
 * process's `nextActions` for when.
 */
function expectedOf(
  service: ServiceName,
  type: EventType,
  role: StaffRole,
  state: Case | undefined,
): Letter {
  const letter = roleLetter(service, type, role);
  if (!state) {
    // No case: only a registration makes one (its process judges the role); anything else has
    // no process to judge it by, and no case.
    if (STARTS_A_CASE.includes(type)) return letter === 'A' ? 'A' : 'R';
    return 'N';
  }
  if (STARTS_A_CASE.includes(type)) return letter === 'A' ? 'E' : 'R';
  if (letter === 'R') return 'R';
  if (letter === 'P') return 'P';
  const process = processOfService(service);
  return actionsFor(process, state, role).some((a) => a.type === type) ? 'A' : 'T';
}

type DeviceName = 'village' | 'district';
type CaseOffice = 'akt-01' | 'akt-02' | 'akt-district' | 'oth-01';
const CASE_OFFICES: readonly CaseOffice[] = ['akt-01', 'akt-02', 'akt-district', 'oth-01'];

/** The people of the authorization matrix: each role of the district, in their office. */
const PEOPLE: readonly { office: string; role: StaffRole }[] = [
  { office: 'akt-01', role: 'akimat_specialist' },
  { office: 'akt-01', role: 'akim' },
  { office: 'akt-02', role: 'akimat_specialist' },
  { office: 'akt-02', role: 'akim' },
  { office: 'akt-district', role: 'district_executor' },
  { office: 'akt-district', role: 'district_sector_head' },
  { office: 'akt-district', role: 'district_head' },
  { office: 'akt-district', role: 'district_admin' },
];

/**
 * The matrix's expectation for a person on a device (akt-01's or the district office's) and a
 * 004-01 case of an office: U the person is not of the device's office · then the role table
 * (R) · S the case is outside the device's scope · A. The server checks the person first, then
 * the role, then the case's office. A 004-01 case through the rural akim never belongs to the
 * district office itself (the department's own desk registers on the provider's channel): there
 * an event finds no case, so no process to judge the role by, and only a registration is judged
 * on the role; the district office is in the district device's scope (N: no such case), never
 * in a village device's (S).
 */
function matrixLetter(
  device: DeviceName,
  person: { office: string; role: StaffRole },
  office: CaseOffice,
  type: EventType,
): Letter {
  const deviceOffice = device === 'village' ? 'akt-01' : 'akt-district';
  if (person.office !== deviceOffice) return 'U';
  if (office === 'akt-district' && !STARTS_A_CASE.includes(type)) {
    return device === 'district' ? 'N' : 'S';
  }
  if (roleLetter('004-01', type, person.role) !== 'A') return 'R';
  const inScope = device === 'village' ? office === 'akt-01' : office !== 'oth-01';
  if (office === 'akt-district' || !inScope) return 'S';
  return 'A';
}

/** The other district: a district office and one akimat, each person with a PIN of her own. */
async function addOtherDistrict(h: Harness): Promise<void> {
  const people: [string, StaffRole][] = [
    ['oth-01', 'akimat_specialist'],
    ['oth-01', 'akim'],
    ['oth-district', 'district_executor'],
    ['oth-district', 'district_sector_head'],
    ['oth-district', 'district_head'],
  ];
  // The low cost: these verifiers only need to differ (each has its own salt), not to be slow.
  const pins = await Promise.all(people.map(() => makePinVerifier('777777', LOW_PIN_COST)));
  const former = await makePinVerifier('777777', LOW_PIN_COST);
  await h.db.transaction(async (tx) => {
    await insertDistrict(tx, {
      id: 'other',
      name: { kk: 'Басқа аудан', ru: 'Другой район' },
      isDemo: false,
      actIds: ['003', '004'],
    });
    const office = (id: string, kind: Office['kind'], code: string): Office => ({
      id,
      kind,
      code,
      name: { kk: id, ru: id },
      address: { kk: '', ru: '' },
      phone: '',
      districtId: 'other',
    });
    await insertOffice(tx, office('oth-district', 'district', '00'));
    await insertOffice(tx, office('oth-01', 'akimat', '01'));
    for (const [i, [officeId, role]] of people.entries()) {
      const pin = pins[i];
      if (!pin) throw new Error('no verifier');
      await insertStaff(
        tx,
        {
          id: staffOf(officeId, role),
          officeId,
          role,
          surname: 'Басқа',
          givenName: role,
          isActive: true,
        },
        pin,
      );
    }
    // Someone who left akt-01: still in the directory, no longer allowed to act.
    await insertStaff(
      tx,
      {
        id: 'akt-01-former',
        officeId: 'akt-01',
        role: 'akimat_specialist',
        surname: 'Бұрынғы',
        givenName: 'Қызметкер',
        isActive: false,
      },
      former,
    );
    await bumpReferenceVersion(tx, h.clock.now());
  });
}

const statusOf = (result: PushResult | undefined): string =>
  result === undefined ? 'missing' : result.status === 'rejected' ? result.code : result.status;

describe('the role tables', () => {
  it("are the domain's word on who may ever record what, and what has no place in a process", () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const service of SERVICE_NAMES) {
      const process = processOfService(service);
      for (const type of EVENT_TYPES) {
        const word = ROLE_TABLES[service][type];
        expect(word, `${service} ${type}`).toMatch(/^(P{6}|[AR]{6})$/);
        want.push(`${service} ${type} ${word}`);
        const domain = ROLES.map((role) =>
          !isInProcess(process, type) ? 'P' : mayRecord(process, type, role) ? 'A' : 'R',
        ).join('');
        got.push(`${service} ${type} ${domain}`);
      }
    }
    expect(got).toEqual(want);
  });

  it('a walk takes each step when the process offers it, by a role the table allows', () => {
    for (const service of SERVICE_NAMES) {
      for (const position of positionsOf(service)) {
        const before = { ...position, steps: position.steps.slice(0, -1) };
        const last = position.steps.at(-1);
        if (!last || before.steps.length === 0) continue;
        const state = stateAt(before);
        expect(
          expectedOf(service, last.type, last.role, state),
          `${service} ${position.name}`,
        ).toBe('A');
      }
    }
  });
});

describe.each(STORES)('authorization on $name', (store) => {
  let h: Harness;
  /** Devices by office: the two under test, and the ones that prepare cases. */
  const devices = {} as Record<
    'akt-01' | 'akt-02' | 'akt-district' | 'oth-01' | 'oth-district',
    Device
  >;
  const rejectedIds: string[] = [];

  beforeAll(async () => {
    h = await startServer(store);
    await addOtherDistrict(h);
    devices['akt-01'] = await enrollDevice(h, 'akt-01', 'akimat');
    devices['akt-02'] = await enrollDevice(h, 'akt-02', 'akimat');
    devices['akt-district'] = await enrollDevice(h, 'akt-district', 'district');
    devices['oth-01'] = await enrollDevice(h, 'oth-01', 'akimat');
    devices['oth-district'] = await enrollDevice(h, 'oth-district', 'district');
  });
  afterAll(async () => {
    await h?.close();
  });

  const devicesOf = (office: string): OfficeDevices => {
    const other = office === 'oth-01';
    return {
      village: devices[office as 'akt-01' | 'akt-02' | 'oth-01'],
      district: devices[other ? 'oth-district' : 'akt-district'],
      districtOffice: other ? 'oth-district' : 'akt-district',
    };
  };

  /** Pushes in chunks the protocol allows; returns the results by event id. */
  async function pushAll(device: Device, events: CaseEvent[]): Promise<Map<string, PushResult>> {
    const byId = new Map<string, PushResult>();
    for (let i = 0; i < events.length; i += 500) {
      const reply = await device.push(events.slice(i, i + 500));
      expect(reply.status).toBe(200);
      for (const result of reply.body.results) byId.set(result.id, result);
    }
    for (const [id, result] of byId) if (result.status === 'rejected') rejectedIds.push(id);
    return byId;
  }

  /** Case states as the server holds them, by case id. */
  async function caseStates(): Promise<Map<string, string>> {
    const rows = await h.db.all<{ case_id: string; status: string; state: string }>(
      'SELECT case_id, status, state FROM cases',
    );
    return new Map(rows.map((r) => [r.case_id, `${r.status} ${r.state}`]));
  }

  /** The event a person makes on their office's device, with the payload the app would send. */
  function eventBy(
    device: Device,
    service: ServiceName,
    type: EventType,
    caseId: string,
    staffId: string,
    officeId: string,
    n: number,
    state?: Case,
  ): CaseEvent {
    const payload = payloadFor(type, processOfService(service), {
      officeId,
      districtOffice: officeId === 'oth-01' ? 'oth-district' : 'akt-district',
      // approvals: a refusal's grounds are the refusal tests' business
      n: 4 * n,
      ...(state ? { state } : {}),
    });
    return device.event(type, caseId, staffId, payload as never, officeId);
  }

  /**
   * After a push: every accepted event moved its case exactly as the reducer says (the state the
   * server stores is the reducer's), every other case is as it was.
   */
  async function expectCasesMoved(
    before: Map<string, string>,
    accepted: readonly CaseEvent[],
  ): Promise<void> {
    const after = await caseStates();
    const moved = new Set(accepted.map((e) => e.caseId));
    for (const [caseId, row] of after) {
      if (!moved.has(caseId)) expect(row, caseId).toBe(before.get(caseId));
    }
    for (const event of accepted) {
      const old = before.get(event.caseId);
      const state = old ? (JSON.parse(old.slice(old.indexOf(' ') + 1)) as Case) : undefined;
      const next = applyEvent(state, event);
      expect(next.ok, `${event.type} on ${event.caseId}`).toBe(true);
      if (!next.ok) continue;
      const row = after.get(event.caseId) ?? '';
      expect(row.slice(0, row.indexOf(' ')), event.type).toBe(next.value.status);
      expect(canonicalJson(JSON.parse(row.slice(row.indexOf(' ') + 1))), event.type).toBe(
        canonicalJson(next.value),
      );
    }
  }

  it("accepts each service's steps exactly when its process allows them, by the roles it allows", async () => {
    interface Cell {
      position: Position | null;
      state?: Case;
      service: ServiceName;
      type: EventType;
      role: StaffRole;
      expected: Letter;
      caseId: string;
    }
    const cells: Cell[] = [];
    const plans: {
      service: ServiceName;
      office: string;
      steps: Position['steps'];
      ids: string[];
    }[] = [];
    for (const service of SERVICE_NAMES) {
      // On no case.
      for (const type of EVENT_TYPES) {
        for (const role of ROLES) {
          const expected = expectedOf(service, type, role, undefined);
          cells.push({ position: null, service, type, role, expected, caseId: uuidv7() });
        }
      }
      for (const position of positionsOf(service)) {
        const state = stateAt(position);
        // One case takes every refusal at this position (a refusal changes no case); each
        // accepted cell gets a case of its own.
        const [shared] = newIds(1) as [string];
        const ids = [shared];
        for (const type of EVENT_TYPES) {
          for (const role of ROLES) {
            const expected = expectedOf(service, type, role, state);
            const caseId = expected === 'A' ? uuidv7() : shared;
            if (expected === 'A') ids.push(caseId);
            cells.push({ position, state, service, type, role, expected, caseId });
          }
        }
        plans.push({ service, office: 'akt-01', steps: position.steps, ids });
      }
    }
    await walkCases(plans, devicesOf);
    // Every kind of answer is in the table, for every service; only 004-01 has a place for
    // every event type.
    for (const service of SERVICE_NAMES) {
      const letters = new Set(cells.filter((c) => c.service === service).map((c) => c.expected));
      for (const letter of 'ANERT') expect(letters, `${service} ${letter}`).toContain(letter);
      expect(letters.has('P'), service).toBe(service !== '004-01');
    }

    const before = await caseStates();
    const village = devices['akt-01'];
    const district = devices['akt-district'];
    const eventOf = new Map<Cell, CaseEvent>();
    const accepted: CaseEvent[] = [];
    for (const [name, device] of [
      ['village', village],
      ['district', district],
    ] as const) {
      const mine = cells.filter((c) => isVillageRole(c.role) === (name === 'village'));
      const events = mine.map((cell, i) => {
        const office = isVillageRole(cell.role) ? 'akt-01' : 'akt-district';
        const event = eventBy(
          device,
          cell.service,
          cell.type,
          cell.caseId,
          staffOf(office, cell.role),
          'akt-01',
          i,
          cell.state,
        );
        eventOf.set(cell, event);
        return event;
      });
      const results = await pushAll(device, events);
      const label = (cell: Cell, outcome: string) =>
        `${cell.service} · ${cell.position?.name ?? 'no case'} · ${cell.type} by ${cell.role} → ${outcome}`;
      expect(
        mine.map((cell) => label(cell, statusOf(results.get(eventOf.get(cell)?.id ?? '')))),
      ).toEqual(mine.map((cell) => label(cell, OUTCOMES[cell.expected])));
      for (const cell of mine) {
        const event = eventOf.get(cell);
        if (cell.expected === 'A' && event) accepted.push(event);
      }
    }
    await expectCasesMoved(before, accepted);
  });

  it('judges every person × office × event type as the matrix says', async () => {
    interface Row {
      device: DeviceName;
      person: { office: string; role: StaffRole };
      office: CaseOffice;
      type: EventType;
      expected: Letter;
      caseId: string;
    }
    // A 004-01 case where each event type may happen now: the first position that offers it.
    const positions = positionsOf('004-01');
    const process = processOfService('004-01');
    const legalAt = new Map<EventType, Position | null>();
    for (const type of EVENT_TYPES) {
      if (STARTS_A_CASE.includes(type)) {
        legalAt.set(type, null);
        continue;
      }
      const position = positions.find((p) =>
        nextActions(process, stateAt(p)).some((a) => a.type === type),
      );
      expect(position, type).toBeDefined();
      legalAt.set(type, position ?? null);
    }

    const rows: Row[] = [];
    const shared = new Map<string, string>();
    const plans = new Map<string, { office: string; position: Position; ids: string[] }>();
    const caseAt = (office: CaseOffice, position: Position | null, own: boolean): string => {
      // A new case, or one the district office can never have.
      if (position === null || office === 'akt-district') return uuidv7();
      const key = `${office} ${position.name}`;
      const plan = plans.get(key) ?? { office, position, ids: [] };
      plans.set(key, plan);
      if (!own && shared.has(key)) return shared.get(key) as string;
      const id = uuidv7();
      plan.ids.push(id);
      if (!own) shared.set(key, id);
      return id;
    };
    for (const device of ['village', 'district'] as const) {
      for (const person of PEOPLE) {
        for (const office of CASE_OFFICES) {
          for (const type of EVENT_TYPES) {
            const expected = matrixLetter(device, person, office, type);
            const caseId = caseAt(office, legalAt.get(type) ?? null, expected === 'A');
            rows.push({ device, person, office, type, expected, caseId });
          }
        }
      }
    }
    expect(rows).toHaveLength(2 * PEOPLE.length * CASE_OFFICES.length * EVENT_TYPES.length);
    await walkCases(
      [...plans.values()].map((p) => ({
        service: '004-01' as const,
        office: p.office,
        steps: p.position.steps,
        ids: p.ids,
      })),
      devicesOf,
    );

    const before = await caseStates();
    const deviceOf = { village: devices['akt-01'], district: devices['akt-district'] };
    const accepted: CaseEvent[] = [];
    for (const name of ['village', 'district'] as const) {
      const mine = rows.filter((r) => r.device === name);
      const events = mine.map((row, i) =>
        eventBy(
          deviceOf[name],
          '004-01',
          row.type,
          row.caseId,
          staffOf(row.person.office, row.person.role),
          row.office,
          i,
        ),
      );
      const results = await pushAll(deviceOf[name], events);
      const label = (row: Row, outcome: string) =>
        `${name} · ${row.person.office} ${row.person.role} · case of ${row.office} · ${row.type} → ${outcome}`;
      expect(mine.map((row, i) => label(row, statusOf(results.get(events[i]?.id ?? ''))))).toEqual(
        mine.map((row) => label(row, OUTCOMES[row.expected])),
      );
      mine.forEach((row, i) => {
        if (row.expected === 'A') accepted.push(events[i] as CaseEvent);
      });
    }
    // Each kind of answer happened.
    expect(new Set(rows.map((r) => r.expected))).toEqual(new Set(['A', 'N', 'R', 'S', 'U']));
    await expectCasesMoved(before, accepted);
  });

  /** `count` 004-01 cases of an akimat at a named position. */
  async function casesAt(office: 'akt-01' | 'akt-02' | 'oth-01', name: string, count = 1) {
    const position = positionsOf('004-01').find((p) => p.name === name);
    if (!position) throw new Error(`no position ${name}`);
    const ids = newIds(count);
    await walkCases([{ service: '004-01', office, steps: position.steps, ids }], devicesOf);
    return ids;
  }

  it('refuses forged envelopes: another device, an inactive or unknown person, a case claimed for another office', async () => {
    const village = devices['akt-01'];
    const district = devices['akt-district'];
    const specialist = staffOf('akt-01', 'akimat_specialist');
    const head = staffOf('akt-district', 'district_head');
    const [registered] = await casesAt('akt-01', 'registered');
    const [forwarded01] = await casesAt('akt-01', 'ordered→inspected→sent');
    const [received01] = await casesAt('akt-01', 'ordered→inspected→sent→received');
    const [registered02] = await casesAt('akt-02', 'registered');
    const [forwardedOther] = await casesAt('oth-01', 'ordered→inspected→sent');
    const before = await caseStates();
    const order = (staffId: string, caseId = registered as string, officeId = 'akt-01') =>
      village.event('commission.ordered', caseId, staffId, {}, officeId);
    const receive = (caseId: string, officeId: string, staffId = head) =>
      district.event('case.received', caseId, staffId, {}, officeId);
    const assign = (executorId: string) =>
      district.event('case.assigned', received01 as string, head, { executorId }, 'akt-01');

    const villageCases: [string, CaseEvent, string][] = [
      [
        "another device's id",
        { ...order(staffOf('akt-01', 'akim')), deviceId: district.id },
        'device-mismatch',
      ],
      ['a person who left the office', order('akt-01-former'), 'staff-unknown'],
      ['a person who never existed', order('akt-01-nobody'), 'staff-unknown'],
      [
        "another akimat's case claimed as our own",
        order(staffOf('akt-01', 'akim'), registered02 as string),
        'office-mismatch',
      ],
      [
        'a case the server does not know',
        order(staffOf('akt-01', 'akim'), uuidv7()),
        'case-not-found',
      ],
      [
        'a second registration of an existing case',
        village.event(
          'case.registered',
          registered as string,
          specialist,
          payloadFor('case.registered', processOfService('004-01'), {
            officeId: 'akt-01',
            districtOffice: 'akt-district',
          }) as never,
        ),
        'case-already-exists',
      ],
    ];
    const districtCases: [string, CaseEvent, string][] = [
      [
        "an akt-01 case claimed as akt-02's",
        receive(forwarded01 as string, 'akt-02'),
        'office-mismatch',
      ],
      [
        "another district's case claimed as one of ours",
        receive(forwardedOther as string, 'akt-01'),
        'office-mismatch',
      ],
      [
        "another district's case as it is",
        receive(forwardedOther as string, 'oth-01'),
        'case-not-in-scope',
      ],
      [
        "a person of another district's office",
        receive(forwarded01 as string, 'akt-01', staffOf('oth-district', 'district_head')),
        'staff-unknown',
      ],
      [
        "an assignment to another district's executor",
        assign(staffOf('oth-district', 'district_executor')),
        'executor-unknown',
      ],
      ['an assignment to a village specialist', assign(specialist), 'executor-unknown'],
      [
        'an assignment to nobody the office knows',
        assign('akt-district-nobody'),
        'executor-unknown',
      ],
    ];
    for (const [device, cases] of [
      [village, villageCases],
      [district, districtCases],
    ] as const) {
      const results = await pushAll(
        device,
        cases.map(([, event]) => event),
      );
      expect(
        cases.map(([label, event]) => `${label} → ${statusOf(results.get(event.id))}`),
      ).toEqual(cases.map(([label, , code]) => `${label} → ${code}`));
    }

    expect(await caseStates()).toEqual(before);
  });

  it('pulls to each device exactly the events of its scope, and no rejected event', async () => {
    // Each district department takes an application in at its own desk (the provider's channel):
    // its case is its office's, seen by its district's device alone.
    for (const office of ['akt-district', 'oth-district'] as const) {
      const executor = staffOf(office, 'district_executor');
      const registered = devices[office].event('case.registered', uuidv7(), executor, {
        ...registrationFor('003-06', office),
        regNumber: `00-26-01-${office.slice(0, 3)}`,
        channel: 'provider',
        acceptedBy: { staffId: executor, shortName: 'Қасымов Д. Е.' },
      });
      const reply = await devices[office].push([registered]);
      expect(reply.body.results.map(statusOf), office).toEqual(['accepted']);
    }
    const all = await h.db.all<{ id: string; office_id: string }>(
      'SELECT id, office_id FROM events',
    );
    const expectedScope: Record<keyof typeof devices, (officeId: string) => boolean> = {
      'akt-01': (o) => o === 'akt-01',
      'akt-02': (o) => o === 'akt-02',
      'akt-district': (o) => o.startsWith('akt-'),
      'oth-01': (o) => o === 'oth-01',
      'oth-district': (o) => o.startsWith('oth-'),
    };
    expect(all.filter((e) => e.office_id.endsWith('-district'))).toHaveLength(2);
    expect(rejectedIds.length).toBeGreaterThan(0);
    for (const [name, device] of Object.entries(devices) as [keyof typeof devices, Device][]) {
      device.cursor = 0;
      const seen = await device.pullAll(1000);
      const want = all.filter((e) => expectedScope[name](e.office_id)).map((e) => e.id);
      expect(want.length, name).toBeGreaterThan(0);
      expect(seen.map((e) => e.id).sort(), name).toEqual(want.sort());
      const rejected = new Set(rejectedIds);
      expect(
        seen.filter((e) => rejected.has(e.id)),
        name,
      ).toEqual([]);
    }
  });

  it('gives each device the people of its own office with no PIN data, and only its district', async () => {
    // Every verifier's salt and hash the store keeps: none of them reaches any device.
    const secrets = (await h.db.all<{ pin_hash: string }>('SELECT pin_hash FROM staff')).flatMap(
      (row) => {
        const verifier = JSON.parse(row.pin_hash) as { salt: string; hash: string };
        return [verifier.salt, verifier.hash];
      },
    );
    expect(secrets.length).toBeGreaterThan(0);
    for (const [name, device] of Object.entries(devices) as [keyof typeof devices, Device][]) {
      const reply = await call<ReferenceResponse>(h, 'GET', '/api/v1/sync/reference', {
        token: device.enrollment.token,
      });
      expect(reply.status).toBe(200);
      const reference = reply.body;
      const own = await listStaff(h.db, name);
      expect(reference.staff.map((s) => s.id).sort(), name).toEqual(own.map((s) => s.id).sort());
      expect(reference.staff.every((s) => s.officeId === name)).toBe(true);
      // Names and roles, for the sign-in list and for histories: never anything of a PIN.
      for (const person of [...reference.staff, ...reference.people]) {
        expect(Object.keys(person), name).not.toContain('pin');
      }
      const text = JSON.stringify(reference);
      expect(text, name).not.toMatch(/PBKDF2|argon2id/);
      for (const secret of secrets) expect(text.includes(secret), name).toBe(false);
      const districtId = name.startsWith('oth') ? 'other' : 'aktogay';
      expect(reference.district.id).toBe(districtId);
      expect(
        reference.offices.every((o) => o.districtId === districtId),
        name,
      ).toBe(true);
      expect(
        reference.people.every((p) => p.officeId.startsWith(name.slice(0, 3))),
        name,
      ).toBe(true);
    }
  });
});
