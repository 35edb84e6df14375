/**
 * The citizen's status lookup, with no authentication: the page a talon's QR code opens,
 * `/s/<number>`, and the same answer as JSON,
 * `GET /api/v1/public/status/<number>?iin4=<four digits>&lang=kk|ru` →
 * `{ number, service, status, stage, expectedDate }` (`src/domain/public-status.ts`; `service`
 * and `stage` in `lang`, Kazakh when it is absent).
 *
 * - An unknown number and wrong digits get one and the same 404: the answer tells nobody which
 *   numbers exist. Both do the same work (one indexed read, every candidate compared, one try
 *   recorded).
 * - Four digits are 10,000 guesses, so tries are limited per client address
 *   (`RATE_LIMIT_STATUS_PER_MINUTE`, 10 a minute), the page and the API together, with the
 *   server's own token buckets (`rate-limit.ts`): the same keying by the address the trusted
 *   proxies name, the same bounded memory and `Retry-After`, and no second limiter library with
 *   its own idea of a client's address. Like the API's limits, each instance counts its own.
 * - Every try is recorded (`status_lookups`, migration 0008) and logged, the digits never.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { SERVICE_NAMES } from '../../src/domain/catalog/names';
import {
  answerStatus,
  isIin4,
  isLookupNumber,
  type PublicLang,
  type PublicStatus,
  publicLangOf,
} from '../../src/domain/public-status';
import { type Clock, elapsedOf } from '../clock';
import type { Db } from '../db/types';
import { casesByNumber, type LookupOutcome, recordLookup } from '../queries/status';
import { ApiError, sendError } from './errors';
import { TokenBuckets } from './rate-limit';
import { type PageMessage, statusPageHtml } from './status-page-html';

/** A form of one field; anything longer is not this page's. */
const FORM_LIMIT = 1024;

/**
 * The client's network: an IPv4 address cut to its /24, an IPv6 one to its /48. Enough for an
 * administrator to tell who is guessing; not a person's address kept for good.
 */
export function networkOf(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}$/i.exec(ip);
  if (v4) return `${v4[1]}.${v4[2]}.${v4[3]}.0/24`;
  if (ip.includes(':')) {
    const [head = ''] = ip.split('::');
    const groups = head.split(':').filter(Boolean).slice(0, 3);
    while (groups.length < 3) groups.push('0');
    return `${groups.join(':')}::/48`;
  }
  return 'unknown';
}

type Outcome =
  | { found: PublicStatus }
  | { problem: 'not_found' | 'invalid' | 'lang' | 'rate_limited' };

export function registerPublicStatus(
  app: FastifyInstance,
  db: Db,
  clock: Clock,
  perMinute: number,
): void {
  const tries = new TokenBuckets(perMinute, elapsedOf(clock));

  /** Records the try, in the table and the log; a failed record does not fail the answer. */
  const record = async (
    request: FastifyRequest,
    number: string,
    via: 'api' | 'page',
    outcome: LookupOutcome,
  ) => {
    const lookup = {
      id: uuidv7(),
      at: clock.now().toISOString(),
      address: networkOf(request.ip),
      number: number.slice(0, 40),
      via,
      outcome,
    };
    request.log.info({ statusLookup: lookup }, 'status lookup');
    try {
      await recordLookup(db, lookup);
    } catch (error) {
      request.log.error({ err: error }, 'status lookup not recorded');
    }
  };

  /** One try: limited, checked, looked up and recorded, the same for the page and the API. */
  const tryLookup = async (
    request: FastifyRequest,
    reply: FastifyReply,
    number: string,
    iin4: unknown,
    lang: PublicLang | null,
    via: 'api' | 'page',
  ): Promise<Outcome & { retryAfter?: number }> => {
    const wait = tries.take(request.ip);
    if (wait > 0) {
      const seconds = Math.max(1, Math.ceil(wait / 1000));
      reply.header('retry-after', String(seconds));
      await record(request, number, via, 'rate_limited');
      return { problem: 'rate_limited', retryAfter: seconds };
    }
    if (!lang) {
      await record(request, number, via, 'invalid');
      return { problem: 'lang' };
    }
    if (!isIin4(iin4)) {
      await record(request, number, via, 'invalid');
      return { problem: 'invalid' };
    }
    const candidates = isLookupNumber(number) ? await casesByNumber(db, number) : [];
    const found = answerStatus(candidates, iin4, SERVICE_NAMES, lang);
    await record(request, number, via, found ? 'found' : 'not_found');
    return found ? { found } : { problem: 'not_found' };
  };

  app.get('/api/v1/public/status/:number', async (request, reply) => {
    const { number } = request.params as { number: string };
    const query = request.query as Record<string, unknown>;
    const outcome = await tryLookup(
      request,
      reply,
      number,
      query.iin4,
      publicLangOf(query.lang),
      'api',
    );
    if ('found' in outcome) return outcome.found;
    switch (outcome.problem) {
      case 'rate_limited':
        return sendError(
          reply,
          clock,
          new ApiError('rate-limited', 'too many tries', { retryAfter: outcome.retryAfter ?? 1 }),
        );
      case 'invalid':
        throw new ApiError('iin4-invalid', 'iin4 must be the last four digits of the IIN');
      case 'lang':
        throw new ApiError('lang-unknown', 'lang must be kk or ru');
      default:
        throw new ApiError('not-found', 'no application with this number and these digits');
    }
  });

  // The page in its own scope: the form's body parser is this page's alone.
  void app.register(async (page) => {
    page.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: FORM_LIMIT },
      (_request, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );

    const answerPage = async (request: FastifyRequest, reply: FastifyReply, iin4: unknown) => {
      const { number } = request.params as { number: string };
      // `/s/` alone: no number to ask about, and never the app.
      if (number === '') return reply.callNotFound();
      const lang = publicLangOf((request.query as Record<string, unknown>).lang) ?? 'kk';
      let message: PageMessage = { kind: 'form' };
      let status = 200;
      if (iin4 !== undefined) {
        const outcome = await tryLookup(request, reply, number, iin4, lang, 'page');
        if ('found' in outcome) message = { kind: 'answer', answer: outcome.found };
        else if (outcome.problem === 'rate_limited') {
          message = { kind: 'rateLimited', seconds: outcome.retryAfter ?? 1 };
          status = 429;
        } else if (outcome.problem === 'invalid' || outcome.problem === 'lang') {
          message = { kind: 'iin4Invalid' };
          status = 400;
        } else {
          message = { kind: 'notFound' };
          status = 404;
        }
      }
      return (
        reply
          .code(status)
          .header('content-type', 'text/html; charset=utf-8')
          .header('cache-control', 'no-store')
          .header('referrer-policy', 'no-referrer')
          .header('x-content-type-options', 'nosniff')
          // Nothing but the page's own inline style and its form: no script can run on it.
          .header(
            'content-security-policy',
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
          )
          .send(statusPageHtml(number, lang, message))
      );
    };

    // The form posts the digits, so they stay out of addresses, histories and logs; a GET with
    // `?iin4=` is answered too, for a link someone typed by hand.
    page.get('/s/:number', async (request, reply) =>
      answerPage(request, reply, (request.query as Record<string, unknown>).iin4),
    );
    page.post('/s/:number', async (request, reply) =>
      answerPage(request, reply, ((request.body ?? {}) as Record<string, unknown>).iin4 ?? ''),
    );
  });
}
