/**
 * A person dealing with an event the server rejected: the reason has been read and the work
 * redone or let go. The event stays in the log with its rejection; it only stops being counted
 * as waiting for attention.
 */
import type { QabyldauDb } from './schema';

export async function acknowledgeRejection(
  db: QabyldauDb,
  eventId: string,
  staffId: string,
  at: string,
): Promise<void> {
  await db.transaction('rw', db.events, async () => {
    const row = await db.events.get(eventId);
    if (row?.status !== 'rejected' || !row.rejection) return;
    await db.events.update(eventId, {
      rejection: { ...row.rejection, acknowledgedAt: at, acknowledgedBy: staffId },
    });
  });
}
