/**
 * Looking after the device's storage while it is enrolled: persistence asked for (once per
 * start, and only while the browser has not granted it), and the localStorage marker that lets a
 * later start notice that the browser deleted the device's records (src/db/device-marker.ts),
 * kept with the number of actions still unsent, so the person can then be told what was lost.
 */
import { useEffect } from 'react';
import { markerOf, writeMarker } from '../../db/device-marker';
import type { Credentials } from '../../db/meta';
import { syncCounts } from '../../db/queries';
import { askToPersist, browserStorage, type StoragePort } from '../../db/storage-port';
import { useLive } from '../../db/useLive';
import { toLocalDateTime } from '../../domain/time';
import { useRuntime } from './runtime';

/** Asked once per start: a browser that said no keeps saying it until something changes. */
let isAsked = false;

export function useStorageCare(credentials: Credentials | undefined, port?: StoragePort): void {
  const { db, now } = useRuntime();
  const pending = useLive(() => syncCounts(db), []).data?.pending;

  useEffect(() => {
    if (!credentials || isAsked) return;
    isAsked = true;
    void askToPersist(port ?? browserStorage());
  }, [credentials, port]);

  useEffect(() => {
    if (!credentials || pending === undefined) return;
    writeMarker(globalThis.localStorage, markerOf(credentials, pending, toLocalDateTime(now())));
  }, [credentials, pending, now]);
}
