/**
 * Devices know each other by name through the reference data: a village device learns its own
 * office's devices and nothing of any other office's; a district device learns the district's.
 * A rename, and a new device enrolled under a name, move the reference version, so devices take
 * the change with their next sync.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KnownDevice } from '../../src/domain/reference';
import type { EnrollResponse, ReferenceResponse } from '../../src/domain/sync/protocol';
import { issueEnrollCode } from '../../sync-server/sync/enroll';
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

describe.each(STORES)('device names in the reference data on $name', (store) => {
  let h: Harness;
  let district: Device;
  let village: Device;
  let villageSecond: Device;
  let neighbour: Device;
  let session: string;

  beforeAll(async () => {
    h = await startServer(store);
    district = await enrollDevice(h, 'akt-district', 'district');
    village = await enrollDevice(h, 'akt-01', 'akimat');
    villageSecond = await enrollDevice(h, 'akt-01', 'akimat');
    neighbour = await enrollDevice(h, 'akt-02', 'akimat');
    session = await district.session(ADMIN);
  });
  afterAll(async () => h?.close());

  const reference = async (device: Device) => {
    const reply = await call<ReferenceResponse>(h, 'GET', '/api/v1/sync/reference', {
      token: device.enrollment.token,
    });
    expect(reply.status).toBe(200);
    return reply.body;
  };
  const rename = (device: Device, name: string) =>
    call(h, 'PUT', `/api/v1/admin/devices/${device.id}/name`, {
      token: district.enrollment.token,
      session,
      json: { name },
    });
  const byId = (devices: KnownDevice[] | undefined) =>
    [...(devices ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
  const entry = (device: Device, name: string | null = null): KnownDevice => ({
    id: device.id,
    officeId: device.enrollment.officeId,
    deviceNo: device.enrollment.deviceNo,
    name,
  });

  it("gives a village device exactly its own office's devices, and a district device the district's", async () => {
    expect(byId((await reference(village)).devices)).toEqual(
      byId([entry(village), entry(villageSecond)]),
    );
    expect(byId((await reference(neighbour)).devices)).toEqual([entry(neighbour)]);
    expect(byId((await reference(district)).devices)).toEqual(
      byId([entry(district), entry(village), entry(villageSecond), entry(neighbour)]),
    );
  });

  it('carries a rename to the devices at their next reference sync, and no further', async () => {
    const before = await reference(village);
    expect((await rename(village, '  Ақтоғай,   маман үстелі ')).status).toBe(200);
    const pulled = await village.pull();
    expect(pulled.body.referenceVersion).not.toBe(before.version);

    const after = await reference(village);
    expect(after.version).toBe(pulled.body.referenceVersion);
    expect(byId(after.devices)).toEqual(
      byId([entry(village, 'Ақтоғай, маман үстелі'), entry(villageSecond)]),
    );
    // The district sees the name too; the other akimat still knows nothing of the device.
    expect((await reference(district)).devices).toContainEqual(
      entry(village, 'Ақтоғай, маман үстелі'),
    );
    const other = await reference(neighbour);
    expect(other.devices?.map((d) => d.id)).toEqual([neighbour.id]);
    expect(JSON.stringify(other)).not.toContain('маман үстелі');
  });

  it('moves the reference version when a named device enrolls, so the office learns its name', async () => {
    const before = (await reference(village)).version;
    const code = await issueEnrollCode(
      h.db,
      'akt-01',
      'akimat',
      h.clock.now(),
      'Ақтоғай, әкім үстелі',
    );
    const reply = await call<EnrollResponse>(h, 'POST', '/api/v1/enroll', { json: { code } });
    expect(reply.status).toBe(200);
    const after = await reference(village);
    expect(after.version).not.toBe(before);
    expect(after.devices).toContainEqual(
      expect.objectContaining({ id: reply.body.deviceId, name: 'Ақтоғай, әкім үстелі' }),
    );
    expect((await reference(neighbour)).devices?.map((d) => d.id)).not.toContain(
      reply.body.deviceId,
    );
  });

  it('leaves the reference version alone for an unnamed device: no device refetches for it', async () => {
    const before = (await reference(village)).version;
    await enrollDevice(h, 'akt-01', 'akimat');
    expect((await reference(village)).version).toBe(before);
  });

  it('keeps a revoked device among those named, since its events stay in histories', async () => {
    const revoked = await call(h, 'POST', `/api/v1/admin/devices/${villageSecond.id}/revoke`, {
      token: district.enrollment.token,
      session,
    });
    expect(revoked.status).toBe(200);
    expect((await reference(village)).devices).toContainEqual(entry(villageSecond));
  });
});
