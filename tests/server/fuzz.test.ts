/**
 * Fuzzing the HTTP API with generated malformed and hostile requests, on every store. Two kinds:
 *
 * - Whole requests that must fail: every endpoint (staff sign-in, sessions and lock reports
 *   among them) and unknown paths, every method, wrong and
 *   missing content types and encodings, invalid JSON, wrong shapes, huge and oversized bodies,
 *   gzip bombs, bad and absent tokens, a revoked device, used and guessed enrollment codes, bad
 *   cursors and limits. A batch of them must leave the store exactly as it was.
 * - Hostile events inside well-formed pushes: events made the way a device makes them — the
 *   steps each case's process offers now (`nextActions`) with every event type's payload, on
 *   cases of services whose processes differ (003-16, 004-01, 003-06, and the legacy chain),
 *   some breaking a rule of the domain the schema cannot see (an unknown refusal ground, a
 *   stale correction) — then broken: a field of the wrong type, missing or extra, huge, SQL or
 *   script in a string, forged device, office, person or case, replays of stored ids with other
 *   content, deviceSeq games, nesting deep enough to break a recursive serializer; proofs made
 *   with the person's key after all that, or before it (stale), forged, or missing. The push
 *   answers 200 with one result per event, and the store changes exactly as the results say:
 *   new events are the accepted ones, verbatim; the server accepts exactly what the domain's
 *   reducer accepts and refuses for its reason; cases change only through accepted events, to
 *   the reducer's state; an accepted event carries the proof of its person's key; rejections are
 *   recorded only for the next seq; the device's seq moves by what was taken.
 *
 * - Raw HTTP below what fetch can send: broken request lines and headers, conflicting lengths,
 *   oversized headers, nonsense methods and versions.
 *
 * Always: never a 5xx, and every error is the envelope `{ error: { code, message }, serverTime }`
 * with a code of the registry and its status. Generated values are small descriptions; the big
 * bodies are built from them at run time, so a failure prints a readable counterexample.
 *
 * Seeded: FUZZ_SEED=<n> replays a run (the seed is printed on failure).
 */
import { createHash } from 'node:crypto';
import net from 'node:net';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CaseEvent,
  canonicalJson,
  type EventType,
  eventContent,
  eventSchema,
} from '../../src/domain/case/events';
import { applyEvent, type Case, processOf } from '../../src/domain/case/reducer';
import { httpStatusFor, isErrorCode } from '../../src/domain/errors';
import { isEventProof } from '../../src/domain/identity/proof';
import { nextActions } from '../../src/domain/process';
import type { StaffRole } from '../../src/domain/roles';
import {
  PROTOCOL_VERSION,
  type PushResponse,
  type PushResult,
} from '../../src/domain/sync/protocol';
import { fromWireEvent } from '../../src/domain/sync/wire';
import { nodeSha256 } from '../../sync-server/digest';
import { issueEnrollCode } from '../../sync-server/sync/enroll';
import {
  call,
  type Device,
  enrollDevice,
  type Harness,
  resultsOf,
  STORES,
  staffOf,
  startServer,
} from './helpers';
import {
  payloadFor as casePayload,
  processOfService,
  SERVICE_NAMES,
  VILLAGE_ROLES,
} from './process-cases';

const SIDE_ACTIONS: readonly EventType[] = ['case.cancelled', 'case.corrected', 'case.refused'];

/** Refusals of the authorization check, before the case's state is looked at. */
const AUTHORIZATION_CODES = new Set<string>([
  'device-mismatch',
  'staff-unknown',
  'role-not-allowed',
  'executor-unknown',
  'case-not-in-scope',
  'proof-missing',
  'proof-invalid',
]);

const BASE_SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** Generous: a fuzz run takes seconds; the limit is for a stuck server. */
const FUZZ_TIMEOUT = Number(process.env.FUZZ_TIMEOUT ?? 120_000);

/** Runs a property with a seed derived from the file's; a failure names the seed to replay. */
async function check<T>(label: string, property: fc.IAsyncProperty<T>, numRuns: number) {
  const seed = (BASE_SEED + createHash('sha256').update(label).digest().readUInt32BE(0)) | 0;
  try {
    await fc.assert(property, { seed, numRuns, verbose: 0 });
  } catch (error) {
    const cause = error instanceof Error && error.cause ? `\n${String(error.cause)}` : '';
    throw new Error(`fuzz "${label}" failed; replay with FUZZ_SEED=${BASE_SEED}\n${error}${cause}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Store snapshots

// The texts of events and rejections are compared by length, so a snapshot stays cheap as the
// log grows; the content of an accepted or replayed event is read and compared in full.
const SNAPSHOT_QUERIES = {
  events:
    'SELECT server_seq, id, type, case_id, office_id, device_id, device_seq, LENGTH(content) AS n, server_time FROM events',
  rejected_events:
    'SELECT id, device_id, device_seq, code, details, LENGTH(content) AS n, server_time FROM rejected_events',
  devices:
    'SELECT id, office_id, device_no, token_hash, enrolled_at, revoked_at, last_seq FROM devices',
  cases: 'SELECT case_id, office_id, status, state, last_server_seq FROM cases',
  enroll_codes: 'SELECT code_hash, office_id, used_at, device_id FROM enroll_codes',
  offices: 'SELECT id, district_id, kind, code FROM offices',
  staff: 'SELECT id, office_id, role, pin_hash, is_active FROM staff',
  meta: 'SELECT key, value FROM meta',
} as const;
type Table = keyof typeof SNAPSHOT_QUERIES;

/** Every row of every table a request could touch, keyed by primary key, values as text. */
type Snapshot = Record<Table, Map<string, string>>;

/** The sync log's tables: what a push may change. The others are checked around a property. */
const LOG_TABLES: readonly Table[] = ['events', 'rejected_events', 'devices', 'cases'];

async function snapshot(
  h: Harness,
  tables: readonly Table[] = Object.keys(SNAPSHOT_QUERIES) as Table[],
): Promise<Snapshot> {
  const out = {} as Snapshot;
  for (const table of tables) {
    const sql = SNAPSHOT_QUERIES[table];
    const rows = await h.db.all<Record<string, unknown>>(sql);
    const map = new Map<string, string>();
    for (const row of rows) {
      const values = Object.values(row).map((v) => (v === null ? null : String(v)));
      // The first column is the key (events by id, so replays can be looked up).
      const key = table === 'events' ? String(row.id) : String(values[0]);
      map.set(key, JSON.stringify(values));
    }
    out[table] = map;
  }
  return out;
}

/** Counts and a checksum per table: what a failure message shows. */
function summary(s: Snapshot): Record<string, string> {
  return Object.fromEntries(
    Object.entries(s).map(([table, rows]) => {
      const hash = createHash('sha256');
      for (const key of [...rows.keys()].sort()) hash.update(`${key}\u0001${rows.get(key)}\u0002`);
      return [table, `${rows.size} ${hash.digest('hex').slice(0, 16)}`];
    }),
  );
}

/** Keys added and keys whose row changed (removed rows throw: nothing is ever deleted). */
function diff(before: Map<string, string>, after: Map<string, string>) {
  const added: string[] = [];
  const changed: string[] = [];
  for (const [key, row] of after) {
    const old = before.get(key);
    if (old === undefined) added.push(key);
    else if (old !== row) changed.push(key);
  }
  for (const key of before.keys()) {
    if (!after.has(key)) throw new Error(`row ${key} disappeared`);
  }
  return { added, changed };
}

// ---------------------------------------------------------------------------------------------
// Hostile values

const INJECTIONS = [
  "'; DROP TABLE events; --",
  "' OR '1'='1",
  '" OR "1"="1" --',
  '1; DELETE FROM cases WHERE 1=1',
  "x' UNION SELECT token_hash FROM devices --",
  "'); UPDATE devices SET last_seq = 0; --",
  '?',
  '$1',
  '\\',
  '%00',
  '\u0000',
  "\u0000'; DROP TABLE cases; --",
  '\uD800',
  '\uFEFF',
  '\u202Eevil',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, as data
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '\r\n\r\nHTTP/1.1 200 OK',
  'NaN',
  'null',
  'Ақтоғай ауылы 🙂',
] as const;

/** A hostile value as a description; `materialize` makes the value. */
type Hostile =
  | { k: 'json'; v: unknown }
  | { k: 'inject'; i: number; pad: string }
  | { k: 'huge'; size: number }
  | { k: 'deep'; depth: number };

const hostileArb: fc.Arbitrary<Hostile> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('json' as const), v: fc.jsonValue() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('json' as const),
      v: fc.constantFrom(null, true, 0, -1, 1.5, 2 ** 53, -(2 ** 31), [], {}, '', ' ', [null]),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('inject' as const),
      i: fc.nat(INJECTIONS.length - 1),
      pad: fc.string({ maxLength: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('huge' as const),
      size: fc.constantFrom(81, 161, 2001, 10_000, 100_000),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('deep' as const),
      depth: fc.constantFrom(100, 5_000, 60_000),
    }),
  },
);

/** For URLs: lone surrogates cannot be percent-encoded, so they become `?`. */
const urlPart = (s: string): string =>
  encodeURIComponent(
    s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '?'),
  );

/** Where a deep nesting goes: JSON.stringify cannot make it, so the body text is spliced. */
const DEEP_MARK = '__deep_nesting_here__';

function materialize(value: Hostile): unknown {
  switch (value.k) {
    case 'json':
      return value.v;
    case 'inject':
      return `${INJECTIONS[value.i]}${value.pad}`;
    case 'huge':
      return 'Ж'.repeat(value.size);
    case 'deep':
      return `${DEEP_MARK}${value.depth}`;
  }
}

/** JSON text of `value`, with every deep-nesting mark replaced by that many nested arrays. */
function toJsonText(value: unknown): string {
  return JSON.stringify(value).replace(
    new RegExp(`"${DEEP_MARK}(\\d+)"`, 'g'),
    (_, depth: string) => `${'['.repeat(Number(depth))}${']'.repeat(Number(depth))}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Sending and checking answers

interface Answer {
  status: number;
  json: unknown;
}

function envelopeProblem(status: number, json: unknown): string | null {
  if (!json || typeof json !== 'object') return 'answer is not a JSON object';
  const body = json as Record<string, unknown>;
  if (status < 400) return typeof body.serverTime === 'string' ? null : 'no serverTime';
  const keys = Object.keys(body).sort().join(',');
  if (keys !== 'error,serverTime') return `envelope keys ${keys}`;
  if (typeof body.serverTime !== 'string' || Number.isNaN(Date.parse(body.serverTime))) {
    return 'bad serverTime';
  }
  const error = body.error as Record<string, unknown> | null;
  if (!error || typeof error !== 'object') return 'error is not an object';
  if (!isErrorCode(error.code)) return `unknown code ${String(error.code)}`;
  if (httpStatusFor(error.code) !== status) return `code ${error.code} with status ${status}`;
  if (typeof error.message !== 'string') return 'message is not a string';
  if (error.details !== undefined) {
    const details = error.details as Record<string, unknown>;
    if (!details || typeof details !== 'object' || Array.isArray(details)) return 'bad details';
    for (const v of Object.values(details)) {
      if (typeof v !== 'string' && typeof v !== 'number') return 'bad details value';
    }
  }
  return null;
}

async function send(
  h: Harness,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | Uint8Array | undefined,
): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(`${h.base}${path}`, {
      method,
      headers,
      body: body as BodyInit | undefined,
      // A request the server never answers is a finding too, not a test timeout.
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new Error(`${method} ${path} got no answer: ${error}`);
  }
  const text = await response.text();
  if (response.status >= 500) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 500)}`);
  }
  if (method === 'HEAD') return { status: response.status, json: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(
      `${method} ${path} answered ${response.status} with non-JSON ${text.slice(0, 200)}`,
    );
  }
  const problem = envelopeProblem(response.status, json);
  if (problem) {
    throw new Error(`${method} ${path} ${response.status}: ${problem}: ${text.slice(0, 500)}`);
  }
  return { status: response.status, json };
}

// ---------------------------------------------------------------------------------------------
// Whole hostile requests

type Auth =
  | 'none'
  | 'village'
  | 'district'
  | 'revoked'
  | 'empty-bearer'
  | 'basic'
  | 'short'
  | 'long'
  | 'unknown'
  | 'spaces';

type Body =
  | { k: 'none' }
  | { k: 'text'; text: string }
  | { k: 'bytes'; bytes: number[] }
  | { k: 'json'; value: unknown }
  | { k: 'push'; protocolVersion: Hostile; events: Hostile | { k: 'many'; n: number } }
  | { k: 'enroll'; code: Hostile | { k: 'used' } | { k: 'guess'; code: string }; extra: boolean }
  | { k: 'oversized'; size: number; asJson: boolean }
  | { k: 'bomb'; megabytes: number };

interface HostileRequest {
  method: string;
  path: string;
  auth: Auth;
  contentType: string | null;
  encoding: string | null;
  gzipBody: boolean;
  body: Body;
}

const PATHS = [
  '/api/v1/health',
  '/api/v1/enroll',
  '/api/v1/sync/push',
  '/api/v1/sync/pull',
  '/api/v1/sync/reference',
  '/api/v1/staff/sign-in',
  '/api/v1/staff/session',
  '/api/v1/staff/lockout',
] as const;

const queryValue = fc.oneof(
  fc.constantFrom('', '0', '-1', '1e3', '1.5', 'abc', '9'.repeat(16), '999999999999999', '%00'),
  fc.nat().map(String),
  fc.string({ maxLength: 12 }).map(urlPart),
  fc.constantFrom(...INJECTIONS).map(urlPart),
);

const pathArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PATHS) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.constantFrom('cursor', 'limit', 'cursor[]', 'x'),
        queryValue,
        fc.option(fc.tuple(fc.constantFrom('cursor', 'limit'), queryValue)),
      )
      .map(
        ([name, value, second]) =>
          `/api/v1/sync/pull?${name}=${value}${second ? `&${second[0]}=${second[1]}` : ''}`,
      ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '/api',
      '/api/',
      '/api/v1',
      '/api/v1/',
      '/api/v2/sync/push',
      '/api/v1/sync',
      '/api/v1/sync/push/',
      '/api/v1/sync/push/x',
      '/api/v1/SYNC/PUSH',
      '/api/v1/sync/pull/..%2f..%2fhealth',
      '/api/v1/%2e%2e/%2e%2e/etc/passwd',
      '/api/v1/admin',
      '/api/v1/enroll?code=AAAA-AAAA',
      `/api/v1/${'a'.repeat(5000)}`,
      '/api/v1/health;DROP TABLE events',
      // Not valid percent-encoding: no route can match.
      '/api/v1/%',
      '/api/v1/sync/%zz',
      '/api/v1/health%E0%A4%A',
      '/api/v1/sync/pull?cursor=%&limit=%ff',
    ),
  },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 40 }).map((s) => `/api/v1/${urlPart(s)}`),
  },
);

const bodyArb: fc.Arbitrary<Body> = fc.oneof(
  { weight: 1, arbitrary: fc.constant({ k: 'none' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('text' as const),
      text: fc.oneof(
        fc.constantFrom(
          '',
          '{',
          `{"protocolVersion":${PROTOCOL_VERSION},`,
          'null',
          '[]',
          '"text"',
          '1e400',
          'NaN',
          'undefined',
          `\uFEFF{"protocolVersion":${PROTOCOL_VERSION},"events":[]}`,
          `{"protocolVersion":${PROTOCOL_VERSION},"events":[],"events":"x"}`,
          `{"__proto__":{"isAdmin":true},"protocolVersion":${PROTOCOL_VERSION},"events":[]}`,
          `{"constructor":{"prototype":{"x":1}},"protocolVersion":${PROTOCOL_VERSION},"events":[]}`,
          `{"protocolVersion":${PROTOCOL_VERSION},"events":[]}garbage`,
          '{"code":"AAAA-AAAA"',
          `{"protocolVersion":${PROTOCOL_VERSION},"events":${'['.repeat(100_000)}`,
          `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
          '{"protocolVersion":2e999,"events":[]}',
          `{"protocolVersion":${PROTOCOL_VERSION},"events":[1,2,3]`,
        ),
        fc.string({ maxLength: 200 }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('bytes' as const),
      bytes: fc.array(fc.nat(255), { maxLength: 64 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ k: fc.constant('json' as const), value: fc.jsonValue() }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      k: fc.constant('push' as const),
      protocolVersion: hostileArb,
      events: fc.oneof(
        hostileArb,
        fc.record({ k: fc.constant('many' as const), n: fc.constantFrom(501, 600, 5000) }),
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('enroll' as const),
      code: fc.oneof(
        hostileArb,
        fc.constant({ k: 'used' as const }),
        fc.record({
          k: fc.constant('guess' as const),
          code: fc.stringMatching(
            /^[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}$/,
          ),
        }),
      ),
      extra: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('oversized' as const),
      size: fc.constantFrom(1024 * 1024 + 1, 2 * 1024 * 1024),
      asJson: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      k: fc.constant('bomb' as const),
      megabytes: fc.constantFrom(2, 64, 512),
    }),
  },
);

const requestArb: fc.Arbitrary<HostileRequest> = fc.record({
  method: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom('GET', 'POST') },
    { weight: 1, arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD') },
  ),
  path: pathArb,
  auth: fc.constantFrom<Auth>(
    'none',
    'village',
    'village',
    'district',
    'revoked',
    'empty-bearer',
    'basic',
    'short',
    'long',
    'unknown',
    'spaces',
  ),
  contentType: fc.option(
    fc.constantFrom(
      'application/json',
      'application/json',
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/json; charset=utf-16',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/xml',
      'application/octet-stream',
      'json',
      '*/*',
    ),
  ),
  encoding: fc.option(
    fc.constantFrom('gzip', 'gzip', 'identity', 'br', 'deflate', 'x-gzip', 'gzip, gzip', 'zstd'),
  ),
  gzipBody: fc.boolean(),
  body: bodyArb,
});

// ---------------------------------------------------------------------------------------------
// Hostile events

type SeqGame =
  | 'next'
  | 'zero'
  | 'negative'
  | 'huge'
  | 'int32'
  | 'float'
  | 'string'
  | 'repeat'
  | 'gap'
  | 'missing';

type Mutation =
  | { k: 'none' }
  | { k: 'set'; path: number; value: Hostile }
  | { k: 'inject'; path: number; i: number; keep: boolean }
  | { k: 'delete'; path: number }
  | { k: 'extra'; inPayload: boolean; key: string; value: Hostile }
  | { k: 'forge'; field: 'deviceId' | 'officeId' | 'staffId' | 'caseId'; pick: number }
  | { k: 'replay'; pick: number; alter: Hostile | null }
  | { k: 'replay-rejected'; pick: number }
  | { k: 'raw'; value: Hostile };

/** How an event is proved: after its mutations, before them, not at all, or with made-up bytes. */
type ProofGame = 'proved' | 'stale' | 'missing' | 'forged';

interface EventPlan {
  action: number;
  pick: number;
  role: number;
  seq: SeqGame;
  gap: number;
  mutations: Mutation[];
  proof: ProofGame;
}

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    // SQL or markup in a string field: in free text it is valid and must be stored as data.
    weight: 5,
    arbitrary: fc.record({
      k: fc.constant('inject' as const),
      path: fc.nat(),
      i: fc.nat(INJECTIONS.length - 1),
      keep: fc.boolean(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({ k: fc.constant('set' as const), path: fc.nat(), value: hostileArb }),
  },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('delete' as const), path: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      k: fc.constant('extra' as const),
      inPayload: fc.boolean(),
      key: fc.oneof(
        fc.constantFrom('serverSeq', 'status', '__proto__', 'admin', 'id '),
        fc.string({ maxLength: 8 }),
      ),
      value: hostileArb,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('forge' as const),
      field: fc.constantFrom('deviceId', 'officeId', 'staffId', 'caseId'),
      pick: fc.nat(),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      k: fc.constant('replay' as const),
      pick: fc.nat(),
      alter: fc.option(hostileArb),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ k: fc.constant('replay-rejected' as const), pick: fc.nat() }),
  },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('raw' as const), value: hostileArb }) },
);

const eventPlanArb: fc.Arbitrary<EventPlan> = fc.record({
  action: fc.nat(),
  pick: fc.nat(),
  role: fc.nat(),
  seq: fc.oneof(
    { weight: 8, arbitrary: fc.constant<SeqGame>('next') },
    {
      weight: 3,
      arbitrary: fc.constantFrom<SeqGame>(
        'zero',
        'negative',
        'huge',
        'int32',
        'float',
        'string',
        'repeat',
        'gap',
        'missing',
      ),
    },
  ),
  gap: fc.integer({ min: 2, max: 100 }),
  mutations: fc.oneof(
    { weight: 2, arbitrary: fc.constant([] as Mutation[]) },
    { weight: 3, arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 3 }) },
  ),
  proof: fc.oneof(
    { weight: 8, arbitrary: fc.constant<ProofGame>('proved') },
    { weight: 3, arbitrary: fc.constantFrom<ProofGame>('stale', 'missing', 'forged') },
  ),
});

/** Paths of the leaves (and inner objects) of a JSON value, as key lists. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (!value || typeof value !== 'object') return [prefix];
  const entries = Object.entries(value as Record<string, unknown>);
  return [prefix, ...entries.flatMap(([k, v]) => pathsOf(v, [...prefix, k]))].filter(
    (p) => p.length > 0,
  );
}

function getAt(target: unknown, path: string[]): unknown {
  let node = target;
  for (const key of path) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

function setAt(target: Record<string, unknown>, path: string[], value: unknown, remove = false) {
  let node: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!next || typeof next !== 'object') return;
    node = next as Record<string, unknown>;
  }
  const last = path.at(-1);
  if (last === undefined) return;
  if (remove) delete node[last];
  else
    Object.defineProperty(node, last, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
}

// ---------------------------------------------------------------------------------------------

describe.each(STORES)('fuzz on $name', (store) => {
  let h: Harness;
  let village: Device;
  let village2: Device;
  let district: Device;
  let revokedToken: string;
  const usedCodes: string[] = [];

  beforeAll(async () => {
    // Thousands of requests a minute from one address: the request limits have their own test.
    h = await startServer(store, undefined, {
      rateLimit: { devicePerMinute: 0, addressPerMinute: 0 },
    });
    village = await enrollDevice(h, 'akt-01', 'akimat');
    village2 = await enrollDevice(h, 'akt-02', 'akimat');
    district = await enrollDevice(h, 'akt-district', 'district');
    const revoked = await enrollDevice(h, 'akt-03', 'akimat');
    revokedToken = revoked.enrollment.token;
    await h.db.run('UPDATE devices SET revoked_at = ? WHERE id = ?', [
      h.clock.now().toISOString(),
      revoked.id,
    ]);
    const code = await issueEnrollCode(h.db, 'akt-04', 'akimat', h.clock.now());
    expect((await call(h, 'POST', '/api/v1/enroll', { json: { code } })).status).toBe(200);
    usedCodes.push(code);
  });
  afterAll(async () => {
    await h?.close();
  });

  const authHeader = (auth: Auth): string | undefined => {
    switch (auth) {
      case 'none':
        return undefined;
      case 'village':
        return `Bearer ${village.enrollment.token}`;
      case 'district':
        return `Bearer ${district.enrollment.token}`;
      case 'revoked':
        return `Bearer ${revokedToken}`;
      case 'empty-bearer':
        return 'Bearer ';
      case 'basic':
        return `Basic ${Buffer.from('admin:admin').toString('base64')}`;
      case 'short':
        return 'Bearer abc';
      case 'long':
        return `Bearer ${'A'.repeat(4000)}`;
      case 'unknown':
        return `Bearer ${'Z'.repeat(43)}`;
      case 'spaces':
        return `Bearer  ${village.enrollment.token} x`;
    }
  };

  /** The body bytes of a hostile request; never a push the server would process. */
  function bodyOf(request: HostileRequest): string | Uint8Array | undefined {
    const { body } = request;
    switch (body.k) {
      case 'none':
        return undefined;
      case 'text':
        return body.text;
      case 'bytes':
        return new Uint8Array(body.bytes);
      case 'json':
        return toJsonText(
          isProcessablePush(body.value) ? { ...(body.value as object), events: 'x' } : body.value,
        );
      case 'push': {
        let protocolVersion = materialize(body.protocolVersion);
        const events =
          body.events.k === 'many'
            ? Array.from({ length: body.events.n }, () => ({ id: uuidv7(), deviceSeq: 1 }))
            : materialize(body.events);
        // The current protocol with 1..500 events would be processed: the other property's job.
        const isDeep = typeof events === 'string' && events.startsWith(DEEP_MARK);
        if (
          protocolVersion === PROTOCOL_VERSION &&
          (isDeep || (Array.isArray(events) && events.length > 0 && events.length <= 500))
        ) {
          protocolVersion = PROTOCOL_VERSION + 1;
        }
        return toJsonText({ protocolVersion, events });
      }
      case 'enroll': {
        const code =
          body.code.k === 'used'
            ? usedCodes[0]
            : body.code.k === 'guess'
              ? body.code.code
              : materialize(body.code);
        return toJsonText(
          body.extra ? { code, officeId: 'akt-district', role: 'district' } : { code },
        );
      }
      case 'oversized':
        return body.asJson
          ? JSON.stringify({ protocolVersion: 2, events: [], pad: 'x'.repeat(body.size) })
          : 'x'.repeat(body.size);
      case 'bomb':
        return bomb(body.megabytes);
    }
  }

  async function sendHostile(request: HostileRequest): Promise<Answer> {
    const headers: Record<string, string> = {};
    const auth = authHeader(request.auth);
    if (auth) headers.authorization = auth;
    const canHaveBody = request.method !== 'GET' && request.method !== 'HEAD';
    let body = canHaveBody ? bodyOf(request) : undefined;
    if (body !== undefined && request.contentType) headers['content-type'] = request.contentType;
    if (body !== undefined && request.encoding) headers['content-encoding'] = request.encoding;
    if (body !== undefined && request.body.k === 'bomb') headers['content-encoding'] = 'gzip';
    else if (body !== undefined && request.gzipBody && request.encoding === 'gzip') {
      body = new Uint8Array(gzipSync(body));
    }
    return send(h, request.method, request.path, headers, body);
  }

  it(
    'answers hostile requests with a 4xx envelope and changes nothing',
    async () => {
      await check(
        'requests',
        fc.asyncProperty(fc.array(requestArb, { minLength: 1, maxLength: 8 }), async (requests) => {
          const before = await snapshot(h);
          for (const request of requests) {
            const answer = await sendHostile(request);
            // A push that reached event handling is the other property's; none is made here.
            const pushed = answer.json as Partial<PushResponse> | null;
            expect(pushed?.accepted ?? []).toEqual([]);
            expect(pushed?.others ?? []).toEqual([]);
          }
          const after = await snapshot(h);
          expect(summary(after)).toEqual(summary(before));
        }),
        Number(process.env.FUZZ_REQUEST_RUNS ?? 150),
      );
    },
    FUZZ_TIMEOUT,
  );

  /** Raw HTTP messages, broken below what fetch can send. */
  const rawRequestArb = fc.record({
    method: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom('GET', 'POST') },
      {
        weight: 2,
        arbitrary: fc.constantFrom('PUT', 'HEAD', 'OPTIONS', 'CONNECT', 'TRACE', 'get'),
      },
      { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
    ),
    path: fc.oneof(
      fc.constantFrom(...PATHS, '*', '', 'http://evil.example/api/v1/health', '/api/v1/a b'),
      fc.string({ maxLength: 30 }).map((s) => `/api/v1/${s}`),
    ),
    version: fc.constantFrom(
      'HTTP/1.1',
      'HTTP/1.1',
      'HTTP/1.1',
      'HTTP/1.0',
      'HTTP/2.0',
      'HTTX/1.1',
      '',
    ),
    headers: fc.array(
      fc.oneof(
        { weight: 1, arbitrary: fc.constant('Host: 127.0.0.1') },
        { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
        {
          weight: 4,
          arbitrary: fc.constantFrom(
            'Host: 127.0.0.1',
            'Content-Type: application/json',
            'Content-Length: 5',
            'Content-Length: -1',
            'Content-Length: 99999999999999999999',
            'Content-Length: 2, 3',
            'Transfer-Encoding: chunked',
            'Transfer-Encoding: gzip, chunked',
            'Content-Encoding: gzip',
            'Expect: 100-continue',
            'Authorization: Bearer',
            'Bad Header',
            ': no name',
            'X-Forwarded-For: 1.2.3.4, 5.6.7.8',
            `X-Big: ${'a'.repeat(20_000)}`,
            ' folded: continuation',
          ),
        },
      ),
      { maxLength: 6 },
    ),
    body: fc.oneof(
      fc.constantFrom('', '0\r\n\r\n', 'zz\r\n', '{"code":"AAAA-AAAA"}', '{'),
      fc.string({ maxLength: 60 }),
    ),
  });

  /** Sends a raw message, closes our side, and reads the first answer. */
  function sendRaw(text: string): Promise<{ status: number; body: string } | null> {
    const port = Number(new URL(h.base).port);
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.end(Buffer.from(text, 'latin1')));
      const chunks: Buffer[] = [];
      const timer = setTimeout(() => {
        socket.destroy();
        reject(new Error(`no answer to raw request ${JSON.stringify(text.slice(0, 200))}`));
      }, 5000);
      socket.on('data', (chunk: Buffer) => chunks.push(chunk));
      socket.on('error', () => undefined);
      socket.on('close', () => {
        clearTimeout(timer);
        const answer = Buffer.concat(chunks).toString('utf8');
        const match = /^HTTP\/1\.[01] (\d{3})[^\r\n]*\r\n([\s\S]*?)\r\n\r\n([\s\S]*)$/.exec(answer);
        if (!match) {
          resolve(answer === '' ? null : { status: 0, body: answer });
          return;
        }
        const length = /content-length: *(\d+)/i.exec(match[2] ?? '');
        const body = match[3] ?? '';
        resolve({
          status: Number(match[1]),
          body: length ? Buffer.from(body).subarray(0, Number(length[1])).toString() : body,
        });
      });
    });
  }

  it(
    'answers malformed HTTP in the envelope too, and changes nothing',
    async () => {
      await check(
        'raw',
        fc.asyncProperty(fc.array(rawRequestArb, { minLength: 1, maxLength: 5 }), async (raws) => {
          const before = await snapshot(h);
          for (const raw of raws) {
            // Latin-1 on the wire: what a broken client could send, byte for byte.
            const text = `${raw.method} ${raw.path} ${raw.version}\r\n${raw.headers.join('\r\n')}${raw.headers.length ? '\r\n' : ''}\r\n${raw.body}`;
            const answer = await sendRaw(text);
            const label = JSON.stringify(text.slice(0, 300));
            // The server may close without a word only on a message that never finished.
            if (answer === null) continue;
            expect(answer.status, `${label} → ${answer.body.slice(0, 300)}`).toBeGreaterThanOrEqual(
              100,
            );
            expect(answer.status, label).toBeLessThan(500);
            if (answer.status >= 400 && raw.method !== 'HEAD') {
              let json: unknown;
              try {
                json = JSON.parse(answer.body);
              } catch {
                throw new Error(
                  `${label} → ${answer.status} non-JSON ${answer.body.slice(0, 200)}`,
                );
              }
              const problem = envelopeProblem(answer.status, json);
              expect(problem, `${label} → ${answer.body.slice(0, 300)}`).toBeNull();
            }
          }
          expect(summary(await snapshot(h))).toEqual(summary(before));
        }),
        Number(process.env.FUZZ_RAW_RUNS ?? 60),
      );
    },
    FUZZ_TIMEOUT,
  );

  /** The stored text of an event. */
  async function contentOf(id: string): Promise<string> {
    const row = await h.db.first<{ content: string }>('SELECT content FROM events WHERE id = ?', [
      id,
    ]);
    return row?.content ?? '';
  }

  /** Devices pushing in the event property, with the people who work on them. */
  const pushers = (): { device: Device; staff: readonly StaffRole[] }[] => [
    { device: village, staff: VILLAGE_ROLES },
    { device: village2, staff: VILLAGE_ROLES },
    {
      device: district,
      staff: ['district_executor', 'district_sector_head', 'district_head'],
    },
  ];

  interface Choice {
    caseId: string;
    /** the case as the server holds it (none for a registration) */
    state?: Case;
    /** who of the device's people may take the step now */
    roles: readonly StaffRole[];
  }

  /**
   * Legal next steps for a device, from the cases as they stand: what each case's process
   * offers now (`nextActions`) to the people of the device, by event type. Registrations start
   * a case of one of the services whose processes differ most, now and then the old way.
   */
  async function actionsFor(
    pusher: ReturnType<typeof pushers>[number],
  ): Promise<{ type: EventType; cases: Choice[] }[]> {
    const { device, staff } = pusher;
    const rows = await h.db.all<{ case_id: string; office_id: string; state: string }>(
      'SELECT case_id, office_id, state FROM cases ORDER BY case_id',
    );
    const own = device.enrollment.officeKind === 'akimat';
    const byType = new Map<EventType, Choice[]>();
    if (own) byType.set('case.registered', [{ caseId: uuidv7(), roles: VILLAGE_ROLES }]);
    for (const row of rows) {
      if (own && row.office_id !== device.enrollment.officeId) continue;
      const state = JSON.parse(row.state) as Case;
      for (const action of nextActions(processOf(state), state)) {
        const roles = action.roles.filter((r) => staff.includes(r));
        if (roles.length === 0) continue;
        const list = byType.get(action.type) ?? [];
        if (!list.some((c) => c.caseId === row.case_id)) {
          list.push({ caseId: row.case_id, state, roles });
        }
        byType.set(action.type, list);
      }
    }
    return [...byType].map(([type, cases]) => ({ type, cases }));
  }

  /**
   * A payload for the step, as the app would send it, varied by `n`; one in six breaks a rule
   * of the domain that the schema cannot see (a refusal ground the regulation does not list, a
   * representative without a name, a stale correction, a return without reasons, a signature
   * without the decision it must carry), which the server must refuse and record.
   */
  function payloadFor(type: EventType, n: number, officeId: string, state?: Case): unknown {
    const service = SERVICE_NAMES[n % SERVICE_NAMES.length] as (typeof SERVICE_NAMES)[number];
    const process = state ? processOf(state) : processOfService(service);
    const valid = casePayload(type, process, {
      officeId,
      districtOffice: 'akt-district',
      n,
      ...(state ? { state } : {}),
    }) as Record<string, unknown>;
    if (n % 6 !== 5) return valid;
    switch (type) {
      case 'case.decided':
      case 'case.refused':
        return { outcome: 'refused', grounds: ['9'] };
      case 'case.signed':
        return {};
      case 'result.handed_out':
        return { to: 'representative' };
      case 'case.corrected':
        return { changes: [{ field: 'surname', from: 'Басқа', to: 'Жаңа' }], reason: 'қате' };
      case 'case.returned':
        return { documents: [] };
      case 'case.assigned':
        return { executorId: staffOf('akt-01', 'akimat_specialist') };
      default:
        return valid;
    }
  }

  it(
    'judges hostile events in a well-formed push one by one, and stores only what it accepts',
    async () => {
      const statics = Object.keys(SNAPSHOT_QUERIES).filter(
        (t) => !LOG_TABLES.includes(t as Table),
      ) as Table[];
      // Every person's proof key on every pushing device, registered before the snapshot (a key
      // registered moves the reference version); the pushes prove with those alone.
      const people = await h.db.all<{ id: string }>('SELECT id FROM staff');
      for (const { device } of pushers()) {
        for (const { id } of people) await device.keyOf(id);
      }
      const staticBefore = summary(await snapshot(h, statics));
      let counter = 0;
      await check(
        'events',
        fc.asyncProperty(
          fc.nat(2),
          fc.array(eventPlanArb, { minLength: 1, maxLength: 6 }),
          async (pusherIndex, plans) => {
            const pusher = pushers()[pusherIndex] as ReturnType<typeof pushers>[number];
            const { device } = pusher;
            const before = await snapshot(h, LOG_TABLES);
            const lastSeq = Number(
              JSON.parse(before.devices.get(device.id) ?? '[]').at(-1) as string,
            );
            const found = await actionsFor(pusher);
            // Nothing to act on yet: a step on an unknown case, which must be refused.
            const actions =
              found.length > 0
                ? found
                : [
                    {
                      type: 'case.received' as EventType,
                      cases: [{ caseId: uuidv7(), roles: pusher.staff }] as Choice[],
                    },
                  ];
            const storedIds = [...before.events.keys()];
            const rejectedIds = [...before.rejected_events.keys()];
            const allDevices = [village.id, village2.id, district.id, 'akt-01', uuidv7()];
            const offices = ['akt-01', 'akt-02', 'akt-district', 'akt-17', 'other-district-01', ''];
            const staffIds = [
              staffOf('akt-01', 'akimat_specialist'),
              staffOf('akt-02', 'akim'),
              staffOf('akt-district', 'district_head'),
              staffOf('akt-district', 'district_sector_head'),
              staffOf('akt-district', 'district_admin'),
              'nobody',
            ];
            const knownCases = [...before.cases.keys()];

            let nextSeq = lastSeq + 1;
            const sent: unknown[] = [];
            for (const plan of plans) {
              counter += 1;
              // Actions beside the steps (a cancellation ends a case) one time in four, so that
              // cases get far along their processes.
              const steps = actions.filter((a) => !SIDE_ACTIONS.includes(a.type));
              const pool = plan.action % 4 === 0 || steps.length === 0 ? actions : steps;
              const action = pool[plan.action % pool.length] as (typeof actions)[number];
              const choice = action.cases[plan.pick % action.cases.length] as Choice;
              const caseId = choice.caseId;
              const caseOffice =
                action.type === 'case.registered'
                  ? device.enrollment.officeId === 'akt-district'
                    ? 'akt-01'
                    : device.enrollment.officeId
                  : String(JSON.parse(before.cases.get(caseId) ?? '["", "akt-01"]')[1]);
              const role = choice.roles[plan.role % choice.roles.length] ?? 'akim';
              const seqs: Record<SeqGame, unknown> = {
                next: nextSeq,
                zero: 0,
                negative: -nextSeq,
                huge: 2 ** 53 + 2,
                int32: 2 ** 31,
                float: nextSeq + 0.5,
                string: String(nextSeq),
                repeat: Math.max(1, nextSeq - 1),
                gap: nextSeq + plan.gap,
                missing: undefined,
              };
              let event: Record<string, unknown> = {
                id: uuidv7(),
                type: action.type,
                caseId,
                officeId: caseOffice,
                deviceId: device.id,
                deviceSeq: seqs[plan.seq],
                staffId: staffOf(device.enrollment.officeId, role),
                deviceTime: '2026-03-18T10:30:00+05:00',
                payload: payloadFor(action.type, counter, caseOffice, choice.state),
              };
              // A stale proof is made now, before the mutations may change what it covers.
              if (plan.proof === 'stale') event = await device.prove(event, { register: false });
              let raw: { value: unknown } | undefined;
              for (const mutation of plan.mutations) {
                switch (mutation.k) {
                  case 'none':
                    break;
                  case 'set': {
                    const paths = pathsOf(event);
                    setAt(
                      event,
                      paths[mutation.path % paths.length] ?? ['id'],
                      materialize(mutation.value),
                    );
                    break;
                  }
                  case 'inject': {
                    const strings = pathsOf(event).filter(
                      (path) => typeof getAt(event, path) === 'string',
                    );
                    const path = strings[mutation.path % Math.max(1, strings.length)];
                    if (!path) break;
                    const text = INJECTIONS[mutation.i] as string;
                    setAt(event, path, mutation.keep ? `${getAt(event, path)} ${text}` : text);
                    break;
                  }
                  case 'delete': {
                    const paths = pathsOf(event);
                    setAt(event, paths[mutation.path % paths.length] ?? ['id'], undefined, true);
                    break;
                  }
                  case 'extra': {
                    const payload = event.payload;
                    const target =
                      mutation.inPayload && payload && typeof payload === 'object'
                        ? (payload as Record<string, unknown>)
                        : event;
                    setAt(target, [mutation.key], materialize(mutation.value));
                    break;
                  }
                  case 'forge': {
                    const choices =
                      mutation.field === 'deviceId'
                        ? allDevices
                        : mutation.field === 'officeId'
                          ? offices
                          : mutation.field === 'staffId'
                            ? staffIds
                            : [...knownCases, uuidv7()];
                    event[mutation.field] = choices[mutation.pick % choices.length];
                    break;
                  }
                  case 'replay': {
                    const id = storedIds[mutation.pick % Math.max(1, storedIds.length)];
                    if (id === undefined) break;
                    event = JSON.parse(await contentOf(id)) as Record<string, unknown>;
                    if (mutation.alter) {
                      const paths = pathsOf(event);
                      const path = paths[mutation.pick % paths.length] ?? ['payload'];
                      if (path[0] !== 'id') setAt(event, path, materialize(mutation.alter));
                    }
                    break;
                  }
                  case 'replay-rejected': {
                    const id = rejectedIds[mutation.pick % Math.max(1, rejectedIds.length)];
                    if (id !== undefined) event.id = id;
                    break;
                  }
                  case 'raw':
                    raw = { value: materialize(mutation.value) };
                    break;
                }
              }
              if (plan.proof === 'proved') event = await device.prove(event, { register: false });
              // 32 bytes nobody's key made, in the proof's form.
              if (plan.proof === 'forged') event = { ...event, proof: 'A'.repeat(43) };
              sent.push(raw ? raw.value : event);
              if (event.deviceSeq === nextSeq) nextSeq += 1;
            }

            const text = toJsonText({ protocolVersion: PROTOCOL_VERSION, events: sent });
            const answer = await send(
              h,
              'POST',
              '/api/v1/sync/push',
              {
                authorization: `Bearer ${device.enrollment.token}`,
                'content-type': 'application/json',
              },
              text,
            );
            const after = await snapshot(h, LOG_TABLES);
            if (answer.status !== 200) {
              // Only a body over the limit, or one the JSON parser refuses (a `__proto__` key),
              // may fail whole here; then nothing changed.
              expect(answer.json).toMatchObject({
                error: { code: expect.stringMatching(/^body-(too-large|invalid)$/) },
              });
              expect(summary(after)).toEqual(summary(before));
              return;
            }
            // What the server read: deep nestings spliced in, and an event without an id given
            // the one its envelope derives (the wire form, src/domain/sync/wire.ts).
            const read = (JSON.parse(text) as { events: unknown[] }).events.map((event) =>
              fromWireEvent(event, nodeSha256),
            );
            await checkPush(
              device,
              read,
              resultsOf(read, answer.json as PushResponse),
              before,
              after,
            );
          },
        ),
        Number(process.env.FUZZ_EVENT_RUNS ?? 200),
      );
      // Enrollment codes, offices, staff and the reference version: no push touches them.
      expect(summary(await snapshot(h, statics))).toEqual(staticBefore);
    },
    FUZZ_TIMEOUT,
  );

  /**
   * The store changed exactly as the results say, and each result follows the protocol's rules
   * for known ids and device order.
   */
  async function checkPush(
    device: Device,
    sent: unknown[],
    results: PushResult[],
    before: Snapshot,
    after: Snapshot,
  ): Promise<void> {
    const deviceId = device.id;
    expect(results).toHaveLength(sent.length);
    const events = diff(before.events, after.events);
    const rejections = diff(before.rejected_events, after.rejected_events);
    const cases = diff(before.cases, after.cases);
    const devices = diff(before.devices, after.devices);
    // Stored events and records of rejections are never rewritten.
    expect(events.changed).toEqual([]);
    expect(rejections.changed).toEqual([]);

    const lastSeqOf = (s: Snapshot) =>
      Number(JSON.parse(s.devices.get(deviceId) ?? '[]').at(-1) as string);
    let expected = lastSeqOf(before) + 1;
    // After one sequence gap the server takes nothing new from the rest of the push.
    let isBroken = false;
    const seenIds = new Set<string>();
    const accepted = new Map<string, { caseId: string; type: EventType }>();
    // Each case as the domain's reducer takes it through this push: the server must accept
    // exactly what the reducer accepts, and refuse for the reducer's reason where it is one.
    const running = new Map<string, Case | undefined>();
    const stateOf = (caseId: string): Case | undefined => {
      if (running.has(caseId)) return running.get(caseId);
      const row = before.cases.get(caseId);
      return row ? (JSON.parse(JSON.parse(row)[3] as string) as Case) : undefined;
    };
    const maxServerSeq = Math.max(
      0,
      ...[...before.events.values()].map((row) => Number(JSON.parse(row)[0])),
    );
    let nextServerSeq = maxServerSeq + 1;

    for (const [index, raw] of sent.entries()) {
      const result = results[index] as PushResult;
      const label = `event ${index}: ${safeJson(raw)} → ${JSON.stringify(result)}`;
      const parsed = eventSchema.safeParse(raw);
      const fields = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
      const wasRecorded = rejections.added.includes(result.id);
      if (wasRecorded) {
        const row = JSON.parse(after.rejected_events.get(result.id) ?? '[]') as string[];
        expect(row[1], label).toBe(deviceId);
        expect(Number(row[2]), label).toBe(expected);
      }

      if (!parsed.success) {
        expect(result, label).toMatchObject({ status: 'rejected', code: 'event-schema-invalid' });
        if (wasRecorded) {
          expect(fields.deviceSeq, label).toBe(expected);
          seenIds.add(result.id);
          expected += 1;
        }
        continue;
      }
      const event = parsed.data;
      expect(result.id, label).toBe(event.id);
      const stored = before.events.get(event.id);
      if (seenIds.has(event.id)) {
        // Taken earlier in this push: now a duplicate or conflict of it, or its rejection again.
        expect(result.status, label).not.toBe('accepted');
        expect(wasRecorded, label).toBe(false);
        continue;
      }
      if (stored !== undefined) {
        // Exactly once: a retry is a duplicate of what was stored, other content a conflict.
        const serverSeq = (JSON.parse(stored) as string[])[0];
        if ((await contentOf(event.id)) === eventContent(event)) {
          expect(result, label).toEqual({
            id: event.id,
            status: 'duplicate',
            serverSeq: Number(serverSeq),
          });
        } else {
          expect(result, label).toEqual({
            id: event.id,
            status: 'rejected',
            code: 'event-id-conflict',
          });
        }
        continue;
      }
      const rejectedBefore = before.rejected_events.get(event.id);
      if (rejectedBefore !== undefined) {
        expect(result, label).toMatchObject({
          status: 'rejected',
          code: (JSON.parse(rejectedBefore) as string[])[3],
        });
        continue;
      }
      if (event.deviceSeq !== expected || isBroken) {
        isBroken = true;
        expect(result, label).toEqual({
          id: event.id,
          status: 'rejected',
          code: 'sequence-gap',
          details: { expected, received: event.deviceSeq },
        });
        expect(wasRecorded, label).toBe(false);
        continue;
      }
      if (result.status === 'accepted') {
        expect(result.serverSeq, label).toBe(nextServerSeq);
        nextServerSeq += 1;
        expect(event.deviceId, label).toBe(deviceId);
        const row = JSON.parse(after.events.get(event.id) ?? '[]') as string[];
        // Stored verbatim (as parsed): SQL and markup in strings are data.
        expect(await contentOf(event.id), label).toBe(eventContent(event));
        expect(Number(row[0]), label).toBe(result.serverSeq);
        // Only with the proof of its person's key on this device (none predates proofs here).
        const key = device.keys.get(event.staffId);
        expect(key && event.proof && isEventProof(key, event, event.proof), label).toBe(true);
        accepted.set(event.id, { caseId: event.caseId, type: event.type });
        const next = applyEvent(stateOf(event.caseId), event as CaseEvent);
        expect(next.ok ? 'accepted' : next.problem.code, label).toBe('accepted');
        if (next.ok) running.set(event.caseId, next.value);
      } else {
        expect(result.status, label).toBe('rejected');
        expect(wasRecorded, label).toBe(true);
        if (result.status === 'rejected' && result.code === 'proof-missing') {
          expect(event.proof, label).toBeUndefined();
        }
        if (result.status === 'rejected' && result.code === 'proof-invalid') {
          const key = device.keys.get(event.staffId);
          expect(!!key && !!event.proof && isEventProof(key, event, event.proof), label).toBe(
            false,
          );
        }
        if (result.status === 'rejected' && !AUTHORIZATION_CODES.has(result.code)) {
          const next = applyEvent(stateOf(event.caseId), event as CaseEvent);
          expect(next.ok ? 'accepted' : next.problem.code, label).toBe(result.code);
        }
      }
      seenIds.add(event.id);
      expected += 1;
    }

    // New events are exactly the accepted ones; cases change only through them.
    expect(new Set(events.added)).toEqual(new Set(accepted.keys()));
    const touched = new Set([...accepted.values()].map((a) => a.caseId));
    expect(new Set([...cases.added, ...cases.changed])).toEqual(touched);
    for (const caseId of touched) {
      const row = JSON.parse(after.cases.get(caseId) ?? '[]') as string[];
      const want = running.get(caseId);
      expect(row[2], caseId).toBe(want?.status);
      expect(canonicalJson(JSON.parse(row[3] as string)), caseId).toBe(canonicalJson(want));
    }
    // Only the caller's seq moves, by what was taken.
    expect(devices.added).toEqual([]);
    const moved = lastSeqOf(after) - lastSeqOf(before);
    expect(moved).toBe(expected - (lastSeqOf(before) + 1));
    expect(devices.changed.filter((id) => id !== deviceId)).toEqual([]);
    expect(rejections.added.length + events.added.length).toBe(moved);
  }

  it('still serves every device its scope after the fuzz', async () => {
    const all = await h.db.all<{ id: string; office_id: string }>(
      'SELECT id, office_id FROM events',
    );
    for (const device of [village, village2, district]) {
      device.cursor = 0;
      const seen = await device.pullAll(1000);
      const scope = all.filter(
        (e) =>
          device.enrollment.officeKind === 'district' || e.office_id === device.enrollment.officeId,
      );
      expect(seen.map((e) => e.id).sort()).toEqual(scope.map((e) => e.id).sort());
    }
  });
});

const bombs = new Map<number, Uint8Array>();

/** Gzip of `megabytes` MiB of spaces, in members of at most 64 MiB (made once per size). */
function bomb(megabytes: number): Uint8Array {
  let made = bombs.get(megabytes);
  if (!made) {
    const member = gzipSync(Buffer.alloc(Math.min(megabytes, 64) * 1024 * 1024, 32));
    made = new Uint8Array(
      Buffer.concat(Array(Math.max(1, Math.round(megabytes / 64))).fill(member)),
    );
    bombs.set(megabytes, made);
  }
  return made;
}

/** For failure messages: nesting too deep for JSON.stringify is named, not thrown. */
function safeJson(value: unknown): string {
  try {
    return String(JSON.stringify(value)).slice(0, 300);
  } catch {
    return '(nested too deep to print)';
  }
}

/** A push body the server would take to event handling. */
function isProcessablePush(value: unknown): boolean {
  if (!value || typeof value !== 'object') return false;
  const body = value as Record<string, unknown>;
  return (
    body.protocolVersion === PROTOCOL_VERSION &&
    Array.isArray(body.events) &&
    body.events.length > 0
  );
}
