/**
 * A device of the demo district: the app's own device code — the Dexie database (on
 * fake-indexeddb, one factory per device, as each browser has its own), the commands every
 * screen calls, and the sync engine — run in Node. It is enrolled over HTTP with a one-time
 * code like any other device, takes the server's reference data, and its people sign in with
 * their demo PINs as the sign-in screen signs them in (`signInOnDevice`): the first time on the
 * device the server checks the PIN and registers a proof key for the person there, which the
 * device seals under the PIN; every event a person's commands make afterwards carries her proof
 * (ADR 0015). Its clock is an office clock that the simulation walks through the days.
 *
 * Nothing the demo makes is written around the server: every case, step and batch is an event
 * a command made on a device and a push delivered, judged by the server as any other.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { type Actor, type Commands, createCommands } from '../../src/db/commands';
import { type Credentials, getMeta } from '../../src/db/meta';
import type { Ports } from '../../src/db/ports';
import { loadCalendar, loadCatalog } from '../../src/db/reference';
import { type CaseRow, QabyldauDb } from '../../src/db/schema';
import type { WorkCalendar } from '../../src/domain/calendar';
import type { Catalog } from '../../src/domain/catalog';
import type { Staff } from '../../src/domain/reference';
import type { OfficeKind, StaffRole } from '../../src/domain/roles';
import { SyncEngine } from '../../src/sync/engine';
import { enrollDevice } from '../../src/sync/enroll';
import { createHttp } from '../../src/sync/http';
import { signInOnDevice } from '../../src/sync/identity';
import { pullReference } from '../../src/sync/pull';
import { DEMO_PINS } from '../seed/aktogay';
import { OfficeClock } from './office-clock';

export interface DeviceSpec {
  officeId: string;
  kind: OfficeKind;
}

/** Who signs in on each kind of device. */
const PEOPLE: Record<OfficeKind, readonly StaffRole[]> = {
  akimat: ['akimat_specialist', 'akim'],
  district: ['district_executor', 'district_sector_head', 'district_head'],
};

/** A person signed in on the device: who she is and the proof key her sign-in opened. */
interface SignedIn {
  staff: Staff;
  proofKey: string;
}

export class DemoDevice {
  readonly clock: OfficeClock;
  readonly db: QabyldauDb;
  private readonly commands: Commands;
  private readonly engine: SyncEngine;
  private readonly people = new Map<StaffRole, SignedIn>();
  private actor: SignedIn | null = null;
  private credentials: Credentials | null = null;
  catalog!: Catalog;
  calendar!: WorkCalendar;

  constructor(
    readonly spec: DeviceSpec,
    realNow: Date,
    /** called before every exchange with the server, with the device's time */
    private readonly beforeSync: (deviceTime: Date) => void,
  ) {
    this.clock = new OfficeClock(realNow);
    const ports: Ports = {
      now: () => this.clock.now(),
      // Time-ordered ids by the device's clock, as the browser's would be on that day.
      newId: () => uuidv7({ msecs: this.clock.now().getTime() }),
    };
    this.db = new QabyldauDb(`demo-${spec.officeId}`, {
      indexedDB: new IDBFactory(),
      IDBKeyRange,
    });
    this.engine = new SyncEngine({ db: this.db, now: ports.now });
    // Rounds only when the simulation asks (the morning and the evening sync): a stopped
    // engine schedules no timer of its own, so nothing runs between simulated days.
    this.engine.stop();
    this.commands = createCommands(this.db, ports, (): Actor | null =>
      this.actor && this.credentials ? { ...this.actor, credentials: this.credentials } : null,
    );
  }

  get officeId(): string {
    return this.spec.officeId;
  }

  get deviceId(): string {
    if (!this.credentials) throw new Error(`${this.officeId}: not enrolled`);
    return this.credentials.deviceId;
  }

  /** Enrollment with a one-time code and the reference data, as the enrollment screen does. */
  async enroll(code: string, serverUrl: string): Promise<Credentials> {
    const http = createHttp(serverUrl);
    this.beforeSync(this.clock.now());
    await enrollDevice(this.db, http, code, serverUrl, this.clock.now());
    const credentials = await getMeta(this.db, 'credentials');
    if (!credentials) throw new Error(`${this.officeId}: no credentials after enrollment`);
    this.credentials = credentials;
    await pullReference(this.db, http, credentials);
    this.catalog = await loadCatalog(this.db);
    this.calendar = await loadCalendar(this.db);
    return credentials;
  }

  /**
   * The office's people sign in with their demo PINs, one after another, as at the sign-in
   * screen: the first time here the server checks the PIN and registers her proof key, and the
   * device seals it; a later sign-in opens the seal. A refusal stops the run with its reason.
   */
  async signIn(): Promise<void> {
    if (!this.credentials) throw new Error(`${this.officeId}: not enrolled`);
    const credentials = this.credentials;
    const staff = await this.db.staff.where('officeId').equals(this.officeId).toArray();
    for (const role of PEOPLE[this.spec.kind]) {
      const person = staff.find((s) => s.role === role && s.isActive);
      if (!person) throw new Error(`${this.officeId}: nobody active as ${role}`);
      // The server dates the key's registration by its clock, which follows the device's.
      this.beforeSync(this.clock.now());
      const outcome = await signInOnDevice(
        { db: this.db, credentials, now: () => this.clock.now() },
        person.id,
        DEMO_PINS[role],
      );
      if (!outcome.ok) {
        throw new Error(`${this.officeId}: ${person.id} cannot sign in: ${outcome.problem.code}`);
      }
      this.people.set(role, { staff: outcome.staff, proofKey: outcome.proofKey });
    }
  }

  /** The commands, with `role`'s person signed in: everything they record names them. */
  as(role: StaffRole): Commands {
    const person = this.people.get(role);
    if (!person) throw new Error(`${this.officeId}: ${role} is not signed in`);
    this.actor = person;
    return this.commands;
  }

  /** How many people are signed in here. */
  get signedIn(): number {
    return this.people.size;
  }

  person(role: StaffRole): Staff {
    const person = this.people.get(role);
    if (!person) throw new Error(`${this.officeId}: ${role} is not signed in`);
    return person.staff;
  }

  row(caseId: string): Promise<CaseRow | undefined> {
    return this.db.cases.get(caseId);
  }

  /**
   * One sync round (push the outbox, then pull). The demo's people never race each other for a
   * case, so an event the server rejects, or a round that fails, is a fault of the demo, not
   * something to work around: it stops the run with the reason.
   */
  async sync(): Promise<void> {
    this.beforeSync(this.clock.now());
    await this.engine.syncNow();
    const status = await getMeta(this.db, 'syncStatus');
    if (status?.lastError) throw new Error(`${this.officeId}: sync failed: ${status.lastError}`);
    const rejected = await this.db.events.where('status').equals('rejected').first();
    if (rejected) {
      throw new Error(
        `${this.officeId}: the server rejected ${rejected.type} of case ${rejected.caseId}: ${rejected.rejection?.code}`,
      );
    }
    if ((await this.db.outbox.count()) > 0) {
      throw new Error(`${this.officeId}: events still waiting after a sync round`);
    }
  }

  close(): void {
    this.db.close();
  }
}
