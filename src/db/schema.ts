/**
 * The device's IndexedDB database (Dexie). Events are the truth (`events`, and `histories` for
 * what the initial sync delivered); `cases` is a projection kept in step with them by `appendEvents` and by the sync client, always inside the same
 * transaction. `outbox` holds the deviceSeq of every event not yet acknowledged by the server.
 *
 * Schema changes go through `version(n).upgrade()`, forward-only, each with its own test.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { CaseEvent } from '../domain/case/events';
import type { Case } from '../domain/case/reducer';
import type { ErrorCode } from '../domain/errors';
import type { Seal } from '../domain/identity/seal';
import type { District, KnownDevice, Office, Person, Staff } from '../domain/reference';

/** Left by schema version 4's upgrade: every case row is to be projected again. */
export const REPROJECT_MARK = 'reprojectCases';

export type EventStatus = 'pending' | 'synced' | 'rejected';

/** A stored event: the domain event plus its sync state on this device. */
export type EventRow = CaseEvent & {
  status: EventStatus;
  serverSeq?: number;
  rejection?: {
    code: ErrorCode;
    details?: Record<string, string | number>;
    /** a person has read the reason and dealt with it; it stays in the log */
    acknowledgedAt?: string;
    acknowledgedBy?: string;
  };
  /** local date-time the device stored it */
  storedAt: string;
};

export interface OutboxRow {
  deviceSeq: number;
  eventId: string;
  /**
   * the event's case, so the lists' "not sent" marks read these small rows instead of the
   * events (`caseSyncMarks`); absent on entries written before it was kept
   */
  caseId?: string;
}

/**
 * The case projection, with fields flattened for indexes. `rev` is the projection's revision on
 * this device (`caseRev` in `meta`, raised by every write of projections): the journal reads only
 * the rows written since it last looked (src/db/journal.ts). A row written before schema version
 * 5 has none.
 */
export type CaseRow = Case & { iin: string; surnameLower: string; rev?: number };

/**
 * The journal's index as last saved (src/db/journal.ts): a cache derived from `cases`, so that
 * opening the journal on a device with years of cases reads one row instead of every case.
 * Deleting it loses nothing; the journal builds it again.
 */
export interface JournalCacheRow {
  key: 'journal';
  /** the layout of `lines` (`JOURNAL_LINES_FORMAT`); another layout is not read */
  format: number;
  /** the highest `rev` it covers: rows of a higher revision are read on top of it */
  rev: number;
  /** how many cases it holds */
  count: number;
  /** one line per case (`src/db/journal-entry.ts`) */
  lines: string;
  /** the open cases' rows, which the deadline colour needs whole */
  open: CaseRow[];
}

/**
 * A case's history as the initial sync delivered it: every server-confirmed event of the case up
 * to the sync's mark, in one row. A fresh district device receives tens of thousands of cases;
 * IndexedDB costs by the row, so one row per case instead of one per event. Later events of the
 * case, and everything this device makes, are rows of `events`; readers see both
 * (`src/db/history.ts`).
 */
export interface HistoryRow {
  caseId: string;
  events: (CaseEvent & { serverSeq: number })[];
  /** the highest serverSeq among them, so a range check reads only the rows it needs */
  lastSeq: number;
  storedAt: string;
}

/**
 * A person's proof key sealed under her PIN (ADR 0015): there is one only for people who signed
 * in on this device online, and opening it is the offline PIN check.
 */
export interface SealRow {
  staffId: string;
  seal: Seal;
  /**
   * the server's time of the sign-in that registered the key: a reference made before it may
   * not list the key yet, and must not take the seal away (src/db/identity.ts)
   */
  sealedAt: string;
}

/**
 * Wrong PINs typed on this device against a seal, and the lock they put on the person after
 * five in a row (ADR 0015). A lock the device put on is reported to the server at the next sync;
 * a lock the server holds for this device comes with the reference data as one already
 * reported. Only a reported lock is lifted by the reference data (an administrator unlocked).
 */
export interface SignInLockRow {
  staffId: string;
  /** wrong PINs in a row here since the last good one */
  failures: number;
  /** device time the lock was put on; null: counting, not locked */
  lockedAt: string | null;
  /** the server knows of the lock */
  isReported: boolean;
  /**
   * the server's time it learnt of it: a reference made before that may not list it yet, and
   * must not lift it
   */
  reportedAt?: string;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

export class QabyldauDb extends Dexie {
  events!: EntityTable<EventRow, 'id'>;
  cases!: EntityTable<CaseRow, 'id'>;
  outbox!: EntityTable<OutboxRow, 'deviceSeq'>;
  meta!: EntityTable<MetaRow, 'key'>;
  histories!: EntityTable<HistoryRow, 'caseId'>;
  journalCache!: EntityTable<JournalCacheRow, 'key'>;
  offices!: EntityTable<Office, 'id'>;
  staff!: EntityTable<Staff, 'id'>;
  districts!: EntityTable<District, 'id'>;
  people!: EntityTable<Person, 'id'>;
  devices!: EntityTable<KnownDevice, 'id'>;
  seals!: EntityTable<SealRow, 'staffId'>;
  signInLocks!: EntityTable<SignInLockRow, 'staffId'>;

  constructor(name = 'qabyldau', options?: ConstructorParameters<typeof Dexie>[1]) {
    // Strict: a transaction completes only once it is on disk. With the browser's relaxed
    // default a power cut — common in rural offices — can take writes the person already saw
    // succeed (a printed talon) and that the server may already hold.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    this.version(1).stores({
      events: 'id, caseId, status, serverSeq, [deviceId+deviceSeq], type',
      cases:
        'id, &regNumber, status, officeId, registeredAt, iin, surnameLower, batchId, updatedAt',
      outbox: 'deviceSeq',
      meta: 'key',
      offices: 'id, kind',
      staff: 'id, officeId',
      districts: 'id',
      people: 'id, officeId',
    });
    // The projection shows what the server accepted and must never refuse it: a unique
    // registration number made a pull fail for ever once two cases carried one number (a
    // device that lost writes to a power cut numbers again from where its disk left off), and
    // with it every device of the office and the district.
    this.version(2).stores({
      cases: 'id, regNumber, status, officeId, registeredAt, iin, surnameLower, batchId, updatedAt',
    });
    // Case histories of the initial sync. A new, empty table: nothing to move.
    this.version(3).stores({ histories: 'caseId, lastSeq' });
    // The process model (protocol 4): every case is to be projected again from its events, so
    // the cases a previous release projected (a status of the fixed chain, completions by stage)
    // take today's shape, on the legacy chain their registration put them on. The upgrade only
    // leaves a mark: the reducer is not part of the script that starts the app, so the fold runs
    // after start (`reprojectIfMarked`), and until then readers upgrade a row as they read it.
    // Events, outbox and everything else stay as they are: nothing the office did is touched.
    this.version(4)
      .stores({})
      .upgrade((tx) => tx.table('meta').put({ key: REPROJECT_MARK, value: true }));
    // The journal finds any part of a number, an IIN or a name among tens of thousands of cases
    // in memory; reading every case row to build that costs seconds, so it reads a saved copy
    // and the rows written since (by the new `rev` index). Rows of earlier versions carry no
    // revision and are not in the index: the first journal opened after the upgrade reads them
    // all once. Nothing is rewritten here, so the upgrade costs nothing on a large device.
    this.version(5).stores({
      cases:
        'id, regNumber, status, officeId, registeredAt, iin, surnameLower, batchId, updatedAt, rev',
      journalCache: 'key',
    });
    // Devices by name (reference data), for the histories' "which device" and the Sync screen.
    // A new, empty table: it fills with the next reference sync, and until then a device is
    // shown as before the names came (`src/db/devices.ts`).
    this.version(6).stores({ devices: 'id, officeId' });
    // Staff identity (ADR 0015). The PIN hashes the previous release kept of every person of the
    // office go: each one was a PIN anyone holding the device could try offline. In their place,
    // seals of the people who sign in here online (`seals`) and the wrong PINs typed against
    // them (`signInLocks`), both empty until someone signs in. The outbox's events were made
    // before proofs existed: the highest of their seqs is noted, and the next push declares it
    // once, so the server takes them without proofs (`legacyThrough`, src/sync/push.ts).
    this.version(7)
      .stores({ seals: 'staffId', signInLocks: 'staffId' })
      .upgrade(async (tx) => {
        const withoutPin = (row: Record<string, unknown>) => {
          delete row.pin;
        };
        await tx.table('staff').toCollection().modify(withoutPin);
        // People never carried one; a row written by an unforeseen server must not keep one.
        await tx.table('people').toCollection().modify(withoutPin);
        const last = (await tx.table('outbox').orderBy('deviceSeq').last()) as
          | OutboxRow
          | undefined;
        await tx.table('meta').put({ key: 'legacyThrough', value: last?.deviceSeq ?? 0 });
      });
  }
}
