/**
 * The district administrator's requests: online-only edits of reference data. After the server
 * accepts one, the device refetches the reference data at once, so the change shows here
 * without waiting for the next sync round.
 *
 * Every call carries the administrator's session (`x-staff-session`, ADR 0015); the server takes
 * who calls from it, so no request names a person as the caller any more.
 */

import type { Credentials } from '../db/meta';
import type { QabyldauDb } from '../db/schema';
import type { AuditPage } from '../domain/admin/audit';
import type { OfficeDetails } from '../domain/admin/office-details';
import type { NewPerson } from '../domain/admin/staff';
import type { UnsentImportReport } from '../domain/admin/unsent-file';
import type { AdminDocument } from '../domain/catalog/editions';
import type { OfficeHours } from '../domain/hours';
import type { StaffRole } from '../domain/roles';
import { type AdminSession, SESSION_HEADER } from '../domain/sync/protocol';
import { createHttp, HttpFailure, type HttpPort } from './http';
import { renewAdminSession } from './identity';
import { pullReference } from './pull';

export interface CalendarYearRequest {
  kurbanAit: string | null;
  transfers: { dayOff: string; workDay: string; order: string }[];
  source: string;
  isProvisional?: boolean;
}

export interface AdminDeviceReport {
  id: string;
  officeId: string;
  officeName: { kk: string; ru: string };
  deviceNo: number;
  /** the administrator's name for it; null: not named yet */
  name: string | null;
  lastSeenAt: string | null;
  revokedAt: string | null;
  missingEvents: number;
}

/** A person of the district as the admin screen lists them (no PIN data). */
export interface AdminStaffListing {
  id: string;
  officeId: string;
  role: StaffRole;
  surname: string;
  givenName: string;
  patronymic: string | null;
  isActive: boolean;
  /**
   * locked out of signing in: on the devices named, or everywhere (`deviceIds` empty: ten wrong
   * PINs over all her devices); null: not locked
   */
  signInLock: { lockedAt: string; deviceIds: string[] } | null;
  /** the devices she has signed in on online and holds a live proof key on */
  keyDeviceIds: string[];
}

export interface AuditRequest {
  personId: string;
  from: string;
  to: string;
  offset: number;
  limit: number;
}

/**
 * Who administers (ADR 0015): the signed-in administrator, her proof key, and the session the
 * server gave her if any. `onSession` keeps a renewed session for the next calls.
 */
export interface AdminIdentity {
  staffId: string;
  proofKey: string;
  adminSession?: AdminSession;
  onSession(session: AdminSession): void;
}

type Method = 'GET' | 'POST' | 'PUT';

/** `http`: the server's port, by default the credentials' server (tests give their own). */
export function adminClient(
  db: QabyldauDb,
  creds: Credentials,
  admin: AdminIdentity,
  http: HttpPort = createHttp(creds.serverUrl),
) {
  let session = admin.adminSession;

  async function renew(): Promise<AdminSession> {
    const renewed = await renewAdminSession(
      { db, credentials: creds, http },
      admin.staffId,
      admin.proofKey,
    );
    // Without a connection the screens say so (`offline`), as for any admin call.
    if (!renewed.ok) {
      const { code, details } = renewed.problem;
      throw new HttpFailure(
        code === 'offline' ? 'network' : 'rejected',
        code,
        0,
        undefined,
        details,
      );
    }
    session = renewed.session;
    admin.onSession(renewed.session);
    return renewed.session;
  }

  /**
   * An admin call under the session; the server says who calls from it, not from the body. A
   * session that expired or that the server no longer knows is renewed by proof, once, and the
   * call made again.
   */
  async function call<T>(method: Method, path: string, body?: object): Promise<T> {
    const current = session ?? (await renew());
    try {
      return await http.request<T>(method, path, body, creds.token, {
        [SESSION_HEADER]: current.token,
      });
    } catch (error) {
      if (!(error instanceof HttpFailure) || error.code !== 'admin-session-required') throw error;
      const renewed = await renew();
      return http.request<T>(method, path, body, creds.token, { [SESSION_HEADER]: renewed.token });
    }
  }

  /** A change to reference data: the device refetches it at once, to show it here. */
  const send = async (method: 'POST' | 'PUT', path: string, body: object = {}) => {
    await call(method, path, body);
    await pullReference(db, http, creds);
  };
  return {
    setActs: (actIds: string[]) => send('PUT', '/api/v1/admin/district/acts', { actIds }),
    /** null: the server's PUBLIC_URL (or, without one, each device's own server address) */
    setPublicUrl: (publicUrl: string | null) =>
      send('PUT', '/api/v1/admin/district/public-url', { publicUrl }),
    completeChecklist: (serviceId: string, documents: AdminDocument[]) =>
      send('POST', '/api/v1/admin/catalog/checklists', { serviceId, documents }),
    setCalendarYear: (year: number, request: CalendarYearRequest) =>
      send('PUT', `/api/v1/admin/calendar/${year}`, request),
    setOfficeHours: (officeId: string, hours: OfficeHours) =>
      send('PUT', `/api/v1/admin/offices/${encodeURIComponent(officeId)}/hours`, { hours }),
    listDevices: async () =>
      (await call<{ devices: AdminDeviceReport[] }>('GET', '/api/v1/admin/devices')).devices,
    issueCode: (officeId: string, deviceName = '') =>
      call<{ code: string; officeId: string; deviceName: string | null }>(
        'POST',
        '/api/v1/admin/enroll-codes',
        { officeId, deviceName },
      ),
    renameDevice: async (deviceId: string, name: string) => {
      await call('PUT', `/api/v1/admin/devices/${encodeURIComponent(deviceId)}/name`, { name });
    },
    listStaff: async () =>
      (await call<{ staff: AdminStaffListing[] }>('GET', '/api/v1/admin/staff')).staff,
    addPerson: (person: NewPerson) => send('POST', '/api/v1/admin/staff', { person }),
    changeRole: (id: string, role: StaffRole) =>
      send('PUT', `/api/v1/admin/staff/${encodeURIComponent(id)}/role`, { role }),
    deactivate: (id: string) =>
      send('POST', `/api/v1/admin/staff/${encodeURIComponent(id)}/deactivate`),
    /** a new PIN: her proof keys are revoked everywhere, and she signs in online with it */
    resetPin: (id: string, pin: string) =>
      send('PUT', `/api/v1/admin/staff/${encodeURIComponent(id)}/pin`, { pin }),
    /** lifts her sign-in lock on every device; they learn it with the reference data */
    unlockPerson: (id: string) =>
      send('POST', `/api/v1/admin/staff/${encodeURIComponent(id)}/unlock`),
    setOfficeDetails: (officeId: string, details: OfficeDetails) =>
      send('PUT', `/api/v1/admin/offices/${encodeURIComponent(officeId)}/details`, details),
    /** the file as read from disk, judged whole on the server */
    importUnsent: async (file: unknown) =>
      (
        await call<{ report: UnsentImportReport }>('POST', '/api/v1/admin/unsent-imports', {
          file,
        })
      ).report,
    audit: (q: AuditRequest) =>
      call<AuditPage>(
        'GET',
        `/api/v1/admin/audit?${new URLSearchParams({
          personId: q.personId,
          from: q.from,
          to: q.to,
          offset: String(q.offset),
          limit: String(q.limit),
        })}`,
      ),
    revoke: async (deviceId: string) => {
      await call('POST', `/api/v1/admin/devices/${encodeURIComponent(deviceId)}/revoke`, {});
    },
  };
}
