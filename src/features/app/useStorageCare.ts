/**
 * Looking after the device's storage while it is enrolled: persistence asked for (once per
 * start, and only while the browser has not granted it), and the localStorage marker that lets a
 * later start notice that the browser deleted the device's records (src/db/device-marker.ts),
 * kept with the number of actions still unsent, so the person can then be told what was lost.
 */
import { useEffect } from 'react';
import { keepMarker } from '../../db/device-marker';
import type { Credentials } from '../../db/meta';
import { askToPersist, browserStorage, type StoragePort } from '../../db/storage-port';
import { toLocalDateTime } from '../../domain/time';
import { useRuntime } from './runtime';

/** Asked once per start: a browser that said no keeps saying it until something changes. */
let isAsked = false;

export function useStorageCare(credentials: Credentials | undefined, port?: StoragePort): void {
  const { db, now } = useRuntime();
  const isEnrolled = Boolean(credentials);
  const { deviceId = '', deviceNo = 0, officeId = '', enrolledAt = '' } = credentials ?? {};

  useEffect(() => {
    if (!isEnrolled || isAsked) return;
    isAsked = true;
    void askToPersist(port ?? browserStorage());
  }, [isEnrolled, port]);

  useEffect(() => {
    if (!deviceId) return;
    return keepMarker(
      db,
      { deviceId, deviceNo, officeId, enrolledAt },
      () => toLocalDateTime(now()),
      globalThis.localStorage,
    );
  }, [db, now, deviceId, deviceNo, officeId, enrolledAt]);
}
