/**
 * The district administrator's API: acts, checklist editions, calendar years — who may change
 * them, what is refused, and that devices receive the result with the reference data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferenceResponse } from '../../src/domain/sync/protocol';
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

describe.each(STORES)('admin API on $name', (store) => {
  let h: Harness;
  let district: Device;
  let village: Device;
  /** the administrator's session on the district device */
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

  it('completes a checklist the seeds lack as a new catalog edition every device receives', async () => {
    const before = await reference(village);
    expect(before.catalogEditions).toEqual([]);
    const documents = [
      { id: 'application', name: { kk: 'Өтініш', ru: 'Заявление' } },
      {
        id: 'birth_certificate',
        name: { kk: 'Баланың туу туралы куәлігі', ru: 'Свидетельство о рождении' },
      },
    ];
    const reply = await call<{ edition: { version: string } }>(
      h,
      'POST',
      '/api/v1/admin/catalog/checklists',
      {
        token: district.enrollment.token,
        session,
        json: { serviceId: '003-06', documents },
      },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.edition.version).toBe('2026.1+1');

    const after = await reference(village);
    expect(after.version).not.toBe(before.version);
    expect(after.catalogEditions).toHaveLength(1);
    expect(after.catalogEditions[0]?.checklists['003-06']).toEqual(documents);

    // A second edition keeps the first one's lists.
    await call(h, 'POST', '/api/v1/admin/catalog/checklists', {
      token: district.enrollment.token,
      session,
      json: { serviceId: '003-07', documents: [documents[0]] },
    });
    const third = await reference(district);
    expect(third.catalogEditions.map((e) => e.version)).toEqual(['2026.1+1', '2026.1+2']);
    expect(Object.keys(third.catalogEditions[1]?.checklists ?? {}).sort()).toEqual([
      '003-06',
      '003-07',
    ]);
  });

  it('refuses to change a checklist the regulation itself lists', async () => {
    const reply = await call(h, 'POST', '/api/v1/admin/catalog/checklists', {
      token: district.enrollment.token,
      session,
      json: { serviceId: '004-01', documents: [] },
    });
    expect(reply.status).toBe(422);
    expect(reply.body).toMatchObject({ error: { code: 'checklist-from-regulation' } });
  });

  it('lets only the district administrator, in her session on a district device, change reference data', async () => {
    const put = (token: string, json: unknown, sessionToken?: string) =>
      call(h, 'PUT', '/api/v1/admin/district/acts', {
        token,
        json,
        ...(sessionToken ? { session: sessionToken } : {}),
      });
    // A staffId in the body names nobody: without a session the call is refused.
    const named = await put(district.enrollment.token, { staffId: ADMIN, actIds: ['003'] });
    expect(named.status).toBe(401);
    expect(named.body).toMatchObject({ error: { code: 'admin-session-required' } });
    // Nobody but the administrator gets a session.
    const asExecutor = await district.askSession(staffOf('akt-district', 'district_executor'));
    expect(asExecutor.status).toBe(403);
    expect(asExecutor.body).toMatchObject({ error: { code: 'role-not-allowed' } });
    // Her session is hers on her device: not from a village device, nor made up.
    const fromVillage = await put(village.enrollment.token, { actIds: ['003'] }, session);
    expect(fromVillage.status).toBe(403);
    expect(fromVillage.body).toMatchObject({ error: { code: 'role-not-allowed' } });
    const other = await enrollDevice(h, 'akt-district', 'district');
    const elsewhere = await put(other.enrollment.token, { actIds: ['003'] }, session);
    expect(elsewhere.status).toBe(401);
    expect(elsewhere.body).toMatchObject({ error: { code: 'admin-session-required' } });
    const madeUp = await put(district.enrollment.token, { actIds: ['003'] }, 'x'.repeat(43));
    expect(madeUp.body).toMatchObject({ error: { code: 'admin-session-required' } });
    const noToken = await call(h, 'PUT', '/api/v1/admin/district/acts', {
      session,
      json: { actIds: [] },
    });
    expect(noToken.status).toBe(401);
    expect((await reference(village)).district.actIds).toEqual(['003', '004']);
  });

  it('sets the acts that apply in the district', async () => {
    const unknown = await call(h, 'PUT', '/api/v1/admin/district/acts', {
      token: district.enrollment.token,
      session,
      json: { actIds: ['003', '999'] },
    });
    expect(unknown.status).toBe(422);
    const reply = await call(h, 'PUT', '/api/v1/admin/district/acts', {
      token: district.enrollment.token,
      session,
      json: { actIds: ['004', '003', '000'] },
    });
    expect(reply.status).toBe(200);
    expect((await reference(village)).district.actIds).toEqual(['000', '003', '004']);
  });

  it('adds next year to the calendar and refuses a transfer that moves nothing', async () => {
    const bad = await call(h, 'PUT', '/api/v1/admin/calendar/2028', {
      token: district.enrollment.token,
      session,
      // 2028-05-03 is a Wednesday and 2028-05-04 a Thursday: both already working days.
      json: {
        kurbanAit: '2028-05-05',
        transfers: [{ dayOff: '2028-05-03', workDay: '2028-05-04', order: 'test' }],
        source: 'test',
      },
    });
    expect(bad.status).toBe(422);
    expect(bad.body).toMatchObject({ error: { code: 'calendar-invalid' } });
    expect((await reference(village)).calendarYears).toEqual({});

    const good = await call(h, 'PUT', '/api/v1/admin/calendar/2028', {
      token: district.enrollment.token,
      session,
      json: {
        kurbanAit: '2028-05-05',
        transfers: [
          { dayOff: '2028-05-12', workDay: '2028-05-13', order: 'Үкімет қаулысы (мысал)' },
        ],
        source: 'Үкімет қаулысы (мысал)',
      },
    });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    const years = (await reference(village)).calendarYears;
    expect(years['2028']?.kurbanAit).toBe('2028-05-05');
    expect(years['2028']?.transfers[0]).toMatchObject({
      dayOff: '2028-05-12',
      workDay: '2028-05-13',
    });
  });

  it('lists the district devices with what each still has to send, issues codes and revokes', async () => {
    // The village says it has made 5 events; the server has none of them yet.
    const seen = await call(h, 'GET', '/api/v1/sync/pull?cursor=0&deviceSeq=5', {
      token: village.enrollment.token,
    });
    expect(seen.status).toBe(200);
    const list = await call<{
      devices: { id: string; missingEvents: number; lastSeenAt: string | null }[];
    }>(h, 'GET', '/api/v1/admin/devices', { token: district.enrollment.token, session });
    expect(list.status).toBe(200);
    const mine = list.body.devices.find((d) => d.id === village.id);
    expect(mine).toMatchObject({ missingEvents: 5 });
    expect(mine?.lastSeenAt).not.toBeNull();

    const noSession = await call(h, 'GET', '/api/v1/admin/devices', {
      token: district.enrollment.token,
    });
    expect(noSession.status).toBe(401);

    const issued = await call<{ code: string }>(h, 'POST', '/api/v1/admin/enroll-codes', {
      token: district.enrollment.token,
      session,
      json: { officeId: 'akt-07' },
    });
    expect(issued.status).toBe(200);
    const enrolled = await call<{ officeId: string; deviceNo: number }>(
      h,
      'POST',
      '/api/v1/enroll',
      {
        json: { code: issued.body.code },
      },
    );
    expect(enrolled.body).toMatchObject({ officeId: 'akt-07', deviceNo: 1 });

    const revoked = await call(h, 'POST', `/api/v1/admin/devices/${village.id}/revoke`, {
      token: district.enrollment.token,
      session,
    });
    expect(revoked.status).toBe(200);
    const after = await call(h, 'GET', '/api/v1/sync/pull?cursor=0', {
      token: village.enrollment.token,
    });
    expect(after.status).toBe(401);
    expect(after.body).toMatchObject({ error: { code: 'device-revoked' } });
    const self = await call(h, 'POST', `/api/v1/admin/devices/${district.id}/revoke`, {
      token: district.enrollment.token,
      session,
    });
    expect(self.status).toBe(403);
  });
});
