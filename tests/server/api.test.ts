/**
 * The HTTP surface: health, enrollment, authentication, the error envelope for malformed and
 * oversized bodies, and the reference endpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOW_PIN_COST } from '../../src/domain/identity/pin';
import {
  type EnrollResponse,
  PROTOCOL_VERSION,
  type ReferenceResponse,
} from '../../src/domain/sync/protocol';
import { issueEnrollCode } from '../../sync-server/sync/enroll';
import { call, enrollDevice, type Harness, STORES, startServer } from './helpers';

describe.each(STORES)('API on $name', (store) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer(store);
  });
  afterAll(async () => {
    await h.close();
  });

  it('answers health with the package version and the server time', async () => {
    const reply = await call(h, 'GET', '/api/v1/health');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      status: 'ok',
      version: '0.2.0',
      serverTime: h.clock.now().toISOString(),
    });
  });

  it('enrolls a device once per code and numbers devices within the office', async () => {
    const code = await issueEnrollCode(h.db, 'akt-02', 'akimat', h.clock.now());
    const first = await call<EnrollResponse>(h, 'POST', '/api/v1/enroll', { json: { code } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      officeId: 'akt-02',
      officeKind: 'akimat',
      deviceNo: 1,
      protocolVersion: PROTOCOL_VERSION,
    });
    expect(first.body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(typeof first.body.serverTime).toBe('string');

    const again = await call(h, 'POST', '/api/v1/enroll', { json: { code } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ error: { code: 'enroll-code-used' } });
    expect(typeof again.body.serverTime).toBe('string');

    // Lower case without the dash is the same code, read off paper.
    const second = await issueEnrollCode(h.db, 'akt-02', 'akimat', h.clock.now());
    const typed = second.replace('-', '').toLowerCase();
    const next = await call<EnrollResponse>(h, 'POST', '/api/v1/enroll', { json: { code: typed } });
    expect(next.body.deviceNo).toBe(2);
  });

  it('rejects an unknown enrollment code', async () => {
    const reply = await call(h, 'POST', '/api/v1/enroll', { json: { code: 'AAAA-AAAA' } });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { code: 'enroll-code-invalid' } });
  });

  it('refuses sync endpoints without a token or with a wrong one', async () => {
    for (const path of ['/api/v1/sync/reference', '/api/v1/sync/pull']) {
      const none = await call(h, 'GET', path);
      expect(none.status).toBe(401);
      expect(none.body).toMatchObject({ error: { code: 'unauthorized' } });
      const wrong = await call(h, 'GET', path, { token: 'x'.repeat(43) });
      expect(wrong.status).toBe(401);
    }
    const push = await call(h, 'POST', '/api/v1/sync/push', {
      token: 'y'.repeat(43),
      json: { protocolVersion: PROTOCOL_VERSION, events: [] },
    });
    expect(push.status).toBe(401);
    expect(typeof push.body.serverTime).toBe('string');
  });

  it('answers malformed JSON with 400 body-invalid and a 2 MiB body with 413', async () => {
    const device = await enrollDevice(h, 'akt-03', 'akimat');
    const token = device.enrollment.token;
    const broken = await call(h, 'POST', '/api/v1/sync/push', {
      token,
      raw: `{"protocolVersion":${PROTOCOL_VERSION},`,
    });
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ error: { code: 'body-invalid' } });
    expect(typeof broken.body.serverTime).toBe('string');

    const wrongShape = await call(h, 'POST', '/api/v1/sync/push', { token, json: { events: 'x' } });
    expect(wrongShape.status).toBe(400);
    expect(wrongShape.body).toMatchObject({ error: { code: 'body-invalid' } });

    // A pull request riding on a push must have the pull's shape.
    const badPull = await call(h, 'POST', '/api/v1/sync/push', {
      token,
      json: {
        protocolVersion: PROTOCOL_VERSION,
        events: [],
        pull: { cursor: -1, held: 0, deviceSeq: 0 },
      },
    });
    expect(badPull.status).toBe(400);
    expect(badPull.body).toMatchObject({ error: { code: 'body-invalid' } });

    const huge = JSON.stringify({
      protocolVersion: PROTOCOL_VERSION,
      events: [],
      pad: 'x'.repeat(2 * 1024 * 1024),
    });
    const tooLarge = await call(h, 'POST', '/api/v1/sync/push', { token, raw: huge });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ error: { code: 'body-too-large' } });

    const enrollBroken = await call(h, 'POST', '/api/v1/enroll', { raw: 'not json' });
    expect(enrollBroken.status).toBe(400);
    expect(enrollBroken.body).toMatchObject({ error: { code: 'body-invalid' } });
  });

  it('answers an unknown API path with 404 not-found in the envelope', async () => {
    const reply = await call(h, 'GET', '/api/v1/nothing');
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ error: { code: 'not-found' } });
  });

  it('refuses another protocol version with 426', async () => {
    const device = await enrollDevice(h, 'akt-03', 'akimat');
    // An app of version 1, which reads one result per event, must update before it pushes.
    const reply = await call(h, 'POST', '/api/v1/sync/push', {
      token: device.enrollment.token,
      json: { protocolVersion: 1, events: [] },
    });
    expect(reply.status).toBe(426);
    expect(reply.body).toMatchObject({ error: { code: 'protocol-unsupported' } });
  });

  it('rejects a bad cursor with 400 cursor-invalid', async () => {
    const device = await enrollDevice(h, 'akt-03', 'akimat');
    const reply = await call(h, 'GET', '/api/v1/sync/pull?cursor=-1', {
      token: device.enrollment.token,
    });
    expect(reply.status).toBe(400);
    expect(reply.body).toMatchObject({ error: { code: 'cursor-invalid' } });
  });

  it('gives a village device its district, offices and its own office staff', async () => {
    const device = await enrollDevice(h, 'akt-01', 'akimat');
    const reply = await call<ReferenceResponse>(h, 'GET', '/api/v1/sync/reference', {
      token: device.enrollment.token,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.district).toMatchObject({
      id: 'aktogay',
      isDemo: true,
      actIds: ['003', '004'],
    });
    expect(reply.body.offices).toHaveLength(18);
    expect(reply.body.staff.map((s) => s.role).sort()).toEqual(['akim', 'akimat_specialist']);
    // People by name and role, active or not: nothing a PIN can be tried against (ADR 0015).
    for (const person of reply.body.staff) {
      expect(Object.keys(person).sort()).toEqual(
        ['givenName', 'id', 'isActive', 'officeId', 'patronymic', 'role', 'surname'].filter(
          (k) => k !== 'patronymic' || 'patronymic' in person,
        ),
      );
    }
    // Everyone in the district by name and role, for histories, and never PIN data.
    expect(reply.body.people.length).toBe(17 * 2 + 4);
    expect(reply.body.people.some((p) => p.role === 'district_head')).toBe(true);
    const people = JSON.stringify([reply.body.staff, reply.body.people]).toLowerCase();
    expect(people).not.toMatch(/pin|hash|salt/);
    expect(JSON.stringify(reply.body)).not.toMatch(/argon2id|PBKDF2|"salt"|"hash"/);
    // What the device needs about sign-in: the cost to seal at, nobody's key yet, no locks.
    expect(reply.body.identity).toEqual({
      pinCost: LOW_PIN_COST,
      keys: [],
      signInLocks: [],
    });
    expect(reply.body.device).toMatchObject({
      id: device.id,
      officeId: 'akt-01',
      officeKind: 'akimat',
    });
    const pull = await device.pull();
    expect(pull.body.referenceVersion).toBe(reply.body.version);
  });

  it('compresses JSON answers with gzip when asked', async () => {
    const device = await enrollDevice(h, 'akt-01', 'akimat');
    const response = await fetch(`${h.base}/api/v1/sync/reference`, {
      headers: { authorization: `Bearer ${device.enrollment.token}`, 'accept-encoding': 'gzip' },
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(((await response.json()) as ReferenceResponse).offices).toHaveLength(18);
  });

  it('asks a device speaking another protocol version to update before it pulls', async () => {
    const device = await enrollDevice(h, 'akt-01', 'akimat');
    const reply = await call(h, 'GET', '/api/v1/sync/pull?v=1&cursor=0', {
      token: device.enrollment.token,
    });
    expect(reply.status).toBe(426);
    expect(reply.body).toMatchObject({ error: { code: 'protocol-unsupported' } });
    const current = await call(h, 'GET', `/api/v1/sync/pull?v=${PROTOCOL_VERSION}&cursor=0`, {
      token: device.enrollment.token,
    });
    expect(current.status).toBe(200);
  });
});
