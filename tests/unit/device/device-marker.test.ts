/**
 * The wiped-storage marker kept by an enrolled device: it follows the count of unsent actions
 * as commands queue them and a push would clear them, so a later start can say how many were
 * lost; a wipe of IndexedDB alone leaves it, and finds the device wiped.
 */
// Dexie's live queries see a database's changes only when an IndexedDB existed as the module
// loaded: the global one is set before it, though the device uses its own factory.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  findWipe,
  keepMarker,
  MARKER_KEY,
  type MarkerStore,
  readMarker,
} from '../../../src/db/device-marker';
import { getMeta } from '../../../src/db/meta';
import { controlDigit } from '../../../src/domain/iin';
import { makeDevice, TestClock } from './fixtures';

function iin(first11: string): string {
  const digit = controlDigit(first11);
  if (digit === null) throw new Error('pick another serial');
  return `${first11}${digit}`;
}

function memoryStore(): MarkerStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v) };
}

/** Waits until the marker says `unsent` (the live query answers a moment after a write). */
async function markerSays(store: MarkerStore, unsent: number) {
  for (let i = 0; i < 100; i++) {
    const marker = readMarker(store);
    if (marker?.unsent === unsent) return marker;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return readMarker(store);
}

describe('the marker of an enrolled device', () => {
  it('follows the unsent count, and outlives a wipe of the database', async () => {
    const clock = new TestClock(new Date(2026, 2, 18, 10, 30));
    const { db, commands, credentials } = await makeDevice(clock);
    const store = memoryStore();
    const stop = keepMarker(db, credentials, () => '2026-03-18T10:30', store);

    expect(await markerSays(store, 0)).toMatchObject({
      deviceId: credentials.deviceId,
      deviceNo: 3,
      enrolledAt: '2026-03-01T09:00',
    });
    for (const serial of ['85041241234', '85041241235']) {
      const saved = await commands.registerCase({
        serviceId: '003-06',
        channel: 'akim',
        applicant: { iin: iin(serial), surname: 'Сейітқалиева', givenName: 'Гүлназ' },
        personalDataConsent: true,
        presentedDocuments: [],
        confirmDuplicate: true,
      });
      expect(saved.ok, JSON.stringify(saved)).toBe(true);
    }
    const marker = await markerSays(store, 2);
    expect(marker?.unsent).toBe(2);
    stop();

    // The browser deletes IndexedDB; localStorage keeps the marker.
    await db.delete();
    await db.open();
    expect(await getMeta(db, 'credentials')).toBeUndefined();
    expect(store.map.has(MARKER_KEY)).toBe(true);
    expect(findWipe(readMarker(store), await getMeta(db, 'credentials'))).toEqual({
      kind: 'wiped',
      marker,
    });
  });
});
