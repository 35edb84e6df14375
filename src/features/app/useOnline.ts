/**
 * Whether the browser says it has a network (`navigator.onLine`, and its `online`/`offline`
 * events). Only half of the answer: a laptop on a village Wi-Fi whose uplink is down says it is
 * online, so the header also asks whether the last sync request reached the server.
 */
import { useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
}
