/**
 * Live reference data for screens: the catalog edition (current, or the one a case was
 * registered under) and the calendar with the district's own years. Both change when the
 * administrator edits them and the device syncs.
 */

import { useMemo } from 'react';
import { loadCalendar, loadCatalog } from '../../db/reference';
import { useLive } from '../../db/useLive';
import type { WorkCalendar } from '../../domain/calendar';
import type { Catalog } from '../../domain/catalog';
import type { Service } from '../../domain/catalog/schema';
import { useRuntime } from './runtime';
import { useWithStartupRead } from './startupReads';

export function useCatalog(version?: string): Catalog | undefined {
  const { db, startup } = useRuntime();
  const live = useLive(() => loadCatalog(db, version), [version]);
  // The catalog read at start-up is the current edition.
  return useWithStartupRead(startup.catalog, live, version === undefined).data;
}

/** Services of the current edition by id; undefined until the catalog is loaded. */
export function useFindService(): ((id: string) => Service | undefined) | undefined {
  const catalog = useCatalog();
  return useMemo(() => {
    if (!catalog) return undefined;
    const byId = new Map(catalog.services.map((s) => [s.id, s]));
    return (id: string) => byId.get(id);
  }, [catalog]);
}

export function useCalendar(): WorkCalendar | undefined {
  const { db } = useRuntime();
  return useLive(() => loadCalendar(db), []).data;
}
