/**
 * Service names alone, for screens that list cases (the journal, work lists, the talon): the
 * whole catalog carries every regulation's text and is loaded only by the screens that need it.
 *
 * `service-names.json` is derived from the catalog's data (`serviceNames(CATALOG)`); a unit test
 * holds the two equal and rewrites the file with `vitest -u`. Catalog editions do not change
 * names or add services (an edition only completes `per_standard` checklists, see overlay.ts),
 * so these are the names of every edition; a test holds that too.
 */
import type { Catalog } from './index';
import type { Localized } from './schema';
import names from './service-names.json';

export type ServiceNames = Readonly<Record<string, Localized>>;

export const SERVICE_NAMES: ServiceNames = names;

/** Service id → name, as a catalog has them. */
export function serviceNames(catalog: Catalog): ServiceNames {
  return Object.fromEntries(catalog.services.map((s) => [s.id, s.name]));
}
