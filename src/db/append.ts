/**
 * The one chokepoint for writes on the device. A command validates, then hands `appendEvents`
 * a function that builds its events from freshly allocated device sequence numbers; the events,
 * their outbox entries and the case projections are written in a single IndexedDB transaction,
 * so a closed tab, a crash or a reload can never leave one without the others.
 *
 * Every event made here carries the proof of the person signed in (ADR 0015): the HMAC of its
 * content by her proof key, made inside the same transaction (`eventProof` is synchronous, since
 * awaiting anything but IndexedDB there would end the transaction).
 *
 * A write the browser refuses for want of space (src/db/quota.ts) leaves as `StorageFullError`,
 * whatever shape the browser and Dexie gave it: the transaction rolled back, nothing of the
 * action was stored, and the command can tell the person so instead of blaming what she typed.
 */
import { deriveEventId } from '../domain/case/event-id';
import { type CaseEvent, eventSchema } from '../domain/case/events';
import { eventProof } from '../domain/identity/proof';
import { toLocalDateTime } from '../domain/time';
import { withReopen } from './connection';
import { getMeta, setMeta, type YearCounter } from './meta';
import { refreshCases } from './projection';
import { isQuotaError, StorageFullError } from './quota';
import type { EventRow, QabyldauDb } from './schema';

/** An event before the append numbers it; its id comes from its number (`deriveEventId`). */
export type EventDraft = CaseEvent extends infer E
  ? E extends CaseEvent
    ? Omit<E, 'deviceSeq' | 'id'>
    : never
  : never;

export class AppendError extends Error {
  constructor(readonly issues: string) {
    super(`event-schema-invalid: ${issues}`);
  }
}

/** What proves an event: the signed-in person's proof, given the event's final content. */
export type Prover = (event: CaseEvent) => string;

/** The prover of a person's proof key. */
export const proverOf =
  (key: Uint8Array): Prover =>
  (event) =>
    eventProof(key, event);

/**
 * `build` runs inside the transaction and may read and bump other counters (registration
 * numbers) with the same guarantee. It returns drafts; deviceSeq and with it the event's id are
 * assigned here, and then the proof, over the content the schema gave back (it trims text): the
 * content stored and sent is the content proved.
 */
export async function appendEvents(
  db: QabyldauDb,
  now: Date,
  prove: Prover,
  build: () => Promise<EventDraft[]>,
): Promise<CaseEvent[]> {
  try {
    // A connection lost under the transaction aborts it whole: run it once more on a new one.
    return await withReopen(db, () => writeEvents(db, now, prove, build));
  } catch (error) {
    if (isQuotaError(error)) throw new StorageFullError(error);
    throw error;
  }
}

function writeEvents(
  db: QabyldauDb,
  now: Date,
  prove: Prover,
  build: () => Promise<EventDraft[]>,
): Promise<CaseEvent[]> {
  return db.transaction('rw', [db.events, db.histories, db.outbox, db.cases, db.meta], async () => {
    const drafts = await build();
    let seq = (await getMeta(db, 'lastDeviceSeq')) ?? 0;
    const events: CaseEvent[] = [];
    for (const draft of drafts) {
      const deviceSeq = ++seq;
      const id = deriveEventId({ ...draft, deviceSeq }) ?? '';
      // A draft's own proof is not trusted: only the one made here, for its final content.
      const { proof: _unproved, ...unproved } = { ...draft, id, deviceSeq } as CaseEvent;
      const parsed = eventSchema.safeParse(unproved);
      // A command produced an event the server would refuse: abort the whole transaction so
      // nothing half-written remains, and let the command report it.
      if (!parsed.success) throw new AppendError(parsed.error.message);
      events.push({ ...parsed.data, proof: prove(parsed.data) });
    }
    const storedAt = toLocalDateTime(now);
    const rows: EventRow[] = events.map((e) => ({ ...e, status: 'pending', storedAt }));
    await db.events.bulkAdd(rows);
    await db.outbox.bulkAdd(
      events.map((e) => ({ deviceSeq: e.deviceSeq, eventId: e.id, caseId: e.caseId })),
    );
    await setMeta(db, 'lastDeviceSeq', seq);
    await refreshCases(
      db,
      events.map((e) => e.caseId),
    );
    return events;
  });
}

/**
 * The server answered `sequence-gap`: it takes `expected` next from this device, and it has not
 * seen the events still in the outbox (a known id is answered as a duplicate or a rejection
 * before order is looked at, so a gap names only events the server never took). That happens
 * when the device lost its latest writes after the server had stored them — a power cut while
 * the browser still held them in its write cache, a restored browser profile: the device then
 * numbers new events with seqs the server already holds, and would wait for ever. The unsent
 * events are renumbered from `expected` in their order and the counter follows, so the queue
 * moves again. Must run inside a transaction over `events`, `outbox` and `meta`.
 *
 * Ids are unchanged, and the server never stored the old numbering (it answers a gap only for
 * ids it does not know), so a late copy of an old request is refused and changes nothing.
 */
export async function renumberOutbox(db: QabyldauDb, expected: number): Promise<void> {
  const entries = await db.outbox.orderBy('deviceSeq').toArray();
  const rows = await db.events.bulkGet(entries.map((e) => e.eventId));
  await db.outbox.clear();
  // An event a pull already brought back is on the server under its own seq: renumbering it
  // would make its content differ from the stored one (an id conflict). It needs no sending.
  const unsent = entries.filter((_, i) => rows[i]?.status === 'pending');
  const renumbered = unsent.map((entry, i) => ({ ...entry, deviceSeq: expected + i }));
  for (const entry of renumbered) {
    await db.events.update(entry.eventId, { deviceSeq: entry.deviceSeq });
  }
  await db.outbox.bulkAdd(renumbered);
  await setMeta(db, 'lastDeviceSeq', expected - 1 + renumbered.length);
}

/**
 * This device's own events as they come back in a pull. When the device lost some of them (see
 * `renumberOutbox`), its counters are behind what the server holds: the next event would take a
 * seq, and the next registration or batch a number, already used. The counters move past every
 * own event the server returns; they never move back. Must run inside a transaction over
 * `meta`.
 */
export async function adoptOwnEvents(
  db: QabyldauDb,
  deviceId: string,
  events: readonly CaseEvent[],
): Promise<void> {
  const own = events.filter((e) => e.deviceId === deviceId);
  if (own.length === 0) return;
  const lastSeq = (await getMeta(db, 'lastDeviceSeq')) ?? 0;
  const highest = Math.max(...own.map((e) => e.deviceSeq));
  if (highest > lastSeq) await setMeta(db, 'lastDeviceSeq', highest);
  // Unsent events numbered at or below a seq the server holds are left as they are: one of them
  // may be known to the server as a rejection (which never comes back in a pull) under its seq.
  // The push sorts them out — the server answers a gap only for ids it does not know.
  for (const event of own) {
    if (event.type === 'case.registered') {
      // registeredAt and the number's year both come from the device clock of that moment.
      await raiseYearCounter(
        db,
        'regCounter',
        Number(event.payload.registeredAt.slice(0, 4)),
        event.payload.regNumber,
      );
    } else if (event.type === 'application.refused') {
      await raiseYearCounter(
        db,
        'refusalCounter',
        Number(event.payload.refusedAt.slice(0, 4)),
        event.payload.refusalNumber,
      );
    } else if (event.type === 'batch.sent') {
      await raiseYearCounter(
        db,
        'batchCounter',
        Number(event.deviceTime.slice(0, 4)),
        event.payload.batchNumber,
      );
    }
  }
}

/** Numbers end in the device's counter (`01-26-03-0042`, `T01-26-03-007`, `R01-26-03-0001`). */
async function raiseYearCounter(
  db: QabyldauDb,
  key: YearCounter,
  year: number,
  number: string,
): Promise<void> {
  const seq = Number(/(\d+)$/.exec(number)?.[1] ?? 0);
  const current = await getMeta(db, key);
  if (!current || current.year < year) await setMeta(db, key, { year, seq });
  else if (current.year === year && current.seq < seq) await setMeta(db, key, { year, seq });
}

/**
 * The server holds fewer of this device's events than the device had acknowledged: it was
 * restored from a backup older than them. Those events go back in the outbox under their own
 * ids and seqs — the restored server has never seen them, so they are new to it — and are sent
 * again; nothing the office did is lost to the restore. Returns how many were queued again.
 * Must run inside a transaction over `events` and `outbox`.
 */
export async function requeueLostEvents(
  db: QabyldauDb,
  deviceId: string,
  serverLastSeq: number,
): Promise<number> {
  const own = await db.events
    .where('[deviceId+deviceSeq]')
    .between([deviceId, serverLastSeq + 1], [deviceId, Number.MAX_SAFE_INTEGER], true, true)
    .toArray();
  const lost = own.filter((e) => e.status !== 'pending');
  for (const event of lost) {
    await db.events.update(event.id, {
      status: 'pending',
      serverSeq: undefined,
      rejection: undefined,
    });
    await db.outbox.put({ deviceSeq: event.deviceSeq, eventId: event.id, caseId: event.caseId });
  }
  return lost.length;
}
