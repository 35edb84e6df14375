/**
 * The server's limits on what a client may send: gzip request bodies (accepted, capped after
 * decompression so a gzip bomb is a 413, malformed gzip a 400), the 1 MiB body limit, and the
 * per-device and per-address request limits (429 with Retry-After). Also the device's HTTP
 * client, which gzips large bodies: a big push through `createHttp` arrives gzipped and is
 * accepted by the real server.
 */
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../src/domain/case/events';
import { PROTOCOL_VERSION, type PushResponse } from '../../src/domain/sync/protocol';
import { createHttp, GZIP_FROM_BYTES } from '../../src/sync/http';
import {
  DEFAULT_RATE_LIMIT,
  rateLimitConfigFromEnv,
  TokenBuckets,
} from '../../sync-server/http/rate-limit';
import {
  DEFAULT_TRUSTED_PROXIES,
  trustedProxiesFromEnv,
} from '../../sync-server/http/trusted-proxies';
import {
  call,
  type Device,
  enrollDevice,
  type Harness,
  newCaseId,
  registration,
  resultsOf,
  STORES,
  staffOf,
  startServer,
} from './helpers';

const SPECIALIST_01 = staffOf('akt-01', 'akimat_specialist');

/** Row counts of everything a push could touch. */
async function counts(h: Harness): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of ['events', 'rejected_events', 'cases']) {
    const row = await h.db.first<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`);
    out[table] = Number(row?.n ?? 0);
  }
  const seqs = await h.db.first<{ n: number }>('SELECT SUM(last_seq) AS n FROM devices');
  out.lastSeqs = Number(seqs?.n ?? 0);
  return out;
}

async function rawPush(
  h: Harness,
  device: Device,
  body: BodyInit,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${h.base}/api/v1/sync/push`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${device.enrollment.token}`,
      'content-type': 'application/json',
      'content-encoding': 'gzip',
      ...headers,
    },
    body,
    // A ReadableStream body goes out chunked, without a content-length.
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe.each(STORES)('gzip request bodies and the body limit on $name', (store) => {
  let h: Harness;
  let device: Device;
  beforeAll(async () => {
    h = await startServer(store);
    device = await enrollDevice(h, 'akt-01', 'akimat');
  });
  afterAll(async () => {
    await h.close();
  });

  it('accepts a gzipped push', async () => {
    const event = await device.prove(
      device.event('case.registered', newCaseId(), SPECIALIST_01, registration(1)),
    );
    const body = gzipSync(JSON.stringify({ protocolVersion: PROTOCOL_VERSION, events: [event] }));
    const reply = await rawPush(h, device, body);
    expect(reply.status).toBe(200);
    expect(resultsOf([event], reply.body)).toEqual([
      expect.objectContaining({ id: event.id, status: 'accepted' }),
    ]);
  });

  it('answers a gzip bomb with 413 after 1 MiB has come out, and stays responsive', async () => {
    const before = await counts(h);
    // 1 GiB of spaces in ten gzip members of about 100 KB each.
    const member = gzipSync(Buffer.alloc(100 * 1024 * 1024, 32));
    const bomb = await rawPush(h, device, Buffer.concat(Array(10).fill(member)));
    // The decoder stopped once 1 MiB had come out (its output cap is what answers 413).
    expect(bomb.status).toBe(413);
    expect(bomb.body).toMatchObject({ error: { code: 'body-too-large' } });

    // A bomb that is valid JSON inside: `{"protocolVersion":3,"events":[], "pad":"   …"}`.
    const padded = gzipSync(
      `{"protocolVersion":${PROTOCOL_VERSION},"events":[],"pad":"${' '.repeat(3 * 1024 * 1024)}"}`,
    );
    expect(padded.length).toBeLessThan(20_000);
    const jsonBomb = await rawPush(h, device, padded);
    expect(jsonBomb.status).toBe(413);
    expect(jsonBomb.body).toMatchObject({ error: { code: 'body-too-large' } });

    expect(await counts(h)).toEqual(before);
    expect((await call(h, 'GET', '/api/v1/health')).status).toBe(200);
  });

  it('caps the compressed bytes too, with or without a content-length', async () => {
    const before = await counts(h);
    // Empty gzip members decompress to nothing, so only the compressed count can stop them.
    const empty = gzipSync(Buffer.alloc(0));
    const tail = gzipSync(JSON.stringify({ protocolVersion: PROTOCOL_VERSION, events: [] }));
    const filler = Buffer.concat(Array(Math.ceil((1.5 * 1024 * 1024) / empty.length)).fill(empty));
    const sized = await rawPush(h, device, Buffer.concat([filler, tail]));
    expect(sized.status).toBe(413);
    expect(sized.body).toMatchObject({ error: { code: 'body-too-large' } });

    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 4; i++) controller.enqueue(filler);
        controller.enqueue(tail);
        controller.close();
      },
    });
    const streamed = await rawPush(h, device, chunked);
    expect(streamed.status).toBe(413);
    expect(streamed.body).toMatchObject({ error: { code: 'body-too-large' } });
    expect(await counts(h)).toEqual(before);
  });

  it('answers malformed or truncated gzip and other encodings with 400 body-invalid', async () => {
    const before = await counts(h);
    const whole = gzipSync(JSON.stringify({ protocolVersion: PROTOCOL_VERSION, events: [] }));
    const cases: [string, Uint8Array, Record<string, string>][] = [
      ['not gzip', Buffer.from(`{"protocolVersion":${PROTOCOL_VERSION},"events":[]}`), {}],
      ['truncated', whole.subarray(0, whole.length - 6), {}],
      ['corrupt', Buffer.from(whole.map((b, i) => (i > 12 ? b ^ 0x5a : b))), {}],
      ['brotli', Buffer.from('x'), { 'content-encoding': 'br' }],
      ['deflate', Buffer.from('x'), { 'content-encoding': 'deflate' }],
      ['unknown', whole, { 'content-encoding': 'gzip, gzip' }],
    ];
    for (const [label, body, headers] of cases) {
      const reply = await rawPush(h, device, new Uint8Array(body), headers);
      expect({ label, status: reply.status }).toEqual({ label, status: 400 });
      expect(reply.body).toMatchObject({ error: { code: 'body-invalid' } });
      expect(typeof reply.body.serverTime).toBe('string');
    }
    expect(await counts(h)).toEqual(before);
  });

  it('closes a connection whose gzipped body was never read', async () => {
    // Half a megabyte of gzip: more than the socket buffers, so the body is still unread when
    // the answer goes out. A kept-alive connection would then never read its next request.
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024, 32));
    const body = Buffer.concat(Array(8).fill(member));

    // A content type the server does not parse: fetch keeps connections alive and reuses them.
    const refused = await fetch(`${h.base}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'content-encoding': 'gzip' },
      body: new Uint8Array(body),
    });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('connection')).toBe('close');
    await refused.text();
    const next = await fetch(`${h.base}/api/v1/health`, { signal: AbortSignal.timeout(3000) });
    expect(next.status).toBe(200);

    // A body on a GET, which fetch cannot send.
    const port = Number(new URL(h.base).port);
    const answer = await new Promise<{ status?: number; connection?: string }>((resolve) => {
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method: 'GET',
          path: '/api/v1/health',
          headers: {
            'content-type': 'application/json',
            'content-encoding': 'gzip',
            'content-length': String(body.length),
          },
          timeout: 3000,
        },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode, connection: res.headers.connection });
        },
      );
      // The server may close while the rest of the body is still being written.
      req.on('error', () => undefined);
      req.on('timeout', () => req.destroy());
      req.end(body);
    });
    expect(answer).toEqual({ status: 200, connection: 'close' });
  });

  it('answers a plain body over 1 MiB with 413 before reading it', async () => {
    const reply = await rawPush(h, device, 'x'.repeat(1024 * 1024 + 1), {
      'content-encoding': 'identity',
    });
    expect(reply.status).toBe(413);
    expect(reply.body).toMatchObject({ error: { code: 'body-too-large' } });
  });

  it('has the device client gzip a large push, which the server accepts', async () => {
    const seen: { encoding: string | null; bytes: number }[] = [];
    const recording: typeof fetch = async (input, init) => {
      const headers = new Headers(init?.headers);
      const body = init?.body;
      seen.push({
        encoding: headers.get('content-encoding'),
        bytes:
          body instanceof ArrayBuffer
            ? body.byteLength
            : typeof body === 'string'
              ? body.length
              : -1,
      });
      return fetch(input, init);
    };
    const http = createHttp(h.base, recording);
    const events: CaseEvent[] = [];
    for (let n = 0; n < 40; n++) {
      events.push(
        await device.prove(
          device.event('case.registered', newCaseId(), SPECIALIST_01, registration(n)),
        ),
      );
    }
    const plainSize = JSON.stringify({ protocolVersion: PROTOCOL_VERSION, events }).length;
    expect(plainSize).toBeGreaterThan(GZIP_FROM_BYTES);
    const reply = await http.request<PushResponse>(
      'POST',
      '/api/v1/sync/push',
      { protocolVersion: PROTOCOL_VERSION, events },
      device.enrollment.token,
    );
    expect(reply.others).toEqual([]);
    expect(reply.accepted).toEqual([[expect.any(Number), events.length]]);
    expect(seen[0]?.encoding).toBe('gzip');
    // Forty registrations differ only in ids and numbers: gzip takes most of it away.
    expect(seen[0]?.bytes).toBeGreaterThan(0);
    expect(seen[0]?.bytes).toBeLessThan(plainSize / 3);

    // A small body goes as it is.
    const small = await http.request<PushResponse>(
      'POST',
      '/api/v1/sync/push',
      { protocolVersion: PROTOCOL_VERSION, events: [] },
      device.enrollment.token,
    );
    expect(small).toMatchObject({ accepted: [], others: [] });
    expect(seen[1]?.encoding).toBeNull();
  });
});

describe('token buckets', () => {
  it('allows a burst of a minute, then one request per refilled token', () => {
    let now = 0;
    const buckets = new TokenBuckets(3, () => now);
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    // A token comes back every 20 s.
    expect(buckets.take('a')).toBe(20_000);
    expect(buckets.take('b')).toBe(0);
    now += 15_000;
    expect(buckets.take('a')).toBe(5_000);
    now += 5_000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(20_000);
    // The wait to the millisecond, whatever the fractions of tokens come to.
    now += 19_000;
    expect(buckets.take('a')).toBe(1_000);
    now += 1_000;
    expect(buckets.take('a')).toBe(0);
    // A long pause refills to the burst, never beyond.
    now += 10 * 60_000;
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBeGreaterThan(0);
  });

  it('forgets the least recently used keys past its size', () => {
    let now = 0;
    const buckets = new TokenBuckets(1, () => now, 2);
    buckets.take('a');
    buckets.take('b');
    expect(buckets.take('a')).toBeGreaterThan(0); // 'a' is now the most recent
    buckets.take('c'); // drops 'b'
    expect(buckets.take('b')).toBe(0);
    now += 1;
    expect(buckets.take('a')).toBe(0); // 'a' was dropped when 'b' came back
  });

  it('turns off at 0', () => {
    const buckets = new TokenBuckets(0, () => 0);
    for (let i = 0; i < 100; i++) expect(buckets.take('a')).toBe(0);
  });

  it('reads its limits from the environment and refuses a typo', () => {
    expect(rateLimitConfigFromEnv({})).toEqual(DEFAULT_RATE_LIMIT);
    expect(
      rateLimitConfigFromEnv({
        RATE_LIMIT_DEVICE_PER_MINUTE: '30',
        RATE_LIMIT_ADDRESS_PER_MINUTE: ' 0 ',
        RATE_LIMIT_STATUS_PER_MINUTE: '3',
        RATE_LIMIT_SIGN_IN_PER_MINUTE: '5',
      }),
    ).toEqual({ devicePerMinute: 30, addressPerMinute: 0, statusPerMinute: 3, signInPerMinute: 5 });
    expect(() => rateLimitConfigFromEnv({ RATE_LIMIT_DEVICE_PER_MINUTE: '10/s' })).toThrow(
      /RATE_LIMIT_DEVICE_PER_MINUTE/,
    );
  });
});

describe('trusted proxies', () => {
  it('reads TRUST_PROXY from the environment and refuses what is not an address', () => {
    expect(trustedProxiesFromEnv({})).toEqual(DEFAULT_TRUSTED_PROXIES);
    expect(trustedProxiesFromEnv({ TRUST_PROXY: ' none ' })).toEqual([]);
    expect(
      trustedProxiesFromEnv({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7,fd00::/8,loopback' }),
    ).toEqual(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', 'loopback']);
    for (const wrong of ['10.0.0.0/33', '10.0.0', 'proxy.local', '10.0.0.1/8/8', 'all', '1,']) {
      expect(() => trustedProxiesFromEnv({ TRUST_PROXY: wrong })).toThrow(/TRUST_PROXY/);
    }
  });
});

/** Health checks from `forwardedFor` until one is refused: how many the address limit allowed. */
async function allowedFrom(h: Harness, forwardedFor: string): Promise<number> {
  for (let allowed = 0; allowed < 20; allowed++) {
    const response = await fetch(`${h.base}/api/v1/health`, {
      headers: { 'x-forwarded-for': forwardedFor },
    });
    await response.arrayBuffer();
    if (response.status === 429) return allowed;
    expect(response.status).toBe(200);
  }
  return 20;
}

describe.each(STORES)('the client address behind a proxy on $name', (store) => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('believes X-Forwarded-For from a proxy on the same machine by default', async () => {
    h = await startServer(store, undefined, {
      rateLimit: { devicePerMinute: 0, addressPerMinute: 3 },
    });
    expect(await allowedFrom(h, '203.0.113.1')).toBe(3);
    // Another client behind the same proxy has its own allowance.
    expect(await allowedFrom(h, '203.0.113.2')).toBe(3);
  });

  it('counts the peer itself when it is not a trusted proxy, whatever it claims', async () => {
    h = await startServer(store, undefined, {
      rateLimit: { devicePerMinute: 0, addressPerMinute: 3 },
      trustedProxies: ['10.0.0.0/8'],
    });
    expect(await allowedFrom(h, '203.0.113.1')).toBe(3);
    // A made-up address buys nothing: the limit is the connection's, 127.0.0.1.
    expect(await allowedFrom(h, '203.0.113.2')).toBe(0);
  });
});

describe.each(STORES)('request limits on $name', (store) => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('answers a device over its limit with 429 and Retry-After, and changes nothing', async () => {
    h = await startServer(store, undefined, {
      rateLimit: { devicePerMinute: 3, addressPerMinute: 12 },
    });
    const first = await enrollDevice(h, 'akt-01', 'akimat');
    const second = await enrollDevice(h, 'akt-02', 'akimat');
    for (let i = 0; i < 3; i++) expect((await first.pull()).status).toBe(200);
    const before = await counts(h);
    const event = first.event('case.registered', newCaseId(), SPECIALIST_01, registration());
    const limited = await first.push([event]);
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      error: { code: 'rate-limited', details: { retryAfter: expect.any(Number) } },
    });
    expect(typeof (limited.body as unknown as { serverTime: unknown }).serverTime).toBe('string');
    // Three a minute, the clock standing still: the next token is exactly 20 s away.
    expect(limited.headers.get('retry-after')).toBe('20');
    expect(limited.body).toMatchObject({ error: { details: { retryAfter: 20 } } });
    expect(await counts(h)).toEqual(before);

    // Another device keeps working: the limit is per device.
    expect((await second.pull()).status).toBe(200);

    // Short of the token, still refused and told the rest; at the token, the push goes through.
    h.clock.advance(15_000);
    const early = await first.push([event]);
    expect(early.status).toBe(429);
    expect(early.headers.get('retry-after')).toBe('5');
    h.clock.advance(5_000);
    const again = await first.push([event]);
    expect(again.status).toBe(200);
    expect(again.body.results.map((r) => r.status)).toEqual(['accepted']);
  });

  it('answers an address over its limit with 429 until the clock gives a token back', async () => {
    const server = await startServer(store, undefined, {
      rateLimit: { devicePerMinute: 0, addressPerMinute: 12 },
    });
    h = server;
    // The address limit counts everyone from 127.0.0.1, tokens or not: one enrollment and two
    // pulls leave 9 of 12.
    const device = await enrollDevice(server, 'akt-01', 'akimat');
    for (let i = 0; i < 2; i++) expect((await device.pull()).status).toBe(200);
    const healthUntilRefused = async () => {
      let allowed = 0;
      for (let i = 0; i < 50; i++) {
        const health = await call(server, 'GET', '/api/v1/health');
        if (health.status !== 200) return { allowed, refused: health };
        allowed += 1;
      }
      return { allowed, refused: undefined };
    };
    const first = await healthUntilRefused();
    expect(first.allowed).toBe(9);
    expect(first.refused?.status).toBe(429);
    expect(first.refused?.body).toMatchObject({ error: { code: 'rate-limited' } });
    // Twelve a minute: a token every 5 s, for the device's requests too.
    expect(first.refused?.headers.get('retry-after')).toBe('5');
    expect((await device.pull()).status).toBe(429);

    server.clock.advance(5_000);
    expect((await healthUntilRefused()).allowed).toBe(1);
    // A long pause fills the bucket to a minute's worth, never beyond.
    server.clock.advance(10 * 60_000);
    expect((await healthUntilRefused()).allowed).toBe(12);
  });
});
