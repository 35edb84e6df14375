/**
 * Noticing that the browser wiped this site's storage. The device's enrollment lives in
 * IndexedDB (`meta.credentials`); a marker in localStorage says the same device was enrolled
 * here, with how much of its work was still unsent when the app last looked. The two are
 * deleted by different things: a Chromium browser short of space evicts IndexedDB and the Cache
 * Storage of a site that is not persistent and leaves localStorage; a person clearing site data
 * or a browser's cleanup may take one and not the other. When the marker survives and the
 * credentials are gone, the device's records were deleted by the browser, not by the app (the
 * app never removes the credentials), and the person is told so.
 *
 * What this cannot see: a wipe of both at once (Safari deletes all of a site's storage after
 * seven days of use without opening it, except for an app added to the home screen; a full
 * "clear site data"). The device then looks new, which it is; only installing the app and
 * syncing often guard against that, and the Sync screen says whether storage is persistent.
 */
import { liveQuery } from 'dexie';
import type { Credentials } from './meta';
import type { QabyldauDb } from './schema';

export const MARKER_KEY = 'qabyldau-device';

export interface DeviceMarker {
  deviceId: string;
  deviceNo: number;
  officeId: string;
  /** local date-time of the enrollment, from the credentials */
  enrolledAt: string;
  /** events in the outbox when the app last looked */
  unsent: number;
  /** local date-time of that look */
  seenAt: string;
}

/** localStorage's part that the marker needs; tests give a map. */
export type MarkerStore = Pick<Storage, 'getItem' | 'setItem'>;

export function readMarker(store: MarkerStore | undefined): DeviceMarker | null {
  try {
    const raw = store?.getItem(MARKER_KEY);
    if (!raw) return null;
    const m = JSON.parse(raw) as Partial<DeviceMarker>;
    // Anything else there is not ours to interpret.
    if (typeof m.deviceId !== 'string' || typeof m.enrolledAt !== 'string') return null;
    return {
      deviceId: m.deviceId,
      deviceNo: typeof m.deviceNo === 'number' ? m.deviceNo : 0,
      officeId: typeof m.officeId === 'string' ? m.officeId : '',
      enrolledAt: m.enrolledAt,
      unsent: typeof m.unsent === 'number' ? m.unsent : 0,
      seenAt: typeof m.seenAt === 'string' ? m.seenAt : '',
    };
  } catch {
    // Storage disabled, or the value mangled: no marker.
    return null;
  }
}

/** Writes the marker; false when localStorage refuses (disabled, or full). */
export function writeMarker(store: MarkerStore | undefined, marker: DeviceMarker): boolean {
  try {
    if (!store) return false;
    const value = JSON.stringify(marker);
    // Writing only what changed keeps a tab that re-renders often from rewriting the same text.
    if (store.getItem(MARKER_KEY) !== value) store.setItem(MARKER_KEY, value);
    return true;
  } catch {
    return false;
  }
}

export function markerOf(credentials: Credentials, unsent: number, seenAt: string): DeviceMarker {
  return {
    deviceId: credentials.deviceId,
    deviceNo: credentials.deviceNo,
    officeId: credentials.officeId,
    enrolledAt: credentials.enrolledAt,
    unsent,
    seenAt,
  };
}

/**
 * Keeps the marker of an enrolled device up to date: written now, and again whenever the count
 * of unsent actions changes (in this tab or another). A subscription, not a rendered read:
 * nothing on screen depends on it. Returns the unsubscribe.
 */
export function keepMarker(
  db: QabyldauDb,
  device: Pick<Credentials, 'deviceId' | 'deviceNo' | 'officeId' | 'enrolledAt'>,
  seenAt: () => string,
  store: MarkerStore | undefined,
): () => void {
  const subscription = liveQuery(() => db.outbox.count()).subscribe({
    next: (unsent) =>
      writeMarker(store, {
        deviceId: device.deviceId,
        deviceNo: device.deviceNo,
        officeId: device.officeId,
        enrolledAt: device.enrolledAt,
        unsent,
        seenAt: seenAt(),
      }),
    // A database that cannot be read leaves the marker as it last was.
    error: () => {},
  });
  return () => subscription.unsubscribe();
}

export type StorageFinding =
  /** enrolled and its records here: the marker is (re)written */
  | { kind: 'intact' }
  /** nothing says this browser ever held an enrolled device */
  | { kind: 'new' }
  /** the marker says a device was enrolled here, and IndexedDB no longer holds it */
  | { kind: 'wiped'; marker: DeviceMarker };

/**
 * What the two traces say together. With the credentials present nothing recorded was lost,
 * whatever became of the marker (localStorage cleared alone takes only the intake draft and the
 * language), so that is not reported; it is written again.
 */
export function findWipe(
  marker: DeviceMarker | null,
  credentials: Credentials | undefined,
): StorageFinding {
  if (credentials) return { kind: 'intact' };
  if (marker) return { kind: 'wiped', marker };
  return { kind: 'new' };
}
