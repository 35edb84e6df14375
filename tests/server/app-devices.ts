/**
 * The app's own device code (`src/db`, `src/sync`) against the real server: a person signed in
 * on such a device as the app signs her in — through the server's sign-in, with a fresh proof
 * key for her there — and an HTTP port for the app's sync calls.
 *
 * The port proves a pushed event that comes without a proof, with the key registered for its
 * person on its device: an app build whose events carry no proofs yet still syncs in these
 * tests, which are about sync rounds, not about proofs (identity.test.ts is). An event that
 * carries its proof goes as it is.
 */
import type { CaseEvent } from '../../src/domain/case/events';
import { encodeKey, eventProof } from '../../src/domain/identity/proof';
import type { EnrollResponse } from '../../src/domain/sync/protocol';
import { fromWireEvent } from '../../src/domain/sync/wire';
import { createHttp, type HttpPort } from '../../src/sync/http';
import type { Db } from '../../sync-server/db/types';
import { liveKey } from '../../sync-server/queries/identity';
import { DEMO_PINS } from '../../sync-server/seed/aktogay';
import { Device, type Harness } from './helpers';

interface AppCredentials {
  deviceId: string;
  token: string;
  officeId: string;
  officeKind: 'akimat' | 'district';
  deviceNo: number;
}

/**
 * Signs a demo person in on the app's device through the server, with her demo PIN; answers her
 * proof key as the app's session keeps it (base64url), for the commands' actor.
 */
export async function signInOnApp(
  h: Harness,
  credentials: AppCredentials,
  person: { id: string; role: keyof typeof DEMO_PINS },
): Promise<string> {
  const device = new Device(h, {
    ...credentials,
    protocolVersion: 0,
    serverTime: '',
  } satisfies EnrollResponse);
  const reply = await device.signIn(person.id, DEMO_PINS[person.role]);
  const key = device.keys.get(person.id);
  if (reply.status !== 200 || !key)
    throw new Error(`sign-in refused: ${JSON.stringify(reply.body)}`);
  return encodeKey(key);
}

/** The app's HTTP port to a server, proving pushed events that come without one. */
export function appHttp(
  server: { base: string; db: Db },
  inner: HttpPort = createHttp(server.base),
): HttpPort {
  return {
    async request<T>(
      method: 'GET' | 'POST' | 'PUT',
      path: string,
      body?: unknown,
      token?: string,
      ...rest: unknown[]
    ): Promise<T> {
      const sent = path === '/api/v1/sync/push' && body ? await proved(server.db, body) : body;
      // Anything a newer port takes beside these (an administrator's session) passes on.
      return (inner.request as (...args: unknown[]) => Promise<T>)(
        method,
        path,
        sent,
        token,
        ...rest,
      );
    },
  };
}

async function proved(db: Db, body: unknown): Promise<unknown> {
  const push = body as { events?: unknown[] };
  if (!Array.isArray(push.events)) return body;
  const events: unknown[] = [];
  for (const wire of push.events) {
    const event = fromWireEvent(wire) as CaseEvent;
    const key =
      event && typeof event === 'object' && !('proof' in event)
        ? await liveKey(db, event.staffId, event.deviceId)
        : undefined;
    events.push(key ? { ...(wire as object), proof: eventProof(key, event) } : wire);
  }
  return { ...push, events };
}
