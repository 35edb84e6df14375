/**
 * The sync client's HTTP port. Classifies every failure the way the retry logic needs it:
 * `network` (no answer), `retryable` (408, 429, 5xx), `auth` (401: wait for re-enrollment),
 * `rejected` (other 4xx, with the server's error code). Large bodies (a push of a day's outbox)
 * go gzipped, which the server accepts. Tests swap `fetchFn`.
 */
import { type ErrorCode, isErrorCode } from '../domain/errors';

export type HttpFailureKind = 'network' | 'retryable' | 'auth' | 'rejected';

export class HttpFailure extends Error {
  constructor(
    readonly kind: HttpFailureKind,
    readonly code: ErrorCode,
    readonly status: number,
    readonly serverTime?: string,
    /** the error envelope's details (a wrong PIN's `triesLeft`) */
    readonly details?: Record<string, string | number>,
  ) {
    super(`${kind}: ${code} (${status})`);
  }
}

export interface HttpPort {
  /** `headers`: beside the device's token, e.g. an administrator's session (`SESSION_HEADER`) */
  request<T>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    body?: unknown,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<T>;
}

/**
 * Bodies from this size on are gzipped. On a 2G link a push of many events shrinks several
 * times; below about a kilobyte the gzip header and the work are not worth it.
 */
export const GZIP_FROM_BYTES = 1024;

/** The JSON body, gzipped when large and the runtime can (CompressionStream: browsers, Node 20). */
async function encodeBody(json: string): Promise<{ body: BodyInit; isGzip: boolean }> {
  if (json.length < GZIP_FROM_BYTES || typeof CompressionStream === 'undefined') {
    return { body: json, isGzip: false };
  }
  try {
    const gzipped = new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'));
    return { body: await new Response(gzipped).arrayBuffer(), isGzip: true };
  } catch {
    // Compression is an optimisation; the plain body is always understood.
    return { body: json, isGzip: false };
  }
}

export function createHttp(
  baseUrl: string,
  fetchFn: typeof fetch = (...a) => fetch(...a),
): HttpPort {
  return {
    async request<T>(
      method: 'GET' | 'POST' | 'PUT',
      path: string,
      body?: unknown,
      token?: string,
      extra?: Record<string, string>,
    ) {
      // Every header is paid for on a 2G link, every request: none the server does not read
      // (answers are JSON whatever `accept` says; the referrer tells it nothing).
      const headers: Record<string, string> = { ...extra };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (token) headers.authorization = `Bearer ${token}`;
      const encoded = body === undefined ? undefined : await encodeBody(JSON.stringify(body));
      if (encoded?.isGzip) headers['content-encoding'] = 'gzip';
      let response: Response;
      try {
        response = await fetchFn(`${baseUrl}${path}`, {
          method,
          headers,
          body: encoded?.body,
          // The server's answers say `no-store`; asking for it here too would add two headers.
          referrerPolicy: 'no-referrer',
        });
      } catch {
        throw new HttpFailure('network', 'network', 0);
      }
      let json: unknown;
      try {
        json = await response.json();
      } catch {
        // A cut or non-JSON body (a proxy's error page) is as good as no answer.
        throw new HttpFailure(response.ok ? 'network' : 'retryable', 'network', response.status);
      }
      if (response.ok) return json as T;
      const envelope = json as {
        error?: { code?: unknown; details?: unknown };
        serverTime?: string;
      };
      const code = isErrorCode(envelope.error?.code) ? envelope.error.code : 'server-error';
      const status = response.status;
      const kind: HttpFailureKind =
        status === 401
          ? 'auth'
          : status === 408 || status === 429 || status >= 500
            ? 'retryable'
            : 'rejected';
      throw new HttpFailure(kind, code, status, envelope.serverTime, plainDetails(envelope));
    },
  };
}

/** An envelope's details as a problem carries them: strings and numbers only. */
function plainDetails(envelope: {
  error?: { details?: unknown };
}): Record<string, string | number> | undefined {
  const details = envelope.error?.details;
  if (!details || typeof details !== 'object' || Array.isArray(details)) return undefined;
  const plain = Object.entries(details).filter(
    (entry): entry is [string, string | number] =>
      typeof entry[1] === 'string' || typeof entry[1] === 'number',
  );
  return plain.length > 0 ? Object.fromEntries(plain) : undefined;
}
