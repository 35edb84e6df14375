/**
 * A simulated device of the chaos run: a real device database (`QabyldauDb` on its own
 * fake-indexeddb factory), enrolled over HTTP with a one-time code, holding the server's
 * reference data, with people signed in by their PINs, and driven only through the app's own
 * code — `createCommands` for every action and the `SyncEngine` (push, then pull) for sync.
 * Its clock is the real one shifted by a fixed skew of hours or days: talon dates come from
 * the device, and sync must not care.
 *
 * A village device registers applications, sends transfer batches, receives results and hands
 * them out; a district device receives forwarded cases, decides, signs and sends results.
 * Devices of one office (and the district devices among themselves) race for the same cases,
 * so some of their events are legitimately rejected by the server.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { type Commands, createCommands } from '../../src/db/commands';
import { type Credentials, getMeta } from '../../src/db/meta';
import { browserPorts, type Ports } from '../../src/db/ports';
import { type CaseRow, QabyldauDb } from '../../src/db/schema';
import type { IntakeInput } from '../../src/domain/case/intake';
import { CASE_STATUSES, type CaseStatus } from '../../src/domain/case/transitions';
import { CATALOG, servicesFor } from '../../src/domain/catalog';
import type { Service } from '../../src/domain/catalog/schema';
import { controlDigit } from '../../src/domain/iin';
import { verifyPin } from '../../src/domain/pin';
import type { Staff } from '../../src/domain/reference';
import type { StaffRole } from '../../src/domain/roles';
import { SyncEngine } from '../../src/sync/engine';
import { enrollDevice } from '../../src/sync/enroll';
import { createHttp } from '../../src/sync/http';
import { pullReference } from '../../src/sync/pull';
import { DEMO_PINS } from '../../sync-server/seed/aktogay';
import type { Rng } from './random';

const OPEN_STATUSES = CASE_STATUSES.filter((s) => s !== 'closed');

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
  | 'send-batch'
  | 'receive-result'
  | 'hand-out'
  | 'receive'
  | 'decide'
  | 'sign'
  | 'send-result'
  | 'sync';

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
] as const;

export class SimDevice {
  db!: QabyldauDb;
  readonly ports: Ports;
  commands!: Commands;
  engine!: SyncEngine;
  credentials!: Credentials;
  /** the browser's IndexedDB: survives a reload, not necessarily a power cut */
  private readonly indexedDB = new IDBFactory();
  private readonly people = new Map<StaffRole, Staff>();
  private actor: Staff | null = null;
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
      () => (this.actor ? { staff: this.actor, credentials: this.credentials } : null),
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

  /** Everyone the device's work needs signs in with their PIN, checked against the hash. */
  async signIn(): Promise<void> {
    const roles: StaffRole[] = this.isDistrict
      ? ['district_executor', 'district_head']
      : ['akimat_specialist', 'akim'];
    const staff = await this.db.staff.where('officeId').equals(this.credentials.officeId).toArray();
    for (const role of roles) {
      const person = staff.find((s) => s.role === role && s.isActive);
      if (!person) throw new Error(`${this.name}: no ${role} in the reference data`);
      if (!(await verifyPin(DEMO_PINS[role], person.pin))) {
        throw new Error(`${this.name}: PIN of ${person.id} does not match`);
      }
      this.people.set(role, person);
    }
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
    const open = await this.db.cases.where('status').anyOf(OPEN_STATUSES).limit(1).toArray();
    return open.length === 0;
  }

  private async villageStep(): Promise<Action> {
    this.helping = this.rng.chance(0.1);
    const registered = await this.workable('registered');
    const resultSent = await this.workable('result_sent');
    const resultReceived = await this.workable('result_received');
    const action = this.rng.weighted({
      register: this.registered.length < this.registrationQuota ? 40 : 0,
      'send-batch': registered.length > 0 ? 20 : 0,
      'receive-result': resultSent.length > 0 ? 15 : 0,
      'hand-out': resultReceived.length > 0 ? 15 : 0,
      sync: 10,
    });
    this.as(this.rng.chance(0.7) ? 'akimat_specialist' : 'akim');
    switch (action) {
      case 'register': {
        const result = await this.commands.registerCase(this.intake());
        if (!result.ok)
          throw new Error(`${this.name}: registration refused: ${result.problem.code}`);
        this.registered.push(result.value.caseId);
        this.registeredSet.add(result.value.caseId);
        this.eventsMade++;
        break;
      }
      case 'send-batch': {
        const chosen = this.rng.sample(registered, this.rng.int(1, 6));
        const result = await this.commands.sendBatch(chosen.map((c) => c.id));
        if (result.ok) this.eventsMade += chosen.length;
        else this.refused++;
        break;
      }
      case 'receive-result':
        await this.transition(this.rng.pick(resultSent), (id) => this.commands.receiveResult(id));
        break;
      case 'hand-out':
        await this.transition(this.rng.pick(resultReceived), (id) =>
          this.commands.handOutResult(id, this.rng.chance(0.3) ? 'сенімхат бойынша' : undefined),
        );
        break;
      default:
        await this.sync();
    }
    return this.count(action);
  }

  private async districtStep(): Promise<Action> {
    this.helping = this.rng.chance(0.1);
    const forwarded = await this.workable('forwarded');
    const received = await this.workable('received');
    const decided = await this.workable('decided');
    const signed = await this.workable('signed');
    const action = this.rng.weighted({
      receive: forwarded.length > 0 ? 25 : 0,
      decide: received.length > 0 ? 25 : 0,
      sign: decided.length > 0 ? 20 : 0,
      'send-result': signed.length > 0 ? 20 : 0,
      sync: 10,
    });
    this.as(action === 'sign' || this.rng.chance(0.2) ? 'district_head' : 'district_executor');
    switch (action) {
      case 'receive':
        await this.transition(this.rng.pick(forwarded), (id) => this.commands.receiveCase(id));
        break;
      case 'decide':
        await this.transition(this.rng.pick(received), (id) =>
          this.commands.decideCase(
            id,
            this.rng.chance(0.8)
              ? { outcome: 'approved' }
              : { outcome: 'refused', reason: 'Құжаттар толық емес' },
          ),
        );
        break;
      case 'sign':
        await this.transition(this.rng.pick(decided), (id) => this.commands.signCase(id));
        break;
      case 'send-result':
        await this.transition(this.rng.pick(signed), (id) => this.commands.sendResult(id));
        break;
      default:
        await this.sync();
    }
    return this.count(action);
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

  private async transition(
    row: CaseRow,
    command: (caseId: string) => Promise<{ ok: boolean }>,
  ): Promise<void> {
    // A pull may have moved the case on since it was listed; the command then refuses, as the
    // screen would.
    const result = await command(row.id);
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
