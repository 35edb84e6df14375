/**
 * How far the device holds its own events: every event of this device that the server stores
 * with a deviceSeq up to `heldSeq` is on the device, under the same id. A pull passes it, and the
 * server leaves those events out of the page — the device learned their serverSeq from its push
 * answers — instead of sending each event back to the device that made it.
 *
 * Not simply the last seq the device made: a power cut may take events the server already
 * stored, and the device's next events then take the same seqs under new ids. The lost ones must
 * still come back in a pull (adoptOwnEvents). So the mark moves only over seqs the server has
 * confirmed for exactly the event the device holds, it is written in the same transaction as
 * what it vouches for (a power cut takes both or neither), and it never covers a seq still in
 * the outbox.
 */
import { getMeta, setMeta } from '../db/meta';
import type { QabyldauDb } from '../db/schema';
import type { CaseEvent } from '../domain/case/events';
import { heldAfter } from '../domain/sync/protocol';

/** What a pull passes as `held`. */
export async function heldForPull(db: QabyldauDb): Promise<number> {
  const held = (await getMeta(db, 'heldSeq')) ?? 0;
  const last = (await getMeta(db, 'lastDeviceSeq')) ?? 0;
  // An unsent event at or below the mark shares its seq with an event of the server the device
  // may not hold (a power cut undid the numbering): those come back until it is renumbered.
  const firstUnsent = await db.outbox.orderBy('deviceSeq').first();
  return Math.max(0, Math.min(held, last, (firstUnsent?.deviceSeq ?? Number.MAX_SAFE_INTEGER) - 1));
}

/**
 * The server took or already held these seqs of the device's events (accepted and duplicate
 * answers: the server stores exactly the content sent, seq included). The mark moves over those
 * that follow it without a hole; a hole may be an event the device lost. Inside a transaction
 * over `meta`.
 */
export async function raiseHeldByPush(db: QabyldauDb, seqs: readonly number[]): Promise<void> {
  const start = (await getMeta(db, 'heldSeq')) ?? 0;
  const held = heldAfter(start, seqs);
  if (held > start) await setMeta(db, 'heldSeq', held);
}

/**
 * A pull page from the server. The server sends every own event above the `held` it was given,
 * in serverSeq order, which is the order of the device's seqs; so once a page has brought the
 * event with seq n, the device holds all of its events the server has up to n. Inside a
 * transaction over `meta`, after the page is stored (or in the same transaction).
 */
export async function raiseHeldByPage(
  db: QabyldauDb,
  deviceId: string,
  events: readonly CaseEvent[],
): Promise<void> {
  let highest = 0;
  for (const e of events)
    if (e.deviceId === deviceId && e.deviceSeq > highest) highest = e.deviceSeq;
  if (highest > ((await getMeta(db, 'heldSeq')) ?? 0)) await setMeta(db, 'heldSeq', highest);
}
