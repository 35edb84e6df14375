/**
 * The citizen's status question answered from this device's own copy, with no network: the same
 * domain answer the district server's public page gives (`src/domain/public-status.ts`), so the
 * village office tells a caller exactly what the citizen's phone would show.
 */
import { SERVICE_NAMES } from '../domain/catalog/names';
import { answerStatus, type PublicLang, type PublicStatus } from '../domain/public-status';
import type { QabyldauDb } from './schema';

/** The answer for this number and these four digits; null for an unknown number or wrong digits. */
export async function statusOnDevice(
  db: QabyldauDb,
  number: string,
  iin4: string,
  lang: PublicLang,
): Promise<PublicStatus | null> {
  const candidates = await db.cases.where('regNumber').equals(number.trim()).toArray();
  return answerStatus(candidates, iin4, SERVICE_NAMES, lang);
}
