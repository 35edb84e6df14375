/**
 * A catalog edition laid over the shipped catalog. Kept apart from the editions' schemas so the
 * device can apply the current edition at start-up without loading the schema library.
 */
import type { CatalogEdition } from './editions';
import { CATALOG, type Catalog } from './index';
import type { Service, ServiceDocument } from './schema';

/**
 * The catalog as a given edition has it. Documents an administrator adds carry no seed lines
 * of their own; they point at the regulation's reference to the Standard.
 */
export function applyEdition(
  edition: CatalogEdition | undefined,
  base: Catalog = CATALOG,
): Catalog {
  if (!edition) return base;
  const services = base.services.map((service): Service => {
    const documents = edition.checklists[service.id];
    if (!documents || service.checklist.kind !== 'per_standard') return service;
    const source = service.checklist.source;
    return {
      ...service,
      checklist: {
        ...service.checklist,
        documents: documents.map((d): ServiceDocument => ({ ...d, source })),
      },
    };
  });
  return { ...base, version: edition.version, services };
}

/** Editions in order; the last is current. */
export function currentEdition(editions: readonly CatalogEdition[]): CatalogEdition | undefined {
  return editions.at(-1);
}
