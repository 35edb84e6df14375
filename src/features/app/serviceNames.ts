/**
 * Service names for the screens that list cases (the journal, work lists, transfers, the
 * talon and the register): a small module of their own, so that showing a case's service does
 * not wait for the whole catalog with every regulation's text. Editions never rename a service
 * (see domain/catalog/names.ts), so the names need no database read.
 */
import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { ServiceNames } from '../../domain/catalog/names';
import type { Localized } from '../../domain/catalog/schema';

let names: ServiceNames | undefined;
let isLoading = false;
const listeners = new Set<() => void>();

/** Starts loading the names once; a failed load (a chunk missing after an update) is tried again. */
export function loadServiceNames(): void {
  if (names || isLoading) return;
  isLoading = true;
  import('../../domain/catalog/names').then(
    (m) => {
      names = m.SERVICE_NAMES;
      for (const listener of listeners) listener();
    },
    () => {
      isLoading = false;
    },
  );
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const current = () => names;

/** A service's name by id; undefined until the names are loaded. */
export function useServiceName(): ((id: string) => Localized | undefined) | undefined {
  const loaded = useSyncExternalStore(subscribe, current);
  useEffect(() => {
    if (!loaded) loadServiceNames();
  }, [loaded]);
  return useMemo(() => loaded && ((id: string) => loaded[id]), [loaded]);
}
