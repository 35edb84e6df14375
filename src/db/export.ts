/**
 * Everything this device made that the server does not have — unsent events and events the
 * server rejected — as one plain JSON file. A revoked or broken device hands its work over
 * this way; nothing typed is lost even when the device can no longer sync.
 */
import { getMeta } from './meta';
import type { EventRow, QabyldauDb } from './schema';

export interface UnsentExport {
  format: 'qabyldau-unsent-events';
  version: 1;
  deviceId: string;
  officeId: string;
  exportedAt: string;
  events: EventRow[];
}

export async function exportUnsent(db: QabyldauDb, exportedAt: string): Promise<UnsentExport> {
  const creds = await getMeta(db, 'credentials');
  const events = await db.events.where('status').anyOf(['pending', 'rejected']).toArray();
  return {
    format: 'qabyldau-unsent-events',
    version: 1,
    deviceId: creds?.deviceId ?? '',
    officeId: creds?.officeId ?? '',
    exportedAt,
    events: events.sort((a, b) => a.deviceSeq - b.deviceSeq),
  };
}
