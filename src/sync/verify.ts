/**
 * Divergence check and targeted repair. The device compares a checksum of the events it holds
 * from the server with the server's for the same serverSeq range of its scope. Where they
 * differ — a page lost to a bug, a store restored on either side — it bisects to the first
 * range that differs and moves its pull cursor back to that range's start, so the next pull
 * fetches again only from there. Applying events is idempotent and nothing unsent is touched,
 * so this can never drop work the way a "reset sync" could.
 */
import { syncedKeysInRange } from '../db/history';
import type { Credentials } from '../db/meta';
import { getMeta, setMeta } from '../db/meta';
import type { QabyldauDb } from '../db/schema';
import { checksumOf, type RangeChecksum, sameChecksum } from '../domain/sync/checksum';
import type { ChecksumResponse } from '../domain/sync/protocol';
import type { HttpPort } from './http';

/** Below this many serverSeqs a range is simply fetched again. */
const SMALLEST_RANGE = 500;

export interface VerifyReport {
  isDiverged: boolean;
  /** the cursor was moved back to this serverSeq */
  rewoundTo?: number;
  requests: number;
}

export async function verifyAndRepair(
  db: QabyldauDb,
  http: HttpPort,
  creds: Credentials,
): Promise<VerifyReport> {
  const cursor = (await getMeta(db, 'cursor')) ?? 0;
  let requests = 0;
  const local = async (from: number, to: number): Promise<RangeChecksum> => {
    // The initial sync's case histories and the pulled event rows, each event once.
    const keys = await syncedKeysInRange(db, from, to);
    return checksumOf([...keys].map(([id, serverSeq]) => ({ id, serverSeq })));
  };
  const remote = async (from: number, to: number): Promise<RangeChecksum> => {
    requests++;
    return http.request<ChecksumResponse>(
      'GET',
      `/api/v1/sync/checksum?from=${from}&to=${to}`,
      undefined,
      creds.token,
    );
  };
  const same = async (from: number, to: number) =>
    sameChecksum(await local(from, to), await remote(from, to));

  if (cursor === 0 || (await same(0, cursor))) return { isDiverged: false, requests };
  // Invariant: (0, lo] agrees and (lo, hi] does not.
  let lo = 0;
  let hi = cursor;
  while (hi - lo > SMALLEST_RANGE) {
    const mid = Math.floor((lo + hi) / 2);
    if (await same(lo, mid)) lo = mid;
    else hi = mid;
  }
  // Only if the cursor has not moved meanwhile (a pull in another round): never move it forward.
  if (((await getMeta(db, 'cursor')) ?? 0) >= lo) await setMeta(db, 'cursor', lo);
  return { isDiverged: true, rewoundTo: lo, requests };
}
