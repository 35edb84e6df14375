/**
 * Choosing services from a catalog. Kept apart from the catalog's data (index.ts) so the app can
 * use it without loading every regulation's text up front.
 */
import type { Catalog } from './index';
import type { Service } from './schema';

/**
 * Services a district accepts on a channel, from the acts that apply to it. A channel whose
 * steps the seed does not hold (its appendix is lost) cannot promise a date on a talon, so it
 * is not offered for intake.
 */
export function servicesFor(
  catalog: Catalog,
  actIds: readonly string[],
  channel: keyof Service['channels'],
): Service[] {
  return catalog.services.filter(
    (s) => !s.isDeleted && actIds.includes(s.actId) && (s.channels[channel]?.steps.length ?? 0) > 0,
  );
}
