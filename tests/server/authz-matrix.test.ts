/**
 * Who may do what, for whose cases, as explicit tables checked against the real server on every
 * store. The tables are written out by hand from the transition table and the scope rules of
 * docs/sync-protocol.md, not computed from the code, so a change in the rules fails here until
 * the tables are changed with it:
 *
 * - the authorization matrix: every person (each role, in the device's office or another) on a
 *   village and a district device, for cases of the device's own akimat, another akimat of the
 *   district, the district office and an akimat of another district, for every event type;
 * - the transition table: every event type on a case in every status;
 * - forged envelopes: another device's id, an inactive or unknown person, a case claimed for
 *   another office;
 * - pull scope: a village device gets its own akimat's events only, a district device every
 *   akimat's of its district and nothing of another district; rejected events reach no one;
 * - reference scope: PIN hashes only of the device's own office, offices and people only of its
 *   district.
 *
 * Every case is first brought to the status an event needs through legal events, so a rejection
 * is about the rule under test and never about a missing case.
 */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent, EventType } from '../../src/domain/case/events';
import { type CaseStatus, TRANSITIONS } from '../../src/domain/case/transitions';
import { hashPin } from '../../src/domain/pin';
import type { Office, PinHash } from '../../src/domain/reference';
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
  registration,
  STORES,
  staffOf,
  startServer,
} from './helpers';

/** The event types in lifecycle order: the columns of the tables below. */
const TYPES = [
  'case.registered',
  'batch.sent',
  'case.received',
  'case.decided',
  'case.signed',
  'result.sent',
  'result.received',
  'result.handed_out',
] as const satisfies readonly EventType[];

/** One letter per outcome, so a table row reads as a word. */
const OUTCOMES = {
  A: 'accepted',
  R: 'role-not-allowed',
  S: 'case-not-in-scope',
  U: 'staff-unknown',
  T: 'transition-not-allowed',
  E: 'case-already-exists',
  N: 'case-not-found',
} as const;
type Letter = keyof typeof OUTCOMES;

type DeviceName = 'village' | 'district';
type CaseOffice = 'akt-01' | 'akt-02' | 'akt-district' | 'oth-01';
const CASE_OFFICES: readonly CaseOffice[] = ['akt-01', 'akt-02', 'akt-district', 'oth-01'];

/**
 * The authorization matrix. The village device is akt-01's, the district device Aktogay's
 * district office's; oth-01 is an akimat of another district. A row is a person (office and
 * role); each word has one letter per event type, in TYPES order:
 *
 *   registered · batch.sent · case.received · case.decided · case.signed · result.sent ·
 *   result.received · result.handed_out
 *
 * A accepted · R role-not-allowed · S case-not-in-scope · U staff-unknown. The server checks
 * the person first (U), then the role (R), then the case's office (S).
 */
const MATRIX: Record<DeviceName, Record<string, Record<CaseOffice, string>>> = {
  village: {
    // The village's own people: their four steps, on their own akimat's cases only.
    'akt-01-akimat_specialist': {
      'akt-01': 'AARRRRAA',
      'akt-02': 'SSRRRRSS',
      'akt-district': 'SSRRRRSS',
      'oth-01': 'SSRRRRSS',
    },
    'akt-01-akim': {
      'akt-01': 'AARRRRAA',
      'akt-02': 'SSRRRRSS',
      'akt-district': 'SSRRRRSS',
      'oth-01': 'SSRRRRSS',
    },
    // People of another office cannot act on this device at all.
    'akt-02-akimat_specialist': {
      'akt-01': 'UUUUUUUU',
      'akt-02': 'UUUUUUUU',
      'akt-district': 'UUUUUUUU',
      'oth-01': 'UUUUUUUU',
    },
    'akt-02-akim': {
      'akt-01': 'UUUUUUUU',
      'akt-02': 'UUUUUUUU',
      'akt-district': 'UUUUUUUU',
      'oth-01': 'UUUUUUUU',
    },
    'akt-district-district_executor': {
      'akt-01': 'UUUUUUUU',
      'akt-02': 'UUUUUUUU',
      'akt-district': 'UUUUUUUU',
      'oth-01': 'UUUUUUUU',
    },
    'akt-district-district_head': {
      'akt-01': 'UUUUUUUU',
      'akt-02': 'UUUUUUUU',
      'akt-district': 'UUUUUUUU',
      'oth-01': 'UUUUUUUU',
    },
    'akt-district-district_admin': {
      'akt-01': 'UUUUUUUU',
      'akt-02': 'UUUUUUUU',
      'akt-district': 'UUUUUUUU',
      'oth-01': 'UUUUUUUU',
    },
  },
  district: {
    'akt-01-akimat_specialist': {
      'akt-01': 'UUUUUUUU',
      'akt-02': 'UUUUUUUU',
      'akt-district': 'UUUUUUUU',
      'oth-01': 'UUUUUUUU',
    },
    'akt-01-akim': {
      'akt-01': 'UUUUUUUU',
      'akt-02': 'UUUUUUUU',
      'akt-district': 'UUUUUUUU',
      'oth-01': 'UUUUUUUU',
    },
    'akt-02-akimat_specialist': {
      'akt-01': 'UUUUUUUU',
      'akt-02': 'UUUUUUUU',
      'akt-district': 'UUUUUUUU',
      'oth-01': 'UUUUUUUU',
    },
    'akt-02-akim': {
      'akt-01': 'UUUUUUUU',
      'akt-02': 'UUUUUUUU',
      'akt-district': 'UUUUUUUU',
      'oth-01': 'UUUUUUUU',
    },
    // The executor receives, decides and sends results, for every akimat of the district;
    // signing is the head's. Cases never belong to the district office itself.
    'akt-district-district_executor': {
      'akt-01': 'RRAARARR',
      'akt-02': 'RRAARARR',
      'akt-district': 'RRSSRSRR',
      'oth-01': 'RRSSRSRR',
    },
    'akt-district-district_head': {
      'akt-01': 'RRAAAARR',
      'akt-02': 'RRAAAARR',
      'akt-district': 'RRSSSSRR',
      'oth-01': 'RRSSSSRR',
    },
    // The administrator manages the district and records no case steps.
    'akt-district-district_admin': {
      'akt-01': 'RRRRRRRR',
      'akt-02': 'RRRRRRRR',
      'akt-district': 'RRRRRRRR',
      'oth-01': 'RRRRRRRR',
    },
  },
};

/** Statuses a case can be in, and "no case yet" first: the columns of the transition table. */
const STATUS_COLUMNS = [
  null,
  'registered',
  'forwarded',
  'received',
  'decided',
  'signed',
  'result_sent',
  'result_received',
  'closed',
] as const satisfies readonly (CaseStatus | null)[];

/**
 * The transition table: each event type on an akt-01 case in each status, recorded by someone
 * allowed to record it. One letter per column of STATUS_COLUMNS (no case, registered, forwarded,
 * received, decided, signed, result_sent, result_received, closed). A accepted ·
 * T transition-not-allowed · E case-already-exists · N case-not-found.
 */
const TRANSITION_TABLE: Record<(typeof TYPES)[number], string> = {
  'case.registered': 'AEEEEEEEE',
  'batch.sent': 'NATTTTTTT',
  'case.received': 'NTATTTTTT',
  'case.decided': 'NTTATTTTT',
  'case.signed': 'NTTTATTTT',
  'result.sent': 'NTTTTATTT',
  'result.received': 'NTTTTTATT',
  'result.handed_out': 'NTTTTTTAT',
};

/** The status each step leaves a case in: the legal road to any status. */
const ROAD: readonly { type: (typeof TYPES)[number]; to: CaseStatus }[] = [
  { type: 'case.registered', to: 'registered' },
  { type: 'batch.sent', to: 'forwarded' },
  { type: 'case.received', to: 'received' },
  { type: 'case.decided', to: 'decided' },
  { type: 'case.signed', to: 'signed' },
  { type: 'result.sent', to: 'result_sent' },
  { type: 'result.received', to: 'result_received' },
  { type: 'result.handed_out', to: 'closed' },
];

function payloadOf(type: EventType): Record<string, unknown> {
  switch (type) {
    case 'case.registered':
      return { ...registration() };
    case 'batch.sent':
      return { batchId: uuidv7(), batchNumber: '01-1', caseCount: 1 };
    case 'case.decided':
      return { outcome: 'approved' };
    default:
      return {};
  }
}

function makeEvent(
  device: Device,
  type: EventType,
  caseId: string,
  staffId: string,
  officeId: string,
): CaseEvent {
  return device.event(type, caseId, staffId, payloadOf(type) as never, officeId);
}

/** The other district: a district office and one akimat, each person with a PIN hash of their own. */
async function addOtherDistrict(h: Harness): Promise<void> {
  const people: [string, StaffRole][] = [
    ['oth-01', 'akimat_specialist'],
    ['oth-01', 'akim'],
    ['oth-district', 'district_executor'],
    ['oth-district', 'district_head'],
  ];
  // Few iterations: these hashes only need to differ (each has its own salt), not to be slow.
  const pins = await Promise.all(people.map(() => hashPin('7777', 1000)));
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
      await insertStaff(tx, {
        id: staffOf(officeId, role),
        officeId,
        role,
        surname: 'Басқа',
        givenName: role,
        pin: pins[i] as PinHash,
        isActive: true,
      });
    }
    // Someone who left akt-01: still in the directory, no longer allowed to act.
    const [specialist] = await listStaff(tx, 'akt-01');
    await insertStaff(tx, {
      id: 'akt-01-former',
      officeId: 'akt-01',
      role: 'akimat_specialist',
      surname: 'Бұрынғы',
      givenName: 'Қызметкер',
      pin: specialist?.pin ?? (pins[0] as PinHash),
      isActive: false,
    });
    await bumpReferenceVersion(tx, h.clock.now());
  });
}

const statusOf = (result: PushResult | undefined): string =>
  result === undefined ? 'missing' : result.status === 'rejected' ? result.code : result.status;

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

  /**
   * `count` new cases of an akimat brought to `status` through legal events: the akimat's device
   * does the akimat's steps, its district's device the district's (the head may do them all).
   */
  async function casesIn(
    office: 'akt-01' | 'akt-02' | 'oth-01',
    status: CaseStatus,
    count: number,
  ): Promise<string[]> {
    const ids = Array.from({ length: count }, () => uuidv7());
    if (count === 0) return ids;
    const village = devices[office];
    const district = devices[office === 'oth-01' ? 'oth-district' : 'akt-district'];
    const districtOffice = office === 'oth-01' ? 'oth-district' : 'akt-district';
    for (const step of ROAD) {
      const isVillageStep = (TRANSITIONS[step.type].roles as readonly string[]).includes('akim');
      const device = isVillageStep ? village : district;
      const person = isVillageStep
        ? staffOf(office, 'akimat_specialist')
        : staffOf(districtOffice, 'district_head');
      const results = await pushAll(
        device,
        ids.map((id) => makeEvent(device, step.type, id, person, office)),
      );
      expect([...results.values()].map(statusOf)).toEqual(ids.map(() => 'accepted'));
      if (step.to === status) return ids;
    }
    throw new Error(`no road to ${status}`);
  }

  async function caseRows(): Promise<Map<string, string>> {
    const rows = await h.db.all<{ case_id: string; status: string; state: string }>(
      'SELECT case_id, status, state FROM cases',
    );
    return new Map(rows.map((r) => [r.case_id, `${r.status} ${r.state}`]));
  }

  async function statusOfCase(caseId: string): Promise<string | undefined> {
    const row = await h.db.first<{ status: string }>('SELECT status FROM cases WHERE case_id = ?', [
      caseId,
    ]);
    return row?.status;
  }

  it('judges every person × office × event type as the matrix says', async () => {
    interface Row {
      device: DeviceName;
      person: string;
      office: CaseOffice;
      type: (typeof TYPES)[number];
      expected: Letter;
    }
    const rows: Row[] = [];
    for (const [device, people] of Object.entries(MATRIX) as [
      DeviceName,
      (typeof MATRIX)[DeviceName],
    ][]) {
      for (const [person, byOffice] of Object.entries(people)) {
        for (const office of CASE_OFFICES) {
          const word = byOffice[office];
          expect(word, `${device} ${person} ${office}`).toMatch(/^[ARSU]{8}$/);
          TYPES.forEach((type, i) => {
            rows.push({ device, person, office, type, expected: word?.[i] as Letter });
          });
        }
      }
    }
    expect(rows).toHaveLength(2 * 7 * 4 * 8);

    // A case in the needed status for every row: one of its own where the event will be
    // accepted, one shared by the rows that will be refused (a refusal changes no case).
    const shared = new Map<string, string>();
    const caseFor = new Map<Row, string>();
    for (const row of rows) {
      const from = TRANSITIONS[row.type].from;
      if (from === null || row.office === 'akt-district') {
        caseFor.set(row, uuidv7()); // a new case, or one the district office can never have
        continue;
      }
      if (row.expected === 'A') {
        const [id] = await casesIn(row.office, from, 1);
        caseFor.set(row, id as string);
        continue;
      }
      const key = `${row.office} ${from}`;
      if (!shared.has(key)) shared.set(key, (await casesIn(row.office, from, 1))[0] as string);
      caseFor.set(row, shared.get(key) as string);
    }

    const before = await caseRows();
    const deviceOf = { village: devices['akt-01'], district: devices['akt-district'] };
    const eventOf = new Map<Row, CaseEvent>();
    for (const name of ['village', 'district'] as const) {
      const mine = rows.filter((r) => r.device === name);
      const events = mine.map((row) => {
        const event = makeEvent(
          deviceOf[name],
          row.type,
          caseFor.get(row) as string,
          row.person,
          row.office,
        );
        eventOf.set(row, event);
        return event;
      });
      const results = await pushAll(deviceOf[name], events);
      const got = mine.map((row) => statusOf(results.get(eventOf.get(row)?.id ?? '')));
      const want = mine.map((row) => OUTCOMES[row.expected]);
      // Compared as labelled lines, so a failure names the cell.
      const label = (row: Row, outcome: string) =>
        `${name} · ${row.person} · case of ${row.office} · ${row.type} → ${outcome}`;
      expect(mine.map((row, i) => label(row, got[i] as string))).toEqual(
        mine.map((row, i) => label(row, want[i] as string)),
      );
    }

    // Accepted events moved their cases on; refused ones changed no case.
    const after = await caseRows();
    const acceptedCases = new Set(
      rows.filter((r) => r.expected === 'A').map((r) => caseFor.get(r) as string),
    );
    for (const [caseId, state] of after) {
      if (!acceptedCases.has(caseId)) expect(state, caseId).toBe(before.get(caseId));
    }
    for (const row of rows.filter((r) => r.expected === 'A')) {
      expect(await statusOfCase(caseFor.get(row) as string)).toBe(TRANSITIONS[row.type].to);
    }
  });

  it('allows each event type only from its status, as the transition table says', async () => {
    const village = devices['akt-01'];
    const district = devices['akt-district'];
    const cells: {
      type: (typeof TYPES)[number];
      column: (typeof STATUS_COLUMNS)[number];
      expected: Letter;
      caseId: string;
    }[] = [];
    const shared = new Map<CaseStatus, string>();
    for (const type of TYPES) {
      const word = TRANSITION_TABLE[type];
      expect(word).toMatch(/^[ATEN]{9}$/);
      for (const [i, column] of STATUS_COLUMNS.entries()) {
        const expected = word[i] as Letter;
        let caseId: string;
        if (column === null) caseId = uuidv7();
        else if (expected === 'A') caseId = (await casesIn('akt-01', column, 1))[0] as string;
        else {
          if (!shared.has(column))
            shared.set(column, (await casesIn('akt-01', column, 1))[0] as string);
          caseId = shared.get(column) as string;
        }
        cells.push({ type, column, expected, caseId });
      }
    }
    const before = await caseRows();
    const got: string[] = [];
    for (const cell of cells) {
      // Someone allowed to record the type: the akimat specialist or the district head.
      const isVillageStep = (TRANSITIONS[cell.type].roles as readonly string[]).includes('akim');
      const device = isVillageStep ? village : district;
      const person = isVillageStep
        ? staffOf('akt-01', 'akimat_specialist')
        : staffOf('akt-district', 'district_head');
      const event = makeEvent(device, cell.type, cell.caseId, person, 'akt-01');
      const results = await pushAll(device, [event]);
      got.push(`${cell.type} on ${cell.column ?? 'no case'} → ${statusOf(results.get(event.id))}`);
    }
    expect(got).toEqual(
      cells.map((c) => `${c.type} on ${c.column ?? 'no case'} → ${OUTCOMES[c.expected]}`),
    );
    const after = await caseRows();
    for (const [status, caseId] of shared) {
      expect(after.get(caseId), status).toBe(before.get(caseId));
      expect(await statusOfCase(caseId)).toBe(status);
    }
  });

  it('refuses forged envelopes: another device, an inactive or unknown person, a case claimed for another office', async () => {
    const village = devices['akt-01'];
    const district = devices['akt-district'];
    const specialist = staffOf('akt-01', 'akimat_specialist');
    const head = staffOf('akt-district', 'district_head');
    const [registered] = await casesIn('akt-01', 'registered', 1);
    const [forwarded01] = await casesIn('akt-01', 'forwarded', 1);
    const [registered02] = await casesIn('akt-02', 'registered', 1);
    const [forwardedOther] = await casesIn('oth-01', 'forwarded', 1);
    const before = await caseRows();

    const villageCases: [string, CaseEvent, string][] = [
      [
        "another device's id",
        {
          ...makeEvent(village, 'batch.sent', registered as string, specialist, 'akt-01'),
          deviceId: district.id,
        },
        'device-mismatch',
      ],
      [
        'a person who left the office',
        makeEvent(village, 'batch.sent', registered as string, 'akt-01-former', 'akt-01'),
        'staff-unknown',
      ],
      [
        'a person who never existed',
        makeEvent(village, 'batch.sent', registered as string, 'akt-01-nobody', 'akt-01'),
        'staff-unknown',
      ],
      [
        "another akimat's case claimed as our own",
        makeEvent(village, 'batch.sent', registered02 as string, specialist, 'akt-01'),
        'office-mismatch',
      ],
      [
        'a case the server does not know',
        makeEvent(village, 'batch.sent', uuidv7(), specialist, 'akt-01'),
        'case-not-found',
      ],
      [
        'a second registration of an existing case',
        makeEvent(village, 'case.registered', registered as string, specialist, 'akt-01'),
        'case-already-exists',
      ],
    ];
    const districtCases: [string, CaseEvent, string][] = [
      [
        "an akt-01 case claimed as akt-02's",
        makeEvent(district, 'case.received', forwarded01 as string, head, 'akt-02'),
        'office-mismatch',
      ],
      [
        "another district's case claimed as one of ours",
        makeEvent(district, 'case.received', forwardedOther as string, head, 'akt-01'),
        'office-mismatch',
      ],
      [
        "another district's case as it is",
        makeEvent(district, 'case.received', forwardedOther as string, head, 'oth-01'),
        'case-not-in-scope',
      ],
      [
        "a person of another district's office",
        makeEvent(
          district,
          'case.received',
          forwarded01 as string,
          staffOf('oth-district', 'district_head'),
          'akt-01',
        ),
        'staff-unknown',
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
    expect(await caseRows()).toEqual(before);
  });

  it('pulls to each device exactly the events of its scope, and no rejected event', async () => {
    const all = await h.db.all<{ id: string; office_id: string }>(
      'SELECT id, office_id FROM events',
    );
    const expectedScope: Record<keyof typeof devices, (officeId: string) => boolean> = {
      'akt-01': (o) => o === 'akt-01',
      'akt-02': (o) => o === 'akt-02',
      'akt-district': (o) => o.startsWith('akt-') && o !== 'akt-district',
      'oth-01': (o) => o === 'oth-01',
      'oth-district': (o) => o === 'oth-01',
    };
    expect(rejectedIds.length).toBeGreaterThan(0);
    for (const [name, device] of Object.entries(devices) as [keyof typeof devices, Device][]) {
      device.cursor = 0;
      const seen = await device.pullAll(250);
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

  it('gives each device PIN hashes of its own office only, and only its district', async () => {
    const otherHashes = new Map<string, string>(
      (await listStaff(h.db, 'oth-01')).map((s) => [s.pin.hash, 'oth-01']),
    );
    for (const s of await listStaff(h.db, 'oth-district'))
      otherHashes.set(s.pin.hash, 'oth-district');
    for (const [name, device] of Object.entries(devices) as [keyof typeof devices, Device][]) {
      const reply = await call<ReferenceResponse>(h, 'GET', '/api/v1/sync/reference', {
        token: device.enrollment.token,
      });
      expect(reply.status).toBe(200);
      const reference = reply.body;
      const own = await listStaff(h.db, name);
      expect(reference.staff.map((s) => s.id).sort(), name).toEqual(own.map((s) => s.id).sort());
      expect(reference.staff.every((s) => s.officeId === name && s.pin.hash.length > 0)).toBe(true);
      // Names and roles of the district for histories, never a hash.
      for (const person of reference.people) expect(Object.keys(person)).not.toContain('pin');
      const text = JSON.stringify(reference);
      expect(text.split('PBKDF2-SHA256').length - 1, name).toBe(reference.staff.length);
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
      // The other district's people have hashes of their own: each reaches only its office.
      for (const [hash, office] of otherHashes) {
        expect(text.includes(hash), `${name} has a hash of ${office}`).toBe(name === office);
      }
    }
  });
});
