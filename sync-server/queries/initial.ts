/**
 * What the initial sync reads: the scope's cases in the order they were registered, and each
 * case's events up to a mark. A case's events all carry its office (the reducer refuses any
 * other), so a case in scope brings all its events and no others.
 */
import type { Db } from '../db/types';

export type Scope = { officeId: string } | { districtId: string };

/**
 * Cases started in the scope (registered, or refused at the desk) with `after < serverSeq ≤ mark`, at most `limit`, in log order;
 * one more is read so the caller knows whether another page follows.
 */
export async function registrationsAfter(
  db: Db,
  scope: Scope,
  after: number,
  mark: number,
  limit: number,
): Promise<{ caseId: string; serverSeq: number }[]> {
  const rows =
    'officeId' in scope
      ? await db.all<{ case_id: string; server_seq: number }>(
          `SELECT case_id, server_seq FROM events
            WHERE office_id = ? AND type IN ('case.registered', 'application.refused')
              AND server_seq > ? AND server_seq <= ?
            ORDER BY server_seq LIMIT ?`,
          [scope.officeId, after, mark, limit + 1],
        )
      : // The log walked in serverSeq order, as for a pull page (see eventsAfter).
        await db.all<{ case_id: string; server_seq: number }>(
          `SELECT e.case_id, e.server_seq FROM events e CROSS JOIN offices o
            WHERE o.id = e.office_id AND o.district_id = ?
              AND e.type IN ('case.registered', 'application.refused')
              AND e.server_seq > ? AND e.server_seq <= ?
            ORDER BY e.server_seq LIMIT ?`,
          [scope.districtId, after, mark, limit + 1],
        );
  return rows.map((r) => ({ caseId: r.case_id, serverSeq: Number(r.server_seq) }));
}

/**
 * How many cases started in the scope with `after < serverSeq ≤ mark`: the cases an initial sync
 * from `after` brings, for the device's progress. Read once, with the first page.
 */
export async function countRegistrations(
  db: Db,
  scope: Scope,
  after: number,
  mark: number,
): Promise<number> {
  const row =
    'officeId' in scope
      ? await db.first<{ n: number | string }>(
          `SELECT COUNT(*) AS n FROM events
            WHERE office_id = ? AND type IN ('case.registered', 'application.refused')
              AND server_seq > ? AND server_seq <= ?`,
          [scope.officeId, after, mark],
        )
      : await db.first<{ n: number | string }>(
          // Office by office through (office_id, server_seq); no order to keep here.
          `SELECT COUNT(*) AS n FROM offices o JOIN events e ON e.office_id = o.id
            WHERE o.district_id = ?
              AND e.type IN ('case.registered', 'application.refused')
              AND e.server_seq > ? AND e.server_seq <= ?`,
          [scope.districtId, after, mark],
        );
  // PostgreSQL's COUNT is a bigint, which its driver gives as text.
  return Number(row?.n ?? 0);
}

/** Stored content of these cases' events with serverSeq ≤ mark, by case, in serverSeq order. */
export async function eventsOfCases(
  db: Db,
  caseIds: readonly string[],
  mark: number,
): Promise<{ case_id: string; server_seq: number; content: string }[]> {
  const out: { case_id: string; server_seq: number; content: string }[] = [];
  for (let i = 0; i < caseIds.length; i += 100) {
    const part = caseIds.slice(i, i + 100);
    const rows = await db.all<{ case_id: string; server_seq: number; content: string }>(
      `SELECT case_id, server_seq, content FROM events
        WHERE case_id IN (${part.map(() => '?').join(', ')}) AND server_seq <= ?
        ORDER BY case_id, server_seq`,
      [...part, mark],
    );
    out.push(...rows);
  }
  return out;
}
