/**
 * Test harness for the sync server: real stores (SQLite in a temp dir always, PostgreSQL in a
 * fresh schema when TEST_DATABASE_URL is set), the real server on 127.0.0.1 with a clock the
 * test controls and the low PIN cost, and a small simulated device that makes events the way the
 * app does: it signs people in, proves each event with the key of the person it names, and asks
 * for an administrator's session by proof (ADR 0015).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import type { Credentials } from '../../src/db/meta';
import type { QabyldauDb } from '../../src/db/schema';
import { deriveEventId } from '../../src/domain/case/event-id';
import type { CaseEvent, EventType, PayloadOf } from '../../src/domain/case/events';
import { LOW_PIN_COST } from '../../src/domain/identity/pin';
import {
  encodeKey,
  eventProof,
  newNonce,
  newProofKey,
  sessionProof,
} from '../../src/domain/identity/proof';
import type { Staff } from '../../src/domain/reference';
import type { OfficeKind } from '../../src/domain/roles';
import {
  type EnrollResponse,
  fromPushAnswer,
  PROTOCOL_VERSION,
  type PushResponse,
  type PushResult,
  SESSION_HEADER,
  type SessionResponse,
  type SignInResponse,
} from '../../src/domain/sync/protocol';
import { fromWirePage, toWireEvent, type WirePageEvent } from '../../src/domain/sync/wire';
import type { HttpPort } from '../../src/sync/http';
import { signInOnDevice } from '../../src/sync/identity';
import { buildServer, type ServerOptions } from '../../sync-server/app';
import type { Clock } from '../../sync-server/clock';
import { MIGRATIONS, type Migration, migrate } from '../../sync-server/db/migrations';
import { openPostgres } from '../../sync-server/db/postgres';
import { openSqlite } from '../../sync-server/db/sqlite';
import type { Db } from '../../sync-server/db/types';
import { registerProofKey } from '../../sync-server/queries/identity';
import { DEMO_PINS } from '../../sync-server/seed/aktogay';
import { ensureDemoDistrict } from '../../sync-server/seed/demo';
import { issueEnrollCode } from '../../sync-server/sync/enroll';

export interface Store {
  name: string;
  /**
   * a fresh database migrated by `migrations` (all of them unless a test wants an earlier
   * release's store); `connect` opens another connection to the same one
   */
  open(
    migrations?: readonly Migration[],
  ): Promise<{ db: Db; connect(): Db; cleanup(): Promise<void> }>;
}

const sqliteStore: Store = {
  name: 'sqlite',
  async open(migrations = MIGRATIONS) {
    const dir = mkdtempSync(join(tmpdir(), 'qabyldau-test-'));
    const file = join(dir, 'qabyldau.db');
    const db = openSqlite(file);
    await migrate(db, migrations);
    return {
      db,
      connect: () => openSqlite(file),
      async cleanup() {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
};

const postgresUrl = process.env.TEST_DATABASE_URL;

const postgresStore: Store = {
  name: 'postgres',
  async open(migrations = MIGRATIONS) {
    const url = postgresUrl ?? '';
    const schema = `qabyldau_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const db = openPostgres(url, { schema });
    await migrate(db, migrations);
    return {
      db,
      connect: () => openPostgres(url, { schema }),
      async cleanup() {
        await db.close();
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
        await admin.end();
      },
    };
  },
};

/** Every store the suites run against. */
export const STORES: Store[] = postgresUrl ? [sqliteStore, postgresStore] : [sqliteStore];

/**
 * Time as the test says: the wall clock and the forward-only one (the request limits' refills)
 * move together, and only when `advance` is called.
 */
export class TestClock implements Clock {
  private elapsed = 0;
  constructor(private current = new Date('2026-03-18T05:30:00Z')) {}
  now(): Date {
    return new Date(this.current);
  }
  elapsedMs(): number {
    return this.elapsed;
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
    // A wall clock set back does not take the forward-only one with it.
    this.elapsed += Math.max(0, ms);
  }
}

export interface Harness {
  db: Db;
  /** another connection to the same database, as a second server instance would have */
  connect(): Db;
  app: FastifyInstance;
  clock: TestClock;
  base: string;
  close(): Promise<void>;
}

/**
 * The server on a fresh store, at the low PIN cost (the demo district's verifiers too): tests
 * sign in hundreds of times. `prepare` writes into the migrated store before the server starts
 * (a store an earlier release left); the demo district is then ensured, as on start.
 */
export async function startServer(
  store: Store,
  distDir?: string,
  options: Pick<ServerOptions, 'rateLimit' | 'trustedProxies'> = {},
  prepare?: (db: Db) => Promise<void>,
): Promise<Harness> {
  const { db, connect, cleanup } = await store.open();
  const clock = new TestClock();
  await prepare?.(db);
  await ensureDemoDistrict(db, clock.now(), process.env, LOW_PIN_COST);
  const app = await buildServer({ db, clock, distDir, pinCost: LOW_PIN_COST, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    db,
    connect,
    app,
    clock,
    base: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      await cleanup();
    },
  };
}

export interface Reply<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = Record<string, unknown>>(
  h: Pick<Harness, 'base'>,
  method: string,
  path: string,
  options: { token?: string; session?: string; json?: unknown; raw?: string } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.session) headers[SESSION_HEADER] = options.session;
  let body: string | undefined;
  if (options.json !== undefined) body = JSON.stringify(options.json);
  if (options.raw !== undefined) body = options.raw;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${h.base}${path}`, { method, headers, body });
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : {}) as T,
    headers: response.headers,
  };
}

/**
 * A compact push answer as one result per sent event (none for an error answer). An event is
 * named by the id the server records for it: a string id cut to 64 characters, or ''.
 */
export function resultsOf(sent: readonly unknown[], answer: Partial<PushResponse>): PushResult[] {
  if (!answer.accepted || !answer.others) return [];
  const ids = sent.map((raw) => {
    const id = raw && typeof raw === 'object' ? (raw as Record<string, unknown>).id : undefined;
    return typeof id === 'string' ? id.slice(0, 64) : '';
  });
  const results = fromPushAnswer(ids, { accepted: answer.accepted, others: answer.others });
  if (!results) throw new Error(`the answer does not fit the push: ${JSON.stringify(answer)}`);
  return results;
}

/** An event as a pull gives it back: whole again, with its place in the server's log. */
export type PulledEvent = CaseEvent & { serverSeq: number };

/** A device as the app runs it: enrolled, with its gap-free seq and a person signed in. */
export class Device {
  seq = 0;
  cursor = 0;
  /** proof keys of the people signed in on this device (or registered for them), by staff id */
  readonly keys = new Map<string, Uint8Array>();
  private readonly registering = new Map<string, Promise<void>>();
  constructor(
    readonly h: Harness,
    readonly enrollment: EnrollResponse,
  ) {}

  get id(): string {
    return this.enrollment.deviceId;
  }

  event<T extends EventType>(
    type: T,
    caseId: string,
    staffId: string,
    payload: PayloadOf<T>,
    officeId = this.enrollment.officeId,
  ): CaseEvent {
    this.seq += 1;
    const deviceTime = '2026-03-18T10:30:00+05:00';
    return {
      // as the app makes them: derived from the device and its seq, so pushes leave them out
      id: deriveEventId({ deviceId: this.id, deviceSeq: this.seq, deviceTime, caseId, type }),
      type,
      caseId,
      officeId,
      deviceId: this.id,
      deviceSeq: this.seq,
      staffId,
      deviceTime,
      payload,
    } as CaseEvent;
  }

  /**
   * A push, its compact answer read back as one result per event (`results`). Events go in
   * their wire form, as the app sends them: without the ids their envelopes derive. Each event
   * without a proof is proved with the key of the person it names, as the app's append does
   * (`keyOf`); `{ sign: false }` sends the events exactly as given.
   */
  async push(
    events: unknown[],
    options: { sign?: boolean; transition?: { legacyThrough: number } } = {},
  ): Promise<Reply<PushResponse & { results: PushResult[] }>> {
    const sent: unknown[] = [];
    // One at a time: the first event of a person without a key registers hers.
    for (const event of events) sent.push(options.sign === false ? event : await this.prove(event));
    const wire = sent.map((e) =>
      e && typeof e === 'object' && !Array.isArray(e) ? toWireEvent(e as CaseEvent) : e,
    );
    const reply = await call<PushResponse>(this.h, 'POST', '/api/v1/sync/push', {
      token: this.enrollment.token,
      json: {
        protocolVersion: PROTOCOL_VERSION,
        events: wire,
        ...(options.transition ? { transition: options.transition } : {}),
      },
    });
    return { ...reply, body: { ...reply.body, results: resultsOf(events, reply.body) } };
  }

  /** The event with its person's proof, unless it has one or is not an event to prove. */
  async prove<T>(raw: T, options: { register?: boolean } = {}): Promise<T> {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw) || 'proof' in raw) return raw;
    const staffId = (raw as { staffId?: unknown }).staffId;
    // Nobody has a key under an id no person can have (a fuzzed one, a NUL in it): the event
    // goes unproved, and the store is not asked to keep such an id.
    if (typeof staffId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(staffId)) return raw;
    // `register: false`: only with a key registered before, the store left as it is.
    if (options.register === false && !this.keys.has(staffId)) return raw;
    const key = await this.keyOf(staffId);
    try {
      return { ...raw, proof: eventProof(key, raw as unknown as CaseEvent) };
    } catch {
      // Not an event the proof can be made of (a fuzzed one): the schema judges it as it is.
      return raw;
    }
  }

  /**
   * The person's proof key on this device: the one her sign-in registered, or else one
   * registered straight in the store, as set-up (like `insertStaff`).
   */
  async keyOf(staffId: string): Promise<Uint8Array> {
    let key = this.keys.get(staffId);
    if (!key) {
      // Taken before the store is written, so two pushes at once agree on one key.
      key = newProofKey();
      this.keys.set(staffId, key);
      this.registering.set(
        staffId,
        registerProofKey(this.h.db, staffId, this.id, key, this.h.clock.now()),
      );
    }
    await this.registering.get(staffId);
    return key;
  }

  /** The real online sign-in with a fresh key; the key is kept when it is accepted. */
  async signIn(staffId: string, pin: string, newPin?: string): Promise<Reply<SignInResponse>> {
    const key = newProofKey();
    const reply = await call<SignInResponse>(this.h, 'POST', '/api/v1/staff/sign-in', {
      token: this.enrollment.token,
      json: { staffId, pin, key: encodeKey(key), ...(newPin === undefined ? {} : { newPin }) },
    });
    if (reply.status === 200) this.keys.set(staffId, key);
    return reply;
  }

  /** The real session request by proof, with a fresh nonce (or the one given). */
  async askSession(staffId: string, nonce = newNonce()): Promise<Reply<SessionResponse>> {
    const key = await this.keyOf(staffId);
    return call<SessionResponse>(this.h, 'POST', '/api/v1/staff/session', {
      token: this.enrollment.token,
      json: { staffId, nonce, proof: sessionProof(key, this.id, staffId, nonce) },
    });
  }

  /** An administrator's session token through the real session request; throws if refused. */
  async session(staffId: string): Promise<string> {
    const reply = await this.askSession(staffId);
    if (reply.status !== 200) throw new Error(`no session: ${JSON.stringify(reply.body)}`);
    return reply.body.session.token;
  }

  async pull(limit?: number) {
    const query = `cursor=${this.cursor}${limit ? `&limit=${limit}` : ''}`;
    const reply = await call<{
      events: WirePageEvent[];
      cursor: number;
      hasMore: boolean;
      referenceVersion: string;
      serverTime: string;
    }>(this.h, 'GET', `/api/v1/sync/pull?${query}`, { token: this.enrollment.token });
    if (reply.status !== 200) return { ...reply, body: { ...reply.body, events: [] } };
    this.cursor = reply.body.cursor;
    // back in their whole form, ids made as the app makes them
    return { ...reply, body: { ...reply.body, events: fromWirePage(reply.body.events) } };
  }

  /** Pulls every page; returns all events seen. */
  async pullAll(limit?: number): Promise<PulledEvent[]> {
    const all: PulledEvent[] = [];
    for (;;) {
      const reply = await this.pull(limit);
      all.push(...reply.body.events);
      if (!reply.body.hasMore) return all;
    }
  }
}

export async function enrollDevice(
  h: Harness,
  officeId: string,
  role: OfficeKind,
): Promise<Device> {
  const code = await issueEnrollCode(h.db, officeId, role, h.clock.now());
  const reply = await call<EnrollResponse>(h, 'POST', '/api/v1/enroll', { json: { code } });
  if (reply.status !== 200) throw new Error(`enroll failed: ${JSON.stringify(reply.body)}`);
  return new Device(h, reply.body);
}

/** Demo staff ids (see sync-server/seed/aktogay.ts). */
export const staffOf = (officeId: string, role: string) => `${officeId}-${role}`;

export function registration(n = 1): PayloadOf<'case.registered'> {
  return {
    regNumber: `01-1-${String(n).padStart(4, '0')}`,
    serviceId: '003-01',
    catalogVersion: '2026-1',
    channel: 'akim',
    applicant: { iin: '900101300123', surname: 'Серікова', givenName: 'Әсел' },
    documents: [{ id: 'application', isPresented: true }],
    registeredAt: '2026-03-18T10:30',
    resultDue: '2026-04-17',
    acceptedBy: { staffId: 'akt-01-akimat_specialist', shortName: 'Әбенова Г. С.' },
  };
}

export const newCaseId = (): string => uuidv7();

/**
 * A demo person signed in with her demo PIN on a device running the app's own code, as its
 * sign-in screen does it (`signInOnDevice`: the server checks the PIN and registers a fresh key,
 * the device seals the key). Answers her proof key, for the actor of the app's commands, which
 * prove every event they make with it.
 */
export async function signInOnApp(
  device: { db: QabyldauDb; credentials: Credentials; http: HttpPort },
  person: Pick<Staff, 'id' | 'role'>,
): Promise<string> {
  const outcome = await signInOnDevice(device, person.id, DEMO_PINS[person.role]);
  if (!outcome.ok) throw new Error(`sign-in refused: ${JSON.stringify(outcome.problem)}`);
  return outcome.proofKey;
}
