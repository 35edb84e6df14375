/**
 * The one wrapper for live reads: a Dexie live query that re-runs when the tables it read
 * change, returning `{ data, status, error }` so every screen handles loading and failure alike.
 *
 * A read that fails because the database connection was lost (`src/db/connection.ts`) is tried
 * once more after the database is opened again; only a second failure is shown. A later read
 * that succeeds clears a shown failure.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { isConnectionLost, reopenWatched } from './connection';

export type Live<T> =
  | { status: 'loading'; data: undefined; error: undefined }
  | { status: 'ready'; data: T; error: undefined }
  | { status: 'error'; data: undefined; error: unknown };

export function useLive<T>(query: () => Promise<T>, deps: unknown[]): Live<T> {
  const [error, setError] = useState<unknown>(undefined);
  const result = useLiveQuery(async () => {
    try {
      const data = await readOnce(query);
      setError(undefined);
      return { data };
    } catch (e) {
      setError(e);
      return undefined;
    }
  }, deps);
  if (error !== undefined) return { status: 'error', data: undefined, error };
  if (result === undefined) return { status: 'loading', data: undefined, error: undefined };
  return { status: 'ready', data: result.data, error: undefined };
}

async function readOnce<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (!isConnectionLost(error)) throw error;
    await reopenWatched();
    return query();
  }
}
