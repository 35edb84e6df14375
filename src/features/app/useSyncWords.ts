/**
 * The sync words (`./syncWords.ts`, with date-fns and its Kazakh and Russian locales) as a
 * chunk of their own, loaded after the first screen: the start-up script stays within its
 * budget, and the header shows the exact time of the last sync for the moment until they come
 * (the service worker has them precached, so offline too). A failed load is tried again by the
 * next component that asks.
 */
import { useEffect, useState } from 'react';

type SyncWords = typeof import('./syncWords');

let loaded: SyncWords | undefined;
let loading: Promise<SyncWords> | undefined;

export function useSyncWords(): SyncWords | undefined {
  const [words, setWords] = useState(loaded);
  useEffect(() => {
    if (words) return;
    let isCurrent = true;
    loading ??= import('./syncWords').then(
      (module) => {
        loaded = module;
        return module;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    loading.then(
      (module) => {
        if (isCurrent) setWords(module);
      },
      () => {},
    );
    return () => {
      isCurrent = false;
    };
  }, [words]);
  return words;
}
