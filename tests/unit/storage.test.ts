/**
 * The device's storage, apart from the browser: a full disk told apart from other failed writes
 * in every shape the browser and Dexie give it; sizes in the units a person reads; the Storage
 * API read through its port (persistence asked only when not granted, an absent API unknown);
 * and the marker that notices the browser wiped the device's records.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { AppendError } from '../../src/db/append';
import {
  type DeviceMarker,
  findWipe,
  MARKER_KEY,
  type MarkerStore,
  markerOf,
  readMarker,
  writeMarker,
} from '../../src/db/device-marker';
import type { Credentials } from '../../src/db/meta';
import { isQuotaError, StorageFullError } from '../../src/db/quota';
import {
  askToPersist,
  browserStorage,
  readStorageFacts,
  type StoragePort,
} from '../../src/db/storage-port';
import { byteSize, formatBytes } from '../../src/features/sync/bytes';
import { kk } from '../../src/i18n/kk';
import { ru } from '../../src/i18n/ru';

const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

describe('a full disk', () => {
  it('is found however it is wrapped', () => {
    expect(isQuotaError(quota())).toBe(true);
    // Dexie's own class for it, and a transaction aborted by it.
    expect(isQuotaError(new Dexie.QuotaExceededError('full'))).toBe(true);
    expect(isQuotaError(new Dexie.AbortError('aborted', quota()))).toBe(true);
    expect(isQuotaError(new Dexie.BulkError('bulk', { 0: quota() }))).toBe(true);
    expect(isQuotaError(new Error('wrapped', { cause: quota() }))).toBe(true);
    expect(isQuotaError(new StorageFullError(quota()))).toBe(true);
    // Older Firefox names it its own way.
    expect(isQuotaError({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
  });

  it('is not any other failure', () => {
    expect(isQuotaError(new AppendError('payload: Required'))).toBe(false);
    expect(isQuotaError(new DOMException('key exists', 'ConstraintError'))).toBe(false);
    expect(isQuotaError(new Dexie.AbortError('aborted', new Error('other')))).toBe(false);
    expect(isQuotaError(new Dexie.DatabaseClosedError('closed'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
    const loop: { name: string; inner?: unknown } = { name: 'Error' };
    loop.inner = loop;
    expect(isQuotaError(loop)).toBe(false);
  });
});

/** `t` over a dictionary's `storage.units`, as i18next interpolates them. */
function tOf(dict: typeof kk | typeof ru) {
  return (key: string, options?: Record<string, unknown>) => {
    const unit = key.replace('storage.units.', '') as keyof typeof dict.storage.units;
    return dict.storage.units[unit].replace('{{amount}}', String(options?.amount));
  };
}

describe('sizes', () => {
  it('are in KB, MB or GB counted by 1024', () => {
    expect(byteSize(512 * 1024)).toEqual({ amount: 512, unit: 'kb' });
    expect(byteSize(3 * 1024 * 1024)).toEqual({ amount: 3, unit: 'mb' });
    expect(byteSize(2.5 * 1024 ** 3)).toEqual({ amount: 2.5, unit: 'gb' });
  });

  it('read with the decimal comma, one decimal below ten', () => {
    expect(formatBytes(1.44 * 1024 ** 3, tOf(kk))).toBe('1,4 ГБ');
    expect(formatBytes(12.6 * 1024 ** 2, tOf(ru))).toBe('13 МБ');
    expect(formatBytes(300 * 1024, tOf(kk))).toBe('300 КБ');
    expect(formatBytes(0, tOf(ru))).toBe('0 КБ');
    expect(formatBytes(2 * 1024 ** 2, tOf(kk))).toBe('2 МБ');
    expect(formatBytes(9.97 * 1024 ** 2, tOf(kk))).toBe('10 МБ');
  });
});

/** A port whose browser answers as told, recording what was asked of it. */
function fakePort(state: { persisted: boolean | null; grants: boolean | null }) {
  const asked: string[] = [];
  const port: StoragePort = {
    persisted: async () => {
      asked.push('persisted');
      return state.persisted;
    },
    persist: async () => {
      asked.push('persist');
      if (state.grants) state.persisted = true;
      return state.grants;
    },
    estimate: async () => ({ usage: 5 * 1024 ** 2, quota: 2 * 1024 ** 3 }),
  };
  return { port, asked };
}

describe('the storage port', () => {
  it('asks for persistence only while it is not granted', async () => {
    const granted = fakePort({ persisted: true, grants: true });
    expect(await askToPersist(granted.port)).toBe(true);
    expect(granted.asked).toEqual(['persisted']);

    const refused = fakePort({ persisted: false, grants: false });
    expect(await askToPersist(refused.port)).toBe(false);
    expect(refused.asked).toEqual(['persisted', 'persist']);
  });

  it('reads persistence, usage and what is left', async () => {
    const { port } = fakePort({ persisted: false, grants: true });
    await askToPersist(port);
    expect(await readStorageFacts(port)).toEqual({
      isPersisted: true,
      usage: 5 * 1024 ** 2,
      free: 2 * 1024 ** 3 - 5 * 1024 ** 2,
    });
  });

  it('answers unknown where the browser has no Storage API or it fails', async () => {
    expect(await readStorageFacts(browserStorage(undefined))).toEqual({
      isPersisted: null,
      usage: null,
      free: null,
    });
    const failing = {
      persisted: () => Promise.reject(new TypeError('insecure')),
      persist: () => Promise.reject(new TypeError('insecure')),
      estimate: () => Promise.reject(new TypeError('insecure')),
    } as unknown as StorageManager;
    expect(await askToPersist(browserStorage(failing))).toBeNull();
    expect((await readStorageFacts(browserStorage(failing))).usage).toBeNull();
  });
});

const CREDENTIALS: Credentials = {
  deviceId: 'dev-1',
  token: 'secret',
  officeId: 'akt-01',
  officeKind: 'akimat',
  deviceNo: 3,
  serverUrl: '',
  enrolledAt: '2026-03-01T09:00',
};

function memoryStore(): MarkerStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
  };
}

describe('the wiped-storage marker', () => {
  it('keeps the device and its unsent count, never the token', () => {
    const store = memoryStore();
    expect(writeMarker(store, markerOf(CREDENTIALS, 2, '2026-03-02T17:40'))).toBe(true);
    const read = readMarker(store);
    expect(read).toEqual({
      deviceId: 'dev-1',
      deviceNo: 3,
      officeId: 'akt-01',
      enrolledAt: '2026-03-01T09:00',
      unsent: 2,
      seenAt: '2026-03-02T17:40',
    } satisfies DeviceMarker);
    expect(store.map.get(MARKER_KEY)).not.toContain('secret');
  });

  it('finds the records wiped when the marker outlived the enrollment', () => {
    const marker = markerOf(CREDENTIALS, 0, '2026-03-02T17:40');
    expect(findWipe(marker, undefined)).toEqual({ kind: 'wiped', marker });
    // Enrolled and its records here: nothing lost, whatever became of the marker.
    expect(findWipe(marker, CREDENTIALS)).toEqual({ kind: 'intact' });
    expect(findWipe(null, CREDENTIALS)).toEqual({ kind: 'intact' });
    // Nothing says a device was ever enrolled in this browser.
    expect(findWipe(null, undefined)).toEqual({ kind: 'new' });
  });

  it('reads nothing from garbage, and survives a storage that refuses', () => {
    const store = memoryStore();
    store.map.set(MARKER_KEY, '{not json');
    expect(readMarker(store)).toBeNull();
    store.map.set(MARKER_KEY, JSON.stringify({ something: 'else' }));
    expect(readMarker(store)).toBeNull();
    expect(readMarker(undefined)).toBeNull();
    const refusing: MarkerStore = {
      getItem: () => {
        throw new DOMException('denied', 'SecurityError');
      },
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(readMarker(refusing)).toBeNull();
    expect(writeMarker(refusing, markerOf(CREDENTIALS, 0, '2026-03-02T17:40'))).toBe(false);
  });
});
