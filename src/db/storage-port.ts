/**
 * What the browser says about the site's storage, behind a small port so tests can give their
 * own answers: whether it is persistent (kept under storage pressure instead of being evicted
 * with other sites' data), and how much is used of what the site may use.
 *
 * Persistence is asked for once the device is enrolled — when it starts holding work that
 * exists nowhere else — and again at each start while the browser has not granted it: Chromium
 * decides by itself (an installed or often-used site is granted), Firefox asks the person once
 * and remembers. Not earlier: a prompt on a page the person has never used is refused.
 */

export interface StoragePort {
  /** null: the browser cannot say (no Storage API, or it failed) */
  persisted(): Promise<boolean | null>;
  persist(): Promise<boolean | null>;
  estimate(): Promise<{ usage: number; quota: number } | null>;
}

/** The page's `navigator.storage`, where there is one. */
export function browserStorage(
  storage: StorageManager | undefined = globalThis.navigator?.storage,
): StoragePort {
  return {
    persisted: () => answer(storage?.persisted ? () => storage.persisted() : undefined),
    persist: () => answer(storage?.persist ? () => storage.persist() : undefined),
    estimate: async () => {
      const got = await answer(storage?.estimate ? () => storage.estimate() : undefined);
      if (!got || typeof got.usage !== 'number' || typeof got.quota !== 'number') return null;
      return { usage: got.usage, quota: got.quota };
    },
  };
}

async function answer<T>(call: (() => Promise<T>) | undefined): Promise<T | null> {
  if (!call) return null;
  try {
    return await call();
  } catch {
    // An insecure origin or a browser that refuses: the same as not knowing.
    return null;
  }
}

/** Asks for persistence unless the site has it; the browser's answer (null: unknown). */
export async function askToPersist(port: StoragePort): Promise<boolean | null> {
  if ((await port.persisted()) === true) return true;
  return port.persist();
}

export interface StorageFacts {
  isPersisted: boolean | null;
  usage: number | null;
  /** what the site may still use: the quota less the usage; null when unknown */
  free: number | null;
}

export async function readStorageFacts(port: StoragePort): Promise<StorageFacts> {
  const [isPersisted, estimate] = await Promise.all([port.persisted(), port.estimate()]);
  return {
    isPersisted,
    usage: estimate?.usage ?? null,
    free: estimate ? Math.max(0, estimate.quota - estimate.usage) : null,
  };
}
