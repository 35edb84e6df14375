/**
 * Keeping the device database reachable. IndexedDB can lose its connection while the app runs:
 * another tab opened the database at a newer schema (a newer release of the app, which upgrades
 * it; the browser asks every other connection to close first), or the browser closed it itself
 * (site data cleared elsewhere, a failing disk). Dexie closes on the first and reopens on the
 * next call; but a call already under way fails, and a reopen that failed once leaves Dexie
 * refusing every later call with the same error until it is opened again explicitly.
 *
 * So an operation that fails for a lost connection is run once more after the database is
 * opened again (`withReopen`): a failed IndexedDB transaction wrote nothing, so running it again
 * records it once. Only when that fails too does the person hear of it.
 */
import type Dexie from 'dexie';

/** Errors of a connection that is gone, not of the operation itself. */
const CLOSED = new Set(['DatabaseClosedError']);
/** Errors a transaction ends with when the connection under it went away. */
const CUT = new Set([
  'AbortError',
  'InvalidStateError',
  'UnknownError',
  'TransactionInactiveError',
]);

function nameOf(error: unknown): string {
  const e = error as { name?: unknown; inner?: { name?: unknown } } | null;
  const inner = e?.inner?.name;
  if (typeof e?.name === 'string' && CLOSED.has(e.name)) return e.name;
  if (typeof inner === 'string') return inner;
  return typeof e?.name === 'string' ? e.name : '';
}

/** Whether `error` says the connection to `db` was lost (rather than the operation refused). */
export function isConnectionLost(error: unknown, db?: Dexie): boolean {
  const name = nameOf(error);
  if (CLOSED.has(name)) return true;
  return db !== undefined && !db.isOpen() && CUT.has(name);
}

/** Opens the database again if its connection is gone; a failed earlier open is forgotten. */
export async function reopen(db: Dexie): Promise<void> {
  if (db.isOpen()) return;
  // Dexie keeps the error of a failed open and answers every call with it: start afresh.
  if (db.hasFailed()) db.close({ disableAutoOpen: false });
  await db.open();
}

/** Runs `operation`; when it fails for a lost connection, reopens and runs it once more. */
export async function withReopen<T>(db: Dexie, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!isConnectionLost(error, db)) throw error;
    await reopen(db);
    return operation();
  }
}

/** The databases `watchConnection` keeps, for reads that do not hold one (`useLive`). */
const watched = new Set<Dexie>();

/** Reopens every watched database whose connection is gone. */
export async function reopenWatched(): Promise<void> {
  await Promise.all([...watched].map(reopen));
}

/**
 * Watches `db`'s connection. `onNewerSchema`: another tab opened it at a schema newer than this
 * code's, that is, a newer release of the app runs there; this page's code is now the old one.
 */
export function watchConnection(db: Dexie, onNewerSchema: () => void): void {
  watched.add(db);
  db.on('versionchange', (event: IDBVersionChangeEvent) => {
    // IndexedDB numbers Dexie's versions times ten. Null: the database is being deleted.
    if ((event.newVersion ?? 0) > Math.round(db.verno * 10)) onNewerSchema();
    // Dexie's own handler then closes the connection and lets the next call reopen it.
  });
}
