/**
 * The district administrator's requests: online-only edits of reference data. After the server
 * accepts one, the device refetches the reference data at once, so the change shows here
 * without waiting for the next sync round.
 */

import type { Credentials } from '../db/meta';
import type { QabyldauDb } from '../db/schema';
import type { AdminDocument } from '../domain/catalog/editions';
import type { OfficeHours } from '../domain/hours';
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
  lastSeenAt: string | null;
  revokedAt: string | null;
  missingEvents: number;
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
    issueCode: (officeId: string) =>
      http.request<{ code: string; officeId: string }>(
        'POST',
        '/api/v1/admin/enroll-codes',
        { staffId, officeId },
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
