/**
 * Enrollment: a one-time code issued by the district administrator for an office becomes a
 * device with its own token and its number within the office. The code is consumed in the same
 * transaction that creates the device, so one code never makes two devices, and the reference
 * version moves with it, as devices know each other by name from the reference data.
 */
import { v7 as uuidv7 } from 'uuid';
import type { OfficeKind } from '../../src/domain/roles';
import { type EnrollResponse, PROTOCOL_VERSION } from '../../src/domain/sync/protocol';
import { lockSyncWrites } from '../db/lock';
import type { Db } from '../db/types';
import { ApiError } from '../http/errors';
import {
  findEnrollCode,
  insertDevice,
  insertEnrollCode,
  nextDeviceNo,
  useEnrollCode,
} from '../queries/devices';
import { bumpReferenceVersion, getOffice } from '../queries/reference';
import { hashEnrollCode, newDeviceToken, newEnrollCode, sha256Hex } from '../secrets';

export async function enrollDevice(db: Db, code: string, now: Date): Promise<EnrollResponse> {
  const codeHash = hashEnrollCode(code);
  const serverTime = now.toISOString();
  return db.transaction(async (tx) => {
    // Device numbers are max+1 within the office; two enrollments at once must take turns.
    await lockSyncWrites(tx);
    const row = await findEnrollCode(tx, codeHash);
    if (!row) throw new ApiError('enroll-code-invalid', 'unknown enrollment code');
    if (row.used_at) throw new ApiError('enroll-code-used', 'enrollment code was already used');
    const office = await getOffice(tx, row.office_id);
    if (!office) throw new ApiError('enroll-code-invalid', 'the code names an unknown office');

    const deviceId = uuidv7();
    const token = newDeviceToken();
    const deviceNo = await nextDeviceNo(tx, office.id);
    await insertDevice(tx, {
      id: deviceId,
      officeId: office.id,
      deviceNo,
      tokenHash: sha256Hex(token),
      enrolledAt: serverTime,
      name: row.device_name,
      // Enrolled with proofs in place: none of its events predates them (ADR 0015).
      needsProofFromStart: true,
    });
    if (!(await useEnrollCode(tx, codeHash, deviceId, serverTime))) {
      throw new ApiError('enroll-code-used', 'enrollment code was already used');
    }
    // A device enrolled under a name: the office's other devices (and the district's) learn it
    // with their next reference sync, before its first events reach their histories. An unnamed
    // one adds nothing they would show (its events read by the person's office), so it does not
    // send every device of the district back for the whole reference.
    if (row.device_name) await bumpReferenceVersion(tx, now);
    return {
      deviceId,
      token,
      officeId: office.id,
      officeKind: office.kind,
      deviceNo,
      protocolVersion: PROTOCOL_VERSION,
      serverTime,
    };
  });
}

/**
 * Issues a one-time code for a device of `officeId`. The role names the kind of device (a village
 * akimat device or a district one) and must match the office, so a code cannot put a district
 * device in a village office by mistake.
 */
export async function issueEnrollCode(
  db: Db,
  officeId: string,
  role: OfficeKind,
  now: Date,
  deviceName: string | null = null,
): Promise<string> {
  const office = await getOffice(db, officeId);
  if (!office) throw new ApiError('office-unknown', `no office with id ${officeId}`);
  if (office.kind !== role) {
    throw new ApiError(
      'office-mismatch',
      `office ${officeId} is of kind ${office.kind}, not ${role}`,
    );
  }
  const code = newEnrollCode();
  await insertEnrollCode(db, {
    codeHash: hashEnrollCode(code),
    officeId,
    officeKind: office.kind,
    createdAt: now.toISOString(),
    deviceName,
  });
  return code;
}
