/**
 * Where a case's file is, as people say it: where its last step happened (the process's word),
 * or between the two offices while a transfer batch or a result is on its way and nobody has
 * confirmed it arrived.
 */
import type { Place } from '../process';
import type { Case } from './reducer';

export type Whereabouts = Place | 'toDistrict' | 'toVillage';

export function whereabouts(c: Pick<Case, 'status' | 'at'>): Whereabouts {
  if (c.status === 'forwarded') return 'toDistrict';
  if (c.status === 'result_sent') return 'toVillage';
  return c.at;
}
