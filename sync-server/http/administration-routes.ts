/**
 * The district administrator's API for people, offices' details, device names, the import of a
 * file of unsent work and the audit of a person. Every route has the one shape of
 * `admin-route.ts`, and the module it calls goes through `requireAdmin` (a district
 * administrator in a session on a district device); tests/server/authz-identity.test.ts holds
 * every one of them refused to anyone else.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AUDIT_MAX_PAGE_SIZE, AUDIT_PAGE_SIZE } from '../../src/domain/admin/audit';
import type { ServerContext } from '../app';
import { deviceNameRequestSchema, nameDevice } from '../sync/admin';
import { auditOf } from '../sync/audit';
import { officeDetailsRequestSchema, setDetails } from '../sync/office-details';
import {
  addPerson,
  addPersonRequestSchema,
  changeRole,
  deactivate,
  pinRequestSchema,
  resetPin,
  roleRequestSchema,
  staffReport,
  unlock,
} from '../sync/staff-admin';
import { importUnsent } from '../sync/unsent-import';
import { adminRoutes, parse } from './admin-route';

/** A file of unsent work from weeks offline: far more than a push, still bounded. */
export const UNSENT_IMPORT_BODY_LIMIT = 32 * 1024 * 1024;

const importRequestSchema = z.object({ file: z.unknown() });

const auditQuerySchema = z.object({
  personId: z.string().min(1).max(64),
  from: z.string().max(10),
  to: z.string().max(10),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(AUDIT_MAX_PAGE_SIZE).default(AUDIT_PAGE_SIZE),
});

export function registerAdministrationRoutes(app: FastifyInstance, context: ServerContext): void {
  const { db, pinCost } = context;
  const route = adminRoutes(app, context);

  route('GET', '/api/v1/admin/staff', {}, async (c) => ({
    staff: await staffReport(db, c.asker, c.now),
  }));

  route('POST', '/api/v1/admin/staff', { body: addPersonRequestSchema }, async (c) => ({
    person: await addPerson(db, c.asker, c.body, c.now, pinCost),
  }));

  route('PUT', '/api/v1/admin/staff/:id/role', { body: roleRequestSchema }, async (c) => ({
    person: await changeRole(db, c.asker, c.params.id ?? '', c.body, c.now),
  }));

  route('POST', '/api/v1/admin/staff/:id/deactivate', {}, async (c) => ({
    person: await deactivate(db, c.asker, c.params.id ?? '', c.now),
  }));

  route('PUT', '/api/v1/admin/staff/:id/pin', { body: pinRequestSchema }, (c) =>
    resetPin(db, c.asker, c.params.id ?? '', c.body, c.now, pinCost),
  );

  route('POST', '/api/v1/admin/staff/:id/unlock', {}, (c) =>
    unlock(db, c.asker, c.params.id ?? '', c.now),
  );

  route(
    'PUT',
    '/api/v1/admin/offices/:id/details',
    { body: officeDetailsRequestSchema },
    async (c) => ({
      office: await setDetails(db, c.asker, c.params.id ?? '', c.body, c.now),
    }),
  );

  route('PUT', '/api/v1/admin/devices/:id/name', { body: deviceNameRequestSchema }, (c) =>
    nameDevice(db, c.asker, c.params.id ?? '', c.body, c.now),
  );

  route(
    'POST',
    '/api/v1/admin/unsent-imports',
    { body: importRequestSchema, bodyLimit: UNSENT_IMPORT_BODY_LIMIT },
    async (c) => ({
      report: await importUnsent(db, c.body.file, { kind: 'admin', asker: c.asker }, c.now),
    }),
  );

  route('GET', '/api/v1/admin/audit', {}, async (c) => {
    const query = parse(auditQuerySchema, c.query, 'the audit API');
    return auditOf(db, { kind: 'admin', asker: c.asker, now: c.now }, query);
  });
}
