/**
 * The event log, the record of rejected events, and the server's case projection. An event is
 * stored as its canonical content (`eventContent`), so "same id, same content" is a string
 * comparison and pull returns exactly what the device sent.
 */
import type { CaseEvent, StoredEvent } from '../../src/domain/case/events';
import type { Case } from '../../src/domain/case/reducer';
import type { Problem } from '../../src/domain/errors';
import type { Db } from '../db/types';

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

export async function findEvent(db: Db, id: string): Promise<EventRow | undefined> {
  return db.first<EventRow>(
    'SELECT server_seq, id, content, server_time FROM events WHERE id = ?',
    [id],
  );
}

export async function findRejection(db: Db, id: string): Promise<RejectionRow | undefined> {
  return db.first<RejectionRow>('SELECT id, code, details FROM rejected_events WHERE id = ?', [id]);
}

export async function lastServerSeq(db: Db): Promise<number> {
  const row = await db.first<{ n: number | null }>('SELECT MAX(server_seq) AS n FROM events');
  return Number(row?.n ?? 0);
}

export async function insertEvent(
  db: Db,
  event: CaseEvent,
  content: string,
  serverSeq: number,
  serverTime: string,
): Promise<void> {
  await db.run(
    `INSERT INTO events (server_seq, id, type, case_id, office_id, device_id, device_seq, content, server_time)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      serverSeq,
      event.id,
      event.type,
      event.caseId,
      event.officeId,
      event.deviceId,
      event.deviceSeq,
      content,
      serverTime,
    ],
  );
}

export async function insertRejection(
  db: Db,
  rejection: {
    id: string;
    deviceId: string;
    deviceSeq: number | null;
    problem: Problem;
    content: string;
    serverTime: string;
  },
): Promise<void> {
  // An id already known (stored or rejected) keeps its first record: the answer to a retry must
  // not change.
  await db.run(
    `INSERT INTO rejected_events (id, device_id, device_seq, code, details, content, server_time)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
    [
      rejection.id,
      rejection.deviceId,
      rejection.deviceSeq,
      rejection.problem.code,
      rejection.problem.details ? JSON.stringify(rejection.problem.details) : null,
      rejection.content,
      rejection.serverTime,
    ],
  );
}

export async function getCase(db: Db, caseId: string): Promise<Case | undefined> {
  const row = await db.first<{ state: string }>('SELECT state FROM cases WHERE case_id = ?', [
    caseId,
  ]);
  return row && (JSON.parse(row.state) as Case);
}

export async function saveCase(db: Db, state: Case, serverSeq: number): Promise<void> {
  const json = JSON.stringify(state);
  const { changes } = await db.run(
    'UPDATE cases SET status = ?, state = ?, last_server_seq = ? WHERE case_id = ?',
    [state.status, json, serverSeq, state.id],
  );
  if (changes === 0) {
    await db.run(
      'INSERT INTO cases (case_id, office_id, status, state, last_server_seq) VALUES (?, ?, ?, ?, ?)',
      [state.id, state.officeId, state.status, json, serverSeq],
    );
  }
}

const toStored = (row: EventRow): StoredEvent => ({
  ...(JSON.parse(row.content) as CaseEvent),
  serverSeq: Number(row.server_seq),
  serverTime: row.server_time,
});

/**
 * Events after `cursor` whose case belongs to one of `officeIds`, in serverSeq order; one more
 * than `limit` is read so the caller knows whether another page follows.
 */
export async function eventsAfter(
  db: Db,
  scope: { officeId: string } | { districtId: string },
  cursor: number,
  limit: number,
): Promise<{ events: StoredEvent[]; hasMore: boolean }> {
  const rows =
    'officeId' in scope
      ? await db.all<EventRow>(
          `SELECT server_seq, id, content, server_time FROM events
            WHERE office_id = ? AND server_seq > ? ORDER BY server_seq LIMIT ?`,
          [scope.officeId, cursor, limit + 1],
        )
      : // Walk the log in serverSeq order and keep the district's events, so a page costs
        // `limit` rows however long the log is. CROSS JOIN fixes that join order on SQLite (on
        // PostgreSQL it is an ordinary join); with `office_id IN (…)` SQLite reads every event
        // after the cursor through the office index and sorts them all, for every page.
        await db.all<EventRow>(
          `SELECT e.server_seq, e.id, e.content, e.server_time
             FROM events e CROSS JOIN offices o
            WHERE o.id = e.office_id AND o.district_id = ? AND e.server_seq > ?
            ORDER BY e.server_seq LIMIT ?`,
          [scope.districtId, cursor, limit + 1],
        );
  return { events: rows.slice(0, limit).map(toStored), hasMore: rows.length > limit };
}
