/**
 * The district administrator's API: acts that apply, the public address talons link to,
 * checklist completion, calendar years, office hours.
 * Online-only by design — reference data is the district's, edited where the connection is good,
 * and devices receive it with their next sync.
 */
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../clock';
import type { Db } from '../db/types';
import {
  actsRequestSchema,
  calendarRequestSchema,
  checklistRequestSchema,
  completeChecklist,
  devicesReport,
  enrollCodeRequestSchema,
  issueCodeFor,
  officeHoursRequestSchema,
  publicUrlRequestSchema,
  revoke,
  revokeRequestSchema,
  setActs,
  setCalendarYear,
  setHours,
  setPublicUrl,
} from '../sync/admin';
import { registerAdministrationRoutes } from './administration-routes';
import { authenticate } from './auth';
import { ApiError } from './errors';

function parse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  body: unknown,
): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError('body-invalid', 'request body does not match the admin API');
  return parsed.data;
}

export function registerAdminRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  const serverTime = () => clock.now().toISOString();

  app.put('/api/v1/admin/district/acts', async (request) => {
    const device = await authenticate(db, request);
    const result = await setActs(db, device, parse(actsRequestSchema, request.body), clock.now());
    return { ...result, serverTime: serverTime() };
  });

  app.put('/api/v1/admin/district/public-url', async (request) => {
    const device = await authenticate(db, request);
    const result = await setPublicUrl(
      db,
      device,
      parse(publicUrlRequestSchema, request.body),
      clock.now(),
    );
    return { ...result, serverTime: serverTime() };
  });

  app.post('/api/v1/admin/catalog/checklists', async (request) => {
    const device = await authenticate(db, request);
    const edition = await completeChecklist(
      db,
      device,
      parse(checklistRequestSchema, request.body),
      clock.now(),
    );
    return { edition, serverTime: serverTime() };
  });

  app.put<{ Params: { year: string } }>('/api/v1/admin/calendar/:year', async (request) => {
    const device = await authenticate(db, request);
    const year = Number(request.params.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      throw new ApiError('calendar-invalid', 'year out of range', {
        reason: 'calendar-year-invalid',
      });
    }
    const input = await setCalendarYear(
      db,
      device,
      year,
      parse(calendarRequestSchema, request.body),
      clock.now(),
    );
    return { year, input, serverTime: serverTime() };
  });

  app.put<{ Params: { id: string } }>('/api/v1/admin/offices/:id/hours', async (request) => {
    const device = await authenticate(db, request);
    const result = await setHours(
      db,
      device,
      request.params.id,
      parse(officeHoursRequestSchema, request.body),
      clock.now(),
    );
    return { ...result, serverTime: serverTime() };
  });

  app.get<{ Querystring: { staffId?: string } }>('/api/v1/admin/devices', async (request) => {
    const device = await authenticate(db, request);
    const devices = await devicesReport(db, device, String(request.query.staffId ?? ''));
    return { devices, serverTime: serverTime() };
  });

  app.post('/api/v1/admin/enroll-codes', async (request) => {
    const device = await authenticate(db, request);
    const issued = await issueCodeFor(
      db,
      device,
      parse(enrollCodeRequestSchema, request.body),
      clock.now(),
    );
    return { ...issued, serverTime: serverTime() };
  });

  app.post<{ Params: { id: string } }>('/api/v1/admin/devices/:id/revoke', async (request) => {
    const device = await authenticate(db, request);
    const result = await revoke(
      db,
      device,
      request.params.id,
      parse(revokeRequestSchema, request.body),
      clock.now(),
    );
    return { ...result, serverTime: serverTime() };
  });

  registerAdministrationRoutes(app, db, clock);
}
