/**
 * Durability of SQLite commits, off the main thread. SQLite commits without waiting for the disk
 * (`synchronous = NORMAL`, which in WAL mode keeps the database consistent but not yet durable);
 * this module then fdatasyncs the WAL file in libuv's thread pool. A commit is durable once its
 * WAL frames are on disk, so the guarantee is `synchronous = FULL`'s as long as nothing is
 * acknowledged — and nothing another request read is used — before its sync has finished.
 *
 * Syncs are pipelined: a sync starts right after its COMMIT and the connection goes on to the
 * next transactions meanwhile, instead of idling while the disk works (about a sixth of the
 * server's main thread under load). The next commit may read what the previous one wrote before
 * that is durable; it is safe because its own answer waits for its own sync, which starts after
 * both commits were written and so covers both, and for the previous sync's outcome: a commit
 * that may have built on lost writes is never acknowledged.
 */
import { closeSync, fdatasync, fstatSync, openSync, type Stats, statSync } from 'node:fs';

export type SyncFile = (fd: number) => Promise<void>;

/** fdatasync in the thread pool: the main thread goes on parsing and checking other pushes. */
const fdatasyncInPool: SyncFile = (fd) =>
  new Promise<void>((resolve, reject) => {
    fdatasync(fd, (error) => (error ? reject(error) : resolve()));
  });

export interface WalSync {
  /**
   * Called right after a COMMIT (or a write that committed by itself): starts a sync of what it
   * wrote. Settles once that and every earlier commit is durable; fails if any sync they depend
   * on failed.
   */
  committed(): Promise<void>;
  /** Settles once everything committed so far is durable; fails like `committed`. */
  durable(): Promise<void>;
  /** Waits for every sync under way, then lets go of the WAL's descriptor. */
  close(): Promise<void>;
}

export function walSync(databaseFile: string, syncFile: SyncFile = fdatasyncInPool): WalSync {
  if (databaseFile === ':memory:') {
    const done = () => Promise.resolve();
    return { committed: done, durable: done, close: done };
  }
  const wal = `${databaseFile}-wal`;
  /** every sync under way, each settled or not: a descriptor is closed only once none uses it */
  const running = new Set<Promise<void>>();
  /**
   * A descriptor of the WAL file, kept open between syncs: opening and closing it for every
   * commit cost more main-thread time than the sync. SQLite keeps the file while its connection
   * is open, but the descriptor is checked against the path before each sync all the same, so a
   * file replaced under us is reopened rather than a stale one synced.
   */
  let walFd: number | null = null;
  /** settles when everything committed so far is durable */
  let latest: Promise<void> = Promise.resolve();

  const retire = (fd: number) => {
    void Promise.allSettled([...running]).then(() => closeSync(fd));
  };

  /** The WAL's descriptor, or null when there is no WAL file (all of it was checkpointed). */
  const descriptor = (): number | null => {
    let path: Stats;
    try {
      path = statSync(wal);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    if (walFd !== null) {
      const held = fstatSync(walFd);
      if (held.ino !== path.ino || held.dev !== path.dev) {
        retire(walFd);
        walFd = null;
      }
    }
    if (walFd === null) {
      try {
        walFd = openSync(wal, 'r');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    }
    return walFd;
  };

  /** Starts the sync now, synchronously up to the thread pool: it covers every frame written. */
  const startSync = (): Promise<void> => {
    let fd: number | null;
    try {
      fd = descriptor();
    } catch (error) {
      return Promise.reject(error);
    }
    // Without a WAL file everything was checkpointed into the database, which SQLite syncs
    // itself when it checkpoints.
    if (fd === null) return Promise.resolve();
    const sync = syncFile(fd);
    running.add(sync);
    const forget = () => running.delete(sync);
    sync.then(forget, forget);
    return sync;
  };

  return {
    committed() {
      const own = startSync();
      const both = Promise.all([latest, own]).then(() => undefined);
      latest = both;
      // A failed sync fails the commits that were waiting on it; commits made after it settled
      // start afresh rather than failing for ever after.
      both.catch(() => {
        if (latest === both) latest = Promise.resolve();
      });
      return both;
    },
    durable: () => latest,
    async close() {
      await Promise.allSettled([latest, ...running]);
      if (walFd !== null) closeSync(walFd);
      walFd = null;
    },
  };
}
