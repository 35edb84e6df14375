/**
 * Everything a device stores and everything the server sends it, searched for PINs (ADR 0015:
 * "a device that never saw a person sign in holds nothing that a PIN can be tried against").
 *
 * The app's own device code runs in Node (Dexie on fake-indexeddb, the sign-in service, the
 * commands, the sync engine) against the real test server: a village device is enrolled, takes
 * the reference and the initial sync (with events another device recorded), the specialist Q
 * signs in online, records, syncs, signs out, signs in again offline (one wrong PIN first),
 * records offline, and syncs once the connection is back. Captured: every HTTP response the
 * device received (status, headers and body as text, error answers too), every object store of
 * every IndexedDB database of the device, and its localStorage and sessionStorage.
 *
 * Then for the akim P of the same office, who signed in and worked on another device but never
 * on this one, every six-digit PIN 000000–999999 is tried against all of it:
 * - as itself, and as its SHA-256 in hex, base64 and base64url, against every string (JSON in a
 *   string is read too), every object key, number and binary value (as hex and base64);
 * - against every salted structure found (an object with `salt` and `hash` or `data`), with that
 *   structure's own algorithm and parameters, recomputed here with code independent of the
 *   app's (@noble/hashes' Argon2id, Node's PBKDF2 and AES-GCM): an Argon2id or PBKDF2 verifier is
 *   recomputed and compared, a seal is opened.
 * Nothing may match for P. The search can succeed: Q's seal, the one salted structure the device
 * holds, opens with Q's PIN, to Q's proof key.
 *
 * The cost, honestly: a seal is as slow to try as the server's verifier. The test server runs at
 * the low PIN cost (64 KiB, one pass: about 1 ms a candidate here), so the seal was made at it;
 * all 1,000,000 candidates against it would still take about a quarter of an hour, so salted
 * structures are searched over the first SALTED_CANDIDATES candidates in order, and Q's and P's
 * PINs are chosen inside that range (and also tried directly). At the standard cost (128 MiB,
 * three passes) one candidate takes about 0.6 s: the whole range is about a week on one core.
 * P's PIN is also set at the low cost (the test server's): should anything of hers reach the
 * device, its cost could not hide it from this search.
 */
import { createDecipheriv, createHash, pbkdf2Sync } from 'node:crypto';
import { argon2id } from '@noble/hashes/argon2.js';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommands } from '../../src/db/commands';
import { type Credentials, getMeta } from '../../src/db/meta';
import { QabyldauDb } from '../../src/db/schema';
import { canonicalJson } from '../../src/domain/case/events';
import { LOW_PIN_COST, makePinVerifier } from '../../src/domain/identity/pin';
import { decodeKey, newProofKey } from '../../src/domain/identity/proof';
import { sealKey } from '../../src/domain/identity/seal';
import { controlDigit } from '../../src/domain/iin';
import { SyncEngine } from '../../src/sync/engine';
import { enrollDevice } from '../../src/sync/enroll';
import { createHttp, type HttpPort } from '../../src/sync/http';
import { signInOnDevice } from '../../src/sync/identity';
import { pullReference } from '../../src/sync/pull';
import { issueEnrollCode } from '../../sync-server/sync/enroll';
import {
  call,
  enrollDevice as enrollTestDevice,
  type Harness,
  registration,
  STORES,
  staffOf,
  startServer,
} from './helpers';
import { legacyPinHash } from './legacy-pins';

const P = staffOf('akt-01', 'akim');
const Q = staffOf('akt-01', 'akimat_specialist');
/** Inside the range salted structures are searched over (see above): early, and distinct. */
const P_PIN = '008642';
const Q_PIN = '004711';
const SALTED_CANDIDATES = 10_000;
const pinOf = (n: number) => String(n).padStart(6, '0');

/** A Storage kept in a Map, as a browser tab's localStorage and sessionStorage. */
class MemoryStorage {
  readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  clear() {
    this.items.clear();
  }
}

function iin(serial: number): string {
  for (let s = serial; ; s++) {
    const first11 = `8504124${String(s).padStart(4, '0')}`;
    const digit = controlDigit(first11);
    if (digit !== null) return `${first11}${digit}`;
  }
}

interface Captured {
  where: string;
  value: unknown;
}

/** Every object store of every IndexedDB database of the device, rows and keys. */
async function dumpIndexedDb(factory: IDBFactory): Promise<Captured[]> {
  const out: Captured[] = [];
  const done = <T>(request: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  for (const info of await factory.databases()) {
    if (!info.name) continue;
    const db = await done(factory.open(info.name));
    for (const name of Array.from(db.objectStoreNames)) {
      const store = db.transaction(name, 'readonly').objectStore(name);
      const [rows, keys] = await Promise.all([done(store.getAll()), done(store.getAllKeys())]);
      out.push({ where: `indexeddb ${info.name}/${name}`, value: { rows, keys } });
    }
    db.close();
  }
  return out;
}

/** What the search looks at: every string form of every value, and every salted structure. */
interface Inventory {
  /** a value (as text) → where it was first seen */
  values: Map<string, string>;
  /** each structure once, with every place it was seen */
  salted: { where: string[]; structure: Record<string, unknown> }[];
  /** every text, for runs of digits */
  texts: string[];
}

const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function inventory(captured: readonly Captured[]): Inventory {
  const found: Inventory = { values: new Map(), salted: [], texts: [] };
  const add = (text: string, where: string) => {
    found.texts.push(text);
    for (const form of [text, text.toLowerCase()]) {
      if (!found.values.has(form)) found.values.set(form, where);
    }
  };
  const addBytes = (bytes: Uint8Array, where: string) => {
    const buffer = Buffer.from(bytes);
    for (const form of [
      buffer.toString('hex'),
      buffer.toString('base64'),
      buffer.toString('base64url'),
    ]) {
      add(form, where);
    }
  };
  const walk = (value: unknown, where: string): void => {
    if (typeof value === 'string') {
      add(value, where);
      // JSON kept in a string (a storage's values, a response body) is read as well.
      if (/^\s*[[{]/.test(value)) {
        try {
          walk(JSON.parse(value), `${where} (json)`);
        } catch {
          // not JSON after all: the text itself was taken
        }
      }
    } else if (typeof value === 'number' || typeof value === 'bigint') {
      add(String(value), where);
    } else if (value instanceof Uint8Array) {
      addBytes(value, where);
    } else if (value instanceof ArrayBuffer) {
      addBytes(new Uint8Array(value), where);
    } else if (ArrayBuffer.isView(value)) {
      addBytes(new Uint8Array(value.buffer, value.byteOffset, value.byteLength), where);
    } else if (value instanceof Date) {
      add(value.toISOString(), where);
    } else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, `${where}[${i}]`);
    } else if (value && typeof value === 'object') {
      if (typeof Blob !== 'undefined' && value instanceof Blob) {
        throw new Error(`a Blob at ${where}: read it before searching`);
      }
      const record = value as Record<string, unknown>;
      if ('salt' in record && ('hash' in record || 'data' in record)) {
        const same = found.salted.find((s) => canonicalJson(s.structure) === canonicalJson(record));
        if (same) same.where.push(where);
        else found.salted.push({ where: [where], structure: record });
      }
      for (const [key, item] of Object.entries(record)) {
        add(key, `${where} (key)`);
        walk(item, `${where}.${key}`);
      }
    } else if (value !== null && value !== undefined && typeof value !== 'boolean') {
      throw new Error(`a ${typeof value} at ${where}`);
    }
  };
  for (const { where, value } of captured) walk(value, where);
  return found;
}

/**
 * The PINs from `from` to `to` (exclusive), as themselves (text and bytes) and as their SHA-256
 * in hex, base64 and base64url, among the captured values: where each one was found.
 */
function plainMatches(found: Inventory, from: number, to: number): string[] {
  const matches: string[] = [];
  for (let n = from; n < to; n++) {
    const pin = pinOf(n);
    const digest = createHash('sha256').update(pin).digest();
    for (const form of [
      pin,
      Buffer.from(pin).toString('hex'),
      digest.toString('hex'),
      digest.toString('base64'),
      digest.toString('base64url'),
    ]) {
      const where = found.values.get(form);
      // Bytes are kept in three spellings: one match a place.
      if (where && !matches.some((m) => m.startsWith(pin) && m.endsWith(` at ${where}`))) {
        matches.push(`${pin} as ${form} at ${where}`);
      }
    }
  }
  return matches;
}

/**
 * Whether `pin` opens or matches the salted structure, by its own algorithm and parameters;
 * throws for a structure of a kind this search does not know (so none goes unsearched).
 */
function saltedMatch(structure: Record<string, unknown>, pin: string): boolean {
  const bytes = (field: string) => Buffer.from(String(structure[field]), 'base64');
  const salt = bytes('salt');
  const cost = (structure.cost ?? structure) as { memoryKiB?: unknown; passes?: unknown };
  const argon = () =>
    argon2id(pin, salt, { t: Number(cost.passes), m: Number(cost.memoryKiB), p: 1, dkLen: 32 });
  if ('iv' in structure && 'data' in structure && 'cost' in structure) {
    // A seal: AES-256-GCM under Argon2id of the PIN; the tag is the last 16 bytes.
    const data = bytes('data');
    const decipher = createDecipheriv('aes-256-gcm', argon(), bytes('iv'));
    decipher.setAuthTag(data.subarray(data.length - 16));
    try {
      decipher.update(data.subarray(0, data.length - 16));
      decipher.final();
      return true;
    } catch {
      return false;
    }
  }
  if (structure.algorithm === 'argon2id') return toHex(argon()) === toHex(bytes('hash'));
  if (structure.algorithm === 'PBKDF2-SHA256') {
    const derived = pbkdf2Sync(pin, salt, Number(structure.iterations), 32, 'sha256');
    return toHex(derived) === toHex(bytes('hash'));
  }
  throw new Error(`a salted structure of an unknown kind: ${JSON.stringify(structure)}`);
}

/** The key inside a seal, opened with `pin` by the same independent code. */
function sealedKey(structure: Record<string, unknown>, pin: string): Uint8Array {
  const bytes = (field: string) => Buffer.from(String(structure[field]), 'base64');
  const cost = structure.cost as { memoryKiB: number; passes: number };
  const key = argon2id(pin, bytes('salt'), { t: cost.passes, m: cost.memoryKiB, p: 1, dkLen: 32 });
  const data = bytes('data');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes('iv'));
  decipher.setAuthTag(data.subarray(data.length - 16));
  return new Uint8Array(
    Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]),
  );
}

describe('the PIN search on everything a device stores and everything the server sends it', () => {
  // The device side is the same whatever the server's store: SQLite only.
  const store = STORES[0];
  if (!store) throw new Error('no store');
  let h: Harness;
  const localStorage = new MemoryStorage();
  const sessionStorage = new MemoryStorage();
  const responses: Captured[] = [];
  const factory = new IDBFactory();
  let db: QabyldauDb;
  let qProofKey = '';
  /** P's cases, recorded on another device: the initial sync brings them here */
  const pCaseIds: string[] = [];

  beforeAll(async () => {
    // Before the session module is loaded: it binds its storage when it is made.
    // The language preference is kept through `window.localStorage`; a window with nothing else
    // (the sync engine, stopped, only takes its `online` listener off).
    const window = {
      localStorage,
      sessionStorage,
      addEventListener() {},
      removeEventListener() {},
    };
    Object.assign(globalThis, { localStorage, sessionStorage, window });
    h = await startServer(store);
  });
  afterAll(async () => {
    db?.close();
    await h?.close();
    Reflect.deleteProperty(globalThis, 'localStorage');
    Reflect.deleteProperty(globalThis, 'sessionStorage');
    Reflect.deleteProperty(globalThis, 'window');
  });

  it('runs a village device through enrollment, sign-ins online and offline, work and syncs', async () => {
    const { useSession, usePrefs } = await import('../../src/state/session');
    // P and Q get their PINs from the administrator, at the server's (low) cost.
    const district = await enrollTestDevice(h, 'akt-district', 'district');
    const session = await district.session(staffOf('akt-district', 'district_admin'));
    for (const [id, pin] of [
      [P, P_PIN],
      [Q, Q_PIN],
    ]) {
      const reply = await call(h, 'PUT', `/api/v1/admin/staff/${id}/pin`, {
        token: district.enrollment.token,
        session,
        json: { pin },
      });
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    }
    // P works on another device of the office: her key, events, a wrong PIN there.
    const elsewhere = await enrollTestDevice(h, 'akt-01', 'akimat');
    expect((await elsewhere.signIn(P, P_PIN)).status).toBe(200);
    const byP = [1, 2, 3].map((n) =>
      elsewhere.event('case.registered', uuidv7(), P, {
        ...registration(900 + n),
        acceptedBy: { staffId: P, shortName: 'Әкім' },
      }),
    );
    pCaseIds.push(...byP.map((e) => e.caseId));
    expect((await elsewhere.push(byP)).body.results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
    ]);
    expect((await elsewhere.signIn(P, '000000')).body).toMatchObject({
      error: { code: 'pin-wrong' },
    });

    // The device, its every response kept.
    let isOnline = true;
    const fetchFn: typeof fetch = async (input, init) => {
      if (!isOnline) throw new TypeError('fetch failed');
      const response = await fetch(input, init);
      responses.push({
        where: `response ${init?.method ?? 'GET'} ${String(input).replace(h.base, '')} ${responses.length}`,
        value: {
          status: response.status,
          headers: Object.fromEntries(response.headers),
          body: await response.clone().text(),
        },
      });
      return response;
    };
    const http: HttpPort = createHttp(h.base, fetchFn);
    db = new QabyldauDb('pin-search', { indexedDB: factory, IDBKeyRange });
    let clock = new Date(2026, 2, 18, 10, 30);
    const now = () => clock;
    const code = await issueEnrollCode(h.db, 'akt-01', 'akimat', h.clock.now());
    await enrollDevice(db, http, code, h.base, now());
    const credentials = (await getMeta(db, 'credentials')) as Credentials;
    useSession.getState().setCredentials(credentials);
    await pullReference(db, http, credentials);
    const engine = new SyncEngine({ db, now, http: () => http });
    engine.stop();
    const sync = async () => {
      await engine.syncNow();
      return getMeta(db, 'syncStatus');
    };
    expect((await sync())?.lastError).toBeUndefined();
    // The initial sync brought P's cases.
    expect(await db.cases.count()).toBe(3);
    usePrefs.getState().setLang('ru');

    const deps = { db, credentials, http, now };
    const online = await signInOnDevice(deps, Q, Q_PIN);
    if (!online.ok) throw new Error(JSON.stringify(online.problem));
    qProofKey = online.proofKey;
    useSession.getState().signIn(online.staff, online.proofKey, online.adminSession);
    let serial = 0;
    const record = async () => {
      const { staff, proofKey } = useSession.getState();
      if (!staff || !proofKey) throw new Error('nobody signed in');
      const commands = createCommands(db, { now, newId: uuidv7 }, () => ({
        staff,
        credentials,
        proofKey,
      }));
      serial += 10;
      const result = await commands.registerCase({
        serviceId: '003-06',
        channel: 'akim',
        applicant: { iin: iin(serial), surname: `Өтініш${serial}`, givenName: 'Әсел' },
        personalDataConsent: true,
        presentedDocuments: [],
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problem));
    };
    await record();
    await record();
    expect((await sync())?.lastError).toBeUndefined();

    // Offline: she signs out, mistypes once, signs in with her seal and works.
    useSession.getState().signOut();
    isOnline = false;
    clock = new Date(2026, 2, 19, 9, 0);
    expect(await signInOnDevice(deps, Q, '999999')).toEqual({
      ok: false,
      problem: { code: 'pin-wrong', details: { triesLeft: 4 } },
    });
    const offline = await signInOnDevice(deps, Q, Q_PIN);
    expect(offline).toMatchObject({ ok: true, proofKey: qProofKey });
    if (!offline.ok) return;
    useSession.getState().signIn(offline.staff, offline.proofKey);
    await record();
    expect((await sync())?.lastError).toBe('network');

    isOnline = true;
    expect((await sync())?.lastError).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.events.where('status').equals('rejected').count()).toBe(0);
    expect(await db.cases.count()).toBe(6);
    // Sealed here: Q only.
    expect((await db.seals.toArray()).map((s) => s.staffId)).toEqual([Q]);
    expect(responses.length).toBeGreaterThan(8);
  });

  it('finds nothing of P in all of it, whatever the PIN; the search opens Q’s seal with her PIN', async () => {
    const idb = await dumpIndexedDb(factory);
    // Every table of the app's database is in the dump.
    const stores = new Set(idb.map((c) => c.where));
    for (const table of db.tables) expect(stores).toContain(`indexeddb pin-search/${table.name}`);
    const storages: Captured[] = [
      { where: 'localStorage', value: Object.fromEntries(localStorage.items) },
      { where: 'sessionStorage', value: Object.fromEntries(sessionStorage.items) },
    ];
    // The signed-in session is kept there (her key: what being signed in means).
    expect(sessionStorage.items.size).toBeGreaterThan(0);
    const found = inventory([...responses, ...idb, ...storages]);
    // (A failure below may first search many structures: a minute or two before it is told.)
    // What was captured holds P (her id, her cases) and Q's key (her session): it was all read.
    for (const value of [P, ...pCaseIds, qProofKey])
      expect(found.values.has(value), value).toBe(true);
    expect(localStorage.items.size).toBeGreaterThan(0);

    // Every PIN, as itself and as its SHA-256.
    const started = performance.now();
    const plain = plainMatches(found, 0, 1_000_000);
    const plainMs = performance.now() - started;
    expect(plain).toEqual([]);
    // Nor P's or Q's PIN inside any text, as a run of six digits.
    const runs = new Set(found.texts.flatMap((t) => t.match(/(?<!\d)\d{6}(?!\d)/g) ?? []));
    expect(runs.has(P_PIN)).toBe(false);
    expect(runs.has(Q_PIN)).toBe(false);

    // Every salted structure, whoever's it may be, searched before anything is said of them.
    const saltedStarted = performance.now();
    const hits: string[] = [];
    for (const { where: places, structure } of found.salted) {
      const where = places.join(', ');
      for (let n = 0; n < SALTED_CANDIDATES; n++) {
        if (saltedMatch(structure, pinOf(n))) hits.push(`${pinOf(n)} opens ${where}`);
      }
      // And P's PIN straight, should it ever fall outside the range.
      if (saltedMatch(structure, P_PIN)) hits.push(`P's PIN opens ${where}`);
    }
    const saltedMs = performance.now() - saltedStarted;
    expect(Number(P_PIN)).toBeLessThan(SALTED_CANDIDATES);
    expect(Number(Q_PIN)).toBeLessThan(SALTED_CANDIDATES);
    expect(hits).toEqual([`${Q_PIN} opens indexeddb pin-search/seals.rows[0].seal`]);
    // The salted structures searched: on this device, Q's seal alone, at the server's cost.
    expect(found.salted.map((s) => s.where)).toEqual([['indexeddb pin-search/seals.rows[0].seal']]);
    expect(found.salted[0]?.structure.cost).toEqual({ memoryKiB: 64, passes: 1 });
    // What it opens to is Q's proof key, the one her sign-in gave her.
    expect(sealedKey(found.salted[0]?.structure ?? {}, Q_PIN)).toEqual(decodeKey(qProofKey));
    console.info(
      `PIN search: ${found.values.size} values, 1,000,000 PINs in ${Math.round(plainMs)} ms; ` +
        `${found.salted.length} salted structure(s), ${SALTED_CANDIDATES} candidates in ${Math.round(saltedMs)} ms`,
    );
  }, 120_000);

  it('finds a PIN kept as itself or as its SHA-256, in text, in JSON in text, or as bytes', () => {
    const sha = (pin: string) => createHash('sha256').update(pin).digest();
    const found = inventory([
      { where: 'clear', value: { pin: '000001' } },
      { where: 'hex', value: [sha('000002').toString('hex').toUpperCase()] },
      { where: 'base64', value: JSON.stringify({ h: sha('000003').toString('base64') }) },
      { where: 'bytes', value: { h: new Uint8Array(sha('000004')) } },
      { where: 'bytes of the PIN', value: new TextEncoder().encode('000005').buffer },
      { where: 'a number, not a PIN', value: 6 },
    ]);
    expect(
      plainMatches(found, 0, 10).map((m) => `${m.slice(0, 6)} ${m.slice(m.indexOf(' at ') + 4)}`),
    ).toEqual([
      '000001 clear.pin',
      '000002 hex[0]',
      '000003 base64 (json).h',
      '000004 bytes.h',
      '000005 bytes of the PIN',
    ]);
  });

  it('opens what the app makes, by its own independent code: a seal, an Argon2id and a PBKDF2 verifier', async () => {
    const key = newProofKey();
    const structures: Record<string, unknown>[] = [
      await sealKey('123456', key, LOW_PIN_COST),
      await makePinVerifier('123456', LOW_PIN_COST),
      { ...(await legacyPinHash('123456')) },
    ];
    expect(structures.map((s) => saltedMatch(s, '123456'))).toEqual([true, true, true]);
    expect(structures.map((s) => saltedMatch(s, '123457'))).toEqual([false, false, false]);
    expect(sealedKey(structures[0] ?? {}, '123456')).toEqual(key);
    expect(() => saltedMatch({ salt: 'AA==', hash: 'AA==' }, '123456')).toThrow(/unknown kind/);
  });
});
