/**
 * Builds the district sync server: the API, compression, the built app, and the error envelope.
 * Storage and time come in as ports, so tests run the real server on a temporary database with
 * a clock they control; `main.ts` passes the real ones.
 */
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import { type Clock, systemClock } from './clock';
import type { Db } from './db/types';
import { installErrorHandler } from './http/errors';
import { registerRoutes } from './http/routes';
import { registerStatic } from './http/static';

/** 1 MiB: a push of 500 events fits many times over; anything bigger is not a device. */
export const BODY_LIMIT = 1024 * 1024;

export interface ServerOptions {
  db: Db;
  clock?: Clock;
  /** directory of the built app; nothing is served at / when absent */
  distDir?: string;
  logger?: boolean;
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    // Behind a load balancer the client's address comes from X-Forwarded-For.
    trustProxy: true,
  });
  installErrorHandler(app, clock);
  // 2G links: JSON sync pages shrink several times under gzip.
  await app.register(compress, { global: true, encodings: ['gzip'] });
  registerRoutes(app, options.db, clock);
  await registerStatic(app, options.distDir, clock);
  return app;
}
