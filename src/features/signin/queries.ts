/**
 * What the sign-in screen reads of the device beyond the office's people: who holds a seal
 * here, that is who has signed in on this device online before (ADR 0015). Only they can sign
 * in without a connection; everyone else's first sign-in here goes to the server.
 */
import type { QabyldauDb } from '../../db/schema';

/** Ids of the people with a seal on this device. */
export async function sealedStaffIds(db: QabyldauDb): Promise<Set<string>> {
  return new Set(await db.seals.toCollection().primaryKeys());
}
