/**
 * What the app knows about its own version: whether a newer one waits to be applied, what it
 * changes, and whether the code running in this page is already older than what the device holds
 * (another tab applied an update, or a piece of code is gone from the server and the cache).
 * UI state only: the service worker and the database hold the rest.
 */
import { create } from 'zustand';
import { hasOpenForm } from './openForms';
import type { Release } from './whatsNew';

/**
 * Why this page must be loaded again: `elsewhere`, a newer version took over in another tab (its
 * service worker, or its database schema); `missing-code`, a screen's code could not be loaded.
 */
export type ReloadReason = 'elsewhere' | 'missing-code';

interface UpdateState {
  /** a new version's service worker is installed and waits */
  isWaiting: boolean;
  /** what the waiting version says it changes; null until read, or when it cannot be */
  release: Release | null;
  /** the person chose "later": not offered again until the app is next opened */
  isDismissed: boolean;
  isApplying: boolean;
  reloadReason: ReloadReason | null;
  /** events not yet accepted by the server, as last counted; null before the first count */
  unsent: number | null;
  set(patch: Partial<Omit<UpdateState, 'set'>>): void;
}

export const useUpdate = create<UpdateState>()((set) => ({
  isWaiting: false,
  release: null,
  isDismissed: false,
  isApplying: false,
  reloadReason: null,
  unsent: null,
  set: (patch) => set(patch),
}));

/**
 * Whether the page may be loaded again without asking: nothing unsent and no form holding
 * unsaved content. (Unsent events survive a reload; the rule keeps the person's work in front of
 * her until it is sent, and a new version never meets work the old one left half-done.)
 */
export function isIdle(): boolean {
  return useUpdate.getState().unsent === 0 && !hasOpenForm();
}

/** The page must be loaded again: done now when idle, else the person is told and chooses. */
export function needReload(reason: ReloadReason): 'reloading' | 'told' {
  if (isIdle()) {
    window.location.reload();
    return 'reloading';
  }
  useUpdate.getState().set({ reloadReason: reason });
  return 'told';
}
