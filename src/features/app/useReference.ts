/**
 * Live reference data for screens: the catalog edition (current, or the one a case was
 * registered under) and the calendar with the district's own years. Both change when the
 * administrator edits them and the device syncs.
 */

import { loadCalendar, loadCatalog } from '../../db/reference';
import { useLive } from '../../db/useLive';
import type { WorkCalendar } from '../../domain/calendar';
import type { Catalog } from '../../domain/catalog';
import { useRuntime } from './runtime';

export function useCatalog(version?: string): Catalog | undefined {
  const { db } = useRuntime();
  return useLive(() => loadCatalog(db, version), [version]).data;
}

export function useCalendar(): WorkCalendar | undefined {
  const { db } = useRuntime();
  return useLive(() => loadCalendar(db), []).data;
}
