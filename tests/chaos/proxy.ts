/**
 * A fault-injecting HTTP proxy between the simulated devices and the district server, standing
 * in for a 2G link, a flaky office router and a load balancer in front of a server that
 * restarts. Devices talk to the proxy only. For every request it draws one fault from the
 * device's own seeded stream (the device is known by its bearer token), so a seed replays the
 * same faults for the same device's n-th request:
 *
 * - `pass` — forwarded, answered.
 * - `drop-request` — the connection is cut before anything reaches the server.
 * - `drop-response` — forwarded and committed by the server, but the device never hears.
 * - `duplicate` — forwarded twice (a retrying middlebox); the device gets one of the answers.
 * - `delay` — forwarded late and answered late.
 * - `hold` — held while later requests overtake it, then forwarded and answered.
 * - `stale` — the device is cut off at once; the request is delivered to the server much later,
 *   after the device has moved on (an old retry arriving out of order).
 * - `cut-response` — the answer starts, then the connection dies part-way through the body.
 * - `bad-gateway` — a 502 or 503 page from the "load balancer", nothing forwarded.
 *
 * When the server is down the proxy answers 502, as a real reverse proxy would. A device can
 * also be cut off entirely for a while (`setOffline`): a village without a connection for days
 * fills its outbox and comes back with pushes and pulls of several chunks and pages.
 */
import http, {
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Rng } from './random';

export const FAULTS = [
  'pass',
  'drop-request',
  'drop-response',
  'duplicate',
  'delay',
  'hold',
  'stale',
  'cut-response',
  'bad-gateway',
] as const;
export type Fault = (typeof FAULTS)[number];
export type FaultMix = Record<Fault, number>;

/** Everything passes: the calm phase and enrollment. */
export const CALM: FaultMix = {
  pass: 1,
  'drop-request': 0,
  'drop-response': 0,
  duplicate: 0,
  delay: 0,
  hold: 0,
  stale: 0,
  'cut-response': 0,
  'bad-gateway': 0,
};

/** Roughly half of all requests meet some fault; the ones that lose answers are the most. */
export const STORMY: FaultMix = {
  pass: 46,
  'drop-request': 7,
  'drop-response': 10,
  duplicate: 7,
  delay: 8,
  hold: 6,
  stale: 5,
  'cut-response': 7,
  'bad-gateway': 4,
};

interface UpstreamReply {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

interface Held {
  releaseAfter: number;
  timer: ReturnType<typeof setTimeout>;
  run: () => void;
}

/** Hop-by-hop headers are the proxy's own business on each side. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'proxy-connection',
  'upgrade',
  'host',
  'content-length',
]);

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class FaultProxy {
  private server: http.Server | null = null;
  private mix: FaultMix = CALM;
  private readonly streams = new Map<string, Rng>();
  private readonly names = new Map<string, string>();
  private readonly addresses = new Map<string, string>();
  private readonly held = new Set<Held>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private handled = 0;
  /** devices whose village has no connection at all right now */
  private readonly offline = new Set<string>();
  /** requests refused because their device was offline */
  offlineRefusals = 0;
  readonly stats: Record<Fault, number> = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<
    Fault,
    number
  >;
  port = 0;

  constructor(
    private readonly upstreamPort: number,
    private readonly rng: Rng,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const server = http.createServer((req, res) => void this.handle(req, res));
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
  }

  setMix(mix: FaultMix): void {
    this.mix = mix;
  }

  /**
   * Requests carrying this token draw their faults from the named device's stream and come
   * from `address` (each office has its own connection), as a load balancer would report it.
   */
  register(token: string, name: string, address: string): void {
    this.names.set(token, name);
    this.addresses.set(name, address);
  }

  /** A village losing its connection for a while (the device sees only network errors). */
  setOffline(name: string, isOffline: boolean): void {
    if (isOffline) this.offline.add(name);
    else this.offline.delete(name);
  }

  /** Delivers every held request now (the storm is over; late ones still arrive late). */
  async flush(): Promise<void> {
    for (const item of [...this.held]) this.release(item);
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async close(): Promise<void> {
    await this.flush();
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private nameOf(req: IncomingMessage): string {
    const match = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '');
    return (match?.[1] && this.names.get(match[1])) || 'anonymous';
  }

  private streamFor(name: string): Rng {
    let stream = this.streams.get(name);
    if (!stream) {
      stream = this.rng.fork(name);
      this.streams.set(name, stream);
    }
    return stream;
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req).catch(() => null);
    if (body === null) return;
    this.handled++;
    for (const item of [...this.held]) if (item.releaseAfter <= this.handled) this.release(item);
    const name = this.nameOf(req);
    if (this.offline.has(name)) {
      this.offlineRefusals++;
      req.socket.destroy();
      return;
    }

    // Every parameter is drawn now, in a fixed order, so the stream stays in step on replay.
    const stream = this.streamFor(name);
    const fault = stream.weighted(this.mix);
    const delayMs = stream.int(20, 400);
    const overtakers = stream.int(2, 12);
    const cutFraction = stream.next() * 0.9;
    const useSecond = stream.chance(0.5);
    const is503 = stream.chance(0.5);
    this.stats[fault]++;

    const forward = () => this.track(this.forward(req, body));
    const answer = async (work: Promise<UpstreamReply>) => {
      try {
        reply(res, await work);
      } catch {
        badGateway(res, false);
      }
    };

    switch (fault) {
      case 'pass':
        return answer(forward());
      case 'delay':
        await sleep(delayMs);
        return answer(forward());
      case 'drop-request':
        req.socket.destroy();
        return;
      case 'drop-response':
        await forward().catch(() => undefined);
        req.socket.destroy();
        return;
      case 'duplicate': {
        const first = forward();
        await sleep(delayMs / 10);
        const second = forward();
        const [a, b] = await Promise.allSettled([first, second]);
        const chosen = useSecond ? b : a;
        if (chosen.status === 'fulfilled') reply(res, chosen.value);
        else badGateway(res, false);
        return;
      }
      case 'hold':
        // The device waits while others overtake it; the timer keeps a quiet moment from
        // holding it forever.
        this.hold(overtakers, delayMs * 5, () => void answer(forward()));
        return;
      case 'stale':
        req.socket.destroy();
        this.hold(overtakers, delayMs * 10, () => void forward().catch(() => undefined));
        return;
      case 'cut-response': {
        let upstream: UpstreamReply;
        try {
          upstream = await forward();
        } catch {
          badGateway(res, false);
          return;
        }
        res.writeHead(upstream.status, {
          ...upstream.headers,
          'content-length': upstream.body.length,
        });
        res.write(upstream.body.subarray(0, Math.floor(upstream.body.length * cutFraction)));
        // Let the partial bytes leave before the connection dies.
        await sleep(5);
        req.socket.destroy();
        return;
      }
      case 'bad-gateway':
        badGateway(res, is503);
        return;
    }
  }

  private hold(overtakers: number, maxMs: number, run: () => void): void {
    const item: Held = {
      releaseAfter: this.handled + overtakers,
      timer: setTimeout(() => this.release(item), maxMs),
      run,
    };
    this.held.add(item);
  }

  private release(item: Held): void {
    if (!this.held.delete(item)) return;
    clearTimeout(item.timer);
    item.run();
  }

  private forward(req: IncomingMessage, body: Buffer): Promise<UpstreamReply> {
    return new Promise((resolve, reject) => {
      const headers: OutgoingHttpHeaders = {};
      for (const [key, value] of Object.entries(req.headers)) {
        if (!HOP_BY_HOP.has(key) && value !== undefined) headers[key] = value;
      }
      headers['content-length'] = body.length;
      const address = this.addresses.get(this.nameOf(req));
      if (address) headers['x-forwarded-for'] = address;
      // A fresh connection per request: after a SIGKILL no pooled socket points at the dead
      // process.
      const upstream = http.request(
        {
          host: '127.0.0.1',
          port: this.upstreamPort,
          method: req.method,
          path: req.url,
          headers,
          agent: false,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const out: OutgoingHttpHeaders = {};
            for (const [key, value] of Object.entries(response.headers)) {
              if (!HOP_BY_HOP.has(key) && value !== undefined) out[key] = value;
            }
            resolve({
              status: response.statusCode ?? 502,
              headers: out,
              body: Buffer.concat(chunks),
            });
          });
          response.on('error', reject);
          response.on('aborted', () => reject(new Error('upstream aborted')));
        },
      );
      upstream.setTimeout(60_000, () => upstream.destroy(new Error('upstream timeout')));
      upstream.on('error', reject);
      upstream.end(body);
    });
  }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function reply(res: ServerResponse, upstream: UpstreamReply): void {
  if (res.destroyed) return;
  res.writeHead(upstream.status, { ...upstream.headers, 'content-length': upstream.body.length });
  res.end(upstream.body);
}

/** What a load balancer says when the server behind it is gone: not JSON, not the protocol. */
function badGateway(res: ServerResponse, is503: boolean): void {
  if (res.destroyed) return;
  const text = is503
    ? '<html><body><h1>503 Service Temporarily Unavailable</h1></body></html>'
    : '<html><body><h1>502 Bad Gateway</h1></body></html>';
  res.writeHead(is503 ? 503 : 502, {
    'content-type': 'text/html',
    'content-length': Buffer.byteLength(text),
    ...(is503 ? { 'retry-after': '1' } : {}),
  });
  res.end(text);
}
