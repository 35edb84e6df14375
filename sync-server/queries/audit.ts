/**
 * The audit of one person: every event they recorded that the server holds, newest first, with
 * the device it came from. Found through the `events_staff` index (migration 0010), an index on
 * the staff id inside each stored event, so each store spells the lookup its own way and the
 * query reads only that person's events. The period is the device's own date of each event —
 * when the person recorded it — not when it reached the server.
 */
import type { Db } from '../db/types';

/** The staff id inside an event's stored content, exactly as the index spells it. */
const staffOfContent = (db: Db): string =>
  db.dialect === 'sqlite'
    ? "json_extract(e.content, '$.staffId')"
    : "((e.content::jsonb) ->> 'staffId')";

export interface AuditRow {
  server_seq: number | string;
  id: string;
  type: string;
  case_id: string;
  office_id: string;
  device_id: string;
  content: string;
  server_time: string;
  device_no: number | null;
  device_name: string | null;
  device_office_id: string | null;
  /** NULL: taken before proofs existed */
  proof: string | null;
}

/**
 * One page of a person's events whose device date is within [from, to] (YYYY-MM-DD), and how
 * many there are in all. The device date is the first ten characters of `deviceTime`, the local
 * date the device wrote.
 */
export async function auditPage(
  db: Db,
  staffId: string,
  from: string,
  to: string,
  offset: number,
  limit: number,
): Promise<{ rows: AuditRow[]; total: number }> {
  const who = staffOfContent(db);
  const deviceDate =
    db.dialect === 'sqlite'
      ? "substr(json_extract(e.content, '$.deviceTime'), 1, 10)"
      : "substr(((e.content::jsonb) ->> 'deviceTime'), 1, 10)";
  const where = `${who} = ? AND ${deviceDate} >= ? AND ${deviceDate} <= ?`;
  const params = [staffId, from, to];
  const count = await db.first<{ n: number | string }>(
    `SELECT COUNT(*) AS n FROM events e WHERE ${where}`,
    params,
  );
  const rows = await db.all<AuditRow>(
    `SELECT e.server_seq, e.id, e.type, e.case_id, e.office_id, e.device_id, e.content,
            e.server_time, e.proof, d.device_no, d.name AS device_name,
            d.office_id AS device_office_id
       FROM events e LEFT JOIN devices d ON d.id = e.device_id
      WHERE ${where}
      ORDER BY e.server_seq DESC
      LIMIT ? OFFSET ?`,
    [...params, limit, offset],
  );
  return { rows, total: Number(count?.n ?? 0) };
}

/** Registration (or refusal) numbers of cases, from their stored state. */
export async function caseNumbers(
  db: Db,
  caseIds: readonly string[],
): Promise<Map<string, string>> {
  const numbers = new Map<string, string>();
  if (caseIds.length === 0) return numbers;
  const marks = caseIds.map(() => '?').join(', ');
  const rows = await db.all<{ case_id: string; state: string }>(
    `SELECT case_id, state FROM cases WHERE case_id IN (${marks})`,
    [...caseIds],
  );
  for (const row of rows) {
    const state = JSON.parse(row.state) as { regNumber?: unknown };
    if (typeof state.regNumber === 'string') numbers.set(row.case_id, state.regNumber);
  }
  return numbers;
}
