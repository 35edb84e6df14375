/**
 * Initial sync of a device that holds nothing from the server yet: the scope's cases up to a
 * mark (the end of the server's log when it starts), each case's events together in one page
 * (src/domain/sync/initial-page.ts), stored as one history row per case with its projection;
 * then the ordinary pull goes on from the mark. Each page, its projections and the position are
 * written in one transaction, so an interrupted initial sync resumes after the last page stored
 * and never stores a case twice. The next page is already being fetched while one is stored.
 */
import { adoptOwnEvents } from '../db/append';
import { historyEvents, mergeEvents } from '../db/history';
import { type Credentials, getMeta, type InitialSyncState, setMeta } from '../db/meta';
import { writeProjections } from '../db/projection';
import type { EventRow, HistoryRow, QabyldauDb } from '../db/schema';
import {
  decodeInitialPage,
  type InitialPageResponse,
  type PageEvent,
} from '../domain/sync/initial-page';
import { PROTOCOL_VERSION } from '../domain/sync/protocol';
import { toLocalDateTime } from '../domain/time';
import type { HttpPort } from './http';

/** Cases per page: about 8,000 events and 300 KB of Brotli at the most. */
export const INITIAL_PAGE_CASES = 500;

export interface InitialSyncReport {
  cases: number;
  events: number;
}

export async function initialSync(
  db: QabyldauDb,
  http: HttpPort,
  creds: Credentials,
  now: () => Date,
  pageCases = INITIAL_PAGE_CASES,
): Promise<InitialSyncReport> {
  const report: InitialSyncReport = { cases: 0, events: 0 };
  let state = await getMeta(db, 'initialSync');
  if (state?.isDone) return report;
  if (!state && !(await isFresh(db))) {
    // A device that already pulled or made events goes on with the ordinary pull.
    await setMeta(db, 'initialSync', { mark: 0, after: 0, isDone: true });
    return report;
  }
  const fetchPage = (after: number, mark: number | undefined) =>
    http.request<InitialPageResponse>(
      'GET',
      `/api/v1/sync/initial?v=${PROTOCOL_VERSION}&after=${after}${
        mark === undefined ? '' : `&mark=${mark}`
      }&limit=${pageCases}`,
      undefined,
      creds.token,
    );
  let pending = fetchPage(state?.after ?? 0, state?.mark);
  for (;;) {
    const page = await pending;
    if (state && page.mark !== state.mark) {
      // The server's log now ends before the mark: it was restored from an older backup. The
      // ordinary pull fetches its log from the start instead (idempotent; the histories already
      // stored stay, and an event in both places counts once).
      await setMeta(db, 'initialSync', { ...state, isDone: true });
      return report;
    }
    const next = page.hasMore ? fetchPage(page.after, page.mark) : undefined;
    // Fetched while this page is stored; a failure surfaces when it is awaited.
    next?.catch(() => undefined);
    const stored = await storePage(db, creds, page, toLocalDateTime(now()));
    report.cases += stored.cases;
    report.events += stored.events;
    if (!next) return report;
    state = { mark: page.mark, after: page.after, isDone: false };
    pending = next;
  }
}

async function isFresh(db: QabyldauDb): Promise<boolean> {
  const [cursor, events, histories] = await Promise.all([
    getMeta(db, 'cursor'),
    db.events.count(),
    db.histories.count(),
  ]);
  return (cursor ?? 0) === 0 && events === 0 && histories === 0;
}

async function storePage(
  db: QabyldauDb,
  creds: Credentials,
  page: InitialPageResponse,
  storedAt: string,
): Promise<{ cases: number; events: number }> {
  const cases = decodeInitialPage(page);
  let events = 0;
  await db.transaction('rw', [db.events, db.histories, db.cases, db.meta], async () => {
    const histories: HistoryRow[] = [];
    const own: PageEvent[] = [];
    for (const { caseId, events: all } of cases) {
      events += all.length;
      // This device's own events stay rows of `events`, where its counters, the outbox and
      // a restored server's recovery look for them.
      const others = all.filter((e) => e.deviceId !== creds.deviceId);
      own.push(...all.filter((e) => e.deviceId === creds.deviceId));
      if (others.length > 0) {
        histories.push({
          caseId,
          events: others,
          lastSeq: Math.max(...others.map((e) => e.serverSeq)),
          storedAt,
        });
      }
    }
    await db.histories.bulkPut(histories);
    if (own.length > 0) {
      const existing = await db.events.bulkGet(own.map((e) => e.id));
      await db.events.bulkPut(
        own.map((event, i) => ({
          ...event,
          status: 'synced',
          storedAt: existing[i]?.storedAt ?? storedAt,
        })),
      );
      await adoptOwnEvents(db, creds.deviceId, own);
    }
    // Projections once per case, from the page's events and whatever rows `events` holds for
    // the same cases (this device's own, or events a pull brought).
    const caseIds = cases.map((c) => c.caseId);
    const rows = await db.events.where('caseId').anyOf(caseIds).toArray();
    const rowsByCase = new Map<string, EventRow[]>();
    for (const row of rows) {
      const list = rowsByCase.get(row.caseId) ?? [];
      list.push(row);
      rowsByCase.set(row.caseId, list);
    }
    const byCase = new Map(histories.map((h) => [h.caseId, historyEvents(h)]));
    await writeProjections(
      db,
      caseIds.map((caseId) => ({
        caseId,
        events: mergeEvents(byCase.get(caseId) ?? [], rowsByCase.get(caseId) ?? []),
      })),
    );
    const done = !page.hasMore;
    const state: InitialSyncState = { mark: page.mark, after: page.after, isDone: done };
    await setMeta(db, 'initialSync', state);
    if (done) {
      const cursor = (await getMeta(db, 'cursor')) ?? 0;
      if (cursor < page.mark) await setMeta(db, 'cursor', page.mark);
    }
  });
  return { cases: cases.length, events };
}
