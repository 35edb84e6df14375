/**
 * Where the demo's activity may run: a store that holds the demo district and nothing else.
 * Invented applicants and decisions in a real district's journal would be indistinguishable
 * from real ones, so every other store — a real district, several districts, none at all — is
 * refused before anything is written.
 */
import type { Db } from '../db/types';
import { listDistricts } from '../queries/reference';
import { DEMO_DISTRICT } from '../seed/aktogay';

/** Why this store may not take the demo's activity, or null when it may. */
export async function notDemoDistrict(db: Db): Promise<string | null> {
  const districts = await listDistricts(db);
  if (districts.length === 0) {
    return 'the store holds no district (DEMO=0 and nothing restored); the demo activity runs only in the demo district';
  }
  const [only] = districts;
  if (districts.length > 1 || only?.id !== DEMO_DISTRICT.id || !only.isDemo) {
    return `the store holds ${districts.map((d) => d.id).join(', ')}, not the demo district alone; the demo activity would put invented cases among real work`;
  }
  return null;
}
