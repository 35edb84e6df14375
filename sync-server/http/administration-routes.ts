/**
 * The district administrator's API for people, offices' details, device names, the import of a
 * file of unsent work and the audit of a person. Every call authenticates the device and then
 * goes through `requireAdmin` (a district administrator on a district device) inside the module
 * it calls; tests/server/authz-matrix.test.ts holds every one of them refused to anyone else.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AUDIT_MAX_PAGE_SIZE, AUDIT_PAGE_SIZE } from '../../src/domain/admin/audit';
import type { Clock } from '../clock';
import type { Db } from '../db/types';
import { deviceNameRequestSchema, nameDevice } from '../sync/admin';
import { auditOf } from '../sync/audit';
import { officeDetailsRequestSchema, setDetails } from '../sync/office-details';
import {
  addPerson,
  addPersonRequestSchema,
  changeRole,
  deactivate,
  deactivateRequestSchema,
  pinRequestSchema,
  resetPin,
  roleRequestSchema,
  staffReport,
} from '../sync/staff-admin';
import { importUnsent } from '../sync/unsent-import';
import { authenticate } from './auth';
import { ApiError } from './errors';

/** A file of unsent work from weeks offline: far more than a push, still bounded. */
export const UNSENT_IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

function parse<T>(
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
  body: unknown,
): T {
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    throw new ApiError('body-invalid', 'request body does not match the admin API');
  return parsed.data;
}

const importRequestSchema = z.object({ staffId: z.string().min(1).max(64), file: z.unknown() });

const auditQuerySchema = z.object({
  staffId: z.string().min(1).max(64),
  personId: z.string().min(1).max(64),
  from: z.string().max(10),
  to: z.string().max(10),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(AUDIT_MAX_PAGE_SIZE).default(AUDIT_PAGE_SIZE),
});

export function registerAdministrationRoutes(app: FastifyInstance, db: Db, clock: Clock): void {
  const serverTime = () => clock.now().toISOString();

  app.get<{ Querystring: { staffId?: string } }>('/api/v1/admin/staff', async (request) => {
    const device = await authenticate(db, request);
    const staff = await staffReport(db, device, String(request.query.staffId ?? ''));
    return { staff, serverTime: serverTime() };
  });

  app.post('/api/v1/admin/staff', async (request) => {
    const device = await authenticate(db, request);
    const person = await addPerson(
      db,
      device,
      parse(addPersonRequestSchema, request.body),
      clock.now(),
    );
    return { person, serverTime: serverTime() };
  });

  app.put<{ Params: { id: string } }>('/api/v1/admin/staff/:id/role', async (request) => {
    const device = await authenticate(db, request);
    const person = await changeRole(
      db,
      device,
      request.params.id,
      parse(roleRequestSchema, request.body),
      clock.now(),
    );
    return { person, serverTime: serverTime() };
  });

  app.post<{ Params: { id: string } }>('/api/v1/admin/staff/:id/deactivate', async (request) => {
    const device = await authenticate(db, request);
    const person = await deactivate(
      db,
      device,
      request.params.id,
      parse(deactivateRequestSchema, request.body),
      clock.now(),
    );
    return { person, serverTime: serverTime() };
  });

  app.put<{ Params: { id: string } }>('/api/v1/admin/staff/:id/pin', async (request) => {
    const device = await authenticate(db, request);
    const result = await resetPin(
      db,
      device,
      request.params.id,
      parse(pinRequestSchema, request.body),
      clock.now(),
    );
    return { ...result, serverTime: serverTime() };
  });

  app.put<{ Params: { id: string } }>('/api/v1/admin/offices/:id/details', async (request) => {
    const device = await authenticate(db, request);
    const office = await setDetails(
      db,
      device,
      request.params.id,
      parse(officeDetailsRequestSchema, request.body),
      clock.now(),
    );
    return { office, serverTime: serverTime() };
  });

  app.put<{ Params: { id: string } }>('/api/v1/admin/devices/:id/name', async (request) => {
    const device = await authenticate(db, request);
    const result = await nameDevice(
      db,
      device,
      request.params.id,
      parse(deviceNameRequestSchema, request.body),
      clock.now(),
    );
    return { ...result, serverTime: serverTime() };
  });

  app.post(
    '/api/v1/admin/unsent-imports',
    { bodyLimit: UNSENT_IMPORT_BODY_LIMIT },
    async (request) => {
      const device = await authenticate(db, request);
      const body = parse(importRequestSchema, request.body);
      const report = await importUnsent(
        db,
        body.file,
        { kind: 'admin', device, staffId: body.staffId },
        clock.now(),
      );
      return { report, serverTime: serverTime() };
    },
  );

  app.get('/api/v1/admin/audit', async (request) => {
    const device = await authenticate(db, request);
    const parsed = auditQuerySchema.safeParse(request.query);
    if (!parsed.success) throw new ApiError('body-invalid', 'audit query does not match the API');
    const { staffId, ...query } = parsed.data;
    const page = await auditOf(db, { kind: 'admin', device, staffId }, query);
    return { ...page, serverTime: serverTime() };
  });
}
