/**
 * Staff identity in the authorization matrix (ADR 0015), on every store: who an event or an
 * admin call is from is proved, never taken at its word.
 *
 * - Proofs, for every event type: each is built valid, by a person whose role may take it, on a
 *   004-01 case brought (by the matrix's walks) to the first position where it may happen, on a
 *   device of her office. It is refused with another person's key there, with her key from
 *   another device, while she has no key there at all, with a forged proof, a proof with one
 *   character changed, another accepted event's proof, and no proof — and then the honest event
 *   is accepted, so each refusal was about the proof. Every one-character change of a proof is
 *   refused too (a change in the unused bits of its last character included).
 * - Administration, for every `/api/v1/admin/*` route the server registers (read from its route
 *   tree, so a new route cannot escape): no session, a made-up token, the session of a person of
 *   the office who is not the administrator, her session from another device, an expired
 *   session, a deactivated administrator's, a session of hers once she is no longer the
 *   administrator; session requests with forged proofs or a used nonce. Each is refused with its
 *   code, nothing in the store changes, and then her honest session passes every route.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CaseEvent,
  canonicalJson,
  EVENT_TYPES,
  type EventType,
} from '../../src/domain/case/events';
import { applyEvent, type Case } from '../../src/domain/case/reducer';
import { type ErrorCode, httpStatusFor } from '../../src/domain/errors';
import { LOW_PIN_COST, makePinVerifier } from '../../src/domain/identity/pin';
import { eventProof, newNonce, pushProof, sessionProof } from '../../src/domain/identity/proof';
import { mayRecord, nextActions } from '../../src/domain/process';
import type { StaffRole } from '../../src/domain/roles';
import {
  fromPushAnswer,
  PROTOCOL_VERSION,
  type PushResponse,
  type PushResult,
} from '../../src/domain/sync/protocol';
import { toWireEvent } from '../../src/domain/sync/wire';
import type { Db } from '../../sync-server/db/types';
import { insertSession } from '../../sync-server/queries/identity';
import { bumpReferenceVersion, insertStaff } from '../../sync-server/queries/reference';
import { newSessionToken, sha256Hex } from '../../sync-server/secrets';
import { DEMO_PINS } from '../../sync-server/seed/aktogay';
import {
  call,
  type Device,
  enrollDevice,
  type Harness,
  type Reply,
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
  registrationFor,
  walkCases,
} from './process-cases';

const PROCESS = processOfService('004-01');
const STARTS_A_CASE: readonly EventType[] = ['case.registered', 'application.refused'];
const ADMIN = staffOf('akt-district', 'district_admin');
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Where each event type is tried: the first 004-01 position that offers it, and who takes it. */
interface Plan {
  type: EventType;
  /** null: the event starts a case */
  position: Position | null;
  role: StaffRole;
}

const PLANS: readonly Plan[] = EVENT_TYPES.map((type): Plan => {
  if (STARTS_A_CASE.includes(type)) {
    if (!mayRecord(PROCESS, type, 'akimat_specialist')) throw new Error(`${type}: no specialist`);
    return { type, position: null, role: 'akimat_specialist' };
  }
  for (const position of positionsOf('004-01')) {
    const action = nextActions(PROCESS, stateAt004(position)).find((a) => a.type === type);
    const role = action?.roles.find((r) => r !== 'district_admin');
    if (role) return { type, position, role };
  }
  throw new Error(`${type}: no 004-01 position offers it`);
});

function stateAt004(position: Position): Case {
  let state: Case | undefined;
  position.steps.forEach((s, i) => {
    const event = {
      id: `oracle-${i}`,
      type: s.type,
      caseId: '0190a000-0000-7000-8000-000000000000',
      officeId: 'akt-01',
      deviceId: 'oracle',
      deviceSeq: i + 1,
      staffId: `oracle-${s.role}`,
      deviceTime: '2026-03-18T10:30:00+05:00',
      payload: payloadFor(s.type, PROCESS, {
        officeId: 'akt-01',
        districtOffice: 'akt-district',
        n: 4 * i,
        ...(state ? { state } : {}),
      }),
    } as CaseEvent;
    const next = applyEvent(state, event);
    if (!next.ok) throw new Error(`${position.name}: ${s.type} ${next.problem.code}`);
    state = next.value;
  });
  if (!state) throw new Error(`${position.name}: no steps`);
  return state;
}

const officeOf = (role: StaffRole) => (isVillageRole(role) ? 'akt-01' : 'akt-district');

/** Another person of the same office, who signs in on the same device. */
const PARTNER: Partial<Record<StaffRole, StaffRole>> = {
  akimat_specialist: 'akim',
  akim: 'akimat_specialist',
  district_executor: 'district_head',
  district_head: 'district_executor',
  district_sector_head: 'district_executor',
};

const statusOf = (result: PushResult | undefined): string =>
  result === undefined ? 'missing' : result.status === 'rejected' ? result.code : result.status;
const codeOf = (reply: Reply<unknown>) =>
  (reply.body as { error?: { code?: string } }).error?.code ?? `no error (${reply.status})`;

/** The proof with the character at `at` replaced by `by`. */
const changed = (proof: string, at: number, by: string) =>
  `${proof.slice(0, at)}${by}${proof.slice(at + 1)}`;
/** The `k`th base64url character after the one at `at` (k in 1..63: never the same). */
const otherChar = (proof: string, at: number, k: number) =>
  BASE64URL[(BASE64URL.indexOf(proof[at] ?? 'A') + k) % 64] as string;
const randomProof = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(43)), (b) => BASE64URL[b % 64]).join('');

/** Every table of the store, each as its rows in a stable order: what "nothing changed" means. */
async function dumpStore(db: Db): Promise<Record<string, string[]>> {
  const tables = await db.all<{ name: string }>(
    db.dialect === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
      : 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name',
  );
  const dump: Record<string, string[]> = {};
  for (const { name } of tables) {
    const rows = await db.all<Record<string, unknown>>(`SELECT * FROM ${name}`);
    dump[name] = rows.map((row) => JSON.stringify(row)).sort();
  }
  return dump;
}

/**
 * Every route of the app as `METHOD /path`, read from Fastify's route tree
 * (`printRoutes({ commonPrefix: false })`: one node per line, children indented by four).
 */
function routesOf(app: FastifyInstance): string[] {
  const routes: string[] = [];
  const paths: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:[│ ] {3})*)[├└]── (\S+)(?: \(([^)]*)\))?/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    paths.length = depth;
    const path = `${paths[depth - 1] ?? ''}${match[2]}`;
    paths.push(path);
    for (const method of (match[3] ?? '').split(', ')) {
      if (method && method !== '-') routes.push(`${method} ${path}`);
    }
  }
  return routes;
}

describe.each(STORES)('staff identity in the authorization matrix on $name', (store) => {
  let h: Harness;
  let village: Device;
  let district: Device;

  beforeAll(async () => {
    h = await startServer(store);
    village = await enrollDevice(h, 'akt-01', 'akimat');
    district = await enrollDevice(h, 'akt-district', 'district');
  });
  afterAll(async () => {
    await h?.close();
  });

  const devicesOf = (): OfficeDevices => ({ village, district, districtOffice: 'akt-district' });
  const mainOf = (role: StaffRole) => (isVillageRole(role) ? village : district);

  async function signIn(device: Device, role: StaffRole): Promise<void> {
    const reply = await device.signIn(staffOf(officeOf(role), role), DEMO_PINS[role]);
    expect(reply.status, `${role} signs in: ${JSON.stringify(reply.body)}`).toBe(200);
  }

  /** Case states as the server holds them, by case id. */
  async function caseStates(): Promise<Map<string, string>> {
    const rows = await h.db.all<{ case_id: string; status: string; state: string }>(
      'SELECT case_id, status, state FROM cases',
    );
    return new Map(
      rows.map((r) => [r.case_id, `${r.status} ${canonicalJson(JSON.parse(r.state))}`]),
    );
  }

  /** The reducer's word on where each accepted event took its case; every other case is as it was. */
  async function expectMoved(before: Map<string, string>, accepted: readonly CaseEvent[]) {
    const after = await caseStates();
    const moved = new Set(accepted.map((e) => e.caseId));
    for (const [caseId, row] of after) if (!moved.has(caseId)) expect(row).toBe(before.get(caseId));
    for (const event of accepted) {
      const old = before.get(event.caseId);
      const state = old ? (JSON.parse(old.slice(old.indexOf(' ') + 1)) as Case) : undefined;
      const next = applyEvent(state, event);
      if (!next.ok) throw new Error(`${event.type}: ${next.problem.code}`);
      expect(after.get(event.caseId), event.type).toBe(
        `${next.value.status} ${canonicalJson(next.value)}`,
      );
    }
  }

  /** Walks the cases of each plan's event type to the plan's position (a start needs none). */
  async function walkToPlans(cases: ReadonlyMap<EventType, readonly string[]>): Promise<void> {
    const byPosition = new Map<Position, string[]>();
    for (const plan of PLANS) {
      if (!plan.position) continue;
      const ids = byPosition.get(plan.position) ?? [];
      byPosition.set(plan.position, [...ids, ...(cases.get(plan.type) ?? [])]);
    }
    await walkCases(
      [...byPosition].map(([position, ids]) => ({
        service: '004-01' as const,
        office: 'akt-01',
        steps: position.steps,
        ids,
      })),
      devicesOf,
    );
  }

  /** The event of the plan on a case, as the app would make it on `device`. */
  function eventOf(device: Device, plan: Plan, caseId: string, n: number): CaseEvent {
    const payload = payloadFor(plan.type, PROCESS, {
      officeId: 'akt-01',
      districtOffice: 'akt-district',
      n: 4 * n,
      ...(plan.position ? { state: stateAt004(plan.position) } : {}),
    });
    const staffId = staffOf(officeOf(plan.role), plan.role);
    return device.event(plan.type, caseId, staffId, payload as never, 'akt-01');
  }

  it('covers every event type, each by a person whose role may take it where it is tried', () => {
    expect(PLANS.map((p) => p.type)).toEqual([...EVENT_TYPES]);
    // Both kinds of device and every role that records anything take part.
    expect(new Set(PLANS.map((p) => p.role))).toEqual(
      new Set([
        'akimat_specialist',
        'akim',
        'district_executor',
        'district_sector_head',
        'district_head',
      ]),
    );
  });

  it('refuses every event type proved with anything but its person’s key on its device, then takes the honest one', async () => {
    // Two cases per type at its position: one takes an honest event first (whose proof is then
    // copied), the other every refusal and then its honest event.
    const cases = new Map(PLANS.map((plan) => [plan.type, newIds(2) as [string, string]]));
    await walkToPlans(cases);
    const before = await caseStates();

    // Each person signs in on her office's main device (her key from another device), and on a
    // device of her own where her partner signed in first.
    const people = [...new Set(PLANS.map((p) => p.role))];
    const own = new Map<StaffRole, Device>();
    for (const role of people) {
      await signIn(mainOf(role), role);
      const device = await enrollDevice(
        h,
        officeOf(role),
        isVillageRole(role) ? 'akimat' : 'district',
      );
      await signIn(device, PARTNER[role] as StaffRole);
      own.set(role, device);
    }

    const rows: { label: string; got: string; want: string }[] = [];
    const accepted: CaseEvent[] = [];
    const keyOf = (device: Device, role: StaffRole) => {
      const key = device.keys.get(staffOf(officeOf(role), role));
      if (!key) throw new Error(`no key of ${role}`);
      return key;
    };
    const push = async (device: Device, tried: [Plan, string, CaseEvent, string][]) => {
      const reply = await device.push(
        tried.map(([, , event]) => event),
        { sign: false },
      );
      expect(reply.status).toBe(200);
      tried.forEach(([plan, label, event, want], i) => {
        const got = statusOf(reply.body.results[i]);
        rows.push({ label: `${plan.type} by ${plan.role}: ${label}`, got, want });
        if (want === 'accepted' && got === 'accepted') accepted.push(event);
      });
      return reply;
    };
    const proved = (event: CaseEvent, key: Uint8Array): CaseEvent => ({
      ...event,
      proof: eventProof(key, event),
    });

    for (const role of people) {
      const device = own.get(role) as Device;
      const plans = PLANS.filter((p) => p.role === role);
      const partnerKey = keyOf(device, PARTNER[role] as StaffRole);
      const elsewhere = keyOf(mainOf(role), role);
      let n = 0;
      const target = (plan: Plan) => eventOf(device, plan, cases.get(plan.type)?.[1] ?? '', n++);

      // She has no key on this device at all: whatever proves her event here, it is not hers.
      await push(
        device,
        plans.flatMap((plan) => [
          [
            plan,
            'no key of hers here, her partner’s key',
            proved(target(plan), partnerKey),
            'proof-invalid',
          ],
          [
            plan,
            'no key of hers here, her key from another device',
            proved(target(plan), elsewhere),
            'proof-invalid',
          ],
        ]),
      );

      await signIn(device, role);
      const mine = keyOf(device, role);
      // Honest events on the first case of each type: the proofs to copy.
      const seeds = plans.map((plan) =>
        proved(eventOf(device, plan, cases.get(plan.type)?.[0] ?? '', n++), mine),
      );
      await push(
        device,
        plans.map((plan, i) => [
          plan,
          'honest, on the case whose proof is copied',
          seeds[i] as CaseEvent,
          'accepted',
        ]),
      );

      // Made in the order they are pushed: each takes the device's next seq.
      await push(
        device,
        plans.flatMap((plan, i): [Plan, string, CaseEvent, string][] => {
          const oneChanged = () => {
            const honest = proved(target(plan), mine);
            const proof = honest.proof ?? '';
            return { ...honest, proof: changed(proof, 21, otherChar(proof, 21, 1)) };
          };
          return [
            [
              plan,
              'her partner’s key, both signed in here',
              proved(target(plan), partnerKey),
              'proof-invalid',
            ],
            [plan, 'a forged proof', { ...target(plan), proof: randomProof() }, 'proof-invalid'],
            [plan, 'a proof with one character changed', oneChanged(), 'proof-invalid'],
            [
              plan,
              'the proof of another accepted event of hers here',
              { ...target(plan), proof: seeds[i]?.proof ?? '' },
              'proof-invalid',
            ],
            [plan, 'no proof', target(plan), 'proof-missing'],
            [plan, 'her key from another device', proved(target(plan), elsewhere), 'proof-invalid'],
          ];
        }),
      );

      // And the honest event, where each refusal was tried: the refusals were about the proof.
      await push(
        device,
        plans.map((plan) => [plan, 'honest', proved(target(plan), mine), 'accepted']),
      );
    }

    expect(rows.map((r) => `${r.label} → ${r.got}`)).toEqual(
      rows.map((r) => `${r.label} → ${r.want}`),
    );
    expect(accepted).toHaveLength(2 * PLANS.length);
    await expectMoved(before, accepted);
    // The server keeps each accepted event's proof as sent.
    const stored = await h.db.all<{ id: string; proof: string | null }>(
      `SELECT id, proof FROM events WHERE id IN (${accepted.map(() => '?').join(', ')})`,
      accepted.map((e) => e.id),
    );
    expect(new Map(stored.map((r) => [r.id, r.proof]))).toEqual(
      new Map(accepted.map((e) => [e.id, e.proof ?? null])),
    );
  });

  it('refuses whole, storing nothing, a push proved as one when any event in it is not its person’s on its device; takes the honest one', async () => {
    const cases = new Map(PLANS.map((plan) => [plan.type, newIds(1) as [string]]));
    await walkToPlans(cases);
    const before = await caseStates();
    const people = [...new Set(PLANS.map((p) => p.role))];
    // Each person and her partner signed in on her office's main device; she also on a device
    // of her own.
    const elsewhere = new Map<StaffRole, Uint8Array>();
    for (const role of people) {
      const other = await enrollDevice(
        h,
        officeOf(role),
        isVillageRole(role) ? 'akimat' : 'district',
      );
      await signIn(other, role);
      elsewhere.set(role, other.keys.get(staffOf(officeOf(role), role)) as Uint8Array);
      await signIn(mainOf(role), role);
      await signIn(mainOf(role), PARTNER[role] as StaffRole);
    }
    const pushAs = (device: Device, events: readonly CaseEvent[], proof: string) =>
      call<PushResponse>(h, 'POST', '/api/v1/sync/push', {
        token: device.enrollment.token,
        json: { protocolVersion: PROTOCOL_VERSION, events: events.map(toWireEvent), proof },
      });
    const rows: string[] = [];
    const accepted: CaseEvent[] = [];
    let lastHonest = '';
    for (const plan of PLANS) {
      const device = mainOf(plan.role);
      const mine = device.keys.get(staffOf(officeOf(plan.role), plan.role)) as Uint8Array;
      const partner = device.keys.get(
        staffOf(officeOf(plan.role), PARTNER[plan.role] as StaffRole),
      ) as Uint8Array;
      const target = eventOf(device, plan, cases.get(plan.type)?.[0] ?? '', 0);
      // A second event of hers after it, which a push may try to slip in under her proof.
      const extra = { ...target, id: newIds(1)[0] as string, deviceSeq: target.deviceSeq + 1 };
      const honest = eventProof(mine, target);
      const tries: [string, CaseEvent[], string][] = [
        [
          'her partner’s key, both signed in here',
          [target],
          pushProof([eventProof(partner, target)]),
        ],
        [
          'her key from another device',
          [target],
          pushProof([eventProof(elsewhere.get(plan.role) as Uint8Array, target)]),
        ],
        ['a forged proof', [target], randomProof()],
        ['the proof of her own earlier push', [target], lastHonest || randomProof()],
        ['her event’s proof over a push with one more event', [target, extra], pushProof([honest])],
        ['the event’s proof twice over a push of it twice', [target, target], pushProof([honest])],
      ];
      for (const [label, events, proof] of tries) {
        const store = await dumpStore(h.db);
        const reply = await pushAs(device, events, proof);
        rows.push(`${plan.type}: ${label} → ${reply.status} ${codeOf(reply)}`);
        expect(await dumpStore(h.db), label).toEqual(store);
      }
      lastHonest = pushProof([honest]);
      const reply = await pushAs(device, [target], lastHonest);
      const results = fromPushAnswer([target.id], reply.body);
      rows.push(`${plan.type}: honest → ${reply.status} ${statusOf(results?.[0])}`);
      if (results?.[0]?.status === 'accepted') accepted.push({ ...target, proof: honest });
    }
    expect(rows).toEqual(
      PLANS.flatMap((plan) => [
        ...[
          'her partner’s key, both signed in here',
          'her key from another device',
          'a forged proof',
          'the proof of her own earlier push',
          'her event’s proof over a push with one more event',
          'the event’s proof twice over a push of it twice',
        ].map((label) => `${plan.type}: ${label} → 403 push-proof-invalid`),
        `${plan.type}: honest → 200 accepted`,
      ]),
    );
    await expectMoved(before, accepted);
    // Each event proved by the push is kept with its own proof, as if it had been sent with it.
    const stored = await h.db.all<{ id: string; proof: string | null }>(
      `SELECT id, proof FROM events WHERE id IN (${accepted.map(() => '?').join(', ')})`,
      accepted.map((e) => e.id),
    );
    expect(new Map(stored.map((r) => [r.id, r.proof]))).toEqual(
      new Map(accepted.map((e) => [e.id, e.proof ?? null])),
    );
  });

  it('refuses every one-character change of a proof, the unused bits of its last character included', async () => {
    const plan = PLANS.find((p) => p.type === 'commission.ordered') as Plan;
    const [caseId] = newIds(1) as [string];
    await walkCases(
      [{ service: '004-01', office: 'akt-01', steps: plan.position?.steps ?? [], ids: [caseId] }],
      devicesOf,
    );
    const device = mainOf(plan.role);
    const key = device.keys.get(staffOf('akt-01', plan.role));
    if (!key) throw new Error('no key');
    const before = await caseStates();
    const variants: CaseEvent[] = [];
    const labels: string[] = [];
    const honestOf = () => {
      const event = eventOf(device, plan, caseId, 0);
      return { ...event, proof: eventProof(key, event) };
    };
    for (let at = 0; at < 43; at++) {
      for (let k = 1; k < 64; k++) {
        const honest = honestOf();
        const by = otherChar(honest.proof, at, k);
        variants.push({ ...honest, proof: changed(honest.proof, at, by) });
        labels.push(`${at}: ${honest.proof[at]} → ${by}`);
      }
    }
    expect(variants).toHaveLength(43 * 63);
    const got: string[] = [];
    for (let i = 0; i < variants.length; i += 500) {
      const reply = await device.push(variants.slice(i, i + 500), { sign: false });
      got.push(...reply.body.results.map(statusOf));
    }
    expect(labels.filter((_, i) => got[i] !== 'proof-invalid')).toEqual([]);
    expect(await caseStates()).toEqual(before);
    const honest = honestOf();
    const reply = await device.push([honest], { sign: false });
    expect(reply.body.results.map(statusOf)).toEqual(['accepted']);
    await expectMoved(before, [honest]);
  });

  describe('administration', () => {
    const SPARE = 'akt-01-spare';
    const ADMIN2 = 'akt-district-admin2';
    const HEAD = staffOf('akt-district', 'district_head');
    let spareDevice: Device;
    let otherDistrictDevice: Device;
    /** a registration the spare device never sent, for the file of unsent work */
    let unsentEvent: CaseEvent;

    /** A request of every admin route, by `METHOD /template`, in an order the honest run can take. */
    const requests = (): Record<string, { path: string; body?: object }> => ({
      'GET /api/v1/admin/staff': { path: '/api/v1/admin/staff' },
      'GET /api/v1/admin/devices': { path: '/api/v1/admin/devices' },
      'GET /api/v1/admin/audit': {
        path: `/api/v1/admin/audit?personId=${SPARE}&from=2026-01-01&to=2026-12-31`,
      },
      'POST /api/v1/admin/staff': {
        path: '/api/v1/admin/staff',
        body: {
          person: {
            surname: 'Жаңа',
            givenName: 'Адам',
            role: 'akimat_specialist',
            officeId: 'akt-01',
            pin: '864209',
          },
        },
      },
      'PUT /api/v1/admin/staff/:id/role': {
        path: `/api/v1/admin/staff/${SPARE}/role`,
        body: { role: 'akim' },
      },
      'PUT /api/v1/admin/staff/:id/pin': {
        path: `/api/v1/admin/staff/${SPARE}/pin`,
        body: { pin: '864209' },
      },
      'POST /api/v1/admin/staff/:id/unlock': { path: `/api/v1/admin/staff/${SPARE}/unlock` },
      'POST /api/v1/admin/staff/:id/deactivate': {
        path: `/api/v1/admin/staff/${SPARE}/deactivate`,
        body: {},
      },
      'PUT /api/v1/admin/offices/:id/details': {
        path: '/api/v1/admin/offices/akt-01/details',
        body: {
          name: { kk: 'Атау', ru: 'Название' },
          address: { kk: 'Мекенжай', ru: 'Адрес' },
          phone: '',
        },
      },
      'PUT /api/v1/admin/offices/:id/hours': {
        path: '/api/v1/admin/offices/akt-01/hours',
        body: { hours: { open: '09:00', close: '18:00', lunch: { from: '13:00', to: '14:00' } } },
      },
      'PUT /api/v1/admin/devices/:id/name': {
        path: `/api/v1/admin/devices/${spareDevice.id}/name`,
        body: { name: 'Қосалқы' },
      },
      'POST /api/v1/admin/devices/:id/revoke': {
        path: `/api/v1/admin/devices/${spareDevice.id}/revoke`,
      },
      'POST /api/v1/admin/enroll-codes': {
        path: '/api/v1/admin/enroll-codes',
        body: { officeId: 'akt-07' },
      },
      'PUT /api/v1/admin/district/acts': {
        path: '/api/v1/admin/district/acts',
        body: { actIds: ['003', '004'] },
      },
      'PUT /api/v1/admin/district/public-url': {
        path: '/api/v1/admin/district/public-url',
        body: { publicUrl: null },
      },
      'POST /api/v1/admin/catalog/checklists': {
        path: '/api/v1/admin/catalog/checklists',
        body: {
          serviceId: '003-06',
          documents: [{ id: 'application', name: { kk: 'Өтініш', ru: 'Заявление' } }],
        },
      },
      'PUT /api/v1/admin/calendar/:year': {
        path: '/api/v1/admin/calendar/2028',
        body: {
          kurbanAit: '2028-05-05',
          transfers: [{ dayOff: '2028-05-12', workDay: '2028-05-13', order: 'Қаулы (мысал)' }],
          source: 'Қаулы (мысал)',
        },
      },
      'POST /api/v1/admin/unsent-imports': {
        path: '/api/v1/admin/unsent-imports',
        body: {
          file: {
            format: 'qabyldau-unsent-events',
            version: 1,
            deviceId: spareDevice.id,
            officeId: 'akt-02',
            exportedAt: '2026-03-19T09:00:00+05:00',
            events: [unsentEvent],
          },
        },
      },
    });

    beforeAll(async () => {
      spareDevice = await enrollDevice(h, 'akt-02', 'akimat');
      unsentEvent = await spareDevice.prove(
        spareDevice.event(
          'case.registered',
          newIds(1)[0] as string,
          staffOf('akt-02', 'akimat_specialist'),
          registrationFor('004-01', 'akt-02'),
        ),
      );
      otherDistrictDevice = await enrollDevice(h, 'akt-district', 'district');
      const verifier = await makePinVerifier('975310', LOW_PIN_COST);
      await h.db.transaction(async (tx) => {
        const person = { surname: 'Қосалқы', givenName: 'Адам', isActive: true };
        await insertStaff(
          tx,
          { ...person, id: SPARE, officeId: 'akt-01', role: 'akimat_specialist' },
          verifier,
        );
        await insertStaff(
          tx,
          { ...person, id: ADMIN2, officeId: 'akt-district', role: 'district_admin' },
          verifier,
        );
        await bumpReferenceVersion(tx, h.clock.now());
      });
    });

    /** One admin call, naming the administrator in its body and query (which counts for nothing). */
    const adminCall = (
      method: string,
      request: { path: string; body?: object },
      device: Device,
      session: string | undefined,
      named = true,
    ) => {
      const path =
        named && (method === 'GET' || method === 'HEAD')
          ? `${request.path}${request.path.includes('?') ? '&' : '?'}staffId=${ADMIN}`
          : request.path;
      const hasBody = method !== 'GET' && method !== 'HEAD';
      const body = named ? { staffId: ADMIN, ...request.body } : (request.body ?? {});
      return call(h, method, path, {
        token: device.enrollment.token,
        ...(session ? { session } : {}),
        ...(hasBody ? { json: body } : {}),
      });
    };

    it('knows every admin route the server registers', () => {
      const all = routesOf(h.app);
      // The tree was read: routes of each part of the API are there.
      expect(all).toContain('POST /api/v1/staff/sign-in');
      expect(all).toContain('PUT /api/v1/admin/staff/:id/pin');
      const admin = all.filter((r) => r.split(' ')[1]?.startsWith('/api/v1/admin/'));
      const gets = admin.filter((r) => r.startsWith('GET ')).map((r) => r.slice(4));
      // HEAD is Fastify's twin of each GET, through the same handler; it is called too.
      expect(
        admin
          .filter((r) => r.startsWith('HEAD '))
          .map((r) => r.slice(5))
          .sort(),
      ).toEqual(gets.sort());
      expect(admin.filter((r) => !r.startsWith('HEAD ')).sort()).toEqual(
        Object.keys(requests()).sort(),
      );
    });

    it('refuses every admin call to anyone but the administrator in her live session on her device, and changes nothing', async () => {
      const routes = routesOf(h.app).filter((r) => r.split(' ')[1]?.startsWith('/api/v1/admin/'));
      const table = requests();
      const requestOf = (route: string) => {
        const [method = '', template = ''] = route.split(' ');
        const request = table[`${method === 'HEAD' ? 'GET' : method} ${template}`];
        if (!request) throw new Error(`no request for ${route}`);
        return { method, request };
      };

      // Nobody else gets a session by proof, whatever her key.
      const askers: [string, Device, string, ErrorCode][] = [
        ['the head, on her office’s device', district, HEAD, 'role-not-allowed'],
        [
          'the executor',
          district,
          staffOf('akt-district', 'district_executor'),
          'role-not-allowed',
        ],
        [
          'the sector head',
          district,
          staffOf('akt-district', 'district_sector_head'),
          'role-not-allowed',
        ],
        ['the administrator, on a village device', village, ADMIN, 'role-not-allowed'],
        [
          'the village specialist, on the district device',
          district,
          staffOf('akt-01', 'akimat_specialist'),
          'staff-unknown',
        ],
        ['the deactivated administrator', district, ADMIN2, 'staff-unknown'],
      ];
      // Her sessions: a live one here; the second administrator's, before her deactivation.
      const session = await district.session(ADMIN);
      const deactivatedSession = await district.session(ADMIN2);
      const deactivate = await call(h, 'POST', `/api/v1/admin/staff/${ADMIN2}/deactivate`, {
        token: district.enrollment.token,
        session,
        json: {},
      });
      expect(deactivate.status, JSON.stringify(deactivate.body)).toBe(200);
      // A session row of hers that outlived the deactivation: refused all the same.
      const outliving = newSessionToken();
      const inserted = (token: string, staffId: string, deviceId = district.id) =>
        insertSession(h.db, {
          tokenHash: sha256Hex(token),
          staffId,
          deviceId,
          nonce: null,
          issuedAt: h.clock.now().toISOString(),
          expiresAt: new Date(h.clock.now().getTime() + 30 * 60_000).toISOString(),
        });
      await inserted(outliving, ADMIN2);
      // The session endpoint gives the head none (below); a token put in the store for her.
      const headSession = newSessionToken();
      await inserted(headSession, HEAD);
      // A request by proof that was answered: its nonce is used.
      const adminKey = await district.keyOf(ADMIN);
      const nonce = newNonce();
      const used = {
        staffId: ADMIN,
        nonce,
        proof: sessionProof(adminKey, district.id, ADMIN, nonce),
      };
      const first = await call(h, 'POST', '/api/v1/staff/session', {
        token: district.enrollment.token,
        json: used,
      });
      expect(first.status).toBe(200);
      const keyElsewhere = await otherDistrictDevice.keyOf(ADMIN);
      // Everyone who asks below has a key on the device she asks from, registered now: what
      // follows must write nothing.
      for (const [, device, staffId] of askers) await device.keyOf(staffId);

      const before = await dumpStore(h.db);

      const sessionAsks: [string, Reply<unknown>, ErrorCode][] = [];
      for (const [label, device, staffId, code] of askers) {
        sessionAsks.push([label, await device.askSession(staffId), code]);
      }
      const ask = (json: object, device = district) =>
        call(h, 'POST', '/api/v1/staff/session', { token: device.enrollment.token, json });
      const fresh = newNonce();
      const honestProof = sessionProof(adminKey, district.id, ADMIN, fresh);
      const forgedAsks: [string, object, Device][] = [
        ['a forged proof', { staffId: ADMIN, nonce: fresh, proof: randomProof() }, district],
        [
          'a proof with one character changed',
          {
            staffId: ADMIN,
            nonce: fresh,
            proof: changed(honestProof, 21, otherChar(honestProof, 21, 1)),
          },
          district,
        ],
        [
          'her key from another device',
          {
            staffId: ADMIN,
            nonce: fresh,
            proof: sessionProof(keyElsewhere, district.id, ADMIN, fresh),
          },
          district,
        ],
        [
          'a proof made for another device, sent from it',
          { staffId: ADMIN, nonce: fresh, proof: honestProof },
          otherDistrictDevice,
        ],
        ['a used nonce: the request answered before, again', used, district],
      ];
      for (const [label, json, device] of forgedAsks) {
        sessionAsks.push([label, await ask(json, device), 'session-proof-invalid']);
      }
      expect(
        sessionAsks.map(([label, reply]) => `${label} → ${reply.status} ${codeOf(reply)}`),
      ).toEqual(sessionAsks.map(([label, , code]) => `${label} → ${httpStatusFor(code)} ${code}`));

      const scenarios: {
        label: string;
        device: Device;
        session: string | undefined;
        code: ErrorCode;
        before?: () => Promise<void>;
        after?: () => Promise<void>;
      }[] = [
        {
          label: 'no session',
          device: district,
          session: undefined,
          code: 'admin-session-required',
        },
        {
          label: 'a made-up token',
          device: district,
          session: newSessionToken(),
          code: 'admin-session-required',
        },
        {
          label: 'the head’s session on the same device',
          device: district,
          session: headSession,
          code: 'role-not-allowed',
        },
        {
          label: 'her session from another device of her office',
          device: otherDistrictDevice,
          session,
          code: 'admin-session-required',
        },
        {
          label: 'her session from a village device',
          device: village,
          session,
          code: 'role-not-allowed',
        },
        {
          label: 'a deactivated administrator’s session',
          device: district,
          session: deactivatedSession,
          code: 'admin-session-required',
        },
        {
          label: 'a session of hers that outlived her deactivation',
          device: district,
          session: outliving,
          code: 'admin-session-required',
        },
        {
          label: 'her session once she is no longer the administrator',
          device: district,
          session,
          code: 'role-not-allowed',
          before: async () => {
            await h.db.run("UPDATE staff SET role = 'district_head' WHERE id = ?", [ADMIN]);
          },
          after: async () => {
            await h.db.run("UPDATE staff SET role = 'district_admin' WHERE id = ?", [ADMIN]);
          },
        },
        // Last: the clock only moves on.
        {
          label: 'her session, expired 31 minutes after it was issued',
          device: district,
          session,
          code: 'admin-session-required',
          before: async () => h.clock.advance(31 * 60_000),
        },
      ];
      const got: string[] = [];
      const want: string[] = [];
      for (const scenario of scenarios) {
        await scenario.before?.();
        try {
          for (const route of routes) {
            const { method, request } = requestOf(route);
            const reply = await adminCall(method, request, scenario.device, scenario.session);
            // A HEAD answer has no body: its status is the one of the code.
            const code = method === 'HEAD' ? scenario.code : codeOf(reply);
            got.push(`${scenario.label}: ${route} → ${reply.status} ${code}`);
            want.push(
              `${scenario.label}: ${route} → ${httpStatusFor(scenario.code)} ${scenario.code}`,
            );
          }
        } finally {
          await scenario.after?.();
        }
      }
      expect(got).toEqual(want);
      expect(await dumpStore(h.db)).toEqual(before);

      // Her own live session passes every route: the refusals were about who asked.
      const honest = await district.session(ADMIN);
      const passed: string[] = [];
      for (const route of Object.keys(table)) {
        const reply = await adminCall(
          requestOf(route).method,
          requestOf(route).request,
          district,
          honest,
          false,
        );
        passed.push(
          `${route} → ${reply.status}${reply.status === 200 ? '' : ` ${JSON.stringify(reply.body)}`}`,
        );
      }
      expect(passed).toEqual(Object.keys(table).map((route) => `${route} → 200`));
      for (const route of routes.filter((r) => r.startsWith('HEAD '))) {
        const { method, request } = requestOf(route);
        expect((await adminCall(method, request, district, honest, false)).status, route).toBe(200);
      }
    });
  });
});
