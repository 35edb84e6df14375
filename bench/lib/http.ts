/**
 * A small HTTP client for simulated devices: keep-alive connections (as a browser keeps them),
 * JSON bodies gzipped from 1 KiB on like the app's sync client, and the time of each request.
 */
import http from 'node:http';
import { gunzipSync, gzipSync } from 'node:zlib';

/** The app's sync client gzips request bodies from this size on. */
const GZIP_FROM_BYTES = 1024;

const agent = new http.Agent({ keepAlive: true, maxSockets: 1024 });

export interface Reply<T> {
  status: number;
  body: T;
  ms: number;
  /** bytes of the request and response bodies as sent */
  bytesOut: number;
  bytesIn: number;
}

export function request<T>(
  base: string,
  method: 'GET' | 'POST',
  path: string,
  options: { token?: string; json?: unknown } = {},
): Promise<Reply<T>> {
  const url = new URL(path, base);
  const headers: Record<string, string> = { accept: 'application/json', 'accept-encoding': 'gzip' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: Buffer | undefined;
  if (options.json !== undefined) {
    const text = Buffer.from(JSON.stringify(options.json));
    headers['content-type'] = 'application/json';
    if (text.length >= GZIP_FROM_BYTES) {
      body = gzipSync(text);
      headers['content-encoding'] = 'gzip';
    } else body = text;
    headers['content-length'] = String(body.length);
  }
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method,
        headers,
        agent,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          const text = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
          try {
            resolve({
              status: res.statusCode ?? 0,
              body: (text.length ? JSON.parse(text.toString('utf8')) : {}) as T,
              ms: performance.now() - started,
              bytesOut: body?.length ?? 0,
              bytesIn: raw.length,
            });
          } catch (error) {
            reject(error);
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
