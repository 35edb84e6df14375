/**
 * The citizen's status lookup: the cases of a registration number, and the record of every try
 * (migration 0008).
 */
import type { Case } from '../../src/domain/case/reducer';
import type { Db } from '../db/types';

/** The number inside the stored state, written as the index of migration 0008 is made. */
const NUMBER_OF_STATE = {
  sqlite: "json_extract(state, '$.regNumber')",
  postgres: "((state::jsonb) ->> 'regNumber')",
} as const;

/**
 * The cases of this registration or refusal number: one, except in a region's store where
 * districts whose offices share a code may have made the same number.
 */
export async function casesByNumber(db: Db, number: string): Promise<Case[]> {
  const rows = await db.all<{ state: string }>(
    `SELECT state FROM cases WHERE ${NUMBER_OF_STATE[db.dialect]} = ? LIMIT 10`,
    [number],
  );
  return rows.map((row) => JSON.parse(row.state) as Case);
}

export type LookupOutcome = 'found' | 'not_found' | 'invalid' | 'rate_limited';

export interface StatusLookup {
  id: string;
  /** ISO instant, the server's clock */
  at: string;
  /** the client's network, not its whole address (`networkOf`) */
  address: string;
  number: string;
  /** `api` or `page` */
  via: 'api' | 'page';
  outcome: LookupOutcome;
}

export async function recordLookup(db: Db, lookup: StatusLookup): Promise<void> {
  await db.run(
    'INSERT INTO status_lookups (id, at, address, number, via, outcome) VALUES (?, ?, ?, ?, ?, ?)',
    [lookup.id, lookup.at, lookup.address, lookup.number, lookup.via, lookup.outcome],
  );
}

/** The latest tries, newest first. */
export async function latestLookups(db: Db, limit = 100): Promise<StatusLookup[]> {
  return db.all<StatusLookup>(
    'SELECT id, at, address, number, via, outcome FROM status_lookups ORDER BY at DESC, id DESC LIMIT ?',
    [limit],
  );
}
