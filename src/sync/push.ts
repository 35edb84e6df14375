/**
 * Push: send the outbox in deviceSeq order and apply the server's answer per event. An
 * accepted or duplicate event becomes `synced` and leaves the outbox; a rejected one becomes
 * `rejected` with the server's reason (shown to a person, never discarded) and leaves the
 * projection. Each answer is applied in one transaction, so a crash between requests is safe:
 * what is still in the outbox is simply sent again and acknowledged as a duplicate. A
 * `sequence-gap` renumbers what is still unsent from the seq the server expects.
 *
 * The push carries one proof for its events (ADR 0015, `provenPush`); should the server refuse it
 * (`push-proof-invalid`), the same events go again at once each with its own proof, and the
 * server rejects only those whose proofs fail, with their reason. A device that held unsent events when it moved to
 * proofs (schema version 7) declares once, with its next push, the highest seq of them
 * (`transition.legacyThrough`), so that the server takes those without proofs.
 */

import { renumberOutbox } from '../db/append';
import { type Credentials, getMeta, setMeta } from '../db/meta';
import { refreshCases } from '../db/projection';
import type { QabyldauDb } from '../db/schema';
import { fromPushAnswer, PROTOCOL_VERSION, type PushResponse } from '../domain/sync/protocol';
import { provenPush } from '../domain/sync/wire';
import { raiseHeldByPush } from './held';
import { HttpFailure, type HttpPort } from './http';
import { type FirstPage, nextPageRequest } from './pull';

const PUSH_CHUNK = 200;
/**
 * Renumbering follows the server's word; if the server kept moving (another tab of the same
 * device pushing at once), the next round tries again rather than this one chasing it.
 */
const MAX_RENUMBERS = 3;

export interface PushReport {
  accepted: number;
  rejected: number;
  serverTime?: string;
  /** the pull page the last push brought, for `pullEvents` to start with */
  page?: FirstPage;
}

export async function pushOutbox(
  db: QabyldauDb,
  http: HttpPort,
  creds: Credentials,
): Promise<PushReport> {
  const report: PushReport = { accepted: 0, rejected: 0 };
  let renumbered = 0;
  for (;;) {
    // One more than a push takes tells whether this push empties the outbox.
    const waiting = await db.outbox
      .orderBy('deviceSeq')
      .limit(PUSH_CHUNK + 1)
      .toArray();
    const entries = waiting.slice(0, PUSH_CHUNK);
    if (entries.length === 0) return report;
    const rows = await db.events.bulkGet(entries.map((e) => e.eventId));
    const events = rows.flatMap((row) => {
      if (!row) return [];
      const { status: _s, serverSeq: _q, rejection: _r, storedAt: _t, ...event } = row;
      return [event];
    });
    // The last push of a round (what is left fits in it) asks for the pull page too, so a
    // round is one request instead of two. A page is used only if no other push follows it.
    report.page = undefined;
    const pull = waiting.length <= PUSH_CHUNK ? await nextPageRequest(db) : undefined;
    const transition = await undeclaredTransition(db);
    const send = (eachOwn: boolean) =>
      http.request<PushResponse>(
        'POST',
        '/api/v1/sync/push',
        {
          protocolVersion: PROTOCOL_VERSION,
          ...provenPush(events, eachOwn),
          ...(pull ? { pull } : {}),
          ...(transition ? { transition } : {}),
        },
        creds.token,
      );
    const answer = await send(false).catch((error: unknown) => {
      if (error instanceof HttpFailure && error.code === 'push-proof-invalid') return send(true);
      throw error;
    });
    const results = fromPushAnswer(
      events.map((e) => e.id),
      answer,
    );
    // An answer that does not fit what was sent is not applied; the next round sends again.
    if (!results) throw new HttpFailure('retryable', 'server-error', 200, answer.serverTime);
    report.serverTime = answer.serverTime;
    if (pull && answer.page) {
      report.page = {
        cursor: pull.cursor,
        page: { ...answer.page, serverTime: answer.serverTime },
      };
    }
    let progressed = false;
    // Entries leave the outbox by the key they were read under: a pull may since have replaced
    // the event row with the server's copy, whose deviceSeq can differ from the local one when
    // a power cut undid a renumbering (see renumberOutbox). Deleting by the row's seq then took
    // another event's entry, which was never sent.
    const outboxKey = new Map(entries.map((e) => [e.eventId, e.deviceSeq]));
    const sentSeq = new Map(events.map((e) => [e.id, e.deviceSeq]));
    await db.transaction(
      'rw',
      [db.events, db.histories, db.outbox, db.cases, db.meta],
      async () => {
        // Answered: the server has the declaration (it keeps the first one it takes).
        if (transition) await setMeta(db, 'legacyDeclared', true);
        const touched: string[] = [];
        /** seqs the server now holds for exactly the event sent */
        const confirmed: number[] = [];
        /** the seq the server takes next from this device, when it answered a gap */
        let expected: number | undefined;
        for (const result of results) {
          const row = await db.events.get(result.id);
          const key = outboxKey.get(result.id);
          if (!row || key === undefined) continue;
          if (result.status === 'rejected' && result.code === 'sequence-gap') {
            // The server takes another seq next than the one this device gave the event: the
            // device lost writes the server already holds. The event stays in the outbox and is
            // renumbered below. Without this the outbox waited for ever while every round
            // reported success.
            const next = Number(result.details?.expected);
            if (Number.isInteger(next) && next >= 1) expected = next;
            continue;
          }
          // Answers about known ids do not depend on order and apply as they come (after a gap
          // the server takes nothing new from the rest of the push).
          progressed = true;
          touched.push(row.caseId);
          if (result.status === 'rejected') {
            report.rejected++;
            await db.events.update(row.id, {
              status: 'rejected',
              rejection: result.details
                ? { code: result.code, details: result.details }
                : { code: result.code },
            });
          } else {
            report.accepted++;
            await db.events.update(row.id, { status: 'synced', serverSeq: result.serverSeq });
            const seq = sentSeq.get(result.id);
            if (seq !== undefined) confirmed.push(seq);
          }
          await db.outbox.delete(key);
        }
        if (expected !== undefined && renumbered < MAX_RENUMBERS) {
          renumbered++;
          await renumberOutbox(db, expected);
          progressed = true;
        }
        await raiseHeldByPush(db, confirmed);
        await refreshCases(db, touched);
      },
    );
    // Nothing acknowledged: do not spin; the next sync round will try again.
    if (!progressed) return report;
  }
}

/** The declaration of the events made before proofs, until a push carrying it was answered. */
async function undeclaredTransition(db: QabyldauDb): Promise<{ legacyThrough: number } | null> {
  const legacyThrough = (await getMeta(db, 'legacyThrough')) ?? 0;
  if (legacyThrough <= 0 || (await getMeta(db, 'legacyDeclared'))) return null;
  return { legacyThrough };
}
