/**
 * Builds the district sync server: the API, request limits, compression, the built app, and the
 * error envelope.
 * Storage and time come in as ports, so tests run the real server on a temporary database with
 * a clock they control; `main.ts` passes the real ones.
 */
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { type Clock, systemClock } from './clock';
import type { Db } from './db/types';
import { registerAdminRoutes } from './http/admin-routes';
import {
  ApiError,
  handleClientError,
  handleFrameworkError,
  installErrorHandler,
  sendError,
} from './http/errors';
import { type RateLimitConfig, rateLimitConfigFromEnv, registerRateLimit } from './http/rate-limit';
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
  /** request limits per device and per address; from the environment when absent */
  rateLimit?: RateLimitConfig;
}

/**
 * One log line per request, written when it has been answered — what it was and how it ended —
 * instead of Fastify's two (one on arrival, one on completion): half the logging on a busy
 * district's push path.
 */
class OneLinePerRequest extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const line = {
      method: request.method,
      url: request.url,
      remoteAddress: request.ip,
      statusCode: reply.statusCode,
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request');
  }
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock;
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new OneLinePerRequest(),
    bodyLimit: BODY_LIMIT,
    // Behind a load balancer the client's address comes from X-Forwarded-For.
    trustProxy: true,
    // Requests refused before any route runs answer in the same envelope.
    frameworkErrors: handleFrameworkError(clock),
    clientErrorHandler: handleClientError(clock),
    // Node refuses an HTTP/1.1 request without Host in a bare 400; the hook below refuses it in
    // the envelope instead.
    http: { requireHostHeader: false },
  });
  installErrorHandler(app, clock);
  app.addHook('onRequest', async (request, reply) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
      return sendError(reply, clock, new ApiError('body-invalid', 'the Host header is required'));
    }
  });
  registerRateLimit(app, clock, options.rateLimit ?? rateLimitConfigFromEnv(process.env));
  // 2G links: JSON sync pages shrink several times under compression, and so does a device's
  // push. Answers go in Brotli where the client takes it (every browser does): a page of events
  // comes out about a fifth smaller than in gzip, and quality 5 costs no more time than gzip's
  // default. Requests may come gzipped and nothing else — browsers compress only that — one
  // decoder to trust with hostile input. Fastify counts the body limit on the decompressed bytes,
  // so a gzip bomb ends as 413 once 1 MiB has come out, not when memory runs out.
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
    requestEncodings: ['gzip', 'identity'],
  });
  // A reply sent before the request body was read to its end (a body on a GET, a content type
  // we do not parse) closes the connection. A gzipped body stays piped into a paused
  // decompressor that nobody reads, so the next request on a kept-alive connection would never
  // be read and the socket would hang until the server's timeouts.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.raw.complete) reply.header('connection', 'close');
    // API answers hold people's names and IINs and are never worth reusing: no cache keeps them.
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });
  registerRoutes(app, options.db, clock);
  registerAdminRoutes(app, options.db, clock);
  await registerStatic(app, options.distDir, clock);
  return app;
}
