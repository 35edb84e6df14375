/**
 * The server's public address (`PUBLIC_URL`): where citizens reach the status page a talon's QR
 * code opens. Read at start; every district without an address of its administrator's gets it
 * with its reference data. When it differs from the one the store last recorded, the reference
 * version moves, so devices print the new address after their next sync.
 */
import { normalizePublicUrl } from '../../src/domain/status-page';
import { lockSyncWrites } from '../db/lock';
import type { Db } from '../db/types';
import { bumpReferenceVersion, setServerPublicUrl } from '../queries/reference';

/**
 * `PUBLIC_URL`, normalized; null when unset. A value that is not an http(s) address stops the
 * start: it would be printed on every talon.
 */
export function publicUrlFromEnv(env: Record<string, string | undefined>): string | null {
  const raw = env.PUBLIC_URL?.trim();
  if (raw === undefined || raw === '') return null;
  const url = normalizePublicUrl(raw);
  if (!url) {
    throw new Error(
      `PUBLIC_URL: ${JSON.stringify(raw)} is not an http(s) address without a query ` +
        '(e.g. https://qabyldau.aktogay.kz)',
    );
  }
  return url;
}

/** Records the address the server started with; true when devices are to fetch it. */
export async function applyServerPublicUrl(
  db: Db,
  publicUrl: string | null,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Two instances starting together on PostgreSQL: one records, the other finds it done.
    await lockSyncWrites(tx);
    const isChanged = await setServerPublicUrl(tx, publicUrl);
    if (isChanged) await bumpReferenceVersion(tx, now);
    return isChanged;
  });
}
