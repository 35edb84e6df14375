/**
 * The one chokepoint for writes on the device. A command validates, then hands `appendEvents`
 * a function that builds its events from freshly allocated device sequence numbers; the events,
 * their outbox entries and the case projections are written in a single IndexedDB transaction,
 * so a closed tab, a crash or a reload can never leave one without the others.
 */
import { type CaseEvent, eventSchema } from '../domain/case/events';
import { toLocalDateTime } from '../domain/time';
import { getMeta, setMeta } from './meta';
import { refreshCases } from './projection';
import type { EventRow, QabyldauDb } from './schema';

export type EventDraft = Omit<CaseEvent, 'deviceSeq'>;

export class AppendError extends Error {
  constructor(readonly issues: string) {
    super(`event-schema-invalid: ${issues}`);
  }
}

/**
 * `build` runs inside the transaction and may read and bump other counters (registration
 * numbers) with the same guarantee. It returns drafts; deviceSeq is assigned here.
 */
export async function appendEvents(
  db: QabyldauDb,
  now: Date,
  build: () => Promise<EventDraft[]>,
): Promise<CaseEvent[]> {
  return db.transaction('rw', [db.events, db.outbox, db.cases, db.meta], async () => {
    const drafts = await build();
    let seq = (await getMeta(db, 'lastDeviceSeq')) ?? 0;
    const events: CaseEvent[] = [];
    for (const draft of drafts) {
      const candidate = { ...draft, deviceSeq: ++seq };
      const parsed = eventSchema.safeParse(candidate);
      // A command produced an event the server would refuse: abort the whole transaction so
      // nothing half-written remains, and let the command report it.
      if (!parsed.success) throw new AppendError(parsed.error.message);
      events.push(parsed.data);
    }
    const storedAt = toLocalDateTime(now);
    const rows: EventRow[] = events.map((e) => ({ ...e, status: 'pending', storedAt }));
    await db.events.bulkAdd(rows);
    await db.outbox.bulkAdd(events.map((e) => ({ deviceSeq: e.deviceSeq, eventId: e.id })));
    await setMeta(db, 'lastDeviceSeq', seq);
    await refreshCases(
      db,
      events.map((e) => e.caseId),
    );
    return events;
  });
}
