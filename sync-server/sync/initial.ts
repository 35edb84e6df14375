/**
 * The initial sync of a fresh device: the scope's cases up to a mark, each with all its events,
 * in the compact case-grouped form (src/domain/sync/initial-page.ts). Pages follow the order in
 * which cases were registered, so a transfer batch's cases and their people mostly share a page.
 */
import type { CaseEvent } from '../../src/domain/case/events';
import {
  encodeInitialPage,
  type InitialPageBody,
  type PageEvent,
} from '../../src/domain/sync/initial-page';
import type { Db } from '../db/types';
import { eventsOfCases, registrationsAfter, type Scope } from '../queries/initial';

export const DEFAULT_INITIAL_CASES = 500;
export const MAX_INITIAL_CASES = 1000;

export interface InitialPage extends InitialPageBody {
  after: number;
  hasMore: boolean;
}

export async function initialPage(
  db: Db,
  scope: Scope,
  after: number,
  mark: number,
  limit: number,
): Promise<InitialPage> {
  const registrations = await registrationsAfter(db, scope, after, mark, limit);
  const page = registrations.slice(0, limit);
  const rows = await eventsOfCases(
    db,
    page.map((r) => r.caseId),
    mark,
  );
  const byCase = new Map<string, PageEvent[]>(page.map((r) => [r.caseId, []]));
  for (const row of rows) {
    byCase.get(row.case_id)?.push({
      ...(JSON.parse(row.content) as CaseEvent),
      serverSeq: Number(row.server_seq),
    });
  }
  const body = encodeInitialPage(
    page.map((r) => ({ caseId: r.caseId, events: byCase.get(r.caseId) ?? [] })),
  );
  return {
    ...body,
    after: page.at(-1)?.serverSeq ?? after,
    hasMore: registrations.length > limit,
  };
}
