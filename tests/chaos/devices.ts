/**
 * A simulated device of the chaos run: a real device database (`QabyldauDb` on its own
 * fake-indexeddb factory), enrolled over HTTP with a one-time code, holding the server's
 * reference data, with people signed in by their PINs as the sign-in screen does it
 * (`signInOnDevice`: the first time through the server, which registers a proof key that the
 * device seals; after a power cut, by opening the seal), and driven only through the app's own
 * code — `createCommands` for every action, each event proved with its person's key, and the
 * `SyncEngine` (push, then pull) for sync.
 * Its clock is the real one shifted by a fixed skew of hours or days: talon dates come from
 * the device, and sync must not care.
 *
 * Each case walks its service's process, and what a person may do to it next is the domain's
 * `nextActions`, as on the app's screens. A village device registers applications (services
 * rendered at the village in minutes, and ones that go to the district), has the akim order the
 * commission's inspection and records its act, sends transfer batches, signs where the akim is
 * the provider, receives results and hands them out (to the applicant or a representative),
 * forwards a returned file again or closes it with a refusal, now and then corrects a case or
 * cancels one; a district device receives forwarded cases or returns them, the head assigns
 * executors, executors draft decisions, the sector head endorses them, the head signs or sends
 * a draft back, and results go back. Devices of one office (and the district devices among
 * themselves) race for the same cases, so some of their events are legitimately rejected by
 * the server.
 */

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import {
  type Actor,
  type Commands,
  createCommands,
  type DecisionInput,
} from '../../src/db/commands';
import { type Credentials, getMeta } from '../../src/db/meta';
import { browserPorts, type Ports } from '../../src/db/ports';
import { type CaseRow, QabyldauDb } from '../../src/db/schema';
import type { EventType } from '../../src/domain/case/events';
import type { IntakeInput } from '../../src/domain/case/intake';
import { processOf } from '../../src/domain/case/reducer';
import { CATALOG, servicesFor } from '../../src/domain/catalog';
import type { Service } from '../../src/domain/catalog/schema';
import { controlDigit } from '../../src/domain/iin';
import { buildProcess, type CaseStatus, nextActions } from '../../src/domain/process';
import { PROCESS_OUTLINES } from '../../src/domain/process/outline';
import type { Staff } from '../../src/domain/reference';
import type { StaffRole } from '../../src/domain/roles';
import { SyncEngine } from '../../src/sync/engine';
import { enrollDevice } from '../../src/sync/enroll';
import { createHttp } from '../../src/sync/http';
import { signInOnDevice } from '../../src/sync/identity';
import { pullReference } from '../../src/sync/pull';
import { DEMO_PINS } from '../../sync-server/seed/aktogay';
import type { Rng } from './random';

/** Where a case waits for the village: its own steps, and results coming back. */
const VILLAGE_STATUSES: readonly CaseStatus[] = [
  'registered',
  'commission_ordered',
  'inspected',
  'returned',
  'signed',
  'result_sent',
  'result_received',
];
/** A case whose file is at the village, not sent on yet (or sent back by the district). */
const BEFORE_FORWARD: readonly CaseStatus[] = [
  'registered',
  'commission_ordered',
  'inspected',
  'returned',
];
/** Where a case waits for the district. */
const DISTRICT_STATUSES: readonly CaseStatus[] = [
  'forwarded',
  'received',
  'assigned',
  'decided',
  'endorsed',
  'rework',
  'signed',
];
/** Every status but the two a case ends in (handed out or refused: closed; cancelled). */
export const OPEN_STATUSES: readonly CaseStatus[] = [
  ...new Set([...VILLAGE_STATUSES, ...DISTRICT_STATUSES]),
];

export interface DeviceSpec {
  name: string;
  officeId: string;
  kind: 'akimat' | 'district';
  /** how far the device's clock is off, in ms (either way) */
  clockSkewMs: number;
  /** district devices split the villages between them: this one's number of `of` */
  share?: { index: number; of: number };
}

export type Action =
  | 'register'
  | 'order-commission'
  | 'inspect'
  | 'send-batch'
  | 'sign-at-village'
  | 'receive-result'
  | 'hand-out'
  | 'refuse-returned'
  | 'correct'
  | 'cancel'
  | 'receive'
  | 'return'
  | 'assign'
  | 'decide'
  | 'endorse'
  | 'send-back'
  | 'sign'
  | 'send-result'
  | 'sync';

/** A case a person could take up now, with what they may do and who of them may do it. */
interface Work {
  row: CaseRow;
  roles: readonly StaffRole[];
}

/**
 * The events a case of the district's services takes on average when nothing goes back: the
 * run sizes the villages' registrations by it. 003-16 takes three (registered, signed, handed
 * out), 004-01 twelve, the services of 003 that go to the district nine (with the head's
 * assignment, which the executor may also do without).
 */
export function eventsPerCase(services: readonly Service[]): number {
  const counts = services.flatMap((service) => {
    const process = buildProcess({
      serviceId: service.id,
      channel: 'akim',
      edition: CATALOG.version,
    });
    return process
      ? [process.steps.filter((s) => s.records && s.performers.length > 0).length]
      : [];
  });
  return counts.length ? counts.reduce((a, b) => a + b, 0) / counts.length : 8;
}

/** The event each action of a person records. */
const VILLAGE_EVENT: Partial<Record<Action, EventType>> = {
  'order-commission': 'commission.ordered',
  inspect: 'commission.inspected',
  'sign-at-village': 'case.signed',
  'receive-result': 'result.received',
  'hand-out': 'result.handed_out',
  'refuse-returned': 'case.refused',
  correct: 'case.corrected',
  cancel: 'case.cancelled',
};
const DISTRICT_EVENT: Partial<Record<Action, EventType>> = {
  receive: 'case.received',
  return: 'case.returned',
  assign: 'case.assigned',
  decide: 'case.decided',
  endorse: 'case.endorsed',
  'send-back': 'case.sent_back',
  sign: 'case.signed',
  'send-result': 'result.sent',
};

/** How many cases of one status a person looks at when choosing what to do next. */
const WORK_TRAY = 60;

const SURNAMES = ['Оспанов', 'Сейітова', 'Жұмабаев', 'Қасымова', 'Нұрланов', 'Әбенова', 'Ерғали'];
const GIVEN = ['Бақыт', 'Әсел', 'Ержан', 'Гүлнар', 'Нұржан', 'Салтанат', 'Дәурен', 'Айгүл'];

/** Every table of the device database, as a power cut may leave it. */
type Snapshot = { [K in (typeof TABLES)[number]]: unknown[] };
const TABLES = [
  'events',
  'histories',
  'cases',
  'outbox',
  'meta',
  'offices',
  'staff',
  'districts',
  'people',
  'seals',
  'signInLocks',
] as const;

/** A person signed in at the device: who she is and the proof key her PIN opened. */
interface SignedIn {
  staff: Staff;
  proofKey: string;
}

export class SimDevice {
  db!: QabyldauDb;
  readonly ports: Ports;
  commands!: Commands;
  engine!: SyncEngine;
  credentials!: Credentials;
  /** the browser's IndexedDB: survives a reload, not necessarily a power cut */
  private readonly indexedDB = new IDBFactory();
  private readonly people = new Map<StaffRole, SignedIn>();
  private actor: SignedIn | null = null;
  private services: Service[] = [];
  /** the database as it was on disk at the last flush (see powerCut) */
  private flushed: Snapshot | null = null;
  /** events this device's commands wrote */
  eventsMade = 0;
  /** case ids of every application this device registered */
  readonly registered: string[] = [];
  private readonly registeredSet = new Set<string>();
  /** ids of this device's events that power cuts took from its database */
  readonly forgotten = new Set<string>();
  /** cases whose registration a power cut took from the device */
  readonly forgottenCases = new Set<string>();
  powerCuts = 0;
  /** sign-ins after a power cut, each by opening the person's seal on the device */
  signInsBySeal = 0;
  /** this step, the person also takes a colleague's cases (and may race them for one) */
  private helping = false;
  readonly actions: Partial<Record<Action, number>> = {};
  /** commands the device refused itself (the case moved on under it) */
  refused = 0;
  /** applications this (village) device registers during the storm */
  registrationQuota = 0;

  constructor(
    readonly spec: DeviceSpec,
    private readonly rng: Rng,
  ) {
    this.ports = {
      now: () => new Date(Date.now() + spec.clockSkewMs),
      newId: browserPorts.newId,
    };
    this.boot();
  }

  /** The app starting: the database opened, the engine and the commands made, as at load. */
  private boot(): void {
    this.db = new QabyldauDb(`chaos-${this.spec.name}`, {
      indexedDB: this.indexedDB,
      IDBKeyRange,
    });
    const engine = new SyncEngine({
      db: this.db,
      now: this.ports.now,
      // Short interval: the engine's own timer and backoff retry in the background, as in
      // the app, besides the rounds the workload asks for.
      intervalMs: 1_000,
    });
    this.engine = engine;
    this.commands = createCommands(
      this.db,
      this.ports,
      (): Actor | null => (this.actor ? { ...this.actor, credentials: this.credentials } : null),
      // The app syncs right after every write; here only sometimes, so that some writes wait
      // in the outbox and go out in bigger pushes.
      () => {
        if (this.rng.chance(0.5)) void engine.syncNow();
      },
    );
  }

  /**
   * The moment the storage last reached the disk. Browsers may commit IndexedDB transactions
   * with relaxed durability: what was written after this point is at the mercy of a power cut.
   */
  async flush(): Promise<void> {
    const db = this.db;
    this.flushed = await db.transaction(
      'r',
      TABLES.map((t) => db.table(t)),
      async () => {
        const out: Partial<Snapshot> = {};
        for (const table of TABLES) out[table] = await db.table(table).toArray();
        return out as Snapshot;
      },
    );
  }

  /**
   * A power cut in the office: the tab dies mid-whatever (requests in flight are never heard
   * of again), and the database comes back as it was at the last flush — the writes after it,
   * including events already pushed and acknowledged, are gone from the device. The app then
   * starts again on what is left. Returns how many of the device's own events were lost.
   */
  async powerCut(): Promise<number> {
    const flushed = this.flushed;
    if (!flushed) return 0;
    this.flushed = null;
    this.powerCuts++;
    this.engine.stop();
    const before = await this.db.events.toArray();
    this.db.close();
    this.boot();
    const db = this.db;
    await db.transaction(
      'rw',
      TABLES.map((t) => db.table(t)),
      async () => {
        for (const table of TABLES) {
          await db.table(table).clear();
          await db.table(table).bulkPut(flushed[table]);
        }
      },
    );
    const kept = new Set((flushed.events as { id: string }[]).map((e) => e.id));
    const lost = before.filter((e) => e.deviceId === this.credentials.deviceId && !kept.has(e.id));
    for (const event of lost) {
      this.forgotten.add(event.id);
      if (event.type === 'case.registered') this.forgottenCases.add(event.caseId);
    }
    // The tab died with the session in it: the people sign in again, by their seals (written
    // at the first sign-in, before any flush), so without the server and with the same keys.
    const keys = new Map([...this.people].map(([role, p]) => [role, p.proofKey]));
    await this.signIn();
    for (const [role, person] of this.people) {
      if (person.proofKey !== keys.get(role)) {
        throw new Error(`${this.name}: ${role} did not sign in again by her seal`);
      }
    }
    this.signInsBySeal += this.people.size;
    return lost.length;
  }

  get name(): string {
    return this.spec.name;
  }

  get isDistrict(): boolean {
    return this.spec.kind === 'district';
  }

  /** Enrollment and reference data, as the enrollment screen does them. */
  async enroll(code: string, serverUrl: string): Promise<void> {
    const http = createHttp(serverUrl);
    await enrollDevice(this.db, http, code, serverUrl, this.ports.now());
    const credentials = await getMeta(this.db, 'credentials');
    if (!credentials) throw new Error(`${this.name}: no credentials after enrollment`);
    this.credentials = credentials;
    await pullReference(this.db, http, credentials);
    const district = await this.db.districts.toCollection().first();
    this.services = servicesFor(CATALOG, district?.actIds ?? [], 'akim');
    if (!this.isDistrict && this.services.length === 0) {
      throw new Error(`${this.name}: the district offers no service on the akim channel`);
    }
  }

  /**
   * Everyone the device's work needs signs in with their PIN, as at the sign-in screen: the
   * first time here through the server (which checks the PIN and registers a fresh proof key,
   * sealed by the device), later by opening the seal, with or without a connection. A refusal
   * stops the run: the chaos is in the network and the power, not in the PINs.
   */
  async signIn(): Promise<void> {
    const roles: StaffRole[] = this.isDistrict
      ? ['district_executor', 'district_sector_head', 'district_head']
      : ['akimat_specialist', 'akim'];
    const staff = await this.db.staff.where('officeId').equals(this.credentials.officeId).toArray();
    this.people.clear();
    this.actor = null;
    for (const role of roles) {
      const person = staff.find((s) => s.role === role && s.isActive);
      if (!person) throw new Error(`${this.name}: no ${role} in the reference data`);
      const outcome = await signInOnDevice(
        { db: this.db, credentials: this.credentials, now: this.ports.now },
        person.id,
        DEMO_PINS[role],
      );
      if (!outcome.ok) {
        throw new Error(`${this.name}: ${person.id} cannot sign in: ${outcome.problem.code}`);
      }
      this.people.set(role, { staff: outcome.staff, proofKey: outcome.proofKey });
    }
  }

  /** How many people are signed in here. */
  get signedIn(): number {
    return this.people.size;
  }

  private as(role: StaffRole): void {
    const person = this.people.get(role);
    if (!person) throw new Error(`${this.name}: ${role} is not signed in`);
    this.actor = person;
  }

  /** One thing a person does at this device; returns what was done. */
  async step(): Promise<Action> {
    return this.isDistrict ? this.districtStep() : this.villageStep();
  }

  private count(action: Action): Action {
    this.actions[action] = (this.actions[action] ?? 0) + 1;
    return action;
  }

  /**
   * A village device is done when it has registered its share of applications and every case
   * of its office it knows of has been handed out.
   */
  async isVillageDone(): Promise<boolean> {
    if (this.registered.length < this.registrationQuota) return false;
    // anyOf, not notEqual('closed'): fake-indexeddb walks a cursor over equal index keys in
    // quadratic time, and a village's closed cases made long runs crawl.
    const open = await this.db.cases
      .where('status')
      .anyOf([...OPEN_STATUSES])
      .limit(1)
      .toArray();
    return open.length === 0;
  }

  private async villageStep(): Promise<Action> {
    this.helping = this.rng.chance(0.1);
    const work = await this.tray(VILLAGE_STATUSES);
    const has = (type: EventType, weight: number) =>
      (work.get(type)?.length ?? 0) > 0 ? weight : 0;
    const action = this.rng.weighted({
      register: this.registered.length < this.registrationQuota ? 40 : 0,
      'order-commission': has('commission.ordered', 15),
      inspect: has('commission.inspected', 15),
      'send-batch': has('batch.sent', 20),
      'sign-at-village': has('case.signed', 15),
      'receive-result': has('result.received', 15),
      'hand-out': has('result.handed_out', 15),
      'refuse-returned': has('case.refused', 2),
      correct: (work.get('case.corrected') ?? []).some((w) => BEFORE_FORWARD.includes(w.row.status))
        ? 2
        : 0,
      cancel: has('case.cancelled', 1),
      sync: 10,
    });
    if (action === 'register') {
      this.as(this.rng.chance(0.7) ? 'akimat_specialist' : 'akim');
      const input = this.intake();
      let result = await this.commands.registerCase(input);
      // The same IIN with an open case of the service: the person looks and confirms.
      if (!result.ok && result.problem.code === 'duplicate-open-case') {
        result = await this.commands.registerCase({ ...input, confirmDuplicate: true });
      }
      if (!result.ok) throw new Error(`${this.name}: registration refused: ${result.problem.code}`);
      this.registered.push(result.value.caseId);
      this.registeredSet.add(result.value.caseId);
      this.eventsMade++;
      return this.count(action);
    }
    if (action === 'send-batch') {
      const ready = work.get('batch.sent') ?? [];
      const chosen = this.rng.sample(ready, this.rng.int(1, 6));
      this.as(this.roleFor(chosen[0]?.roles ?? ['akimat_specialist']));
      const result = await this.commands.sendBatch(chosen.map((c) => c.row.id));
      if (result.ok) this.eventsMade += chosen.length;
      else this.refused++;
      return this.count(action);
    }
    if (action === 'sync') {
      await this.sync();
      return this.count(action);
    }
    const candidates = work.get(VILLAGE_EVENT[action] ?? 'case.registered') ?? [];
    // A person corrects what they see on the desk, before the file leaves the village.
    const { row, roles } = this.rng.pick(
      action === 'correct'
        ? candidates.filter((w) => BEFORE_FORWARD.includes(w.row.status))
        : candidates,
    );
    this.as(this.roleFor(roles));
    const id = row.id;
    switch (action) {
      case 'order-commission':
        await this.done(
          this.commands.orderCommission(id, this.rng.chance(0.3) ? 'Тексерілсін' : undefined),
        );
        break;
      case 'inspect':
        await this.done(
          this.commands.recordInspection(id, {
            actDate: row.registeredAt.slice(0, 10),
            members: ['Сейітов Бақыт', 'Омарова Сәуле', 'Нұрланов Ержан'].slice(
              0,
              this.rng.int(1, 3),
            ),
            findings: 'Отбасының жағдайы тексерілді.',
            conclusion: this.rng.chance(0.8) ? 'needy' : 'not_needy',
            conclusionText: 'Комиссия қорытындысы.',
          }),
        );
        break;
      case 'sign-at-village':
        await this.done(this.commands.signCase(id, this.decision(row.serviceId)));
        break;
      case 'receive-result':
        await this.done(this.commands.receiveResult(id));
        break;
      case 'hand-out':
        await this.done(
          this.commands.handOutResult(
            id,
            this.rng.chance(0.3)
              ? { to: 'representative', name: 'Оспанов Ержан', powerOfAttorney: 'Сенімхат № 15' }
              : { to: 'applicant' },
          ),
        );
        break;
      case 'refuse-returned':
        await this.done(this.commands.refuseReturned(id, { reason: 'Құжаттар толықтырылмады' }));
        break;
      case 'correct': {
        const phone = row.applicant.phone ?? '';
        await this.done(
          this.commands.correctCase(
            id,
            [{ field: 'phone', from: phone, to: `8702${this.rng.int(1_000_000, 9_999_999)}` }],
            'Телефон нөмірі өзгерді',
          ),
        );
        break;
      }
      case 'cancel':
        await this.done(
          this.commands.cancelCase(id, this.rng.chance(0.5) ? 'withdrawn' : 'registered_in_error'),
        );
        break;
    }
    return this.count(action);
  }

  private async districtStep(): Promise<Action> {
    this.helping = this.rng.chance(0.1);
    const work = await this.tray(DISTRICT_STATUSES);
    const has = (type: EventType, weight: number) =>
      (work.get(type)?.length ?? 0) > 0 ? weight : 0;
    const action = this.rng.weighted({
      receive: has('case.received', 25),
      return: has('case.returned', 2),
      assign: has('case.assigned', 8),
      decide: has('case.decided', 25),
      endorse: has('case.endorsed', 20),
      'send-back': has('case.sent_back', 2),
      sign: has('case.signed', 20),
      'send-result': has('result.sent', 20),
      sync: 10,
    });
    if (action === 'sync') {
      await this.sync();
      return this.count(action);
    }
    const { row, roles } = this.rng.pick(work.get(DISTRICT_EVENT[action] ?? 'case.received') ?? []);
    this.as(this.roleFor(roles));
    const id = row.id;
    switch (action) {
      case 'receive':
        await this.done(this.commands.receiveCase(id));
        break;
      case 'return': {
        const presented = row.documents.filter((d) => d.isPresented);
        await this.done(
          this.commands.returnCase(
            id,
            presented.length > 0
              ? {
                  documents: [
                    {
                      id: this.rng.pick(presented).id,
                      problem: this.rng.chance(0.5) ? 'missing' : 'wrong',
                    },
                  ],
                }
              : { documents: [], reason: 'Құжаттардың көшірмелері оқылмайды' },
          ),
        );
        break;
      }
      case 'assign':
        await this.done(this.commands.assignCase(id, this.person('district_executor').id));
        break;
      case 'decide':
        await this.done(this.commands.decideCase(id, this.decision(row.serviceId)));
        break;
      case 'endorse':
        await this.done(
          this.commands.endorseCase(id, this.rng.chance(0.3) ? 'Келісемін' : undefined),
        );
        break;
      case 'send-back':
        await this.done(this.commands.sendBack(id, 'Есептеуді қайта тексеріңіз'));
        break;
      case 'sign':
        await this.done(this.commands.signCase(id));
        break;
      case 'send-result':
        await this.done(this.commands.sendResult(id));
        break;
    }
    return this.count(action);
  }

  /**
   * Cases in `statuses` this person would take up now, by what may happen to them: their own
   * (the applications they accepted; for a district device, the villages it serves) and, when
   * helping out, anyone's; each with the device's people who may take the step.
   */
  private async tray(statuses: readonly CaseStatus[]): Promise<Map<EventType, Work[]>> {
    const byType = new Map<EventType, Work[]>();
    const signedIn = [...this.people.keys()];
    for (const status of statuses) {
      for (const row of await this.workable(status)) {
        for (const action of nextActions(processOf(row), row)) {
          const roles = action.roles.filter((r) => signedIn.includes(r));
          if (roles.length === 0) continue;
          const list = byType.get(action.type) ?? [];
          if (!list.some((w) => w.row.id === row.id)) list.push({ row, roles });
          byType.set(action.type, list);
        }
      }
    }
    return byType;
  }

  /** Who of the people here takes a step several may take: mostly the specialist or executor. */
  private roleFor(roles: readonly StaffRole[]): StaffRole {
    const usual = roles.find((r) => r === 'akimat_specialist' || r === 'district_executor');
    if (usual && (roles.length === 1 || this.rng.chance(0.8))) return usual;
    return this.rng.pick(roles);
  }

  private person(role: StaffRole): Staff {
    const person = this.people.get(role);
    if (!person) throw new Error(`${this.name}: ${role} is not signed in`);
    return person.staff;
  }

  /** An approval mostly; a refusal on a ground of the regulation where it lists any. */
  private decision(serviceId: string): DecisionInput {
    if (this.rng.chance(0.8)) return { outcome: 'approved' };
    const listed = PROCESS_OUTLINES[serviceId]?.grounds ?? 0;
    if (listed > 0) {
      return this.rng.chance(0.5)
        ? { outcome: 'refused', grounds: [String(this.rng.int(1, listed))] }
        : { outcome: 'refused', grounds: ['other'], reason: 'Табыс шегінен асады' };
    }
    return { outcome: 'refused', reason: 'Құжаттар толық емес' };
  }

  /**
   * Cases in `status` this person would take up now: their own (the applications they
   * accepted; for a district device, the villages it serves) and, when helping out, anyone's.
   */
  private async workable(status: CaseStatus): Promise<CaseRow[]> {
    // The oldest few dozen in the tray (case ids are time-ordered): a person works from the top
    // of the list, and reading the whole tray at every step would make long runs quadratic.
    const rows = await this.db.cases.where('status').equals(status).limit(WORK_TRAY).toArray();
    if (this.helping) return rows;
    const share = this.spec.share;
    return rows.filter((r) =>
      share
        ? Number.parseInt(r.officeId.replace(/\D/g, ''), 10) % share.of === share.index
        : this.registeredSet.has(r.id),
    );
  }

  /** A command's outcome: an event made, or refused by the device (the case moved on). */
  private async done(command: Promise<{ ok: boolean }>): Promise<void> {
    // A pull may have moved the case on since it was listed; the command then refuses, as the
    // screen would.
    const result = await command;
    if (result.ok) this.eventsMade++;
    else this.refused++;
  }

  private intake(): IntakeInput {
    const service = this.rng.pick(this.services);
    const presented =
      service.checklist.kind === 'listed' ? service.checklist.documents.map((d) => d.id) : [];
    return {
      serviceId: service.id,
      channel: 'akim',
      applicant: {
        iin: this.iin(),
        surname: this.rng.pick(SURNAMES),
        givenName: this.rng.pick(GIVEN),
        ...(this.rng.chance(0.5) ? { phone: `8701${this.rng.int(1_000_000, 9_999_999)}` } : {}),
      },
      personalDataConsent: true,
      presentedDocuments: presented,
    };
  }

  /** A valid IIN: a birth date in the last century, sex digit, serial, check digit. */
  private iin(): string {
    for (;;) {
      const yy = String(this.rng.int(40, 99));
      const mm = String(this.rng.int(1, 12)).padStart(2, '0');
      const dd = String(this.rng.int(1, 28)).padStart(2, '0');
      const first11 = `${yy}${mm}${dd}${this.rng.int(3, 4)}${String(this.rng.int(1, 9999)).padStart(4, '0')}`;
      const digit = controlDigit(first11);
      if (digit !== null) return `${first11}${digit}`;
    }
  }

  /** One sync round through the engine; true when it went through without an error. */
  async sync(): Promise<boolean> {
    await this.engine.syncNow();
    const status = await getMeta(this.db, 'syncStatus');
    return status !== undefined && status.lastError === undefined;
  }
}
