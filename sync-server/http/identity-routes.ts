/**
 * Staff identity over HTTP (ADR 0015), every call with the device's bearer token: a person's
 * online sign-in (`POST /api/v1/staff/sign-in`), an administrator's session for a proof of her
 * key (`POST /api/v1/staff/session`), and a device's report of a lock it put on someone offline
 * (`POST /api/v1/staff/lockout`). Request bodies hold PINs and keys; nothing here logs them (the
 * request log has the method, address and status only).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  lockoutReportSchema,
  type SessionResponse,
  type SignInResponse,
  sessionRequestSchema,
  signInRequestSchema,
} from '../../src/domain/sync/protocol';
import type { ServerContext } from '../app';
import { elapsedOf } from '../clock';
import { reportLockout, sessionByProof, signIn } from '../sync/identity';
import { authenticate } from './auth';
import { ApiError } from './errors';
import { deviceKey, TokenBuckets } from './rate-limit';
import { parseBody } from './routes';

export function registerIdentityRoutes(
  app: FastifyInstance,
  { db, clock, pinCost }: ServerContext,
  signInPerMinute: number,
): void {
  const signIns = new TokenBuckets(signInPerMinute, elapsedOf(clock));

  /** Each sign-in costs half a second of Argon2id: a device gets its share, no more. */
  const limitSignIns = (request: FastifyRequest, reply: FastifyReply) => {
    const wait = signIns.take(deviceKey(request) ?? request.ip);
    if (wait === 0) return;
    const seconds = Math.max(1, Math.ceil(wait / 1000));
    reply.header('retry-after', String(seconds));
    throw new ApiError('rate-limited', 'too many sign-ins', { retryAfter: seconds });
  };

  app.post('/api/v1/staff/sign-in', async (request, reply): Promise<SignInResponse> => {
    limitSignIns(request, reply);
    const device = await authenticate(db, request);
    const body = parseBody(signInRequestSchema, request.body);
    return signIn(db, device, body, clock.now(), pinCost);
  });

  app.post('/api/v1/staff/session', async (request): Promise<SessionResponse> => {
    const device = await authenticate(db, request);
    const body = parseBody(sessionRequestSchema, request.body);
    return sessionByProof(db, device, body, clock.now());
  });

  app.post('/api/v1/staff/lockout', async (request) => {
    const device = await authenticate(db, request);
    const { staffId } = parseBody(lockoutReportSchema, request.body);
    return reportLockout(db, device, staffId, clock.now());
  });
}
