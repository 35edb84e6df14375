/**
 * Live reference data for screens: the catalog edition (current, or the one a case was
 * registered under) and the calendar with the district's own years. Both change when the
 * administrator edits them and the device syncs. Screens that only name a case's service use
 * `useServiceName` (serviceNames.ts) and do not load the catalog.
 */

import { loadCalendar, loadCatalog } from '../../db/reference';
import { useLive } from '../../db/useLive';
import type { WorkCalendar } from '../../domain/calendar';
import type { Catalog } from '../../domain/catalog';
import { useRuntime } from './runtime';
import { useWithStartupRead } from './startupReads';

export function useCatalog(version?: string): Catalog | undefined {
  const { db, startup } = useRuntime();
  const live = useLive(() => loadCatalog(db, version), [version]);
  // The catalog read at start-up (when the app does not open on the journal) is the current
  // edition.
  return useWithStartupRead(startup.catalog, live, version === undefined).data;
}

export function useCalendar(): WorkCalendar | undefined {
  const { db } = useRuntime();
  return useLive(() => loadCalendar(db), []).data;
}
