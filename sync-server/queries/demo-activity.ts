/**
 * What the demo district's activity reads and writes in the store besides what its devices push:
 * the cases and events its devices made (for its summary), and the mark that says it ran — so a
 * server starting on a demo district runs it once, not on every restart (`demo/autostart.ts`).
 */

import type { EventType } from '../../src/domain/case/events';
import type { Case } from '../../src/domain/case/reducer';
import type { Db, SqlValue } from '../db/types';

/** The `meta` key of the mark. */
export const DEMO_ACTIVITY_KEY = 'demo_activity';

export interface DemoActivityMark {
  /** `started`: claimed by a server start; `done`: a run finished */
  state: 'started' | 'done';
  at: string;
  days: number;
  seed: number;
}

const CHUNK = 100;
const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** For each case the devices touched: how many events of each type they made on it. */
export async function eventsOfDevices(
  db: Db,
  deviceIds: readonly string[],
): Promise<Map<string, Map<EventType, number>>> {
  const rows = await db.all<{ case_id: string; type: EventType; n: number | string }>(
    `SELECT case_id, type, COUNT(*) AS n FROM events WHERE device_id IN (${placeholders(deviceIds.length)})
      GROUP BY case_id, type`,
    deviceIds as SqlValue[],
  );
  const byCase = new Map<string, Map<EventType, number>>();
  for (const row of rows) {
    const types = byCase.get(row.case_id) ?? new Map<EventType, number>();
    types.set(row.type, Number(row.n));
    byCase.set(row.case_id, types);
  }
  return byCase;
}

/** The server's projection of each of the cases. */
export async function caseStates(db: Db, caseIds: readonly string[]): Promise<Case[]> {
  const states: Case[] = [];
  for (let i = 0; i < caseIds.length; i += CHUNK) {
    const ids = caseIds.slice(i, i + CHUNK);
    const rows = await db.all<{ state: string }>(
      `SELECT state FROM cases WHERE case_id IN (${placeholders(ids.length)}) ORDER BY case_id`,
      ids,
    );
    for (const row of rows) states.push(JSON.parse(row.state) as Case);
  }
  return states;
}

export async function getDemoActivityMark(db: Db): Promise<DemoActivityMark | undefined> {
  const row = await db.first<{ value: string }>('SELECT value FROM meta WHERE key = ?', [
    DEMO_ACTIVITY_KEY,
  ]);
  return row ? (JSON.parse(row.value) as DemoActivityMark) : undefined;
}

/** Records the mark, replacing an earlier one. */
export async function setDemoActivityMark(db: Db, mark: DemoActivityMark): Promise<void> {
  const value = JSON.stringify(mark);
  const { changes } = await db.run('UPDATE meta SET value = ? WHERE key = ?', [
    value,
    DEMO_ACTIVITY_KEY,
  ]);
  if (changes === 0) {
    await db.run('INSERT INTO meta (key, value) VALUES (?, ?)', [DEMO_ACTIVITY_KEY, value]);
  }
}

/** Whether any case event is in the store: someone has worked in the district already. */
export async function hasEvents(db: Db): Promise<boolean> {
  return (await db.first('SELECT 1 AS one FROM events LIMIT 1')) !== undefined;
}
