/**
 * What the journal shows for a search, filters and a sort: the index's entries (src/db/journal.ts)
 * narrowed and ordered in memory. The search finds any part of a registration number, an IIN or
 * a surname, given name or patronymic, in any letter case; several words must all be found (a
 * surname and a given name). The period is the registration date, both ends included; a period
 * whose end is before its start is not applied (the screen says why).
 *
 * Sorting is the costly step at 50,000 cases, so a sorted order is kept per sort and index
 * version, and each search or filter runs over it.
 */
import { STATUS_GROUPS, type StatusGroup } from '../domain/case/status-group';
import { sortKey } from '../domain/collation';
import type { CaseStatus } from '../domain/process';
import { type JournalDelta, type JournalSnapshot, journalIndex } from './journal';
import { type JournalEntry, searchText } from './journal-entry';
import type { QabyldauDb } from './schema';

export const SORT_COLUMNS = ['number', 'date', 'applicant', 'service', 'due', 'status'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

export interface JournalQuery {
  search: string;
  serviceId: string | null;
  group: StatusGroup | null;
  /** registration date from, `YYYY-MM-DD`, included */
  from: string | null;
  /** registration date to, `YYYY-MM-DD`, included */
  to: string | null;
  isOverdueOnly: boolean;
  sort: SortColumn;
  isDescending: boolean;
}

/** Newest first, nothing narrowed: the journal as it opens. */
export const DEFAULT_QUERY: JournalQuery = {
  search: '',
  serviceId: null,
  group: null,
  from: null,
  to: null,
  isOverdueOnly: false,
  sort: 'date',
  isDescending: true,
};

export interface ViewOptions {
  /** the service's name in the interface's language, for sorting by service */
  serviceName(serviceId: string): string;
  /** whether an open case is overdue now; needed only with `isOverdueOnly` */
  isOverdue?(entry: JournalEntry): boolean;
}

export interface JournalView {
  /** the query these rows answer */
  query: JournalQuery;
  rows: readonly JournalEntry[];
  /** every case in the journal, whatever the filters */
  total: number;
  /** the period's end is before its start, and the period was not applied */
  isPeriodReversed: boolean;
  /** services found in the journal, for the service filter */
  serviceIds: readonly string[];
  /** the catalog editions the open cases were registered under: what deadlines are counted by */
  openEditions: readonly string[];
  version: number;
}

export function isPeriodReversed(query: Pick<JournalQuery, 'from' | 'to'>): boolean {
  return query.from !== null && query.to !== null && query.to < query.from;
}

/** Whether anything narrows the journal (the "nothing found" state offers to clear it). */
export function isNarrowed(query: JournalQuery): boolean {
  return (
    query.search.trim() !== '' ||
    query.serviceId !== null ||
    query.group !== null ||
    query.from !== null ||
    query.to !== null ||
    query.isOverdueOnly
  );
}

/** The journal for the query, read live (`useLive`): the index is brought up to date first. */
export async function readJournal(
  db: QabyldauDb,
  query: JournalQuery,
  options: ViewOptions,
): Promise<JournalView> {
  const snapshot = await journalIndex(db).read();
  return viewOf(snapshot, query, options);
}

/** The rows of `snapshot` that match `query`, in its order. */
export function viewOf(snapshot: Snapshot, query: JournalQuery, options: ViewOptions): JournalView {
  const sorted = sortedEntries(snapshot, query, options);
  const terms = searchText(query.search).split(/\s+/).filter(Boolean);
  const reversed = isPeriodReversed(query);
  const from = reversed ? null : query.from;
  // The end date includes its whole day: registeredAt is a date and time.
  const to = reversed || query.to === null ? null : `${query.to}T99`;
  const { serviceId, group, isOverdueOnly } = query;
  const isOverdue = options.isOverdue;
  // Nothing narrows the journal (as it opens, and while a save changes it): the order itself.
  const isWhole =
    terms.length === 0 &&
    serviceId === null &&
    group === null &&
    from === null &&
    to === null &&
    !isOverdueOnly;
  const rows = isWhole
    ? sorted
    : sorted.filter(
        (e) =>
          (serviceId === null || e.serviceId === serviceId) &&
          (group === null || e.group === group) &&
          (from === null || e.registeredAt >= from) &&
          (to === null || e.registeredAt <= to) &&
          terms.every((term) => e.text.includes(term)) &&
          // Only open cases can be overdue; the deadline is counted for those alone.
          (!isOverdueOnly || (e.open !== undefined && isOverdue?.(e) === true)),
      );
  return {
    query,
    rows,
    total: snapshot.entries.length,
    isPeriodReversed: reversed,
    serviceIds: servicesOf(snapshot),
    openEditions: editionsOf(snapshot),
    version: snapshot.version,
  };
}

type Snapshot = Pick<JournalSnapshot, 'entries' | 'version'> & {
  delta?: JournalDelta | undefined;
};

const servicesCache = new WeakMap<readonly JournalEntry[], string[]>();
const editionsCache = new WeakMap<readonly JournalEntry[], string[]>();

/**
 * Something of every entry (its service, its open case's edition), once per entries array —
 * from the previous array's answer and the entries that changed, where little did (a value whose
 * last case is gone stays listed until the next full count).
 */
function distinct(
  cache: WeakMap<readonly JournalEntry[], string[]>,
  snapshot: Snapshot,
  pick: (e: JournalEntry) => string | undefined,
): string[] {
  let values = cache.get(snapshot.entries);
  if (values) return values;
  const previous = snapshot.delta && cache.get(snapshot.delta.from);
  const found = new Set<string>(previous ?? []);
  const source =
    previous && snapshot.delta ? snapshot.delta.changed.map(([, e]) => e) : snapshot.entries;
  for (const e of source) {
    const value = pick(e);
    if (value !== undefined) found.add(value);
  }
  values = [...found].sort();
  cache.set(snapshot.entries, values);
  return values;
}

const servicesOf = (snapshot: Snapshot) => distinct(servicesCache, snapshot, (e) => e.serviceId);
const editionsOf = (snapshot: Snapshot) =>
  distinct(editionsCache, snapshot, (e) => e.open?.catalogVersion);

/** Sorted orders of one entries array, by sort (and, for services, the names' language). */
const sortCache = new WeakMap<readonly JournalEntry[], Map<string, JournalEntry[]>>();
/** The last order made for each sort, carried over to the next entries array. */
const lastOrders = new Map<string, JournalEntry[]>();

function sortedEntries(snapshot: Snapshot, query: JournalQuery, options: ViewOptions) {
  const names =
    query.sort === 'service' ? serviceOrder(snapshot.entries, options.serviceName) : undefined;
  const cacheKey = `${query.sort}|${query.isDescending}|${names ? [...names.keys()].join() : ''}`;
  let byKey = sortCache.get(snapshot.entries);
  if (!byKey) {
    byKey = new Map();
    sortCache.set(snapshot.entries, byKey);
  }
  let sorted = byKey.get(cacheKey);
  if (!sorted) {
    const compare = comparator(query.sort, names);
    const sign = query.isDescending ? -1 : 1;
    const ordered = (a: JournalEntry, b: JournalEntry) => sign * compare(a, b);
    const before = snapshot.delta && sortCache.get(snapshot.delta.from)?.get(cacheKey);
    sorted =
      (before && snapshot.delta && patched(before, snapshot.delta, ordered)) ||
      carriedOver(lastOrders.get(cacheKey), snapshot.entries).sort(ordered);
    // One order per entries array is enough: the person sorts by one column at a time.
    byKey.clear();
    byKey.set(cacheKey, sorted);
    lastOrders.set(cacheKey, sorted);
  }
  return sorted;
}

/**
 * The order before a few changes, patched: each entry changed or removed taken out where it was,
 * each new one put in its place by binary search — a save costs a copy of the array, not a sort
 * of 50,000 entries. Undefined when an entry is not where the order says (then it is sorted).
 */
function patched(
  before: readonly JournalEntry[],
  delta: JournalDelta,
  ordered: (a: JournalEntry, b: JournalEntry) => number,
): JournalEntry[] | undefined {
  const out = before.slice();
  for (const gone of [...delta.removed, ...delta.changed.flatMap(([old]) => (old ? [old] : []))]) {
    const at = out.indexOf(gone);
    if (at < 0) return undefined;
    out.splice(at, 1);
  }
  for (const [, entry] of delta.changed) {
    let low = 0;
    let high = out.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ordered(out[middle] as JournalEntry, entry) <= 0) low = middle + 1;
      else high = middle;
    }
    out.splice(low, 0, entry);
  }
  return out;
}

/**
 * The entries in the order last made for the same sort, changed entries in their old places and
 * new ones at the end: a save changes a row or two of 50,000, and sorting an array that is
 * nearly in order costs a fraction of sorting it afresh. The order is only a head start; the
 * sort that follows makes it right whatever it was.
 */
function carriedOver(
  previous: readonly JournalEntry[] | undefined,
  entries: readonly JournalEntry[],
): JournalEntry[] {
  if (!previous) return [...entries];
  const byId = new Map(entries.map((e) => [e.id, e]));
  const out: JournalEntry[] = [];
  for (const old of previous) {
    const current = byId.get(old.id);
    if (current) {
      out.push(current);
      byId.delete(old.id);
    }
  }
  for (const added of byId.values()) out.push(added);
  return out;
}

/** Each service's place in alphabetical order of its name. */
function serviceOrder(
  entries: readonly JournalEntry[],
  serviceName: (id: string) => string,
): Map<string, number> {
  const ids = [...new Set(entries.map((e) => e.serviceId))];
  const keys = new Map(ids.map((id) => [id, sortKey(serviceName(id))]));
  ids.sort((a, b) => compareText(keys.get(a) ?? '', keys.get(b) ?? ''));
  return new Map(ids.map((id, i) => [id, i]));
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Alphabetical keys of applicants' names, made once per entry. */
const nameKeys = new WeakMap<JournalEntry, string>();

function nameKey(e: JournalEntry): string {
  let key = nameKeys.get(e);
  if (key === undefined) {
    key = sortKey(`${e.surname} ${e.givenName} ${e.patronymic}`);
    nameKeys.set(e, key);
  }
  return key;
}

/** The process's order of statuses, within the groups' order. */
const STATUS_ORDER: readonly CaseStatus[] = [
  'registered',
  'commission_ordered',
  'inspected',
  'returned',
  'forwarded',
  'received',
  'assigned',
  'decided',
  'endorsed',
  'rework',
  'signed',
  'result_sent',
  'result_received',
  'closed',
  'cancelled',
];

function comparator(
  column: SortColumn,
  services: Map<string, number> | undefined,
): (a: JournalEntry, b: JournalEntry) => number {
  // Ties (a day's cases of one service) keep the registration order, newest last.
  const tie = (a: JournalEntry, b: JournalEntry) =>
    compareText(a.registeredAt, b.registeredAt) || compareText(a.regNumber, b.regNumber);
  switch (column) {
    case 'number':
      return (a, b) => compareText(a.regNumber, b.regNumber) || tie(a, b);
    case 'date':
      return tie;
    case 'applicant':
      return (a, b) => compareText(nameKey(a), nameKey(b)) || tie(a, b);
    case 'service':
      return (a, b) =>
        (services?.get(a.serviceId) ?? 0) - (services?.get(b.serviceId) ?? 0) || tie(a, b);
    case 'due':
      return (a, b) => compareText(a.resultDue, b.resultDue) || tie(a, b);
    case 'status':
      return (a, b) =>
        STATUS_GROUPS.indexOf(a.group) - STATUS_GROUPS.indexOf(b.group) ||
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
        tie(a, b);
  }
}
