/**
 * The public address a talon's QR code opens: the server's PUBLIC_URL, recorded at start and
 * sent to every district without its own; the district administrator's own address, set and
 * cleared through the admin API; devices told by a new reference version each time it changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceResponse } from '../../src/domain/sync/protocol';
import { applyServerPublicUrl, publicUrlFromEnv } from '../../sync-server/sync/public-url';
import {
  call,
  type Device,
  enrollDevice,
  type Harness,
  STORES,
  staffOf,
  startServer,
} from './helpers';

const ADMIN = staffOf('akt-district', 'district_admin');

describe('PUBLIC_URL', () => {
  it('is read normalized, absent when unset, and stops the start when it is no address', () => {
    expect(publicUrlFromEnv({})).toBeNull();
    expect(publicUrlFromEnv({ PUBLIC_URL: '  ' })).toBeNull();
    expect(publicUrlFromEnv({ PUBLIC_URL: 'https://qabyldau.aktogay.example/' })).toBe(
      'https://qabyldau.aktogay.example',
    );
    expect(() => publicUrlFromEnv({ PUBLIC_URL: 'qabyldau.aktogay.example' })).toThrow(
      /PUBLIC_URL/,
    );
    expect(() => publicUrlFromEnv({ PUBLIC_URL: 'https://akt.example/?x=1' })).toThrow(
      /PUBLIC_URL/,
    );
  });
});

describe.each(STORES)('the public address on $name', (store) => {
  let h: Harness;
  let district: Device;
  let village: Device;
  let session: string;

  beforeAll(async () => {
    h = await startServer(store);
    district = await enrollDevice(h, 'akt-district', 'district');
    village = await enrollDevice(h, 'akt-01', 'akimat');
    session = await district.session(ADMIN);
  });
  afterAll(async () => h?.close());

  const reference = async (device: Device) =>
    (
      await call<ReferenceResponse>(h, 'GET', '/api/v1/sync/reference', {
        token: device.enrollment.token,
      })
    ).body;
  const setOwn = (
    publicUrl: string | null,
    device = district,
    sessionToken: string | null = session,
  ) =>
    call(h, 'PUT', '/api/v1/admin/district/public-url', {
      token: device.enrollment.token,
      ...(sessionToken ? { session: sessionToken } : {}),
      json: { publicUrl },
    });

  it('is absent until the server or the administrator sets one', async () => {
    expect((await reference(village)).district.publicUrl).toBeUndefined();
  });

  it('is the server’s PUBLIC_URL, and a change of it moves the reference version once', async () => {
    const before = await reference(village);
    expect(
      await applyServerPublicUrl(h.db, 'https://qabyldau.aktogay.example', h.clock.now()),
    ).toBe(true);
    const after = await reference(village);
    expect(after.district.publicUrl).toBe('https://qabyldau.aktogay.example');
    expect(after.version).not.toBe(before.version);
    // A restart with the same address changes nothing devices must fetch.
    expect(
      await applyServerPublicUrl(h.db, 'https://qabyldau.aktogay.example', h.clock.now()),
    ).toBe(false);
    expect((await reference(village)).version).toBe(after.version);
  });

  it('is the administrator’s own where set, and the server’s again when cleared', async () => {
    const before = await reference(village);
    const reply = await setOwn('https://region.example/aktogay/');
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({ publicUrl: 'https://region.example/aktogay' });
    const own = await reference(village);
    expect(own.district.publicUrl).toBe('https://region.example/aktogay');
    expect(own.version).not.toBe(before.version);

    expect((await setOwn(null)).status).toBe(200);
    expect((await reference(village)).district.publicUrl).toBe('https://qabyldau.aktogay.example');
  });

  it('refuses an address that is none, and anyone but the district administrator', async () => {
    for (const bad of ['qabyldau.aktogay.example', 'ftp://akt.example', 'https://a.example/#x']) {
      const reply = await setOwn(bad);
      expect(reply.status, bad).toBe(400);
      expect(reply.body).toMatchObject({ error: { code: 'body-invalid' } });
    }
    // An executor has no session to give; without one nobody is the administrator.
    const executor = await district.askSession(staffOf('akt-district', 'district_executor'));
    expect(executor.status).toBe(403);
    const withoutSession = await setOwn('https://x.example', district, null);
    expect(withoutSession.status).toBe(401);
    const fromVillage = await setOwn('https://x.example', village);
    expect(fromVillage.status).toBe(403);
    expect((await reference(village)).district.publicUrl).toBe('https://qabyldau.aktogay.example');
  });

  it('is gone from the reference data once the server starts without PUBLIC_URL', async () => {
    expect(await applyServerPublicUrl(h.db, null, h.clock.now())).toBe(true);
    expect((await reference(village)).district.publicUrl).toBeUndefined();
  });
});
