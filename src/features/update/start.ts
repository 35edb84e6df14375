/**
 * Start-up of everything that keeps the app current without losing work: the count of unsent
 * events (an update waits for it to reach zero), the database connection watched for a newer
 * schema opened in another tab, code that went missing after a deploy, and the service worker.
 */
import { liveQuery } from 'dexie';
import { reopen, watchConnection } from '../../db/connection';
import { syncCounts } from '../../db/queries';
import type { QabyldauDb } from '../../db/schema';
import { isIdle, needReload, useUpdate } from './updateState';
import { registerWorker } from './worker';

/** Set while the page reloads for missing code (sessionStorage: this tab only). */
const RELOADED_FOR_CODE = 'qabyldau-reloaded-for-code';

export function startUpdates(db: QabyldauDb): void {
  countUnsent(db);
  // A newer release opened the database in another tab: this page's code is the old one.
  watchConnection(db, () => void needReload('elsewhere'));
  // A lazy piece of this version's code is gone from the server and the cache: a newer version
  // replaced it. Reloaded at once when nothing would be lost; otherwise the error reaches the
  // screen (LoadErrorBoundary) and the person is told.
  window.addEventListener('vite:preloadError', (event) => {
    // Reloaded for this a moment ago and the code is still missing: the server lacks it, and
    // another reload would only loop. The person is told instead.
    if (sessionStorage.getItem(RELOADED_FOR_CODE)) {
      useUpdate.getState().set({ reloadReason: 'missing-code' });
      return;
    }
    if (isIdle()) sessionStorage.setItem(RELOADED_FOR_CODE, '1');
    if (needReload('missing-code') === 'reloading') event.preventDefault();
  });
  // A start that ran a while with its code whole forgets the reload it came from.
  if (sessionStorage.getItem(RELOADED_FOR_CODE)) {
    setTimeout(() => sessionStorage.removeItem(RELOADED_FOR_CODE), 60_000);
  }
  // The service worker already installed serves this start; registering it again (which checks
  // for a new version) waits until the first screen is up, and workbox-window's code is not in
  // the start-up script.
  const register = () => void registerWorker().catch(() => {});
  if ('requestIdleCallback' in window) requestIdleCallback(register, { timeout: 3_000 });
  else setTimeout(register, 1_000);
}

/** Keeps `unsent` in the update state as the outbox changes. */
function countUnsent(db: QabyldauDb): void {
  const subscribe = () =>
    liveQuery(() => syncCounts(db)).subscribe({
      next: ({ pending }) => useUpdate.getState().set({ unsent: pending }),
      // The connection was lost and could not be reopened by the read itself: count again
      // once it is back, until then nothing counts as sent.
      error: () => {
        useUpdate.getState().set({ unsent: null });
        void reopen(db).then(subscribe, () => {});
      },
    });
  subscribe();
}
