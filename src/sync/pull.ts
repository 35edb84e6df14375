/**
 * Pull: fetch the events after the saved cursor, page by page. Each page, its projections and
 * the new cursor are written in one transaction, so an interrupted pull resumes where it
 * stopped and never applies a page twice. The device's own events that it holds are left out of
 * the page (`held`, see ./held.ts); others of its own — lost to a power cut — come back, are
 * matched by id and marked synced, and the device's counters move past them.
 */

import { adoptOwnEvents, requeueLostEvents } from '../db/append';
import { type Credentials, getMeta, setMeta } from '../db/meta';
import { refreshCases } from '../db/projection';
import { applyReference } from '../db/reference';
import type { EventRow, QabyldauDb } from '../db/schema';
import {
  type PageRequest,
  PROTOCOL_VERSION,
  type PullResponse,
  type ReferenceResponse,
} from '../domain/sync/protocol';
import { fromWirePage } from '../domain/sync/wire';
import { toLocalDateTime } from '../domain/time';
import { heldForPull, raiseHeldByPage } from './held';
import type { HttpPort } from './http';

export interface PullReport {
  received: number;
  /** own events queued again because the server no longer holds them */
  requeued: number;
  serverTime?: string;
}

const PAGE_LIMIT = 500;

/** What the next pull asks for: from the saved cursor, and what the device holds of its own. */
export async function nextPageRequest(db: QabyldauDb): Promise<PageRequest> {
  return {
    cursor: (await getMeta(db, 'cursor')) ?? 0,
    limit: PAGE_LIMIT,
    held: await heldForPull(db),
    deviceSeq: (await getMeta(db, 'lastDeviceSeq')) ?? 0,
  };
}

/** A page that came with a push answer, and the cursor it was asked from. */
export interface FirstPage {
  cursor: number;
  page: PullResponse;
}

export async function pullEvents(
  db: QabyldauDb,
  http: HttpPort,
  creds: Credentials,
  now: () => Date,
  first?: FirstPage,
): Promise<PullReport> {
  const report: PullReport = { received: 0, requeued: 0 };
  let given = first;
  for (;;) {
    const ask = await nextPageRequest(db);
    const { cursor } = ask;
    // The push's answer brought the first page: taken if the cursor has not moved since.
    const page =
      given && given.cursor === cursor
        ? given.page
        : await http.request<PullResponse>(
            'GET',
            `/api/v1/sync/pull?v=${PROTOCOL_VERSION}&cursor=${cursor}&limit=${ask.limit}&deviceSeq=${ask.deviceSeq}&held=${ask.held}`,
            undefined,
            creds.token,
          );
    given = undefined;
    report.serverTime = page.serverTime;
    // The server's log ends before our cursor: it was restored from an older backup. Fetch its
    // log again from the start — applying events is idempotent, and nothing unsent is touched.
    if (page.headSeq !== undefined && cursor > page.headSeq) {
      await setMeta(db, 'cursor', 0);
      continue;
    }
    const events = fromWirePage(page.events);
    const storedAt = toLocalDateTime(now());
    await db.transaction(
      'rw',
      [db.events, db.histories, db.cases, db.meta, db.outbox],
      async () => {
        if (page.deviceSeq !== undefined) {
          report.requeued += await requeueLostEvents(db, creds.deviceId, page.deviceSeq);
        }
        const existing = await db.events.bulkGet(events.map((e) => e.id));
        const rows: EventRow[] = events.map((event, i) => {
          const mine = existing[i];
          return {
            ...event,
            // Pulls carry no proofs; an own event keeps its own, in case a restored server
            // needs it sent again (`requeueLostEvents`).
            ...(mine?.proof ? { proof: mine.proof } : {}),
            status: 'synced',
            serverSeq: event.serverSeq,
            storedAt: mine?.storedAt ?? storedAt,
          };
        });
        await db.events.bulkPut(rows);
        // Own events the device had lost come back here; its counters must not reuse them.
        await adoptOwnEvents(db, creds.deviceId, events);
        await refreshCases(
          db,
          rows.map((r) => r.caseId),
        );
        await setMeta(db, 'cursor', page.cursor);
      },
    );
    // After the page is stored: the mark may lag behind what the device holds, never run ahead.
    await db.transaction('rw', [db.meta], () => raiseHeldByPage(db, creds.deviceId, events));
    report.received += events.length;
    if ((await getMeta(db, 'referenceVersion')) !== page.referenceVersion) {
      await pullReference(db, http, creds);
    }
    if (!page.hasMore) return report;
  }
}

/** The reference pull under way on each database, for the next one to wait for. */
const referencePulls = new WeakMap<QabyldauDb, Promise<void>>();

/**
 * Fetches and applies the reference data, one pull at a time per database. Two may be asked at
 * once — a sync round that saw a new version, and an administrator's change that refetches at
 * once — and each answer replaces what is held: an older answer applied after a newer one took
 * the change back off the screen (the office hours just saved showed the old ones). In turn, the
 * pull asked last fetches last and so applies the newest.
 */
export function pullReference(db: QabyldauDb, http: HttpPort, creds: Credentials): Promise<void> {
  const before = referencePulls.get(db) ?? Promise.resolve();
  const pull = before
    .catch(() => undefined)
    .then(async () => {
      const ref = await http.request<ReferenceResponse>(
        'GET',
        '/api/v1/sync/reference',
        undefined,
        creds.token,
      );
      await applyReference(db, ref);
    });
  referencePulls.set(db, pull);
  return pull;
}
