/**
 * The district administrator's requests: online-only edits of reference data. After the server
 * accepts one, the device refetches the reference data at once, so the change shows here
 * without waiting for the next sync round.
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
import { createHttp } from './http';
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

/** A person of the district as the admin screen lists them (no PIN hash). */
export interface AdminStaffListing {
  id: string;
  officeId: string;
  role: StaffRole;
  surname: string;
  givenName: string;
  patronymic: string | null;
  isActive: boolean;
}

export interface AuditRequest {
  personId: string;
  from: string;
  to: string;
  offset: number;
  limit: number;
}

export function adminClient(db: QabyldauDb, creds: Credentials, staffId: string) {
  const http = createHttp(creds.serverUrl);
  const send = async (method: 'POST' | 'PUT', path: string, body: object) => {
    await http.request(method, path, { staffId, ...body }, creds.token);
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
      (
        await http.request<{ devices: AdminDeviceReport[] }>(
          'GET',
          `/api/v1/admin/devices?staffId=${encodeURIComponent(staffId)}`,
          undefined,
          creds.token,
        )
      ).devices,
    issueCode: (officeId: string, deviceName = '') =>
      http.request<{ code: string; officeId: string; deviceName: string | null }>(
        'POST',
        '/api/v1/admin/enroll-codes',
        { staffId, officeId, deviceName },
        creds.token,
      ),
    renameDevice: async (deviceId: string, name: string) => {
      await http.request(
        'PUT',
        `/api/v1/admin/devices/${encodeURIComponent(deviceId)}/name`,
        { staffId, name },
        creds.token,
      );
    },
    listStaff: async () =>
      (
        await http.request<{ staff: AdminStaffListing[] }>(
          'GET',
          `/api/v1/admin/staff?staffId=${encodeURIComponent(staffId)}`,
          undefined,
          creds.token,
        )
      ).staff,
    addPerson: (person: NewPerson) => send('POST', '/api/v1/admin/staff', { person }),
    changeRole: (id: string, role: StaffRole) =>
      send('PUT', `/api/v1/admin/staff/${encodeURIComponent(id)}/role`, { role }),
    deactivate: (id: string) =>
      send('POST', `/api/v1/admin/staff/${encodeURIComponent(id)}/deactivate`, {}),
    resetPin: (id: string, pin: string) =>
      send('PUT', `/api/v1/admin/staff/${encodeURIComponent(id)}/pin`, { pin }),
    setOfficeDetails: (officeId: string, details: OfficeDetails) =>
      send('PUT', `/api/v1/admin/offices/${encodeURIComponent(officeId)}/details`, details),
    /** the file as read from disk, judged whole on the server */
    importUnsent: async (file: unknown) =>
      (
        await http.request<{ report: UnsentImportReport }>(
          'POST',
          '/api/v1/admin/unsent-imports',
          { staffId, file },
          creds.token,
        )
      ).report,
    audit: (q: AuditRequest) =>
      http.request<AuditPage>(
        'GET',
        `/api/v1/admin/audit?${new URLSearchParams({
          staffId,
          personId: q.personId,
          from: q.from,
          to: q.to,
          offset: String(q.offset),
          limit: String(q.limit),
        })}`,
        undefined,
        creds.token,
      ),
    revoke: async (deviceId: string) => {
      await http.request(
        'POST',
        `/api/v1/admin/devices/${deviceId}/revoke`,
        { staffId },
        creds.token,
      );
    },
  };
}
