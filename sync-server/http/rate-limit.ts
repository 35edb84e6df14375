/**
 * Request limits for the API, per device and per client address. A device that loops on a bug,
 * or someone hammering the server with guessed tokens or enrollment codes, gets
 * `429 rate-limited` with a `Retry-After` header instead of taking the district's only server
 * away from the other offices. The limits are token buckets: each key may spend a minute's worth
 * of requests at once (a device's first pull of a large district is a burst of pages) and earns
 * them back evenly over the minute.
 *
 * The defaults are far above what real use makes (a device syncs a few times a minute; a district
 * building shares one address among a few dozen devices), so only a misbehaving client meets
 * them. `RATE_LIMIT_DEVICE_PER_MINUTE` and `RATE_LIMIT_ADDRESS_PER_MINUTE` change them; 0 turns
 * a limit off. The citizen's status lookup has a far lower limit of its own,
 * `RATE_LIMIT_STATUS_PER_MINUTE` (10 tries a minute per address), applied by its routes, and so
 * has a device's online sign-in, `RATE_LIMIT_SIGN_IN_PER_MINUTE` (20 a minute per device): each
 * costs half a second of Argon2id, and one device must not keep the server's two PIN slots busy
 * while the other offices sign in.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Clock, elapsedOf } from '../clock';
import { ApiError, sendError } from './errors';

export interface RateLimitConfig {
  /** requests one device (one bearer token) may make per minute; 0: no limit */
  devicePerMinute: number;
  /** requests one client address may make per minute; 0: no limit */
  addressPerMinute: number;
  /**
   * tries of the citizen's status lookup one client address may make per minute (the public
   * page and its API together, `http/public-status.ts`); 0: no limit; absent: the default
   */
  statusPerMinute?: number;
  /**
   * online sign-ins one device may make per minute (`http/identity-routes.ts`); 0: no limit;
   * absent: the default
   */
  signInPerMinute?: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = {
  devicePerMinute: 600,
  addressPerMinute: 6000,
  statusPerMinute: 10,
  signInPerMinute: 20,
};

const ENV_NAMES: Record<keyof RateLimitConfig, string> = {
  devicePerMinute: 'RATE_LIMIT_DEVICE_PER_MINUTE',
  addressPerMinute: 'RATE_LIMIT_ADDRESS_PER_MINUTE',
  statusPerMinute: 'RATE_LIMIT_STATUS_PER_MINUTE',
  signInPerMinute: 'RATE_LIMIT_SIGN_IN_PER_MINUTE',
};

/** The limits from the environment; a value that is not a whole number stops the start. */
export function rateLimitConfigFromEnv(env: Record<string, string | undefined>): RateLimitConfig {
  const config = { ...DEFAULT_RATE_LIMIT };
  for (const key of Object.keys(ENV_NAMES) as (keyof RateLimitConfig)[]) {
    const raw = env[ENV_NAMES[key]]?.trim();
    if (raw === undefined || raw === '') continue;
    // A typo here would otherwise silently leave a server unprotected or locked out.
    if (!/^\d{1,9}$/.test(raw)) {
      throw new Error(`${ENV_NAMES[key]} must be a whole number of requests per minute`);
    }
    config[key] = Number(raw);
  }
  return config;
}

const MINUTE_MS = 60_000;

/**
 * Token buckets by key. A bucket holds at most `perMinute` tokens and refills at `perMinute` per
 * minute; a request takes one. Keys are kept in least-recently-used order and the oldest are
 * dropped past `maxKeys`, so a flood of made-up tokens cannot grow memory without bound (a
 * dropped key only starts again with a full bucket).
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => performance.now(),
    private readonly maxKeys = 20_000,
  ) {}

  /** Takes a token for `key`: 0 when the request may go on, else the milliseconds to wait. */
  take(key: string): number {
    if (this.perMinute <= 0) return 0;
    const now = this.now();
    const bucket = this.buckets.get(key);
    const refilled = bucket
      ? Math.min(this.perMinute, bucket.tokens + ((now - bucket.at) * this.perMinute) / MINUTE_MS)
      : this.perMinute;
    // Re-inserting moves the key to the young end of the map's order.
    this.buckets.delete(key);
    if (refilled < 1) {
      this.buckets.set(key, { tokens: refilled, at: now });
      // Rounded to the millisecond first: 19 s into a 20 s refill is 1000 ms to wait, not the
      // 1000.000…1 that floating point makes of it (a Retry-After a second too long).
      return Math.ceil(Math.round(((1 - refilled) * MINUTE_MS * 1000) / this.perMinute) / 1000);
    }
    this.buckets.set(key, { tokens: refilled - 1, at: now });
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    return 0;
  }
}

/**
 * The device a request speaks for is its bearer token. The limiter keys on a hash of it, so
 * tokens are not kept in memory; an invalid token still counts (someone guessing tokens is the
 * case the address limit and this one are for).
 */
export function deviceKey(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || header === '') return undefined;
  return createHash('sha256').update(header).digest('base64url');
}

export function registerRateLimit(
  app: FastifyInstance,
  clock: Clock,
  config: RateLimitConfig,
  now: () => number = elapsedOf(clock),
): void {
  const byDevice = new TokenBuckets(config.devicePerMinute, now);
  const byAddress = new TokenBuckets(config.addressPerMinute, now);
  // onRequest runs before the body is read, so a limited client costs no parsing.
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    let wait = byAddress.take(request.ip);
    const key = deviceKey(request);
    if (wait === 0 && key !== undefined) wait = byDevice.take(key);
    if (wait === 0) return;
    const seconds = Math.max(1, Math.ceil(wait / 1000));
    reply.header('retry-after', String(seconds));
    return sendError(
      reply,
      clock,
      new ApiError('rate-limited', 'too many requests', { retryAfter: seconds }),
    );
  });
}
