/**
 * Typed access to the device's key/value `meta` table: enrollment credentials, counters, the
 * pull cursor and sync status. Counters are read and written inside the caller's transaction so
 * they stay gap-free.
 */
import type { CalendarYearInput } from '../domain/calendar';
import type { CatalogEdition } from '../domain/catalog/editions';
import type { OfficeKind } from '../domain/roles';
import type { ReferenceResponse } from '../domain/sync/protocol';
import type { QabyldauDb } from './schema';

export interface Credentials {
  deviceId: string;
  token: string;
  officeId: string;
  officeKind: OfficeKind;
  deviceNo: number;
  /** base URL of the district server; '' means the origin the app was served from */
  serverUrl: string;
  enrolledAt: string;
}

export interface SyncStatus {
  lastSyncAt?: string;
  lastError?: string;
  /** server time minus device time, from the last answer */
  clockSkewMs?: number;
}

/**
 * Where the initial sync stands (src/sync/initial.ts): every case registered up to `after` is
 * on the device with its events up to `mark`. Once done, the pull goes on from `mark`.
 */
export interface InitialSyncState {
  mark: number;
  after: number;
  isDone: boolean;
  /** cases stored so far, and how many the sync brings (the first page's `total`), if known */
  received?: number;
  total?: number;
}

export interface MetaValues {
  credentials: Credentials;
  lastDeviceSeq: number;
  /** every own event the server holds up to this deviceSeq is on the device (src/sync/held.ts) */
  heldSeq: number;
  /** registration counter per year: `{ year, seq }` */
  regCounter: { year: number; seq: number };
  batchCounter: { year: number; seq: number };
  /** the district's counter of result batches sent back to the akimats */
  resultBatchCounter: { year: number; seq: number };
  /** the refusal register's counter (applications refused at the desk) */
  refusalCounter: { year: number; seq: number };
  cursor: number;
  /** the last revision given to case rows (`CaseRow.rev`) */
  caseRev: number;
  initialSync: InitialSyncState;
  referenceVersion: string;
  syncStatus: SyncStatus;
  catalogEditions: CatalogEdition[];
  calendarYears: Record<string, CalendarYearInput>;
  /** what the last reference data said about sign-in here (ADR 0015) */
  identity: ReferenceResponse['identity'];
  /**
   * the highest deviceSeq of the events made before proofs existed (written by schema version
   * 7's upgrade; absent or 0: none), declared once to the server (`legacyDeclared`)
   */
  legacyThrough: number;
  legacyDeclared: boolean;
}

export async function getMeta<K extends keyof MetaValues>(
  db: Pick<QabyldauDb, 'meta'>,
  key: K,
): Promise<MetaValues[K] | undefined> {
  const row = await db.meta.get(key);
  return row?.value as MetaValues[K] | undefined;
}

export async function setMeta<K extends keyof MetaValues>(
  db: Pick<QabyldauDb, 'meta'>,
  key: K,
  value: MetaValues[K],
): Promise<void> {
  await db.meta.put({ key, value });
}

export type YearCounter = 'regCounter' | 'batchCounter' | 'resultBatchCounter' | 'refusalCounter';

/** Take the next value of a per-year counter (inside the caller's transaction). */
export async function nextYearCounter(
  db: QabyldauDb,
  key: YearCounter,
  year: number,
): Promise<number> {
  const current = await getMeta(db, key);
  const seq = current && current.year === year ? current.seq + 1 : 1;
  await setMeta(db, key, { year, seq });
  return seq;
}
