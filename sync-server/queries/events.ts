/**
 * The event log, the record of rejected events, and the server's case projection. An event is
 * stored as its canonical content (`eventContent`), so "same id, same content" is a string
 * comparison and pull returns exactly what the device sent.
 */
import type { CaseEvent } from '../../src/domain/case/events';
import type { Case } from '../../src/domain/case/reducer';
import type { Problem } from '../../src/domain/errors';
import { wireEventJson } from '../../src/domain/sync/wire';
import type { Db, SqlValue } from '../db/types';
import { nodeSha256 } from '../digest';
import { REFERENCE_VERSION_KEY } from './reference';

export interface EventRow {
  server_seq: number;
  id: string;
  content: string;
  server_time: string;
}

export interface RejectionRow {
  id: string;
  code: Problem['code'];
  details: string | null;
}

export async function lastServerSeq(db: Db): Promise<number> {
  const row = await db.first<{ n: number | null }>('SELECT MAX(server_seq) AS n FROM events');
  return Number(row?.n ?? 0);
}

/**
 * What a push reads and writes, in bulk: one statement for many rows instead of one per event,
 * which on PostgreSQL is one network round trip instead of dozens. Lists are cut into chunks
 * that keep a statement's parameters well under both stores' limits.
 */
const CHUNK = 100;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Runs a bulk write for each chunk of `items`: `sqlOf(n)` for n rows, each item's parameters
 * pushed by `write` into one flat list (no array per row: a push writes hundreds of them).
 */
async function writeInChunks<T>(
  db: Db,
  items: readonly T[],
  sqlOf: (n: number) => string,
  write: (item: T, params: SqlValue[]) => void,
): Promise<void> {
  for (let from = 0; from < items.length; from += CHUNK) {
    const to = Math.min(from + CHUNK, items.length);
    const params: SqlValue[] = [];
    for (let i = from; i < to; i++) write(items[i] as T, params);
    await db.run(sqlOf(to - from), params);
  }
}

const marks = (n: number, width: number) =>
  Array.from({ length: n }, () => `(${Array.from({ length: width }, () => '?').join(', ')})`).join(
    ', ',
  );
const list = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/**
 * A bulk statement's SQL for `n` rows, made once per statement and size: a push runs several of
 * them, and the text is also the key of the store's prepared statement, looked up every time.
 */
function sqlFor(make: (n: number) => string): (n: number) => string {
  const made: string[] = [];
  return (n) => {
    let sql = made[n];
    if (sql === undefined) {
      sql = make(n);
      made[n] = sql;
    }
    return sql;
  };
}

const findKnownSql = sqlFor(
  (n) =>
    `SELECT 'event' AS kind, id, server_seq, content, server_time, NULL AS code, NULL AS details
       FROM events WHERE id IN (${list(n)})
     UNION ALL
     SELECT 'rejection' AS kind, id, NULL, NULL, NULL, code, details
       FROM rejected_events WHERE id IN (${list(n)})`,
);

/** What the store knows of these ids: stored events and recorded rejections, in one statement. */
export async function findKnown(
  db: Db,
  ids: readonly string[],
): Promise<{ events: EventRow[]; rejections: RejectionRow[] }> {
  const events: EventRow[] = [];
  const rejections: RejectionRow[] = [];
  for (const part of chunks(ids)) {
    const rows = await db.all<{
      kind: 'event' | 'rejection';
      id: string;
      server_seq: number | null;
      content: string | null;
      server_time: string | null;
      code: Problem['code'] | null;
      details: string | null;
    }>(findKnownSql(part.length), [...part, ...part]);
    for (const row of rows) {
      if (row.kind === 'event') {
        events.push({
          id: row.id,
          server_seq: Number(row.server_seq),
          content: row.content ?? '',
          server_time: row.server_time ?? '',
        });
      } else if (row.code) {
        rejections.push({ id: row.id, code: row.code, details: row.details });
      }
    }
  }
  return { events, rejections };
}

/**
 * Where a push starts: the device's last taken seq, the log's last serverSeq and the reference
 * version (which staff and offices to judge by), in one statement (one row even for a device
 * with no row).
 */
export async function pushPosition(
  db: Db,
  deviceId: string,
): Promise<{
  lastSeq: number;
  lastServerSeq: number;
  referenceVersion: string;
  /** its events up to this seq predate proofs (ADR 0015); 0: none declared */
  legacyThrough: number;
  /** enrolled before proofs and not yet declared: it may declare once */
  mayDeclare: boolean;
}> {
  // One statement for all a push needs to know of the device before its events: each round
  // trip here is taken under the sync write lock, and on PostgreSQL in series.
  const row = await db.first<{
    last_seq: number | null;
    needs_proof_from_start: number | null;
    legacy_seq_limit: number | null;
    max_seq: number | null;
    reference_version: string | null;
  }>(
    `SELECT (SELECT last_seq FROM devices WHERE id = ?) AS last_seq,
            (SELECT needs_proof_from_start FROM devices WHERE id = ?) AS needs_proof_from_start,
            (SELECT legacy_seq_limit FROM devices WHERE id = ?) AS legacy_seq_limit,
            (SELECT MAX(server_seq) FROM events) AS max_seq,
            (SELECT value FROM meta WHERE key = ?) AS reference_version`,
    [deviceId, deviceId, deviceId, REFERENCE_VERSION_KEY],
  );
  const limit = row?.legacy_seq_limit ?? null;
  return {
    lastSeq: Number(row?.last_seq ?? 0),
    lastServerSeq: Number(row?.max_seq ?? 0),
    referenceVersion: row?.reference_version ?? '0',
    legacyThrough: limit === null ? 0 : Number(limit),
    // A device unknown here (no row) counts as one that proves from the start.
    mayDeclare: Number(row?.needs_proof_from_start ?? 1) === 0 && limit === null,
  };
}

const getCasesSql = sqlFor((n) => `SELECT case_id, state FROM cases WHERE case_id IN (${list(n)})`);

export async function getCases(db: Db, caseIds: readonly string[]): Promise<Map<string, Case>> {
  const states = new Map<string, Case>();
  for (const part of chunks(caseIds)) {
    const rows = await db.all<{ case_id: string; state: string }>(getCasesSql(part.length), part);
    for (const row of rows) states.set(row.case_id, JSON.parse(row.state) as Case);
  }
  return states;
}

const caseEventsSql = sqlFor(
  (n) => `SELECT case_id, content FROM events WHERE case_id IN (${list(n)}) ORDER BY server_seq`,
);

/** Each case's stored events in the server's order, by case id. */
export async function getCaseEvents(
  db: Db,
  caseIds: readonly string[],
): Promise<Map<string, CaseEvent[]>> {
  const events = new Map<string, CaseEvent[]>();
  for (const part of chunks(caseIds)) {
    const rows = await db.all<{ case_id: string; content: string }>(
      caseEventsSql(part.length),
      part,
    );
    for (const row of rows) {
      const list = events.get(row.case_id) ?? [];
      list.push(JSON.parse(row.content) as CaseEvent);
      events.set(row.case_id, list);
    }
  }
  return events;
}

export interface NewEvent {
  event: CaseEvent;
  content: string;
  serverSeq: number;
  serverTime: string;
}

const insertEventsSql = sqlFor(
  (n) =>
    `INSERT INTO events (server_seq, id, type, case_id, office_id, device_id, device_seq, content, server_time, proof)
     VALUES ${marks(n, 10)}`,
);

export async function insertEvents(db: Db, events: readonly NewEvent[]): Promise<void> {
  await writeInChunks(
    db,
    events,
    insertEventsSql,
    ({ event, content, serverSeq, serverTime }, p) => {
      p.push(
        serverSeq,
        event.id,
        event.type,
        event.caseId,
        event.officeId,
        event.deviceId,
        event.deviceSeq,
        content,
        serverTime,
        // Kept beside the content, which it is not part of; NULL: the event predates proofs.
        event.proof ?? null,
      );
    },
  );
}

export interface NewRejection {
  id: string;
  deviceId: string;
  deviceSeq: number | null;
  problem: Problem;
  content: string;
  serverTime: string;
}

const insertRejectionsSql = sqlFor(
  (n) =>
    `INSERT INTO rejected_events (id, device_id, device_seq, code, details, content, server_time)
     VALUES ${marks(n, 7)} ON CONFLICT (id) DO NOTHING`,
);

/** An id already known (stored or rejected) keeps its first record: the answer to a retry must not change. */
export async function insertRejections(db: Db, rejections: readonly NewRejection[]): Promise<void> {
  await writeInChunks(db, rejections, insertRejectionsSql, (r, p) => {
    p.push(
      r.id,
      r.deviceId,
      r.deviceSeq,
      r.problem.code,
      r.problem.details ? JSON.stringify(r.problem.details) : null,
      r.content,
      r.serverTime,
    );
  });
}

const saveCasesSql = sqlFor(
  (n) =>
    `INSERT INTO cases (case_id, office_id, status, state, last_server_seq)
     VALUES ${marks(n, 5)}
     ON CONFLICT (case_id) DO UPDATE SET
       status = excluded.status, state = excluded.state, last_server_seq = excluded.last_server_seq`,
);

/** Writes each case's state after its last event (`serverSeq`), new cases and known ones alike. */
export async function saveCases(
  db: Db,
  cases: readonly { state: Case; serverSeq: number }[],
): Promise<void> {
  await writeInChunks(db, cases, saveCasesSql, ({ state, serverSeq }, p) => {
    p.push(state.id, state.officeId, state.status, JSON.stringify(state), serverSeq);
  });
}

/**
 * The calling device's own events it already holds: the device says it holds every event of its
 * own the server has up to `heldSeq` (docs/sync-protocol.md, "Pull"). Its events above that
 * still come back, so events a power cut took from the device return to it.
 */
export interface HeldOwn {
  deviceId: string;
  heldSeq: number;
}

/**
 * Events after `cursor` whose case belongs to the scope, in serverSeq order, as the JSON text of
 * their wire form (`wireEventJson`: made from the stored content, never parsed). A page covers at
 * most `limit` events of the scope; those the device holds (`held`) are left out of it, but the
 * page's cursor still moves past them, so the device never asks for them again. One more than
 * `limit` is read so the caller knows whether another page follows.
 */
export async function eventsAfter(
  db: Db,
  scope: { officeId: string } | { districtId: string },
  cursor: number,
  limit: number,
  held: HeldOwn = { deviceId: '', heldSeq: 0 },
): Promise<{ events: string[]; cursor: number; hasMore: boolean }> {
  // A held event's content is not even read out of the store.
  const content = 'CASE WHEN e.device_id = ? AND e.device_seq <= ? THEN NULL ELSE e.content END';
  const rows =
    'officeId' in scope
      ? await db.all<PageRow>(
          `SELECT e.server_seq, ${content} AS content, e.id, e.device_id, e.device_seq, e.case_id, e.type
             FROM events e
            WHERE e.office_id = ? AND e.server_seq > ? ORDER BY e.server_seq LIMIT ?`,
          [held.deviceId, held.heldSeq, scope.officeId, cursor, limit + 1],
        )
      : // Walk the log in serverSeq order and keep the district's events, so a page costs
        // `limit` rows however long the log is. CROSS JOIN fixes that join order on SQLite (on
        // PostgreSQL it is an ordinary join); with `office_id IN (…)` SQLite reads every event
        // after the cursor through the office index and sorts them all, for every page.
        await db.all<PageRow>(
          `SELECT e.server_seq, ${content} AS content, e.id, e.device_id, e.device_seq, e.case_id, e.type
             FROM events e CROSS JOIN offices o
            WHERE o.id = e.office_id AND o.district_id = ? AND e.server_seq > ?
            ORDER BY e.server_seq LIMIT ?`,
          [held.deviceId, held.heldSeq, scope.districtId, cursor, limit + 1],
        );
  const page = rows.slice(0, limit);
  const events = page.flatMap((row) =>
    row.content === null
      ? []
      : [
          wireEventJson(
            row.content,
            row.server_seq,
            {
              id: row.id,
              deviceId: row.device_id,
              deviceSeq: row.device_seq,
              caseId: row.case_id,
              type: row.type,
            },
            nodeSha256,
          ),
        ],
  );
  const last = page.at(-1);
  return {
    events,
    cursor: last ? Number(last.server_seq) : cursor,
    hasMore: rows.length > limit,
  };
}

interface PageRow {
  server_seq: number;
  content: string | null;
  id: string;
  device_id: string;
  device_seq: number;
  case_id: string;
  type: string;
}

/** Ids and serverSeqs of the scope's events with `from < serverSeq <= to`, for a range checksum. */
export async function eventKeysInRange(
  db: Db,
  scope: { officeId: string } | { districtId: string },
  from: number,
  to: number,
): Promise<{ id: string; serverSeq: number }[]> {
  const rows =
    'officeId' in scope
      ? await db.all<{ id: string; server_seq: number }>(
          'SELECT id, server_seq FROM events WHERE office_id = ? AND server_seq > ? AND server_seq <= ?',
          [scope.officeId, from, to],
        )
      : await db.all<{ id: string; server_seq: number }>(
          `SELECT e.id, e.server_seq FROM events e CROSS JOIN offices o
            WHERE o.id = e.office_id AND o.district_id = ? AND e.server_seq > ? AND e.server_seq <= ?`,
          [scope.districtId, from, to],
        );
  return rows.map((r) => ({ id: r.id, serverSeq: Number(r.server_seq) }));
}
