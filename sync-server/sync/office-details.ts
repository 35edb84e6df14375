/**
 * An office's details — names in Kazakh and Russian, address, phone — as the talon, the
 * receipts and the information sheet print them. Checked before anything is stored (the same
 * check the admin screen runs); devices print the new details from their next sync. A paper
 * printed before keeps what it printed.
 */
import { z } from 'zod';
import {
  OFFICE_TEXT_MAX_LENGTH,
  type OfficeDetails,
  officeDetailsProblem,
  tidyOfficeDetails,
} from '../../src/domain/admin/office-details';
import { lockSyncWrites } from '../db/lock';
import type { Db } from '../db/types';
import { ApiError } from '../http/errors';
import { setOfficeDetails } from '../queries/admin';
import { bumpReferenceVersion, getOffice } from '../queries/reference';
import { type AdminAsker, requireAdmin } from './admin-session';

const text = z.string().max(OFFICE_TEXT_MAX_LENGTH * 2);
const localized = z.object({ kk: text, ru: text });

export const officeDetailsRequestSchema = z.object({
  name: localized,
  address: localized,
  phone: z.string().max(60),
});

export async function setDetails(
  db: Db,
  asker: AdminAsker,
  officeId: string,
  body: z.infer<typeof officeDetailsRequestSchema>,
  now: Date,
): Promise<{ officeId: string } & OfficeDetails> {
  await requireAdmin(db, asker, now);
  const input: OfficeDetails = { name: body.name, address: body.address, phone: body.phone };
  const problem = officeDetailsProblem(input);
  if (problem) throw new ApiError(problem.code, 'office details not accepted', problem.details);
  const details = tidyOfficeDetails(input);
  return db.transaction(async (tx) => {
    await lockSyncWrites(tx);
    await requireAdmin(tx, asker, now);
    const office = await getOffice(tx, officeId);
    if (!office || office.districtId !== asker.device.office.districtId) {
      throw new ApiError('office-unknown', 'no such office in this district');
    }
    await setOfficeDetails(tx, officeId, details);
    await bumpReferenceVersion(tx, now);
    return { officeId, ...details };
  });
}
