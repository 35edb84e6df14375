/**
 * Staff identity on the device (ADR 0015), against a server answering as the contract says
 * (./identity-server.ts): a first sign-in needs the server and leaves a seal; the same PIN then
 * opens it offline, wrong ones count down and lock at five; the lock is reported and lifted by
 * the reference data once the administrator unlocks; a PIN reset takes the seal away; every event
 * carries a proof of its person's key, renumbering keeps it valid, and the push declares once the
 * events made before proofs; the administrator's calls go under a session renewed by proof.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { type Commands, createCommands } from '../../../src/db/commands';
import { exportUnsent } from '../../../src/db/export';
import { type Credentials, getMeta, setMeta } from '../../../src/db/meta';
import { sealedStaffIds, signInLockOf } from '../../../src/db/queries';
import { applyReference } from '../../../src/db/reference';
import { QabyldauDb } from '../../../src/db/schema';
import {
  decodeKey,
  isEventProof,
  newProofKey,
  pushProof,
} from '../../../src/domain/identity/proof';
import { controlDigit } from '../../../src/domain/iin';
import type { Office, Staff } from '../../../src/domain/reference';
import { type ReferenceResponse, toPushAnswer } from '../../../src/domain/sync/protocol';
import { toWireEvent } from '../../../src/domain/sync/wire';
import { adminClient } from '../../../src/sync/admin';
import { SyncEngine } from '../../../src/sync/engine';
import type { HttpPort } from '../../../src/sync/http';
import { reportSignInLocks, signInOnDevice } from '../../../src/sync/identity';
import { pullEvents, pullReference } from '../../../src/sync/pull';
import { pushOutbox } from '../../../src/sync/push';
import { AKIM, OFFICE, SPECIALIST, TestClock } from './fixtures';
import { IdentityServer } from './identity-server';

const PIN = '482913';
const IIN = `85041241234${controlDigit('85041241234')}`;
const INTAKE = {
  serviceId: '003-06',
  channel: 'akim' as const,
  applicant: { iin: IIN, surname: 'Сейітқалиева', givenName: 'Гүлназ' },
  personalDataConsent: true,
  presentedDocuments: [],
  confirmDuplicate: true,
};

const DISTRICT: Office = {
  ...OFFICE,
  id: 'akt-district',
  kind: 'district',
  code: '00',
  name: { kk: 'Ақтоғай аудандық бөлімі', ru: 'Актогайский районный отдел' },
};
const ADMIN: Staff = {
  ...SPECIALIST,
  id: 'akt-admin',
  officeId: DISTRICT.id,
  role: 'district_admin',
  surname: 'Нұрланов',
};

/** An enrolled device of `office`, its people from the server's reference, and the server. */
async function setUp(office: Office = OFFICE, staff: Staff[] = [SPECIALIST, AKIM]) {
  const name = `identity-${uuidv7()}`;
  const db = new QabyldauDb(name, { indexedDB: new IDBFactory(), IDBKeyRange });
  const credentials: Credentials = {
    deviceId: `dev-${name}`.slice(0, 60),
    token: 'token',
    officeId: office.id,
    officeKind: office.kind,
    deviceNo: 3,
    serverUrl: '',
    enrolledAt: '2026-03-01T09:00',
  };
  await setMeta(db, 'credentials', credentials);
  const server = new IdentityServer(office, staff, credentials.deviceId);
  for (const person of staff) await server.setPin(person.id, PIN);
  await pullReference(db, server.http, credentials);
  const deps = { db, credentials, http: server.http };
  const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
  /** commands recorded by a signed-in person, as the app's runtime binds them */
  const commandsOf = (staffMember: Staff, proofKey: string): Commands =>
    createCommands(db, { now: clock.now, newId: () => uuidv7() }, () => ({
      staff: staffMember,
      credentials,
      proofKey,
    }));
  return { db, credentials, server, deps, commandsOf };
}

describe('signing in on the device', () => {
  it('needs the server the first time, then opens the seal offline; five wrong PINs lock', async () => {
    const { db, server, deps } = await setUp();
    server.isOnline = false;
    expect(await signInOnDevice(deps, SPECIALIST.id, PIN)).toEqual({
      ok: false,
      problem: { code: 'sign-in-needs-connection' },
    });
    expect(await sealedStaffIds(db)).toEqual([]);

    server.isOnline = true;
    const first = await signInOnDevice(deps, SPECIALIST.id, PIN);
    if (!first.ok) throw new Error(JSON.stringify(first));
    expect(first.staff).toEqual(SPECIALIST);
    // The key the server registered is the one the person now holds, and only its seal is kept.
    expect(server.keys.get(SPECIALIST.id)).toEqual(decodeKey(first.proofKey));
    expect(await sealedStaffIds(db)).toEqual([SPECIALIST.id]);
    expect(JSON.stringify(await db.seals.toArray())).not.toContain(first.proofKey);

    server.isOnline = false;
    const again = await signInOnDevice(deps, SPECIALIST.id, PIN);
    expect(again).toMatchObject({ ok: true, proofKey: first.proofKey });
    // Nobody else has a seal here: their sign-in still needs the server.
    expect(await signInOnDevice(deps, AKIM.id, PIN)).toMatchObject({
      problem: { code: 'sign-in-needs-connection' },
    });

    const tries = [];
    for (let i = 0; i < 4; i++) tries.push(await signInOnDevice(deps, SPECIALIST.id, '000000'));
    expect(tries.map((t) => (t.ok ? null : t.problem))).toEqual(
      [4, 3, 2, 1].map((triesLeft) => ({ code: 'pin-wrong', details: { triesLeft } })),
    );
    expect(await signInLockOf(db, SPECIALIST.id)).toMatchObject({ isLocked: false, triesLeft: 1 });
    expect(await signInOnDevice(deps, SPECIALIST.id, '111111')).toEqual({
      ok: false,
      problem: { code: 'pin-locked' },
    });
    // Locked: the right PIN is not even looked at.
    expect(await signInOnDevice(deps, SPECIALIST.id, PIN)).toEqual({
      ok: false,
      problem: { code: 'pin-locked' },
    });
    expect(await signInLockOf(db, SPECIALIST.id)).toMatchObject({ isLocked: true, triesLeft: 0 });
    // Offline: the server does not know yet.
    expect(server.locks.has(SPECIALIST.id)).toBe(false);
    db.close();
  });

  it('a good PIN starts the count again', async () => {
    const { db, server, deps } = await setUp();
    expect((await signInOnDevice(deps, SPECIALIST.id, PIN)).ok).toBe(true);
    server.isOnline = false;
    for (let i = 0; i < 3; i++) await signInOnDevice(deps, SPECIALIST.id, '000000');
    expect((await signInOnDevice(deps, SPECIALIST.id, PIN)).ok).toBe(true);
    expect(await signInLockOf(db, SPECIALIST.id)).toMatchObject({ failures: 0, triesLeft: 5 });
    db.close();
  });

  it('reports the lock, which the reference keeps until the administrator lifts it', async () => {
    const { db, server, deps, credentials } = await setUp();
    expect((await signInOnDevice(deps, SPECIALIST.id, PIN)).ok).toBe(true);
    server.isOnline = false;
    for (let i = 0; i < 5; i++) await signInOnDevice(deps, SPECIALIST.id, '000000');
    server.isOnline = true;

    // A reference that does not list a lock never lifts one the server has not heard of.
    await pullReference(db, server.http, credentials);
    expect((await signInLockOf(db, SPECIALIST.id)).isLocked).toBe(true);

    // The sync round's report: the server locks the pair, and its reference lists her.
    expect(await reportSignInLocks(db, server.http, credentials)).toBe(1);
    expect(server.locks.has(SPECIALIST.id)).toBe(true);
    expect(await reportSignInLocks(db, server.http, credentials)).toBe(0);
    await pullEvents(db, server.http, credentials, () => new Date());
    expect((await signInLockOf(db, SPECIALIST.id)).isLocked).toBe(true);
    expect(await signInOnDevice(deps, SPECIALIST.id, PIN)).toMatchObject({
      problem: { code: 'pin-locked' },
    });

    // The administrator unlocks her; the next reference lifts the lock here.
    server.locks.delete(SPECIALIST.id);
    server.failures.delete(SPECIALIST.id);
    await pullReference(db, server.http, credentials);
    expect(await signInLockOf(db, SPECIALIST.id)).toMatchObject({ isLocked: false, failures: 0 });
    expect((await signInOnDevice(deps, SPECIALIST.id, PIN)).ok).toBe(true);
    db.close();
  });

  it('reports a lock put on offline with the next sync round', async () => {
    const { db, server, deps } = await setUp();
    expect((await signInOnDevice(deps, SPECIALIST.id, PIN)).ok).toBe(true);
    server.isOnline = false;
    for (let i = 0; i < 5; i++) await signInOnDevice(deps, SPECIALIST.id, '000000');
    server.isOnline = true;
    // A device past its initial sync, as any that has people signing in.
    await setMeta(db, 'initialSync', { mark: 0, after: 0, isDone: true });
    const engine = new SyncEngine({ db, http: () => server.http });
    await engine.syncNow();
    engine.stop();
    expect(await getMeta(db, 'syncStatus')).not.toHaveProperty('lastError');
    expect(server.locks.has(SPECIALIST.id)).toBe(true);
    expect(await db.signInLocks.get(SPECIALIST.id)).toMatchObject({ isReported: true });
    // Reported before the round pulled: its reference already lists the lock as the server's.
    const calls = server.calls.map((c) => c.path.split('?')[0]);
    expect(calls.indexOf('/api/v1/staff/lockout')).toBeLessThan(
      calls.lastIndexOf('/api/v1/sync/reference'),
    );
    db.close();
  });

  it('reports the fifth wrong PIN at once when online', async () => {
    const { db, server, deps } = await setUp();
    expect((await signInOnDevice(deps, SPECIALIST.id, PIN)).ok).toBe(true);
    for (let i = 0; i < 5; i++) await signInOnDevice(deps, SPECIALIST.id, '000000');
    expect(server.locks.has(SPECIALIST.id)).toBe(true);
    expect((await db.signInLocks.get(SPECIALIST.id))?.isReported).toBe(true);
    db.close();
  });

  it('keeps a lock the server holds for this device, though the device never counted it', async () => {
    const { db, server, credentials, deps } = await setUp();
    expect((await signInOnDevice(deps, SPECIALIST.id, PIN)).ok).toBe(true);
    server.locks.add(SPECIALIST.id);
    await pullReference(db, server.http, credentials);
    server.isOnline = false;
    expect(await signInOnDevice(deps, SPECIALIST.id, PIN)).toMatchObject({
      problem: { code: 'pin-locked' },
    });
    db.close();
  });

  it('passes the server’s word on a first sign-in through, with its details', async () => {
    const { db, server, deps } = await setUp();
    expect(await signInOnDevice(deps, SPECIALIST.id, '000000')).toEqual({
      ok: false,
      problem: { code: 'pin-wrong', details: { triesLeft: 4 } },
    });
    expect(await signInOnDevice(deps, 'nobody', PIN)).toMatchObject({
      problem: { code: 'staff-unknown' },
    });
    // An old four-digit PIN: a new one is chosen in the same sign-in, and seals the key.
    await server.setPin(AKIM.id, '1234');
    expect(await signInOnDevice(deps, AKIM.id, '1234')).toMatchObject({
      problem: { code: 'pin-change-required' },
    });
    expect(await signInOnDevice(deps, AKIM.id, '1234', '12')).toMatchObject({
      problem: { code: 'pin-invalid' },
    });
    const changed = await signInOnDevice(deps, AKIM.id, '1234', '246810');
    expect(changed.ok).toBe(true);
    server.isOnline = false;
    expect((await signInOnDevice(deps, AKIM.id, '246810')).ok).toBe(true);
    expect(await signInOnDevice(deps, AKIM.id, '1234')).toMatchObject({
      problem: { code: 'pin-wrong' },
    });
    db.close();
  });

  it('drops the seal of a person whose PIN was reset; she signs in online with the new one', async () => {
    const { db, server, deps, credentials } = await setUp();
    expect((await signInOnDevice(deps, SPECIALIST.id, PIN)).ok).toBe(true);
    expect((await signInOnDevice(deps, AKIM.id, PIN)).ok).toBe(true);
    await server.resetPin(SPECIALIST.id, '975310');
    await pullReference(db, server.http, credentials);
    expect(await sealedStaffIds(db)).toEqual([AKIM.id]);

    server.isOnline = false;
    expect(await signInOnDevice(deps, SPECIALIST.id, PIN)).toMatchObject({
      problem: { code: 'sign-in-needs-connection' },
    });
    server.isOnline = true;
    expect(await signInOnDevice(deps, SPECIALIST.id, PIN)).toMatchObject({
      problem: { code: 'pin-wrong' },
    });
    expect((await signInOnDevice(deps, SPECIALIST.id, '975310')).ok).toBe(true);
    expect((await sealedStaffIds(db)).sort()).toEqual([AKIM.id, SPECIALIST.id].sort());
    db.close();
  });

  it('keeps a seal made after the reference data was: that reference could not list it', async () => {
    const { db, server, deps, credentials } = await setUp();
    const stale = await server.http.request<ReferenceResponse>('GET', '/api/v1/sync/reference');
    expect((await signInOnDevice(deps, SPECIALIST.id, PIN)).ok).toBe(true);
    await applyReference(db, stale);
    expect(await sealedStaffIds(db)).toEqual([SPECIALIST.id]);
    await pullReference(db, server.http, credentials);
    expect(await sealedStaffIds(db)).toEqual([SPECIALIST.id]);
    db.close();
  });
});

describe('proofs of events', () => {
  it('proves every event with the key of the person signed in; the server takes them', async () => {
    const { db, server, deps, credentials, commandsOf } = await setUp();
    const signedIn = await signInOnDevice(deps, SPECIALIST.id, PIN);
    if (!signedIn.ok) throw new Error(JSON.stringify(signedIn));
    const commands = commandsOf(signedIn.staff, signedIn.proofKey);
    const registered = await commands.registerCase(INTAKE);
    if (!registered.ok) throw new Error(JSON.stringify(registered));
    expect((await commands.sendBatch([registered.value.caseId])).ok).toBe(true);

    const key = decodeKey(signedIn.proofKey) ?? new Uint8Array();
    const events = await db.events.toArray();
    expect(events).toHaveLength(2);
    for (const event of events) {
      expect(isEventProof(key, event, event.proof ?? '')).toBe(true);
      expect(isEventProof(newProofKey(), event, event.proof ?? '')).toBe(false);
      // Another person's name on the same content is not proved by it.
      expect(isEventProof(key, { ...event, staffId: AKIM.id }, event.proof ?? '')).toBe(false);
    }
    // The export of unsent work keeps them.
    const exported = await exportUnsent(db, '2026-03-18T10:40');
    expect(exported.events.map((e) => e.proof)).toEqual(
      events.sort((a, b) => a.deviceSeq - b.deviceSeq).map((e) => e.proof),
    );

    // On the wire the push carries one proof for both, made from theirs in order; the events
    // go without their own.
    const report = await pushOutbox(db, server.http, credentials);
    expect(report).toMatchObject({ accepted: 2, rejected: 0 });
    expect(server.pushes).toHaveLength(1);
    expect(server.pushes[0]?.events.map((e) => e.proof)).toEqual([undefined, undefined]);
    expect(server.pushes[0]?.proof).toBe(pushProof(exported.events.map((e) => e.proof ?? '')));
    expect([...server.stored.values()].map((e) => e.proof)).toEqual(
      exported.events.map((e) => e.proof),
    );
    expect(server.pushes[0]?.transition).toBeUndefined();
    db.close();
  });

  it('keeps the proof of an own event a pull brings back without one', async () => {
    const { db, server, deps, credentials, commandsOf } = await setUp();
    const signedIn = await signInOnDevice(deps, SPECIALIST.id, PIN);
    if (!signedIn.ok) throw new Error(JSON.stringify(signedIn));
    expect((await commandsOf(SPECIALIST, signedIn.proofKey).registerCase(INTAKE)).ok).toBe(true);
    const [event] = await db.events.toArray();
    if (!event) throw new Error('no event');
    const { proof, status: _s, storedAt: _t, ...content } = event;
    // The server's copy comes back (pulls carry no proofs), as after a lost acknowledgement.
    await pullEvents(db, server.http, credentials, () => new Date(), {
      cursor: 0,
      page: {
        serverTime: '2026-03-18T05:40:00.000Z',
        events: [{ ...toWireEvent(content), serverSeq: 1 }],
        cursor: 1,
        hasMore: false,
        referenceVersion: 'v-unchanged',
      },
    });
    expect(await db.events.get(event.id)).toMatchObject({ status: 'synced', serverSeq: 1, proof });
    db.close();
  });

  it('without a key nothing is recorded', async () => {
    const { db, commandsOf } = await setUp();
    expect(await commandsOf(SPECIALIST, 'not-a-key').registerCase(INTAKE)).toEqual({
      ok: false,
      problem: { code: 'unauthorized' },
    });
    expect(await db.events.count()).toBe(0);
    db.close();
  });

  it('an event proved with a revoked key is refused after a reset', async () => {
    const { db, server, deps, credentials, commandsOf } = await setUp();
    const signedIn = await signInOnDevice(deps, SPECIALIST.id, PIN);
    if (!signedIn.ok) throw new Error(JSON.stringify(signedIn));
    expect((await commandsOf(SPECIALIST, signedIn.proofKey).registerCase(INTAKE)).ok).toBe(true);
    await server.resetPin(SPECIALIST.id, '975310');
    expect(await pushOutbox(db, server.http, credentials)).toMatchObject({ rejected: 1 });
    expect((await db.events.toArray())[0]?.rejection?.code).toBe('proof-invalid');
    // The push's one proof was refused; the same event went again with its own.
    expect(
      server.pushes.map((p) => [p.proof === undefined, p.events[0]?.proof === undefined]),
    ).toEqual([
      [false, true],
      [true, false],
    ]);
    db.close();
  });

  it('when the push’s one proof fails, sends each event’s own: only the event that fails is rejected', async () => {
    const { db, server, deps, credentials, commandsOf } = await setUp();
    const specialist = await signInOnDevice(deps, SPECIALIST.id, PIN);
    const akim = await signInOnDevice(deps, AKIM.id, PIN);
    if (!specialist.ok || !akim.ok) throw new Error('sign-in');
    const ofSpecialist = await commandsOf(SPECIALIST, specialist.proofKey).registerCase(INTAKE);
    const ofAkim = await commandsOf(AKIM, akim.proofKey).registerCase({
      ...INTAKE,
      applicant: { ...INTAKE.applicant, surname: 'Сейітов' },
    });
    if (!ofSpecialist.ok || !ofAkim.ok) throw new Error('register');
    // The akim's key is revoked at the server (a PIN reset the device has not heard of yet).
    server.keys.delete(AKIM.id);
    expect(await pushOutbox(db, server.http, credentials)).toMatchObject({
      accepted: 1,
      rejected: 1,
    });
    const byCase = new Map((await db.events.toArray()).map((e) => [e.caseId, e]));
    expect(byCase.get(ofSpecialist.value.caseId)?.status).toBe('synced');
    expect(byCase.get(ofAkim.value.caseId)?.rejection?.code).toBe('proof-invalid');
    expect(server.pushes.map((p) => p.proof === undefined)).toEqual([false, true]);
    expect(await db.outbox.count()).toBe(0);
    db.close();
  });

  it('renumbering the outbox after a sequence gap keeps every proof valid', async () => {
    const { db, server, deps, credentials, commandsOf } = await setUp();
    const signedIn = await signInOnDevice(deps, SPECIALIST.id, PIN);
    if (!signedIn.ok) throw new Error(JSON.stringify(signedIn));
    const commands = commandsOf(SPECIALIST, signedIn.proofKey);
    for (let i = 0; i < 3; i++) expect((await commands.registerCase(INTAKE)).ok).toBe(true);
    const before = new Map((await db.events.toArray()).map((e) => [e.id, e]));

    // The server expects seq 7 next from this device (it lost writes): the outbox renumbers.
    const http = gapOnce(server.http, 7);
    await pushOutbox(db, http, credentials);
    const after = await db.events.toArray();
    expect(after.map((e) => e.deviceSeq).sort()).toEqual([7, 8, 9]);
    const key = decodeKey(signedIn.proofKey) ?? new Uint8Array();
    for (const event of after) {
      expect(event.proof).toBe(before.get(event.id)?.proof);
      expect(isEventProof(key, event, event.proof ?? '')).toBe(true);
    }
    expect(after.every((e) => e.status === 'synced')).toBe(true);
    expect(server.stored.size).toBe(3);
    db.close();
  });
});

/** The server's port, answering the first push with a sequence gap that expects `expected`. */
function gapOnce(http: HttpPort, expected: number): HttpPort {
  let isFirst = true;
  return {
    async request<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown): Promise<T> {
      if (isFirst && path === '/api/v1/sync/push') {
        isFirst = false;
        const { events } = body as { events: unknown[] };
        return {
          serverTime: '2026-03-18T05:31:00.000Z',
          ...toPushAnswer(
            events.map(() => ({
              id: '',
              status: 'rejected' as const,
              code: 'sequence-gap' as const,
              details: { expected },
            })),
          ),
        } as T;
      }
      return http.request<T>(method, path, body);
    },
  };
}

describe('events made before proofs', () => {
  it('are declared once, with the next push, and taken without proofs', async () => {
    const { db, server, deps, credentials, commandsOf } = await setUp();
    const signedIn = await signInOnDevice(deps, SPECIALIST.id, PIN);
    if (!signedIn.ok) throw new Error(JSON.stringify(signedIn));
    const commands = commandsOf(SPECIALIST, signedIn.proofKey);
    expect((await commands.registerCase(INTAKE)).ok).toBe(true);
    expect((await commands.registerCase(INTAKE)).ok).toBe(true);
    // As schema version 7's upgrade leaves them: no proofs, their highest seq noted.
    for (const event of await db.events.toArray()) {
      await db.events.update(event.id, { proof: undefined });
    }
    await setMeta(db, 'legacyThrough', 2);

    server.isOnline = false;
    await expect(pushOutbox(db, server.http, credentials)).rejects.toThrow();
    expect(await getMeta(db, 'legacyDeclared')).toBeUndefined();
    server.isOnline = true;
    expect(await pushOutbox(db, server.http, credentials)).toMatchObject({
      accepted: 2,
      rejected: 0,
    });
    expect(server.pushes.map((p) => p.transition)).toEqual([{ legacyThrough: 2 }]);
    expect(await getMeta(db, 'legacyDeclared')).toBe(true);

    // What is made from now on is proved, and the declaration is not sent again.
    expect((await commands.registerCase(INTAKE)).ok).toBe(true);
    expect(await pushOutbox(db, server.http, credentials)).toMatchObject({ accepted: 1 });
    expect(server.pushes).toHaveLength(2);
    expect(server.pushes[1]?.transition).toBeUndefined();
    const [made] = (await db.events.toArray()).filter((e) => e.proof !== undefined);
    expect(server.pushes[1]?.proof).toBe(pushProof([made?.proof ?? '']));
    db.close();
  });
});

describe('the administrator', () => {
  it('gets a session with an online sign-in, and by proof after one offline', async () => {
    const { db, server, deps } = await setUp(DISTRICT, [ADMIN]);
    const online = await signInOnDevice(deps, ADMIN.id, PIN);
    expect(online).toMatchObject({ ok: true, adminSession: { token: 'session-1' } });
    server.isOnline = false;
    const offline = await signInOnDevice(deps, ADMIN.id, PIN);
    expect(offline.ok).toBe(true);
    expect(offline.ok && offline.adminSession).toBeFalsy();
    server.isOnline = true;
    const sealed = await signInOnDevice(deps, ADMIN.id, PIN);
    expect(sealed).toMatchObject({ ok: true, adminSession: { token: 'session-2' } });
    db.close();
  });

  it('calls under the session, renews it by proof once when the server asks, names nobody', async () => {
    const { db, server, deps, credentials } = await setUp(DISTRICT, [ADMIN]);
    const signedIn = await signInOnDevice(deps, ADMIN.id, PIN);
    if (!signedIn.ok) throw new Error(JSON.stringify(signedIn));
    const kept: string[] = [];
    const client = adminClient(
      db,
      credentials,
      {
        staffId: ADMIN.id,
        proofKey: signedIn.proofKey,
        ...(signedIn.adminSession ? { adminSession: signedIn.adminSession } : {}),
        onSession: (s) => kept.push(s.token),
      },
      server.http,
    );
    server.locks.add(ADMIN.id);
    const listed = await client.listStaff();
    expect(listed[0]).toMatchObject({ signInLock: { deviceIds: [credentials.deviceId] } });
    expect(listed[0]?.keyDeviceIds).toEqual([credentials.deviceId]);

    server.expireSessions();
    await client.unlockPerson(ADMIN.id);
    expect(server.locks.has(ADMIN.id)).toBe(false);
    expect(kept).toEqual(['session-2']);
    const admin = server.calls.filter((c) => c.path.startsWith('/api/v1/admin/'));
    expect(admin.map((c) => [c.method, c.path, c.session])).toEqual([
      ['GET', '/api/v1/admin/staff', 'session-1'],
      ['POST', `/api/v1/admin/staff/${ADMIN.id}/unlock`, 'session-1'],
      ['POST', `/api/v1/admin/staff/${ADMIN.id}/unlock`, 'session-2'],
    ]);
    expect(JSON.stringify(admin)).not.toContain('staffId');

    // Signed in offline, without a session: asking for one without a connection fails as any
    // admin call does then, with no answer at all.
    server.isOnline = false;
    const offline = adminClient(
      db,
      credentials,
      { staffId: ADMIN.id, proofKey: signedIn.proofKey, onSession: (s) => kept.push(s.token) },
      server.http,
    );
    await expect(offline.listStaff()).rejects.toMatchObject({ kind: 'network', code: 'offline' });
    expect(kept).toEqual(['session-2']);
    db.close();
  });

  it('signs in without a session when it cannot be had', async () => {
    const { db, deps } = await setUp(OFFICE, [SPECIALIST]);
    // A village device: nobody there administers; no session is asked for.
    const signedIn = await signInOnDevice(deps, SPECIALIST.id, PIN);
    expect(signedIn.ok && signedIn.adminSession).toBeFalsy();
    db.close();
  });
});

describe('reference data', () => {
  it('applies the answer of the pull asked last, even when an earlier one answers later', async () => {
    const { db, server, credentials } = await setUp();
    const current = await server.http.request<ReferenceResponse>('GET', '/api/v1/sync/reference');
    const older = { ...current, version: 'older' };
    const newer = { ...current, version: 'newer' };
    let releaseOlder = () => {};
    let calls = 0;
    // The first fetch (a sync round's) is slow and carries the data as it was; the second (the
    // administrator's, after her change) is quick and carries the change.
    const http: HttpPort = {
      request: async <T>() => {
        calls++;
        if (calls === 1) {
          await new Promise<void>((resolve) => {
            releaseOlder = resolve;
          });
          return older as T;
        }
        return newer as T;
      },
    };
    const round = pullReference(db, http, credentials);
    const change = pullReference(db, http, credentials);
    await new Promise((resolve) => setTimeout(resolve, 20));
    releaseOlder();
    await Promise.all([round, change]);
    expect(calls).toBe(2);
    expect(await getMeta(db, 'referenceVersion')).toBe('newer');
    db.close();
  });
});
