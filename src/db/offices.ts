/**
 * The district's offices as the device holds them from the reference data: the district
 * department first, then the akimats by their code (Appendix 1's order in the demo district).
 */
import type { Office } from '../domain/reference';
import type { QabyldauDb } from './schema';

export async function districtOffices(db: QabyldauDb): Promise<Office[]> {
  const offices = await db.offices.toArray();
  return offices.sort((a, b) =>
    a.kind !== b.kind ? (a.kind === 'district' ? -1 : 1) : a.code.localeCompare(b.code),
  );
}
