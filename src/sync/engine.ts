/**
 * When and how often to sync. One round = report sign-in locks put on here, push the outbox,
 * then pull. Rounds run on start,
 * when the browser says it is online, every `intervalMs`, right after a local write, and on the
 * "sync now" button — never depending on the Background Sync API. Failures back off
 * exponentially with jitter. Only one tab syncs at a time (Web Locks), so two tabs never push
 * the same outbox concurrently.
 */
import { getMeta, type SyncStatus, setMeta } from '../db/meta';
import { isQuotaError } from '../db/quota';
import type { QabyldauDb } from '../db/schema';
import { toLocalDateTime } from '../domain/time';
import { createHttp, HttpFailure, type HttpPort } from './http';
import { reportSignInLocks } from './identity';
import { type InitialProgress, initialSync } from './initial';
import { pullEvents } from './pull';
import { pushOutbox } from './push';
import { verifyAndRepair } from './verify';

/** How often a device compares checksums with the server. */
const VERIFY_EVERY_MS = 10 * 60_000;

/** What the engine tells the screens: the stored status, whether a round runs, its progress. */
export type EngineStatus = SyncStatus & {
  isRunning: boolean;
  /** a long initial sync under way (kept, complete, until its round ends) */
  progress?: InitialProgress;
};

export interface SyncEngineOptions {
  db: QabyldauDb;
  now?: () => Date;
  http?: (serverUrl: string) => HttpPort;
  intervalMs?: number;
  onChange?: (status: EngineStatus) => void;
}

const BASE_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 5 * 60_000;

export function backoffDelay(failures: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, failures - 1));
  // Full jitter: twenty villages coming online at once should not hit the server in step.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export class SyncEngine {
  private failures = 0;
  /** 0: the first round after start checks at once */
  private lastVerifyAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly now: () => Date;
  private readonly makeHttp: (serverUrl: string) => HttpPort;

  constructor(private readonly options: SyncEngineOptions) {
    this.now = options.now ?? (() => new Date());
    this.makeHttp = options.http ?? ((url) => createHttp(url));
  }

  start(): void {
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
    }
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
  }

  private readonly onOnline = () => {
    this.failures = 0;
    void this.syncNow();
  };

  /** Run a round now (or right after the one in progress). */
  syncNow(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.withLeaderLock(() => this.round())
      // A round records its own failures; one that cannot even do that (the database closed
      // under it by an upgrade in another tab, storage full) must not reject: every caller
      // fires and forgets, and the next round tries again.
      .catch((error: unknown) => {
        this.emit({
          lastError: isQuotaError(error) ? 'storage-full' : 'storage-failed',
          isRunning: false,
        });
        this.failures++;
        this.schedule(backoffDelay(this.failures));
      })
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          void this.syncNow();
        }
      });
    return this.running;
  }

  private async withLeaderLock(fn: () => Promise<void>): Promise<void> {
    const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
    if (!locks) return fn();
    // ifAvailable: another tab holds the lock and is syncing the same database right now.
    await locks.request('qabyldau-sync', { ifAvailable: true }, async (lock) => {
      if (lock) await fn();
    });
  }

  private async round(): Promise<void> {
    const { db } = this.options;
    const creds = await getMeta(db, 'credentials');
    if (!creds) return;
    const http = this.makeHttp(creds.serverUrl);
    const status: SyncStatus = (await getMeta(db, 'syncStatus')) ?? {};
    this.emit({ ...status, isRunning: true });
    try {
      // Locks put on here while offline first: the reference this round may pull then shows
      // them as the server's, and an administrator sees them.
      await reportSignInLocks(db, http, creds);
      const pushed = await pushOutbox(db, http, creds);
      // A fresh device first takes the log up to a mark case by case; the pull goes on from it
      // (a page that came with the push is taken only if the cursor did not move meanwhile).
      await initialSync(db, http, creds, this.now, undefined, (progress) =>
        this.emit({ ...status, isRunning: true, progress }),
      );
      const pulled = await pullEvents(db, http, creds, this.now, pushed.page);
      // Now and then, once caught up, compare checksums with the server and fetch again from
      // the first range that differs.
      let isRewound = false;
      if (this.now().getTime() - this.lastVerifyAt > VERIFY_EVERY_MS) {
        this.lastVerifyAt = this.now().getTime();
        isRewound = (await verifyAndRepair(db, http, creds)).isDiverged;
      }
      const serverTime = pulled.serverTime ?? pushed.serverTime;
      const next: SyncStatus = {
        lastSyncAt: toLocalDateTime(this.now()),
        ...(serverTime ? { clockSkewMs: Date.parse(serverTime) - this.now().getTime() } : {}),
      };
      await setMeta(db, 'syncStatus', next);
      this.failures = 0;
      this.emit({ ...next, isRunning: false });
      // Events a restored server lost were queued again: send them now, not in 30 seconds.
      this.schedule(pulled.requeued > 0 || isRewound ? 0 : (this.options.intervalMs ?? 30_000));
    } catch (error) {
      // A pull that found the disk full stored nothing of its page (the transaction rolled
      // back) and will find it full again: the person must free space, not wait for a network.
      const code =
        error instanceof HttpFailure
          ? error.code
          : isQuotaError(error)
            ? 'storage-full'
            : 'network';
      const next: SyncStatus = { ...status, lastError: code };
      if (error instanceof HttpFailure && error.serverTime) {
        next.clockSkewMs = Date.parse(error.serverTime) - this.now().getTime();
      }
      await setMeta(db, 'syncStatus', next);
      this.emit({ ...next, isRunning: false });
      this.failures++;
      // 401: the device was revoked or the server forgot it; retrying will not help until a
      // person re-enrolls, so only the slow timer runs.
      const delay =
        error instanceof HttpFailure && error.kind === 'auth'
          ? MAX_BACKOFF_MS
          : backoffDelay(this.failures);
      this.schedule(delay);
    }
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.syncNow(), delayMs);
  }

  private emit(status: EngineStatus): void {
    this.options.onChange?.(status);
  }
}
