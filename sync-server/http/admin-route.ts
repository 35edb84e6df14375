/**
 * The one shape of every admin route (`admin-routes.ts`, `administration-routes.ts`): the device
 * is authenticated by its bearer token, the administrator's session is taken from
 * `x-staff-session` (checked by `requireAdmin` in the module the route calls), the body is parsed
 * with the route's schema, and the answer carries `serverTime`. A `staffId` in a body is not
 * read: the session says who asks (ADR 0015).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SESSION_HEADER } from '../../src/domain/sync/protocol';
import type { ServerContext } from '../app';
import type { AdminAsker } from '../sync/admin-session';
import { authenticate } from './auth';
import { ApiError } from './errors';

interface Schema<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false };
}

/** What a route's handler is given. */
export interface AdminCall<B> {
  asker: AdminAsker;
  body: B;
  /** the path's parameters, e.g. `id` */
  params: Record<string, string>;
  query: unknown;
  now: Date;
}

export interface AdminRouteOptions<B> {
  /** the body's schema; none: the route takes no body and ignores one */
  body?: Schema<B>;
  bodyLimit?: number;
}

function sessionOf(request: FastifyRequest): string | undefined {
  const value = request.headers[SESSION_HEADER];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function parse<T>(schema: Schema<T>, value: unknown, what = 'the admin API'): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new ApiError('body-invalid', `request does not match ${what}`);
  return parsed.data;
}

/**
 * A function that registers admin routes on `app`: the method, the path, the options and the
 * handler, whose answer is sent with `serverTime` added.
 */
export function adminRoutes(app: FastifyInstance, { db, clock }: ServerContext) {
  return <B = undefined>(
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    options: AdminRouteOptions<B>,
    handler: (call: AdminCall<B>) => Promise<object>,
  ): void => {
    app.route({
      method,
      url,
      ...(options.bodyLimit ? { bodyLimit: options.bodyLimit } : {}),
      handler: async (request) => {
        const device = await authenticate(db, request);
        const body = options.body ? parse(options.body, request.body) : (undefined as B);
        const result = await handler({
          asker: { device, session: sessionOf(request) },
          body,
          params: request.params as Record<string, string>,
          query: request.query,
          now: clock.now(),
        });
        return { ...result, serverTime: clock.now().toISOString() };
      },
    });
  };
}
