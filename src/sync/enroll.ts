/**
 * Enrolling this device with a one-time code from the district administrator. The token it gets
 * is kept in IndexedDB; every later request presents it.
 */

import { getMeta, setMeta } from '../db/meta';
import type { QabyldauDb } from '../db/schema';
import type { EnrollResponse } from '../domain/sync/protocol';
import { toLocalDateTime } from '../domain/time';
import type { HttpPort } from './http';

export async function enrollDevice(
  db: QabyldauDb,
  http: HttpPort,
  code: string,
  serverUrl: string,
  now: Date,
): Promise<EnrollResponse> {
  const answer = await http.request<EnrollResponse>('POST', '/api/v1/enroll', {
    code: code.trim(),
  });
  await db.transaction('rw', db.meta, async () => {
    await setMeta(db, 'credentials', {
      deviceId: answer.deviceId,
      token: answer.token,
      officeId: answer.officeId,
      officeKind: answer.officeKind,
      deviceNo: answer.deviceNo,
      serverUrl,
      enrolledAt: toLocalDateTime(now),
    });
    // A fresh enrollment starts a fresh device sequence and pulls everything of its scope.
    await setMeta(db, 'lastDeviceSeq', 0);
    await setMeta(db, 'heldSeq', 0);
    await setMeta(db, 'cursor', 0);
  });
  return answer;
}

export async function isEnrolled(db: QabyldauDb): Promise<boolean> {
  return (await getMeta(db, 'credentials')) !== undefined;
}
