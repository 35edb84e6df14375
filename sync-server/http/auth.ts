/**
 * Bearer-token authentication of enrolled devices. The token is hashed and looked up; the device
 * row and its office become the request's device context.
 */
import type { FastifyRequest } from 'fastify';
import type { Office } from '../../src/domain/reference';
import type { Db } from '../db/types';
import { type DeviceRow, findDeviceByTokenHash } from '../queries/devices';
import { getOffice } from '../queries/reference';
import { sha256Hex } from '../secrets';
import { ApiError } from './errors';

export interface AuthenticatedDevice {
  row: DeviceRow;
  office: Office;
}

export async function authenticate(db: Db, request: FastifyRequest): Promise<AuthenticatedDevice> {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{16,128})$/.exec(header.trim());
  if (!match?.[1]) throw new ApiError('unauthorized', 'missing or malformed bearer token');
  const row = await findDeviceByTokenHash(db, sha256Hex(match[1]));
  if (!row) throw new ApiError('unauthorized', 'unknown device token');
  // A revoked device gets its own code so it can tell the person to re-enroll, not just retry.
  if (row.revoked_at) throw new ApiError('device-revoked', 'device was revoked');
  const office = await getOffice(db, row.office_id);
  if (!office) throw new ApiError('unauthorized', 'device office no longer exists');
  return { row, office };
}
