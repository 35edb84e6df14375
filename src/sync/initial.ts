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
/** The first page is smaller: the device starts storing sooner, while the server makes the next. */
const FIRST_PAGE_CASES = 100;

export interface InitialSyncReport {
  cases: number;
  events: number;
}

/**
 * Where an initial sync stands, for the person watching a district device take thousands of
 * cases: how many are stored here, of how many (unknown until the first page says, and from a
 * server that does not say).
 */
export interface InitialProgress {
  received: number;
  total?: number;
}

export async function initialSync(
  db: QabyldauDb,
  http: HttpPort,
  creds: Credentials,
  now: () => Date,
  pageCases = INITIAL_PAGE_CASES,
  onProgress?: (progress: InitialProgress) => void,
): Promise<InitialSyncReport> {
  const report: InitialSyncReport = { cases: 0, events: 0 };
  let state = await getMeta(db, 'initialSync');
  if (state?.isDone) return report;
  if (!state && !(await isFresh(db))) {
    // A device that already pulled or made events goes on with the ordinary pull.
    await setMeta(db, 'initialSync', { mark: 0, after: 0, isDone: true });
    return report;
  }
  const fetchPage = (after: number, mark: number | undefined, limit = pageCases) =>
    http.request<InitialPageResponse>(
      'GET',
      `/api/v1/sync/initial?v=${PROTOCOL_VERSION}&after=${after}${
        mark === undefined ? '' : `&mark=${mark}`
      }&limit=${limit}`,
      undefined,
      creds.token,
    );
  let pending = fetchPage(state?.after ?? 0, state?.mark, Math.min(pageCases, FIRST_PAGE_CASES));
  // A sync resumed from a position stored before it counted: the history rows are its cases.
  let received = state ? (state.received ?? (await db.histories.count())) : 0;
  let total = state?.total;
  onProgress?.({ received, total });
  const settle = async (storing: Promise<StoredPage>) => {
    const stored = await storing;
    report.cases += stored.cases;
    report.events += stored.events;
    onProgress?.({ received: stored.received, total: stored.total });
  };
  // The previous page's transaction, still committing while this page is decoded and written:
  // IndexedDB runs the two in the order they were made, and each checks that the position is
  // the one its page follows, so a page never lands after one that failed.
  let storing: Promise<StoredPage> | undefined;
  let position = state?.after ?? 0;
  try {
    for (;;) {
      const page = await pending;
      if (state && page.mark !== state.mark) {
        // The server's log now ends before the mark: it was restored from an older backup. The
        // ordinary pull fetches its log from the start instead (idempotent; the histories
        // already stored stay, and an event in both places counts once).
        if (storing) await settle(storing);
        storing = undefined;
        await setMeta(db, 'initialSync', { ...state, isDone: true });
        return report;
      }
      const next = page.hasMore ? fetchPage(page.after, page.mark) : undefined;
      // Fetched while this page is stored; a failure surfaces when it is awaited.
      next?.catch(() => undefined);
      total ??= page.total;
      received += page.cases.length;
      const stored = storePage(db, creds, page, position, toLocalDateTime(now()), {
        received,
        total,
      });
      stored.catch(() => undefined);
      if (storing) await settle(storing);
      storing = stored;
      if (!next) {
        storing = undefined;
        await settle(stored);
        return report;
      }
      state = { mark: page.mark, after: page.after, isDone: false, received, total };
      position = page.after;
      pending = next;
    }
  } finally {
    // A failure leaves no transaction behind unawaited: the next round resumes after it.
    await storing?.catch(() => undefined);
  }
}

interface StoredPage extends InitialProgress {
  cases: number;
  events: number;
}

async function isFresh(db: QabyldauDb): Promise<boolean> {
  const [cursor, events, histories] = await Promise.all([
    getMeta(db, 'cursor'),
    db.events.count(),
    db.histories.count(),
  ]);
  return (cursor ?? 0) === 0 && events === 0 && histories === 0;
}

/**
 * Writes one page in one transaction. Every write is requested before any answer is awaited:
 * the projections come from the page itself, and are made again with the rows `events` holds for
 * the same cases (this device's own, or events a pull brought) only when there are any — on a
 * fresh device there are none.
 */
async function storePage(
  db: QabyldauDb,
  creds: Credentials,
  page: InitialPageResponse,
  position: number,
  storedAt: string,
  progress: InitialProgress,
): Promise<StoredPage> {
  const cases = decodeInitialPage(page);
  const caseIds = cases.map((c) => c.caseId);
  const histories: HistoryRow[] = [];
  const own: EventRow[] = [];
  let events = 0;
  for (const { caseId, events: all } of cases) {
    events += all.length;
    // This device's own events stay rows of `events`, where its counters, the outbox and
    // a restored server's recovery look for them.
    const others: PageEvent[] = [];
    for (const event of all) {
      if (event.deviceId === creds.deviceId) own.push({ ...event, status: 'synced', storedAt });
      else others.push(event);
    }
    if (others.length > 0) {
      histories.push({
        caseId,
        events: others,
        lastSeq: Math.max(...others.map((e) => e.serverSeq)),
        storedAt,
      });
    }
  }
  const historyByCase = new Map(histories.map((h) => [h.caseId, historyEvents(h)]));
  const project = (rows: readonly EventRow[]) => {
    const rowsByCase = groupByCase(rows);
    return caseIds.map((caseId) => ({
      caseId,
      events: mergeEvents(historyByCase.get(caseId) ?? [], rowsByCase.get(caseId) ?? []),
    }));
  };
  await db.transaction('rw', [db.events, db.histories, db.cases, db.meta], async () => {
    const [before, held] = [
      getMeta(db, 'initialSync'),
      db.events.where('caseId').anyOf(caseIds).toArray(),
    ];
    const writes: Promise<unknown>[] = [db.histories.bulkPut(histories)];
    if (own.length === 0) writes.push(writeProjections(db, project([])));
    const done = !page.hasMore;
    const state: InitialSyncState = {
      mark: page.mark,
      after: page.after,
      isDone: done,
      received: progress.received,
      ...(progress.total === undefined ? {} : { total: progress.total }),
    };
    writes.push(setMeta(db, 'initialSync', state));
    const previous = await before;
    if ((previous?.after ?? 0) !== position || previous?.isDone) {
      // The page before this one was not stored (its transaction failed): nothing of this one
      // may be either.
      Promise.all(writes).catch(() => undefined);
      throw new Error('initial sync position moved');
    }
    const rows = await held;
    await Promise.all(writes);
    if (own.length > 0 || rows.length > 0) {
      const storedAtById = new Map(rows.map((row) => [row.id, row.storedAt]));
      const ownRows = own.map((event) => ({
        ...event,
        storedAt: storedAtById.get(event.id) ?? storedAt,
      }));
      const ownIds = new Set(ownRows.map((e) => e.id));
      if (ownRows.length > 0) {
        await db.events.bulkPut(ownRows);
        await adoptOwnEvents(db, creds.deviceId, ownRows);
      }
      await writeProjections(db, project([...rows.filter((r) => !ownIds.has(r.id)), ...ownRows]));
    }
    if (done) {
      const cursor = (await getMeta(db, 'cursor')) ?? 0;
      if (cursor < page.mark) await setMeta(db, 'cursor', page.mark);
    }
  });
  return { cases: cases.length, events, ...progress };
}

function groupByCase(rows: readonly EventRow[]): Map<string, EventRow[]> {
  const byCase = new Map<string, EventRow[]>();
  for (const row of rows) {
    const list = byCase.get(row.caseId) ?? [];
    list.push(row);
    byCase.set(row.caseId, list);
  }
  return byCase;
}
