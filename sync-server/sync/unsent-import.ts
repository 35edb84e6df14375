/**
 * Import of a file of unsent work (`src/db/export.ts`): the events a device made and could not
 * send — revoked, broken, never to reach the server again — carried to the district by hand.
 * One module for the admin screen's upload and for `import-unsent` on the command line.
 *
 * The events go through the push path itself (`pushEvents`), as if the device that made them had
 * sent them: schema, exactly once by id (an event already stored is "already there", however
 * often the file is imported), the device's gap-free order, the person's role and office, the
 * case's process. Nothing is written around it.
 *
 * A revoked device's token no longer opens the push; its events are accepted on the
 * administrator's authority instead: the import names the device the file says wrote them, which
 * must be a device of the administrator's district (any district on the command line, which
 * works on the store itself), and pushes as that device whether or not it is revoked. The
 * revocation stops the device from speaking for itself; it does not disown the work done on it.
 * Every check but the token still applies, so a person deactivated since is refused
 * (`staff-unknown`) like any event of someone no longer of the office, and each event's proof is
 * checked against the keys of the people on that device (ADR 0015): a key revoked by a PIN reset
 * refuses what was proved with it. A device enrolled before proofs that never declared which of
 * its events predate them (it stopped before its first push under the new rules) declares it
 * through its file: its events without a proof that come before its first proved one, as the
 * device's own upgrade marked them.
 *
 * The whole file is one transaction: a file that is not such a file changes nothing, and a
 * failure part-way leaves nothing half-imported.
 */
import { v7 as uuidv7 } from 'uuid';
import {
  type ImportedEvent,
  readUnsentFile,
  type UnsentImportReport,
} from '../../src/domain/admin/unsent-file';
import { MAX_PUSH_EVENTS, type PushResult } from '../../src/domain/sync/protocol';
import { lockSyncWrites } from '../db/lock';
import type { Db } from '../db/types';
import type { AuthenticatedDevice } from '../http/auth';
import { ApiError } from '../http/errors';
import { caseNumbers } from '../queries/audit';
import { getDevice } from '../queries/devices';
import { getOffice } from '../queries/reference';
import { insertUnsentImport } from '../queries/unsent-imports';
import { sha256Hex } from '../secrets';
import { type AdminAsker, requireAdmin } from './admin-session';
import { pushEvents } from './push';

/** Who imports: the district administrator on a district device, or the command line. */
export type ImportAuthority = { kind: 'admin'; asker: AdminAsker } | { kind: 'cli' };

export async function importUnsent(
  db: Db,
  raw: unknown,
  authority: ImportAuthority,
  now: Date,
): Promise<UnsentImportReport> {
  if (authority.kind === 'admin') await requireAdmin(db, authority.asker, now);
  const read = readUnsentFile(raw);
  if ('problem' in read) {
    throw new ApiError(read.problem.code, 'not a file of unsent work', read.problem.details);
  }
  const { file } = read;
  const importedAt = now.toISOString();
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    const adminId =
      authority.kind === 'admin' ? await requireAdmin(tx, authority.asker, now) : 'cli';
    const row = await getDevice(tx, file.deviceId);
    const office = row ? await getOffice(tx, row.office_id) : undefined;
    const isOwn =
      authority.kind === 'cli' || office?.districtId === authority.asker.device.office.districtId;
    // A device of another district is as unknown here as one that never existed.
    if (!row || !office || !isOwn || office.id !== file.officeId) {
      throw new ApiError('unsent-file-device-unknown', 'the file names no device of this district');
    }
    const device: AuthenticatedDevice = { row, office };
    const transition = legacyOf(file.events);
    const results: PushResult[] = [];
    for (let i = 0; i < file.events.length; i += MAX_PUSH_EVENTS) {
      const part = file.events.slice(i, i + MAX_PUSH_EVENTS);
      results.push(
        ...(await pushEvents(tx, device, part, importedAt, transition ? { transition } : {})),
      );
    }
    const numbers = await caseNumbersInChunks(tx, [...new Set(file.events.map((e) => e.caseId))]);
    const events = file.events.map((event, i): ImportedEvent => {
      const result = results[i] as PushResult;
      const payload = (event as { payload?: { regNumber?: unknown; refusalNumber?: unknown } })
        .payload;
      const ownNumber = payload?.regNumber ?? payload?.refusalNumber;
      const staffId = (event as { staffId?: unknown }).staffId;
      return {
        id: event.id,
        deviceSeq: event.deviceSeq,
        type: event.type,
        caseId: event.caseId,
        regNumber: numbers.get(event.caseId) ?? (typeof ownNumber === 'string' ? ownNumber : null),
        staffId: typeof staffId === 'string' ? staffId : null,
        ...(result.status === 'rejected'
          ? {
              status: 'rejected' as const,
              code: result.code,
              ...(result.details ? { details: result.details } : {}),
            }
          : { status: result.status === 'accepted' ? 'accepted' : 'already_there' }),
      };
    });
    const count = (status: ImportedEvent['status']) =>
      events.filter((e) => e.status === status).length;
    const report: UnsentImportReport = {
      deviceId: row.id,
      deviceName: row.name,
      officeId: office.id,
      deviceNo: row.device_no,
      exportedAt: file.exportedAt,
      importedAt,
      total: events.length,
      accepted: count('accepted'),
      alreadyThere: count('already_there'),
      rejected: count('rejected'),
      events,
    };
    await insertUnsentImport(tx, {
      id: uuidv7(),
      deviceId: row.id,
      fileSha256: sha256Hex(JSON.stringify(raw)),
      importedAt,
      importedBy: adminId,
      accepted: report.accepted,
      alreadyThere: report.alreadyThere,
      rejected: report.rejected,
    });
    return report;
  });
}

/**
 * The seqs of a file's events that predate proofs: those without one before the first with one
 * (the file is in seq order). The push takes it only from a device enrolled before proofs that
 * has not declared it itself.
 */
function legacyOf(
  events: readonly { deviceSeq: number; proof?: unknown }[],
): { legacyThrough: number } | undefined {
  let legacyThrough = 0;
  for (const event of events) {
    if (event.proof !== undefined) break;
    legacyThrough = event.deviceSeq;
  }
  return legacyThrough > 0 ? { legacyThrough } : undefined;
}

async function caseNumbersInChunks(tx: Db, caseIds: string[]): Promise<Map<string, string>> {
  const all = new Map<string, string>();
  for (let i = 0; i < caseIds.length; i += 500) {
    for (const [id, n] of await caseNumbers(tx, caseIds.slice(i, i + 500))) all.set(id, n);
  }
  return all;
}
