/**
 * The district administrator's work on people, offices' details, device names, the import of a
 * file of unsent work and the audit of a person — what each call changes, what it refuses (and
 * then changes nothing), and what devices receive with the reference data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage } from '../../src/domain/admin/audit';
import type { UnsentImportReport } from '../../src/domain/admin/unsent-file';
import type { ReferenceResponse } from '../../src/domain/sync/protocol';
import {
  call,
  type Device,
  enrollDevice,
  type Harness,
  newCaseId,
  registration,
  STORES,
  staffOf,
  startServer,
} from './helpers';
import { unsentFile } from './unsent-files';

const ADMIN = staffOf('akt-district', 'district_admin');
const SPECIALIST = staffOf('akt-01', 'akimat_specialist');

describe.each(STORES)('administration on $name', (store) => {
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

  const admin = <T = Record<string, unknown>>(method: string, path: string, json?: object) =>
    call<T>(h, method, path, {
      token: district.enrollment.token,
      session,
      ...(json ? { json } : {}),
    });
  const reference = async (device: Device) =>
    (
      await call<ReferenceResponse>(h, 'GET', '/api/v1/sync/reference', {
        token: device.enrollment.token,
      })
    ).body;
  const errorCode = (reply: { body: Record<string, unknown> }) =>
    (reply.body.error as { code?: string } | undefined)?.code;

  it('adds a person whom the village device receives, and who signs in there with her PIN', async () => {
    const reply = await admin<{ person: { id: string } }>('POST', '/api/v1/admin/staff', {
      person: {
        surname: ' Жұмабаева ',
        givenName: 'Әйгерім',
        patronymic: 'Серікқызы',
        role: 'akimat_specialist',
        officeId: 'akt-01',
        pin: '258025',
      },
    });
    expect(reply.status).toBe(200);
    const ref = await reference(village);
    const added = ref.staff.find((s) => s.id === reply.body.person.id);
    expect(added).toMatchObject({
      surname: 'Жұмабаева',
      role: 'akimat_specialist',
      isActive: true,
    });
    // Nothing of her PIN travels to devices; the server checks it when she signs in.
    expect(Object.keys(added ?? {})).not.toContain('pin');
    expect((await village.signIn(reply.body.person.id, '258026')).status).toBe(401);
    expect((await village.signIn(reply.body.person.id, '258025')).status).toBe(200);
    // The PIN is nowhere in clear: not in the answer, not in the store, which keeps an Argon2id
    // verifier of it.
    expect(JSON.stringify(reply.body)).not.toContain('258025');
    const row = await h.db.first<{ pin_hash: string }>('SELECT pin_hash FROM staff WHERE id = ?', [
      reply.body.person.id,
    ]);
    expect(row?.pin_hash).not.toContain('258025');
    expect(JSON.parse(row?.pin_hash ?? '{}')).toMatchObject({ algorithm: 'argon2id' });
  });

  it('refuses bad input with its reason and changes nothing', async () => {
    const before = await reference(district);
    const count = async () =>
      Number((await h.db.first<{ n: number }>('SELECT COUNT(*) AS n FROM staff'))?.n);
    const n = await count();
    const person = {
      surname: 'Омаров',
      givenName: 'Ержан',
      role: 'akimat_specialist',
      officeId: 'akt-01',
      pin: '123456',
    };
    const cases: [object, string][] = [
      [{ ...person, pin: '12a456' }, 'pin-invalid'],
      [{ ...person, pin: '1234' }, 'pin-invalid'],
      [{ ...person, pin: '1234567890123' }, 'pin-invalid'],
      [{ ...person, surname: '  ' }, 'field-required'],
      [{ ...person, givenName: 'Ержан2' }, 'staff-name-invalid'],
      [{ ...person, role: 'district_head' }, 'staff-role-office'],
      [{ ...person, officeId: 'nowhere' }, 'office-unknown'],
    ];
    for (const [body, code] of cases) {
      const reply = await admin('POST', '/api/v1/admin/staff', { person: body });
      expect(errorCode(reply), JSON.stringify(body)).toBe(code);
    }
    expect(await count()).toBe(n);
    expect((await reference(district)).version).toBe(before.version);
  });

  it('changes a role, resets a PIN and deactivates, as devices see after their next sync', async () => {
    const akim = staffOf('akt-01', 'akim');
    const role = await admin('PUT', `/api/v1/admin/staff/${akim}/role`, {
      role: 'akimat_specialist',
    });
    expect(role.status).toBe(200);
    expect((await reference(village)).staff.find((s) => s.id === akim)?.role).toBe(
      'akimat_specialist',
    );
    // A role of the other kind of office is refused.
    const wrong = await admin('PUT', `/api/v1/admin/staff/${akim}/role`, { role: 'district_head' });
    expect(errorCode(wrong)).toBe('staff-role-office');
    await admin('PUT', `/api/v1/admin/staff/${akim}/role`, { role: 'akim' });

    const pin = await admin('PUT', `/api/v1/admin/staff/${SPECIALIST}/pin`, { pin: '975310' });
    expect(pin.status).toBe(200);
    expect((await village.signIn(SPECIALIST, '111111')).body).toMatchObject({
      error: { code: 'pin-wrong' },
    });
    expect((await village.signIn(SPECIALIST, '975310')).status).toBe(200);
    expect(
      errorCode(await admin('PUT', `/api/v1/admin/staff/${SPECIALIST}/pin`, { pin: '97' })),
    ).toBe('pin-invalid');

    const gone = await admin('POST', `/api/v1/admin/staff/${akim}/deactivate`, {});
    expect(gone.status).toBe(200);
    expect((await reference(village)).staff.find((s) => s.id === akim)?.isActive).toBe(false);
    const listing = await admin<{ staff: { id: string; isActive: boolean }[] }>(
      'GET',
      '/api/v1/admin/staff',
    );
    expect(listing.body.staff.find((s) => s.id === akim)?.isActive).toBe(false);
    // The administrator cannot lock the district out.
    expect(errorCode(await admin('POST', `/api/v1/admin/staff/${ADMIN}/deactivate`, {}))).toBe(
      'staff-self',
    );
    expect(errorCode(await admin('POST', '/api/v1/admin/staff/nobody/deactivate', {}))).toBe(
      'not-found',
    );
  });

  it('edits an office’s details, which devices print from their next sync', async () => {
    const details = {
      name: {
        kk: 'Ақтоғай ауылдық округі әкімінің аппараты',
        ru: 'Аппарат акима Актогайского сельского округа',
      },
      address: { kk: 'Ақтоғай а., Бейбітшілік к-сі, 12', ru: 'с. Актогай, ул. Бейбитшилик, 12' },
      phone: '8 (71037) 21416',
    };
    const reply = await admin('PUT', '/api/v1/admin/offices/akt-01/details', details);
    expect(reply.status).toBe(200);
    const office = (await reference(village)).offices.find((o) => o.id === 'akt-01');
    expect(office).toMatchObject(details);
    const bad = await admin('PUT', '/api/v1/admin/offices/akt-01/details', {
      ...details,
      phone: '12',
    });
    expect(errorCode(bad)).toBe('phone-invalid');
    const empty = await admin('PUT', '/api/v1/admin/offices/akt-01/details', {
      ...details,
      name: { kk: '', ru: 'x' },
    });
    expect(errorCode(empty)).toBe('field-required');
    expect((await reference(village)).offices.find((o) => o.id === 'akt-01')).toMatchObject(
      details,
    );
  });

  it('names a device when its code is issued and renames it later', async () => {
    const issued = await admin<{ code: string }>('POST', '/api/v1/admin/enroll-codes', {
      officeId: 'akt-02',
      deviceName: '  Ақжарық, қабылдау  ',
    });
    expect(issued.status).toBe(200);
    const enrolled = await call<{ deviceId: string }>(h, 'POST', '/api/v1/enroll', {
      json: { code: issued.body.code },
    });
    const list = async () =>
      (
        await admin<{ devices: { id: string; name: string | null }[] }>(
          'GET',
          '/api/v1/admin/devices',
        )
      ).body.devices;
    expect((await list()).find((d) => d.id === enrolled.body.deviceId)?.name).toBe(
      'Ақжарық, қабылдау',
    );
    const renamed = await admin('PUT', `/api/v1/admin/devices/${village.id}/name`, {
      name: 'Ақтоғай, маман үстелі',
    });
    expect(renamed.status).toBe(200);
    expect((await list()).find((d) => d.id === village.id)?.name).toBe('Ақтоғай, маман үстелі');
    const tooLong = await admin('PUT', `/api/v1/admin/devices/${village.id}/name`, {
      name: 'x'.repeat(61),
    });
    expect(errorCode(tooLong)).toBe('device-name-invalid');
  });

  describe('import of a file of unsent work', () => {
    let lost: Device;
    const caseId = newCaseId();
    let events: ReturnType<Device['event']>[];
    const importFile = (file: unknown) =>
      admin<{ report: UnsentImportReport }>('POST', '/api/v1/admin/unsent-imports', { file });
    const eventCount = async () =>
      Number((await h.db.first<{ n: number }>('SELECT COUNT(*) AS n FROM events'))?.n);

    beforeAll(async () => {
      lost = await enrollDevice(h, 'akt-01', 'akimat');
      // Two cases registered; the first reached the server before the device was revoked.
      // Each carries the proof of the specialist's key on that device, as the app made it.
      events = [];
      for (const [n, id] of [
        [701, caseId],
        [702, newCaseId()],
        [703, newCaseId()],
      ] as const) {
        events.push(
          await lost.prove(lost.event('case.registered', id, SPECIALIST, registration(n))),
        );
      }
      expect((await lost.push([events[0]])).body.results[0]?.status).toBe('accepted');
      expect((await admin('POST', `/api/v1/admin/devices/${lost.id}/revoke`, {})).status).toBe(200);
    });

    it('takes each event exactly once, however often the file is imported', async () => {
      const file = unsentFile(lost.id, 'akt-01', events);
      const first = await importFile(file);
      expect(first.status).toBe(200);
      expect(first.body.report).toMatchObject({
        deviceId: lost.id,
        total: 3,
        accepted: 2,
        alreadyThere: 1,
        rejected: 0,
      });
      expect(first.body.report.events.map((e) => [e.regNumber, e.status])).toEqual([
        ['01-1-0701', 'already_there'],
        ['01-1-0702', 'accepted'],
        ['01-1-0703', 'accepted'],
      ]);
      const stored = await eventCount();
      const second = await importFile(file);
      expect(second.body.report).toMatchObject({ accepted: 0, alreadyThere: 3, rejected: 0 });
      expect(await eventCount()).toBe(stored);
      // The district sees the events: pulled by a district device like any other.
      const pulled = await district.pullAll();
      expect(pulled.filter((e) => e.deviceId === lost.id)).toHaveLength(3);
    });

    it('reports an event the server refuses, with its reason, again on a second import', async () => {
      const refused = await lost.prove(lost.event('case.received', caseId, SPECIALIST, {}));
      const file = unsentFile(lost.id, 'akt-01', [...events, refused]);
      for (let i = 0; i < 2; i++) {
        const reply = await importFile(file);
        expect(reply.body.report).toMatchObject({ accepted: 0, alreadyThere: 3, rejected: 1 });
        expect(reply.body.report.events[3]).toMatchObject({
          status: 'rejected',
          code: 'role-not-allowed',
          regNumber: '01-1-0701',
        });
      }
    });

    it('refuses what is not such a file and changes nothing', async () => {
      const stored = await eventCount();
      const good = unsentFile(lost.id, 'akt-01', events);
      const bad: [unknown, string][] = [
        [{ hello: 'world' }, 'unsent-file-invalid'],
        [{ ...good, format: 'something-else' }, 'unsent-file-invalid'],
        [{ ...good, events: [] }, 'unsent-file-invalid'],
        [
          {
            ...good,
            events: [...good.events, { ...good.events[0], deviceId: village.id, id: 'x' }],
          },
          'unsent-file-invalid',
        ],
        [{ ...good, deviceId: 'no-such-device' }, 'unsent-file-invalid'],
        [unsentFile('no-such-device', 'akt-01', []), 'unsent-file-invalid'],
        [{ ...good, officeId: 'akt-02' }, 'unsent-file-device-unknown'],
      ];
      for (const [file, code] of bad) {
        const reply = await importFile(file);
        expect(errorCode(reply), JSON.stringify(file).slice(0, 80)).toBe(code);
      }
      expect(await eventCount()).toBe(stored);
    });

    it('shows in the audit what a person recorded, on which device, paged', async () => {
      const page = await admin<AuditPage>(
        'GET',
        `/api/v1/admin/audit?personId=${SPECIALIST}&from=2026-03-18&to=2026-03-18&limit=2`,
      );
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(3);
      expect(page.body.entries).toHaveLength(2);
      expect(page.body.entries.map((e) => e.regNumber)).toEqual(['01-1-0703', '01-1-0702']);
      expect(page.body.entries[0]).toMatchObject({
        type: 'case.registered',
        deviceId: lost.id,
        deviceNo: expect.any(Number),
        deviceOfficeId: 'akt-01',
        deviceTime: '2026-03-18T10:30:00+05:00',
        proof: 'verified',
      });
      const next = await admin<AuditPage>(
        'GET',
        `/api/v1/admin/audit?personId=${SPECIALIST}&from=2026-03-18&to=2026-03-18&limit=2&offset=2`,
      );
      expect(next.body.entries.map((e) => e.regNumber)).toEqual(['01-1-0701']);
      const outside = await admin<AuditPage>(
        'GET',
        `/api/v1/admin/audit?personId=${SPECIALIST}&from=2026-03-19&to=2026-03-31`,
      );
      expect(outside.body.total).toBe(0);
      const backwards = await admin(
        'GET',
        `/api/v1/admin/audit?personId=${SPECIALIST}&from=2026-03-19&to=2026-03-01`,
      );
      expect(errorCode(backwards)).toBe('date-invalid');
    });
  });
});
