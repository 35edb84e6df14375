/**
 * The district administrator's API: acts that apply, the public address talons link to,
 * checklist completion, calendar years, office hours, devices and their enrollment codes.
 * Online-only by design — reference data is the district's, edited where the connection is good,
 * and devices receive it with their next sync. Every route has the one shape of `admin-route.ts`.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../app';
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
  setActs,
  setCalendarYear,
  setHours,
  setPublicUrl,
} from '../sync/admin';
import { adminRoutes } from './admin-route';
import { registerAdministrationRoutes } from './administration-routes';
import { ApiError } from './errors';

export function registerAdminRoutes(app: FastifyInstance, context: ServerContext): void {
  const route = adminRoutes(app, context);

  route('PUT', '/api/v1/admin/district/acts', { body: actsRequestSchema }, (c) =>
    setActs(context.db, c.asker, c.body, c.now),
  );

  route('PUT', '/api/v1/admin/district/public-url', { body: publicUrlRequestSchema }, (c) =>
    setPublicUrl(context.db, c.asker, c.body, c.now),
  );

  route(
    'POST',
    '/api/v1/admin/catalog/checklists',
    { body: checklistRequestSchema },
    async (c) => ({
      edition: await completeChecklist(context.db, c.asker, c.body, c.now),
    }),
  );

  route('PUT', '/api/v1/admin/calendar/:year', { body: calendarRequestSchema }, async (c) => {
    const year = Number(c.params.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100) {
      throw new ApiError('calendar-invalid', 'year out of range', {
        reason: 'calendar-year-invalid',
      });
    }
    return { year, input: await setCalendarYear(context.db, c.asker, year, c.body, c.now) };
  });

  route('PUT', '/api/v1/admin/offices/:id/hours', { body: officeHoursRequestSchema }, (c) =>
    setHours(context.db, c.asker, c.params.id ?? '', c.body, c.now),
  );

  route('GET', '/api/v1/admin/devices', {}, async (c) => ({
    devices: await devicesReport(context.db, c.asker, c.now),
  }));

  route('POST', '/api/v1/admin/enroll-codes', { body: enrollCodeRequestSchema }, (c) =>
    issueCodeFor(context.db, c.asker, c.body, c.now),
  );

  route('POST', '/api/v1/admin/devices/:id/revoke', {}, (c) =>
    revoke(context.db, c.asker, c.params.id ?? '', c.now),
  );

  registerAdministrationRoutes(app, context);
}
