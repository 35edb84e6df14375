/**
 * The service worker, registered with workbox-window in prompt mode: a new version installs in
 * the background and waits; the app offers it (UpdateOffer) and applies it only when the person
 * says so — the waiting worker is told to take over, and the page reloads once it controls.
 *
 * Checked for a new version when the app starts and every hour while it stays open (a village
 * office keeps it open all day).
 */
import type { Workbox } from 'workbox-window';
import { needReload, useUpdate } from './updateState';
import { parseRelease } from './whatsNew';

const CHECK_EVERY_MS = 60 * 60_000;

let workbox: Workbox | null = null;

export async function registerWorker(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const { Workbox } = await import('workbox-window');
  const base = import.meta.env.BASE_URL;
  const wb = new Workbox(`${base}sw.js`, { scope: base });
  workbox = wb;
  // Fired for a version found now, one already waiting when the app started, and one another
  // tab's check found.
  wb.addEventListener('waiting', () => void noteWaiting());
  // Followed here rather than by workbox-window's `controlling`, whose `isUpdate` says whether a
  // worker controlled the page when it registered: on a first visit the page is taken over after
  // that (clientsClaim), and a later update would not count as one.
  let controller = navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    const previous = controller;
    controller = navigator.serviceWorker.controller;
    // The first install taking the page is no update.
    if (!previous) return;
    if (useUpdate.getState().isApplying) window.location.reload();
    // Another tab applied it: this page runs the old code under the new worker.
    else needReload('elsewhere');
  });
  const registration = await wb.register({ immediate: true });
  if (!registration) return;
  // workbox-window stops following updates after one it takes for another tab's; the
  // registration's own events keep every later version offered.
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed' && registration.waiting === installing) {
        void noteWaiting();
      }
    });
  });
  setInterval(() => {
    if (navigator.onLine) registration.update().catch(() => {});
  }, CHECK_EVERY_MS);
}

/** A new version waits (and is not the one running): note it and read what it changes. */
async function noteWaiting(): Promise<void> {
  if (!navigator.serviceWorker.controller) return;
  // Read again for every version found: one waiting may be replaced by a newer one.
  const { set } = useUpdate.getState();
  set({ isWaiting: true });
  try {
    // The new version's release file, from the server: it is not precached, and the running
    // version's cache could only give its own.
    const response = await fetch(`${import.meta.env.BASE_URL}version.json`, { cache: 'no-store' });
    if (response.ok) set({ release: parseRelease(await response.json()) });
  } catch {
    // Offline again, or an older server: the offer says it in general words.
  }
}

/**
 * Applies the waiting version: the page reloads when the new worker controls it. With none
 * waiting (taken over meanwhile by another tab), a reload is enough.
 */
export async function applyUpdate(): Promise<void> {
  useUpdate.getState().set({ isApplying: true });
  const registration = await navigator.serviceWorker?.getRegistration();
  if (workbox && registration?.waiting) workbox.messageSkipWaiting();
  else window.location.reload();
}
