/**
 * A district server as the staff-identity contract describes it (ADR 0015), in memory, behind the
 * device's `HttpPort`: sign-in by PIN with wrong-PIN counts and locks, proof keys per person and
 * device, sessions by proof, lockout reports, pushes that check proofs (and take events without
 * one only up to a device's declared `legacyThrough`), admin calls under a session, and reference
 * data with the `identity` block. It uses the domain's own checks (`checkPin`, `isEventProof`,
 * `isSessionProof`), so what it accepts is what the real server's rules accept. Failures come as
 * `HttpFailure`s, as `createHttp` throws them; `isOnline = false` answers nothing at all.
 */
import type { CaseEvent } from '../../../src/domain/case/events';
import type { ErrorCode } from '../../../src/domain/errors';
import {
  checkPin,
  eventProof,
  FAILURES_TO_LOCK_ON_DEVICE,
  isEventProof,
  isPushProof,
  isSessionProof,
  LOW_PIN_COST,
  makePinVerifier,
  type PinVerifier,
  pinProblem,
} from '../../../src/domain/identity';
import { decodeKey } from '../../../src/domain/identity/proof';
import type { Office, Staff } from '../../../src/domain/reference';
import {
  type PushResult,
  type ReferenceResponse,
  SESSION_HEADER,
  type SignInRequest,
  toPushAnswer,
} from '../../../src/domain/sync/protocol';
import { fromWireEvent } from '../../../src/domain/sync/wire';
import { HttpFailure, type HttpPort } from '../../../src/sync/http';

const STATUS: Partial<Record<ErrorCode, number>> = {
  'pin-wrong': 401,
  'admin-session-required': 401,
  'pin-locked': 423,
  'pin-change-required': 409,
};

function refuse(code: ErrorCode, serverTime: string, details?: Record<string, string | number>) {
  const status = STATUS[code] ?? 403;
  return new HttpFailure(status === 401 ? 'auth' : 'rejected', code, status, serverTime, details);
}

export interface PushedBody {
  /** as sent: without their proofs when the push carries one for all */
  events: CaseEvent[];
  transition?: { legacyThrough: number };
  /** the push's one proof (`pushProof`) */
  proof?: string;
}

export class IdentityServer {
  isOnline = true;
  /** every request, by path */
  readonly calls: { method: string; path: string; body: unknown; session?: string }[] = [];
  readonly pushes: PushedBody[] = [];
  readonly stored = new Map<string, CaseEvent & { proof?: string }>();
  /** the live proof key of each person on the device */
  readonly keys = new Map<string, Uint8Array>();
  readonly failures = new Map<string, number>();
  readonly locks = new Set<string>();
  legacySeqLimit: number | null = null;
  private readonly verifiers = new Map<string, PinVerifier>();
  private readonly sessions = new Map<string, { staffId: string; expiresAt: number }>();
  private readonly nonces = new Set<string>();
  private clock = Date.parse('2026-03-18T05:30:00.000Z');
  private version = 1;
  private serverSeq = 0;
  private sessionNo = 0;

  constructor(
    private readonly office: Office,
    readonly staff: Staff[],
    private readonly deviceId: string,
  ) {}

  /** A person's PIN as the administrator set it (an Argon2id verifier at the low cost). */
  async setPin(staffId: string, pin: string): Promise<void> {
    this.verifiers.set(staffId, await makePinVerifier(pin, LOW_PIN_COST));
  }

  /** The administrator resets a PIN: new verifier, every key revoked, failures cleared. */
  async resetPin(staffId: string, pin: string): Promise<void> {
    await this.setPin(staffId, pin);
    this.keys.delete(staffId);
    this.failures.delete(staffId);
    this.version++;
  }

  /** Every session the server issued ends (they expired). */
  expireSessions(): void {
    for (const session of this.sessions.values()) session.expiresAt = 0;
  }

  private now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  private issueSession(staffId: string) {
    const token = `session-${++this.sessionNo}`;
    const expiresAt = this.clock + 30 * 60_000;
    this.sessions.set(token, { staffId, expiresAt });
    return { token, expiresAt: new Date(expiresAt).toISOString() };
  }

  private isAdmin(staffId: string): boolean {
    const person = this.staff.find((s) => s.id === staffId);
    return person?.role === 'district_admin' && this.office.kind === 'district';
  }

  readonly http: HttpPort = {
    request: async <T>(
      method: string,
      path: string,
      body?: unknown,
      _token?: string,
      headers?: Record<string, string>,
    ): Promise<T> => {
      if (!this.isOnline) throw new HttpFailure('network', 'network', 0);
      const session = headers?.[SESSION_HEADER];
      this.calls.push({ method, path, body, ...(session ? { session } : {}) });
      const serverTime = this.now();
      const answer = await this.answer(method, path, body, session, serverTime);
      return { serverTime, ...answer } as T;
    },
  };

  private async answer(
    method: string,
    path: string,
    body: unknown,
    session: string | undefined,
    serverTime: string,
  ): Promise<object> {
    if (method === 'POST' && path === '/api/v1/staff/sign-in') {
      return this.signIn(body as SignInRequest, serverTime);
    }
    if (method === 'POST' && path === '/api/v1/staff/session') {
      const request = body as { staffId: string; nonce: string; proof: string };
      const key = this.keys.get(request.staffId);
      const isProved =
        key &&
        !this.nonces.has(request.nonce) &&
        isSessionProof(key, { ...request, deviceId: this.deviceId });
      if (!isProved) throw refuse('session-proof-invalid', serverTime);
      this.nonces.add(request.nonce);
      if (!this.isAdmin(request.staffId)) throw refuse('role-not-allowed', serverTime);
      return { session: this.issueSession(request.staffId) };
    }
    if (method === 'POST' && path === '/api/v1/staff/lockout') {
      const { staffId } = body as { staffId: string };
      this.failures.set(staffId, FAILURES_TO_LOCK_ON_DEVICE);
      this.locks.add(staffId);
      this.version++;
      return {};
    }
    if (method === 'POST' && path === '/api/v1/sync/push') return this.push(body);
    if (method === 'GET' && path.startsWith('/api/v1/sync/pull')) {
      const cursor = Number(/cursor=(\d+)/.exec(path)?.[1] ?? 0);
      return { events: [], cursor, hasMore: false, referenceVersion: `v${this.version}` };
    }
    if (method === 'GET' && path === '/api/v1/sync/reference') return this.reference();
    if (path.startsWith('/api/v1/admin/')) return this.admin(method, path, session, serverTime);
    throw new Error(`unexpected ${method} ${path}`);
  }

  private async signIn(request: SignInRequest, serverTime: string): Promise<object> {
    const person = this.staff.find((s) => s.id === request.staffId && s.isActive);
    const verifier = this.verifiers.get(request.staffId);
    if (!person || !verifier) throw refuse('staff-unknown', serverTime);
    if (this.locks.has(person.id)) throw refuse('pin-locked', serverTime);
    if (!(await checkPin(request.pin, verifier))) {
      const failures = (this.failures.get(person.id) ?? 0) + 1;
      this.failures.set(person.id, failures);
      if (failures >= FAILURES_TO_LOCK_ON_DEVICE) {
        this.locks.add(person.id);
        this.version++;
      }
      throw refuse('pin-wrong', serverTime, {
        triesLeft: Math.max(0, FAILURES_TO_LOCK_ON_DEVICE - failures),
      });
    }
    if (pinProblem(request.pin) && request.newPin === undefined) {
      throw refuse('pin-change-required', serverTime);
    }
    if (request.newPin !== undefined) {
      const problem = pinProblem(request.newPin);
      if (problem) throw refuse('pin-invalid', serverTime, problem.details);
      await this.setPin(person.id, request.newPin);
    }
    this.failures.delete(person.id);
    this.keys.set(person.id, decodeKey(request.key) ?? new Uint8Array());
    this.version++;
    return this.isAdmin(person.id) ? { session: this.issueSession(person.id) } : {};
  }

  private push(body: unknown): object {
    const request = body as {
      events: unknown[];
      transition?: { legacyThrough: number };
      proof?: string;
    };
    const events = request.events.map((e) => fromWireEvent(e) as CaseEvent);
    this.pushes.push({
      events: events.map((e) => ({ ...e })),
      ...(request.transition ? { transition: request.transition } : {}),
      ...(request.proof ? { proof: request.proof } : {}),
    });
    if (request.transition && this.legacySeqLimit === null) {
      this.legacySeqLimit = request.transition.legacyThrough;
    }
    if (request.proof !== undefined) {
      // One proof for the push, as the server checks it: refused whole, or each event proved.
      const covered = events.filter(
        (e) => e.proof === undefined && e.deviceSeq > (this.legacySeqLimit ?? 0),
      );
      const proofs = covered.map((e) => {
        const key = this.keys.get(e.staffId);
        return key ? eventProof(key, e) : null;
      });
      if (!proofs.every((p): p is string => p !== null) || !isPushProof(proofs, request.proof)) {
        throw refuse('push-proof-invalid', new Date(this.clock).toISOString());
      }
      covered.forEach((e, i) => {
        e.proof = proofs[i];
      });
    }
    const results: PushResult[] = events.map((event) => {
      const known = this.stored.get(event.id);
      if (known) return { id: event.id, status: 'duplicate', serverSeq: 1 };
      if (!event.proof) {
        if (event.deviceSeq > (this.legacySeqLimit ?? 0)) {
          return { id: event.id, status: 'rejected', code: 'proof-missing' };
        }
      } else {
        const key = this.keys.get(event.staffId);
        if (!key || !isEventProof(key, event, event.proof)) {
          return {
            id: event.id,
            status: 'rejected',
            code: 'proof-invalid',
            details: { staffId: event.staffId },
          };
        }
      }
      this.stored.set(event.id, event);
      return { id: event.id, status: 'accepted', serverSeq: ++this.serverSeq };
    });
    return toPushAnswer(results);
  }

  private reference(): ReferenceResponse {
    return {
      serverTime: new Date(this.clock).toISOString(),
      version: `v${this.version}`,
      district: { id: 'aktogay', name: { kk: 'Ақтоғай', ru: 'Актогай' }, isDemo: true, actIds: [] },
      offices: [this.office],
      staff: this.staff,
      people: this.staff.map(({ isActive: _a, ...person }) => person),
      catalogEditions: [],
      calendarYears: {},
      device: {
        id: this.deviceId,
        officeId: this.office.id,
        officeKind: this.office.kind,
        deviceNo: 3,
      },
      devices: [],
      identity: {
        pinCost: LOW_PIN_COST,
        keys: [...this.keys.keys()],
        signInLocks: [...this.locks],
      },
    };
  }

  private admin(
    method: string,
    path: string,
    token: string | undefined,
    serverTime: string,
  ): object {
    const session = token ? this.sessions.get(token) : undefined;
    if (!session || session.expiresAt <= this.clock)
      throw refuse('admin-session-required', serverTime);
    if (!this.isAdmin(session.staffId)) throw refuse('role-not-allowed', serverTime);
    const unlock = /^\/api\/v1\/admin\/staff\/([^/]+)\/unlock$/.exec(path);
    if (method === 'POST' && unlock) {
      const id = decodeURIComponent(unlock[1] ?? '');
      this.locks.delete(id);
      this.failures.delete(id);
      this.version++;
      return {};
    }
    if (method === 'GET' && path === '/api/v1/admin/staff') {
      return {
        staff: this.staff.map((s) => ({
          ...s,
          patronymic: s.patronymic ?? null,
          signInLock: this.locks.has(s.id)
            ? { lockedAt: serverTime, deviceIds: [this.deviceId] }
            : null,
          keyDeviceIds: this.keys.has(s.id) ? [this.deviceId] : [],
        })),
      };
    }
    throw new Error(`unexpected admin ${method} ${path}`);
  }
}
