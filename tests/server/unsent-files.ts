/**
 * Files of unsent work as the app writes them (`src/db/export.ts`): the device's events as its
 * database holds them — each with its status and the time the device stored it — in the
 * file's envelope.
 */

import type { UnsentExport } from '../../src/db/export';
import type { CaseEvent } from '../../src/domain/case/events';

export function unsentFile(
  deviceId: string,
  officeId: string,
  events: readonly CaseEvent[],
  exportedAt = '2026-03-19T09:00:00+05:00',
): UnsentExport {
  return {
    format: 'qabyldau-unsent-events',
    version: 1,
    deviceId,
    officeId,
    exportedAt,
    events: events.map((e) => ({ ...e, status: 'pending', storedAt: e.deviceTime.slice(0, 16) })),
  };
}
