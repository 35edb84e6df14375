/**
 * The sync client's HTTP port. Classifies every failure the way the retry logic needs it:
 * `network` (no answer), `retryable` (408, 429, 5xx), `auth` (401: wait for re-enrollment),
 * `rejected` (other 4xx, with the server's error code). Tests swap `fetchFn`.
 */
import { type ErrorCode, isErrorCode } from '../domain/errors';

export type HttpFailureKind = 'network' | 'retryable' | 'auth' | 'rejected';

export class HttpFailure extends Error {
  constructor(
    readonly kind: HttpFailureKind,
    readonly code: ErrorCode,
    readonly status: number,
    readonly serverTime?: string,
  ) {
    super(`${kind}: ${code} (${status})`);
  }
}

export interface HttpPort {
  request<T>(method: 'GET' | 'POST', path: string, body?: unknown, token?: string): Promise<T>;
}

export function createHttp(
  baseUrl: string,
  fetchFn: typeof fetch = (...a) => fetch(...a),
): HttpPort {
  return {
    async request<T>(method: 'GET' | 'POST', path: string, body?: unknown, token?: string) {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (body !== undefined) headers['content-type'] = 'application/json';
      if (token) headers.authorization = `Bearer ${token}`;
      let response: Response;
      try {
        response = await fetchFn(`${baseUrl}${path}`, {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          cache: 'no-store',
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
      const envelope = json as { error?: { code?: unknown }; serverTime?: string };
      const code = isErrorCode(envelope.error?.code) ? envelope.error.code : 'server-error';
      const status = response.status;
      const kind: HttpFailureKind =
        status === 401
          ? 'auth'
          : status === 408 || status === 429 || status >= 500
            ? 'retryable'
            : 'rejected';
      throw new HttpFailure(kind, code, status, envelope.serverTime);
    },
  };
}
