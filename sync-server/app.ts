/**
 * Builds the district sync server: the API, request limits, compression, the built app, and the
 * error envelope.
 * Storage and time come in as ports, so tests run the real server on a temporary database with
 * a clock they control; `main.ts` passes the real ones.
 */
import zlib, { gunzipSync } from 'node:zlib';
import compress from '@fastify/compress';
import Fastify, {
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { type PinCost, STANDARD_PIN_COST } from '../src/domain/identity/pin';
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
import { registerIdentityRoutes } from './http/identity-routes';
import { registerPublicStatus } from './http/public-status';
import {
  DEFAULT_RATE_LIMIT,
  type RateLimitConfig,
  rateLimitConfigFromEnv,
  registerRateLimit,
} from './http/rate-limit';
import { registerRoutes } from './http/routes';
import { registerStatic } from './http/static';
import { DEFAULT_TRUSTED_PROXIES } from './http/trusted-proxies';

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
  /**
   * peers whose X-Forwarded-For names the client (`http/trusted-proxies.ts`); a proxy on the
   * same machine when absent, none when empty
   */
  trustedProxies?: string[];
  /**
   * the Argon2id cost new PIN verifiers are made at, and devices seal their keys at (ADR 0015);
   * `STANDARD_PIN_COST` when absent. Tests and the benchmark lower it (`PIN_COST=low`).
   */
  pinCost?: PinCost;
}

/** What every route module is given: the store, the clock, the PIN cost. */
export interface ServerContext {
  db: Db;
  clock: Clock;
  pinCost: PinCost;
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
      // The digits of an IIN a status lookup asked with stay out of the log.
      url: request.url.replace(/([?&]iin4=)[^&]*/g, '$1…'),
      remoteAddress: request.ip,
      statusCode: reply.statusCode,
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request');
  }
}

/**
 * Request bodies may come gzipped and nothing else: one decoder to trust with hostile input. A
 * JSON body is read whole, compressed, under the body limit (empty gzip members decompress to
 * nothing, so only the compressed count stops them), then decompressed in one call that stops
 * once more than the limit has come out: a gzip bomb ends as 413 after 1 MiB, not when memory
 * runs out. One call on the buffered body rather than a zlib stream per request: at a district's
 * push rate the stream's setup cost more than the decompression.
 */
function acceptGzipJson(app: FastifyInstance): void {
  app.addHook('preParsing', async (request) => {
    const encoding = request.headers['content-encoding'];
    if (encoding !== undefined && encoding !== 'gzip' && encoding !== 'identity') {
      throw new ApiError('body-invalid', 'only gzip request bodies are accepted');
    }
  });
  // Fastify's own JSON parser (prototype poisoning refused, its defaults), behind the gunzip.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    if (request.headers['content-encoding'] !== 'gzip') {
      parseJson(request, body.toString('utf8'), done);
      return;
    }
    let text: Buffer;
    try {
      // A route may take more than the default (the import of a file of unsent work).
      const limit = request.routeOptions.bodyLimit ?? BODY_LIMIT;
      text = gunzipSync(body as Buffer, { maxOutputLength: limit });
    } catch (error) {
      done(
        (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE'
          ? new ApiError('body-too-large', 'request body is larger than 1 MiB')
          : new ApiError('body-invalid', 'request body is not valid gzip'),
        undefined,
      );
      return;
    }
    parseJson(request, text.toString('utf8'), done);
  });
}

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const clock = options.clock ?? systemClock;
  const trustedProxies = options.trustedProxies ?? DEFAULT_TRUSTED_PROXIES;
  const app = Fastify({
    logger: options.logger ?? false,
    logController: new OneLinePerRequest(),
    bodyLimit: BODY_LIMIT,
    // Behind a proxy the client's address comes from X-Forwarded-For, believed only from the
    // proxies named; from anyone else the socket's address counts.
    trustProxy: trustedProxies.length > 0 ? trustedProxies : false,
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
  const limits = options.rateLimit ?? rateLimitConfigFromEnv(process.env);
  registerRateLimit(app, clock, limits);
  // 2G links: JSON sync pages shrink several times under compression, and so does a device's
  // push. Answers go in Brotli where the client takes it (every browser does): a page of events
  // comes out about a fifth smaller than in gzip, and quality 5 costs no more time than gzip's
  // default. The sync routes compress their own answers (`http/compressed.ts`).
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } },
    // Requests are decompressed by the JSON parser below, not in a stream per request.
    globalDecompression: false,
  });
  acceptGzipJson(app);
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
  const context: ServerContext = {
    db: options.db,
    clock,
    pinCost: options.pinCost ?? STANDARD_PIN_COST,
  };
  registerRoutes(app, context);
  registerIdentityRoutes(
    app,
    context,
    limits.signInPerMinute ?? DEFAULT_RATE_LIMIT.signInPerMinute ?? 0,
  );
  registerAdminRoutes(app, context);
  registerPublicStatus(
    app,
    options.db,
    clock,
    limits.statusPerMinute ?? DEFAULT_RATE_LIMIT.statusPerMinute ?? 0,
  );
  await registerStatic(app, options.distDir, clock);
  return app;
}
