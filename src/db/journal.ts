/**
 * The journal's index: every case on the device as a small entry in memory, so that searching
 * for any part of a number, an IIN or a name, filtering and sorting take milliseconds among
 * 50,000 cases — no IndexedDB index can find a middle part of a string, and a scan of the case
 * rows costs seconds on a cheap laptop.
 *
 * Kept current by the rows' revisions (`CaseRow.rev`): each read takes only the rows written
 * since the last one. Built once per page from the saved copy (`journalCache`, one row) and
 * the rows written after it; when there is no copy (a new device, the first start after schema
 * version 5), from every case row, read in chunks, and then saved. The copy is saved again once
 * many rows have changed since, in the background.
 *
 * A row deleted (a registration the server refused) or written without a revision (by an
 * earlier release, or a test) shows in the count: the index then checks every id once.
 */
import {
  decodeEntries,
  encodeEntries,
  entryOf,
  JOURNAL_LINES_FORMAT,
  type JournalEntry,
} from './journal-entry';
import { getMeta } from './meta';
import type { CaseRow, JournalCacheRow, QabyldauDb } from './schema';

/** Rows read per transaction while building from every case row. */
const BUILD_CHUNK = 2_000;
/** The saved copy is written again when this many rows were read on top of it. */
const SAVE_AFTER_ROWS = 500;

/** What changed from one entries array to the next, when little did. */
export interface JournalDelta {
  /** the entries array before */
  from: readonly JournalEntry[];
  /** each changed or added entry, with the one it replaces */
  changed: readonly (readonly [before: JournalEntry | undefined, after: JournalEntry])[];
  removed: readonly JournalEntry[];
}

/** Above this many changes at once the next order is made afresh, not patched. */
const MAX_DELTA = 500;

export interface JournalSnapshot {
  /** every case on the device, in no particular order */
  entries: readonly JournalEntry[];
  /** from the previous entries array, when few entries changed (a save, a small pull) */
  delta: JournalDelta | undefined;
  /** changes whenever an entry does */
  version: number;
  /** where the index came from at load, for the bench and the tests */
  source: 'saved' | 'built';
}

export class JournalIndex {
  private readonly byId = new Map<string, JournalEntry>();
  /** the highest revision the index has read */
  private rev = 0;
  private loading: Promise<void> | undefined;
  private source: JournalSnapshot['source'] = 'built';
  private version = 0;
  private entries: JournalEntry[] = [];
  private delta: JournalDelta | undefined;
  /** changes since the last publish; undefined once they are too many to patch an order */
  private pending:
    | { changed: [JournalEntry | undefined, JournalEntry][]; removed: JournalEntry[] }
    | undefined = undefined;
  /** rows read since the copy was saved, or Infinity when there is none */
  private unsaved = 0;
  private isSaving = false;

  constructor(private readonly db: QabyldauDb) {}

  /**
   * The index with every row written so far. Called from live queries: the reads it makes
   * itself (the rows above its revision, the count) are what the query is told of changes by.
   */
  async read(): Promise<JournalSnapshot> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    await this.loading;
    const db = this.db;
    const since = this.rev;
    const [rows, count] = await db.transaction('r', db.cases, () =>
      Promise.all([db.cases.where('rev').above(since).toArray(), db.cases.count()]),
    );
    let isChanged = this.apply(rows);
    if (this.byId.size !== count) isChanged = (await this.reconcile()) || isChanged;
    if (isChanged) this.publish();
    if (this.unsaved >= SAVE_AFTER_ROWS) this.saveSoon();
    return {
      entries: this.entries,
      delta: this.delta,
      version: this.version,
      source: this.source,
    };
  }

  private async load(): Promise<void> {
    const saved = await this.db.journalCache.get('journal');
    if (saved && saved.format === JOURNAL_LINES_FORMAT) {
      for (const entry of decodeEntries(saved.lines, saved.open)) this.byId.set(entry.id, entry);
      this.rev = saved.rev;
      this.source = 'saved';
      this.unsaved = 0;
    } else {
      await this.build();
      this.source = 'built';
      this.unsaved = Number.POSITIVE_INFINITY;
    }
    this.publish();
  }

  /**
   * Every case row, chunk by chunk (a bounded transaction and bounded memory each). The
   * revision is taken first: a row written while the chunks are read is read again after.
   */
  private async build(): Promise<void> {
    const db = this.db;
    this.rev = (await getMeta(db, 'caseRev')) ?? 0;
    let after: string | undefined;
    for (;;) {
      const from = after;
      const rows: CaseRow[] = await (from === undefined
        ? db.cases.orderBy(':id').limit(BUILD_CHUNK).toArray()
        : db.cases.where(':id').above(from).limit(BUILD_CHUNK).toArray());
      for (const row of rows) this.byId.set(row.id, entryOf(row));
      if (rows.length < BUILD_CHUNK) return;
      after = rows.at(-1)?.id;
    }
  }

  /** Takes rows into the index; whether any entry changed. */
  private apply(rows: readonly CaseRow[]): boolean {
    for (const row of rows) {
      const rev = row.rev ?? 0;
      if (rev > this.rev) this.rev = rev;
      const current = this.byId.get(row.id);
      // Two live queries may read the same rows; an older revision never replaces a newer one.
      if (current && current.rev > rev) continue;
      const entry = entryOf(row);
      this.byId.set(row.id, entry);
      this.note((p) => p.changed.push([current, entry]));
    }
    this.unsaved += rows.length;
    return rows.length > 0;
  }

  /** The count differs: drop entries whose rows are gone, add rows the index never saw. */
  private async reconcile(): Promise<boolean> {
    const ids = (await this.db.cases.toCollection().primaryKeys()) as string[];
    const present = new Set(ids);
    let isChanged = false;
    for (const id of this.byId.keys()) {
      const entry = this.byId.get(id);
      if (entry && !present.has(id)) {
        this.byId.delete(id);
        this.note((p) => p.removed.push(entry));
        isChanged = true;
      }
    }
    const missing = ids.filter((id) => !this.byId.has(id));
    if (missing.length > 0) {
      const rows = await this.db.cases.bulkGet(missing);
      isChanged = this.apply(rows.filter((row): row is CaseRow => row !== undefined)) || isChanged;
    }
    if (isChanged) this.unsaved = Number.POSITIVE_INFINITY;
    return isChanged;
  }

  /** Records a change for the next delta, while there are few enough to patch an order with. */
  private note(change: (pending: NonNullable<JournalIndex['pending']>) => void): void {
    if (!this.pending) return;
    change(this.pending);
    if (this.pending.changed.length + this.pending.removed.length > MAX_DELTA) {
      this.pending = undefined;
    }
  }

  private publish(): void {
    const from = this.entries;
    this.entries = [...this.byId.values()];
    // The first array (the load) has nothing before it to be patched from.
    this.delta =
      this.pending && this.version > 0
        ? { from, changed: this.pending.changed, removed: this.pending.removed }
        : undefined;
    this.pending = { changed: [], removed: [] };
    this.version += 1;
  }

  /**
   * Saves the index in the background (never from inside a live query, which may not write).
   * A copy saved while rows change is still right: the rows above its revision are read on top.
   */
  private saveSoon(): void {
    if (this.isSaving) return;
    this.isSaving = true;
    setTimeout(() => {
      void this.save().finally(() => {
        this.isSaving = false;
      });
    }, 0);
  }

  private async save(): Promise<void> {
    const entries = [...this.byId.values()];
    const row: JournalCacheRow = {
      key: 'journal',
      format: JOURNAL_LINES_FORMAT,
      rev: this.rev,
      count: entries.length,
      lines: encodeEntries(entries),
      open: entries.flatMap((e) => (e.open ? [e.open] : [])),
    };
    this.unsaved = 0;
    try {
      await this.db.journalCache.put(row);
    } catch {
      // A copy not saved costs the next start a full read, nothing else.
      this.unsaved = Number.POSITIVE_INFINITY;
    }
  }
}

const indexes = new WeakMap<QabyldauDb, JournalIndex>();

/** The device's journal index, one per database for the page's life. */
export function journalIndex(db: QabyldauDb): JournalIndex {
  let index = indexes.get(db);
  if (!index) {
    index = new JournalIndex(db);
    indexes.set(db, index);
  }
  return index;
}
