/**
 * Staff identity on the server (ADR 0015), on every store: the online sign-in that registers a
 * person's proof key on a device, and the proofs of her events checked against it; wrong PINs
 * counted to a lock on one device or, over all her devices, everywhere, and the administrator's
 * unlock; a PIN from before the six-digit rule changed at sign-in; a PIN reset that revokes her
 * keys; the administrator's session by proof and its end; a device enrolled before proofs that
 * declares its older events once; a deactivated person; reference data without PIN data.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PinVerifier, pinVerifierSchema } from '../../src/domain/identity/pin';
import { newNonce } from '../../src/domain/identity/proof';
import type { ReferenceResponse } from '../../src/domain/sync/protocol';
import { PIN_WORK_SLOTS, Semaphore } from '../../sync-server/sync/pin-work';
import { MAX_LEGACY_EVENTS } from '../../sync-server/sync/push';
import type { StaffReportRow } from '../../sync-server/sync/staff-admin';
import {
  call,
  type Device,
  enrollDevice,
  type Harness,
  newCaseId,
  type Reply,
  registration,
  STORES,
  staffOf,
  startServer,
} from './helpers';
import { legacyPinHash } from './legacy-pins';

const ADMIN = staffOf('akt-district', 'district_admin');

const codeOf = (reply: Reply<unknown>) =>
  (reply.body as { error?: { code?: string } }).error?.code ?? `status ${reply.status}`;
const detailsOf = (reply: Reply<unknown>) =>
  (reply.body as { error?: { details?: Record<string, unknown> } }).error?.details;

describe.each(STORES)('staff identity on $name', (store) => {
  let h: Harness;
  let district: Device;
  let session: string;

  beforeAll(async () => {
    h = await startServer(store);
    district = await enrollDevice(h, 'akt-district', 'district');
    session = (await district.signIn(ADMIN, '555555')).body.session?.token ?? '';
  });
  afterAll(async () => h?.close());

  const reference = async (device: Device) =>
    (
      await call<ReferenceResponse>(h, 'GET', '/api/v1/sync/reference', {
        token: device.enrollment.token,
      })
    ).body;
  const admin = <T = Record<string, unknown>>(method: string, path: string, json?: object) =>
    call<T>(h, method, path, {
      token: district.enrollment.token,
      session,
      ...(json ? { json } : {}),
    });
  const listing = async (id: string) =>
    (await admin<{ staff: StaffReportRow[] }>('GET', '/api/v1/admin/staff')).body.staff.find(
      (s) => s.id === id,
    );
  const verifierOf = async (id: string): Promise<PinVerifier> => {
    const row = await h.db.first<{ pin_hash: string }>('SELECT pin_hash FROM staff WHERE id = ?', [
      id,
    ]);
    return pinVerifierSchema.parse(JSON.parse(row?.pin_hash ?? '{}'));
  };
  const register = (device: Device, staffId: string, n: number) =>
    device.event('case.registered', newCaseId(), staffId, {
      ...registration(n),
      acceptedBy: { staffId, shortName: 'Маман' },
    });
  const statuses = (reply: { body: { results: { status: string; code?: string }[] } }) =>
    reply.body.results.map((r) => (r.status === 'rejected' ? r.code : r.status));

  it('gives the district administrator her session at sign-in', () => {
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('registers the key of a first sign-in, and takes the events it proves', async () => {
    const village = await enrollDevice(h, 'akt-02', 'akimat');
    const specialist = staffOf('akt-02', 'akimat_specialist');
    expect((await reference(village)).identity.keys).toEqual([]);
    const signedIn = await village.signIn(specialist, '111111');
    expect(signedIn.status).toBe(200);
    // Only a district administrator on a district device gets a session.
    expect(signedIn.body).toEqual({ serverTime: expect.any(String) });
    expect((await reference(village)).identity.keys).toEqual([specialist]);
    const event = await village.prove(register(village, specialist, 1));
    const pushed = await village.push([event], { sign: false });
    expect(statuses(pushed)).toEqual(['accepted']);
    const stored = await h.db.first<{ proof: string | null }>(
      'SELECT proof FROM events WHERE id = ?',
      [event.id],
    );
    expect(stored?.proof).toBe(event.proof);
    // Pulled as it was recorded: the proof stays on the server.
    const other = await enrollDevice(h, 'akt-02', 'akimat');
    const pulled = await other.pullAll();
    expect(pulled.map((e) => e.id)).toEqual([event.id]);
    expect(Object.keys(pulled[0] ?? {})).not.toContain('proof');
    // The listing names the device she can sign in on offline.
    expect((await listing(specialist))?.keyDeviceIds).toEqual([village.id]);
    // Someone of another office is nobody here.
    const stranger = await village.signIn(staffOf('akt-03', 'akimat_specialist'), '111111');
    expect(codeOf(stranger)).toBe('staff-unknown');
  });

  it('counts wrong PINs down to a lock on the device, which even the right PIN meets', async () => {
    const village = await enrollDevice(h, 'akt-03', 'akimat');
    const other = await enrollDevice(h, 'akt-03', 'akimat');
    const akim = staffOf('akt-03', 'akim');
    const left: unknown[] = [];
    for (let i = 0; i < 5; i++) {
      const reply = await village.signIn(akim, '999999');
      expect(codeOf(reply)).toBe('pin-wrong');
      left.push(detailsOf(reply)?.triesLeft);
    }
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect(codeOf(await village.signIn(akim, '222222'))).toBe('pin-locked');
    expect(codeOf(await village.signIn(akim, '999999'))).toBe('pin-locked');
    expect((await reference(village)).identity.signInLocks).toEqual([akim]);
    expect((await listing(akim))?.signInLock).toEqual({
      lockedAt: expect.any(String),
      deviceIds: [village.id],
    });
    // On another device she still signs in, and the device's lock stays until it is lifted.
    expect((await reference(other)).identity.signInLocks).toEqual([]);
    expect((await other.signIn(akim, '222222')).status).toBe(200);
    expect(codeOf(await village.signIn(akim, '222222'))).toBe('pin-locked');

    expect((await admin('POST', `/api/v1/admin/staff/${akim}/unlock`)).status).toBe(200);
    expect((await reference(village)).identity.signInLocks).toEqual([]);
    expect((await listing(akim))?.signInLock).toBeNull();
    expect((await village.signIn(akim, '222222')).status).toBe(200);
  });

  it('locks a person everywhere after ten wrong PINs over her devices, until the unlock', async () => {
    const devices = [
      await enrollDevice(h, 'akt-04', 'akimat'),
      await enrollDevice(h, 'akt-04', 'akimat'),
      await enrollDevice(h, 'akt-04', 'akimat'),
    ];
    const untouched = await enrollDevice(h, 'akt-04', 'akimat');
    const akim = staffOf('akt-04', 'akim');
    // Four, four and two: no device reaches five, the person reaches ten.
    const codes: string[] = [];
    for (const [device, times] of [
      [devices[0], 4],
      [devices[1], 4],
      [devices[2], 2],
    ] as const) {
      for (let i = 0; i < times; i++)
        codes.push(codeOf(await (device as Device).signIn(akim, '999999')));
    }
    expect(codes).toEqual(Array.from({ length: 10 }, () => 'pin-wrong'));
    expect(codeOf(await untouched.signIn(akim, '222222'))).toBe('pin-locked');
    expect((await reference(untouched)).identity.signInLocks).toEqual([akim]);
    expect((await listing(akim))?.signInLock).toEqual({
      lockedAt: expect.any(String),
      deviceIds: [],
    });
    // Nobody but the administrator lifts it.
    const village = await enrollDevice(h, 'akt-04', 'akimat');
    expect(
      codeOf(
        await call(h, 'POST', `/api/v1/admin/staff/${akim}/unlock`, {
          token: village.enrollment.token,
        }),
      ),
    ).toBe('role-not-allowed');
    expect((await admin('POST', `/api/v1/admin/staff/${akim}/unlock`)).status).toBe(200);
    expect((await untouched.signIn(akim, '222222')).status).toBe(200);
    expect((await reference(untouched)).identity.signInLocks).toEqual([]);
  });

  it('takes a lock a device put on someone offline, and lifts it with the unlock', async () => {
    const village = await enrollDevice(h, 'akt-05', 'akimat');
    const specialist = staffOf('akt-05', 'akimat_specialist');
    const before = (await reference(village)).version;
    const report = await call(h, 'POST', '/api/v1/staff/lockout', {
      token: village.enrollment.token,
      json: { staffId: specialist },
    });
    expect(report.status).toBe(200);
    const after = await reference(village);
    expect(after.version).not.toBe(before);
    expect(after.identity.signInLocks).toEqual([specialist]);
    expect(codeOf(await village.signIn(specialist, '111111'))).toBe('pin-locked');
    const elsewhere = await call(h, 'POST', '/api/v1/staff/lockout', {
      token: village.enrollment.token,
      json: { staffId: staffOf('akt-06', 'akimat_specialist') },
    });
    expect(codeOf(elsewhere)).toBe('staff-unknown');
    expect((await admin('POST', `/api/v1/admin/staff/${specialist}/unlock`)).status).toBe(200);
    expect((await village.signIn(specialist, '111111')).status).toBe(200);
  });

  it('has a person with a PIN of the old rule choose a new one at sign-in', async () => {
    const village = await enrollDevice(h, 'akt-06', 'akimat');
    const specialist = staffOf('akt-06', 'akimat_specialist');
    const akim = staffOf('akt-06', 'akim');
    // As a release before ADR 0015 left them: PBKDF2 of a 4-digit PIN and of a 6-digit one.
    const setLegacy = async (id: string, pin: string) =>
      h.db.run('UPDATE staff SET pin_hash = ? WHERE id = ?', [
        JSON.stringify(await legacyPinHash(pin)),
        id,
      ]);
    await setLegacy(specialist, '4321');
    await setLegacy(akim, '654321');

    expect(codeOf(await village.signIn(specialist, '4322'))).toBe('pin-wrong');
    const change = await village.signIn(specialist, '4321');
    expect(codeOf(change)).toBe('pin-change-required');
    expect(village.keys.has(specialist)).toBe(false);
    expect((await verifierOf(specialist)).algorithm).toBe('PBKDF2-SHA256');
    expect(codeOf(await village.signIn(specialist, '4321', '12345'))).toBe('pin-invalid');
    expect((await village.signIn(specialist, '4321', '246810')).status).toBe(200);
    expect((await verifierOf(specialist)).algorithm).toBe('argon2id');
    expect(codeOf(await village.signIn(specialist, '4321'))).toBe('pin-wrong');
    expect((await village.signIn(specialist, '246810')).status).toBe(200);
    // The wrong PIN before the right one is no longer counted.
    expect(
      (
        await h.db.first<{ n: number }>(
          'SELECT SUM(failures) AS n FROM pin_failures WHERE staff_id = ?',
          [specialist],
        )
      )?.n,
    ).toEqual(0);

    // A PIN that fits the rule keeps working; its verifier is made anew at today's cost.
    expect((await village.signIn(akim, '654321')).status).toBe(200);
    expect((await verifierOf(akim)).algorithm).toBe('argon2id');
    expect((await village.signIn(akim, '654321')).status).toBe(200);
  });

  it('revokes every key of a person whose PIN is reset: what the old key proves is refused', async () => {
    const village = await enrollDevice(h, 'akt-07', 'akimat');
    const specialist = staffOf('akt-07', 'akimat_specialist');
    expect((await village.signIn(specialist, '111111')).status).toBe(200);
    const before = await village.prove(register(village, specialist, 1));
    expect(statuses(await village.push([before], { sign: false }))).toEqual(['accepted']);
    // Proved offline with her key, before the device learns of the reset.
    const stale = await village.prove(register(village, specialist, 2));

    const reset = await admin('PUT', `/api/v1/admin/staff/${specialist}/pin`, { pin: '135790' });
    expect(reset.status).toBe(200);
    expect((await reference(village)).identity.keys).toEqual([]);
    expect((await listing(specialist))?.keyDeviceIds).toEqual([]);
    const refused = await village.push([stale], { sign: false });
    expect(refused.body.results).toEqual([
      { id: stale.id, status: 'rejected', code: 'proof-invalid', details: { staffId: specialist } },
    ]);

    expect(codeOf(await village.signIn(specialist, '111111'))).toBe('pin-wrong');
    expect((await village.signIn(specialist, '135790')).status).toBe(200);
    const after = await village.prove(register(village, specialist, 3));
    expect(statuses(await village.push([after], { sign: false }))).toEqual(['accepted']);
    // The reset cleared her wrong PINs too.
    expect((await listing(specialist))?.signInLock).toBeNull();
  });

  it('gives the administrator a session for a proof of her key, for thirty minutes, once per nonce', async () => {
    const device = await enrollDevice(h, 'akt-district', 'district');
    expect((await device.signIn(ADMIN, '555555')).status).toBe(200);
    const nonce = newNonce();
    const asked = await device.askSession(ADMIN, nonce);
    expect(asked.status).toBe(200);
    const token = asked.body.session.token;
    expect(Date.parse(asked.body.session.expiresAt) - h.clock.now().getTime()).toBe(30 * 60_000);
    const devicesCall = (sessionToken: string) =>
      call(h, 'GET', '/api/v1/admin/devices', {
        token: device.enrollment.token,
        session: sessionToken,
      });
    expect((await devicesCall(token)).status).toBe(200);
    // The same request again is refused: a nonce is used once.
    expect(codeOf(await device.askSession(ADMIN, nonce))).toBe('session-proof-invalid');
    // Not for someone else's key, nor someone who is not the administrator, nor on a village device.
    const head = staffOf('akt-district', 'district_head');
    expect(codeOf(await device.askSession(head))).toBe('role-not-allowed');
    const village = await enrollDevice(h, 'akt-08', 'akimat');
    expect(codeOf(await village.askSession(staffOf('akt-08', 'akim')))).toBe('role-not-allowed');
    const forged = await call(h, 'POST', '/api/v1/staff/session', {
      token: device.enrollment.token,
      json: { staffId: ADMIN, nonce: newNonce(), proof: 'A'.repeat(43) },
    });
    expect(codeOf(forged)).toBe('session-proof-invalid');

    h.clock.advance(30 * 60_000 - 1000);
    expect((await devicesCall(token)).status).toBe(200);
    h.clock.advance(1000);
    const expired = await devicesCall(token);
    expect(expired.status).toBe(401);
    expect(codeOf(expired)).toBe('admin-session-required');
    // A new one by proof, as the app asks when the server says so.
    expect((await devicesCall(await device.session(ADMIN))).status).toBe(200);
    // The harness's own session was made at the start: renew it for the tests that follow.
    session = await district.session(ADMIN);
  });

  it('takes a device enrolled before proofs at its word once: its older events, up to the seq it declares', async () => {
    const old = await enrollDevice(h, 'akt-09', 'akimat');
    const specialist = staffOf('akt-09', 'akimat_specialist');
    await h.db.run('UPDATE devices SET needs_proof_from_start = 0 WHERE id = ?', [old.id]);
    const unproved = [register(old, specialist, 1), register(old, specialist, 2)];
    const declared = await old.push(unproved, { sign: false, transition: { legacyThrough: 2 } });
    expect(statuses(declared)).toEqual(['accepted', 'accepted']);
    const proofs = await h.db.all<{ proof: string | null }>(
      'SELECT proof FROM events WHERE device_id = ? ORDER BY device_seq',
      [old.id],
    );
    expect(proofs).toEqual([{ proof: null }, { proof: null }]);
    // Beyond the declared seq an event needs its proof; a second declaration is passed over.
    const later = register(old, specialist, 3);
    const refused = await old.push([later], { sign: false, transition: { legacyThrough: 10 } });
    expect(statuses(refused)).toEqual(['proof-missing']);
    expect(
      (
        await h.db.first<{ legacy_seq_limit: number }>(
          'SELECT legacy_seq_limit FROM devices WHERE id = ?',
          [old.id],
        )
      )?.legacy_seq_limit,
    ).toBe(2);
    expect(statuses(await old.push([register(old, specialist, 4)]))).toEqual(['accepted']);

    // A declaration beyond what a device can have left unsent is held to that.
    const greedy = await enrollDevice(h, 'akt-09', 'akimat');
    await h.db.run('UPDATE devices SET needs_proof_from_start = 0 WHERE id = ?', [greedy.id]);
    await greedy.push([register(greedy, specialist, 6)], {
      sign: false,
      transition: { legacyThrough: 1_000_000_000 },
    });
    expect(
      (
        await h.db.first<{ legacy_seq_limit: number }>(
          'SELECT legacy_seq_limit FROM devices WHERE id = ?',
          [greedy.id],
        )
      )?.legacy_seq_limit,
    ).toBe(MAX_LEGACY_EVENTS);

    // A device enrolled after proofs has nothing to declare: its events are proved from the first.
    const fresh = await enrollDevice(h, 'akt-09', 'akimat');
    const ignored = await fresh.push([register(fresh, specialist, 5)], {
      sign: false,
      transition: { legacyThrough: 1 },
    });
    expect(statuses(ignored)).toEqual(['proof-missing']);
    expect(
      (
        await h.db.first<{ legacy_seq_limit: number | null }>(
          'SELECT legacy_seq_limit FROM devices WHERE id = ?',
          [fresh.id],
        )
      )?.legacy_seq_limit,
    ).toBeNull();
  });

  it('refuses the events of a deactivated person and ends her session', async () => {
    const village = await enrollDevice(h, 'akt-10', 'akimat');
    const akim = staffOf('akt-10', 'akim');
    const specialist = staffOf('akt-10', 'akimat_specialist');
    expect((await village.signIn(specialist, '111111')).status).toBe(200);
    const unsent = await village.prove(register(village, specialist, 1));
    // A second administrator, signed in on her own device, is deactivated too.
    const second = await admin<{ person: { id: string } }>('POST', '/api/v1/admin/staff', {
      person: {
        surname: 'Екінші',
        givenName: 'Әкімші',
        role: 'district_admin',
        officeId: 'akt-district',
        pin: '864213',
      },
    });
    const secondId = second.body.person.id;
    const device = await enrollDevice(h, 'akt-district', 'district');
    const signedIn = await device.signIn(secondId, '864213');
    const hers = signedIn.body.session?.token ?? '';
    const asHer = () =>
      call(h, 'GET', '/api/v1/admin/staff', { token: device.enrollment.token, session: hers });
    expect((await asHer()).status).toBe(200);

    expect((await admin('POST', `/api/v1/admin/staff/${specialist}/deactivate`)).status).toBe(200);
    expect((await admin('POST', `/api/v1/admin/staff/${secondId}/deactivate`)).status).toBe(200);
    const refused = await village.push([unsent], { sign: false });
    expect(refused.body.results).toEqual([
      {
        id: unsent.id,
        status: 'rejected',
        code: 'staff-unknown',
        details: { staffId: specialist },
      },
    ]);
    expect(codeOf(await asHer())).toBe('admin-session-required');
    expect(codeOf(await village.signIn(specialist, '111111'))).toBe('staff-unknown');
    expect(codeOf(await device.askSession(secondId))).toBe('staff-unknown');
    // The office's others go on.
    expect((await village.signIn(akim, '222222')).status).toBe(200);
  });

  it('sends devices no PIN data, and what they need to sign people in', async () => {
    const village = await enrollDevice(h, 'akt-11', 'akimat');
    const specialist = staffOf('akt-11', 'akimat_specialist');
    expect((await village.signIn(specialist, '111111')).status).toBe(200);
    const got = await reference(village);
    const text = JSON.stringify(got);
    expect(text).not.toMatch(/PBKDF2|argon2id|"salt"|"hash"|"pin"/);
    for (const person of got.staff) expect(Object.keys(person)).not.toContain('pin');
    expect(got.identity).toEqual({
      pinCost: { memoryKiB: 64, passes: 1 },
      keys: [specialist],
      signInLocks: [],
    });
  });
});

describe.each(STORES)('sign-in limits on $name', (store) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer(store, undefined, {
      rateLimit: { devicePerMinute: 0, addressPerMinute: 0, signInPerMinute: 3 },
    });
  });
  afterAll(async () => h?.close());

  it('lets a device sign in a few times a minute, then asks it to wait', async () => {
    const village = await enrollDevice(h, 'akt-12', 'akimat');
    const other = await enrollDevice(h, 'akt-12', 'akimat');
    const akim = staffOf('akt-12', 'akim');
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) codes.push(codeOf(await village.signIn(akim, '222222')));
    expect(codes).toEqual(['status 200', 'status 200', 'status 200', 'rate-limited']);
    // Another device has its own share.
    expect((await other.signIn(akim, '222222')).status).toBe(200);
    // Three a minute: one comes back after 20 s, not before.
    h.clock.advance(10_000);
    expect(codeOf(await village.signIn(akim, '222222'))).toBe('rate-limited');
    h.clock.advance(10_000);
    expect(codeOf(await village.signIn(akim, '222222'))).toBe('status 200');
    expect(codeOf(await village.signIn(akim, '222222'))).toBe('rate-limited');
  });
});

describe('the PIN work slots', () => {
  it('run at most two Argon2id computations at once, the rest in turn, whatever fails', async () => {
    const slots = new Semaphore(PIN_WORK_SLOTS);
    let running = 0;
    let most = 0;
    const work = (i: number) =>
      slots.run(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running -= 1;
        if (i === 2) throw new Error('a failed check');
        return i;
      });
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map(work));
    expect(most).toBe(2);
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(slots.queued).toBe(0);
  });
});
