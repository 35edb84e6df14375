/**
 * One case as the journal holds it in memory: what a row shows, filters and sorts by, and the
 * text the search looks in. Finished cases keep only these few fields (tens of thousands of them
 * on an old device); an open case keeps its whole row too, which its deadline colour is counted
 * from.
 *
 * The saved copy of the journal (`journalCache`) holds the entries as lines of text — one string
 * reads back from IndexedDB in a fraction of the time tens of thousands of small objects take.
 */

import { upgradeCase } from '../domain/case/reducer';
import { type StatusGroup, statusGroupOf } from '../domain/case/status-group';
import type { CaseStatus } from '../domain/process';
import type { CaseRow } from './schema';

export interface JournalEntry {
  id: string;
  regNumber: string;
  /** local date-time, `2026-03-18T10:30` */
  registeredAt: string;
  serviceId: string;
  status: CaseStatus;
  group: StatusGroup;
  /** the talon's result date */
  resultDue: string;
  surname: string;
  givenName: string;
  patronymic: string;
  iin: string;
  /** number, IIN and names in lower case: what the search looks in */
  text: string;
  /** the row's revision (0: written before revisions, or read from the saved copy) */
  rev: number;
  /** the case row while the case is open (neither closed nor cancelled) */
  open?: CaseRow;
}

const FINISHED: ReadonlySet<CaseStatus> = new Set(['closed', 'cancelled']);

/** Search text: lower case, and ё as е, which people type for it. */
export function searchText(text: string): string {
  return text.toLocaleLowerCase('kk').replaceAll('ё', 'е');
}

function entryText(
  e: Pick<JournalEntry, 'regNumber' | 'iin' | 'surname' | 'givenName' | 'patronymic'>,
) {
  // A separator no one types, so a search never matches across two fields.
  return searchText(
    `${e.regNumber}\u0001${e.iin}\u0001${e.surname}\u0001${e.givenName}\u0001${e.patronymic}`,
  );
}

/** The entry of a stored case row (a row of an earlier release is read in today's shape). */
export function entryOf(stored: CaseRow): JournalEntry {
  const row = stored.done === undefined ? (upgradeCase(stored) as CaseRow) : stored;
  const fields = {
    id: row.id,
    regNumber: row.regNumber,
    registeredAt: row.registeredAt,
    serviceId: row.serviceId,
    status: row.status,
    group: statusGroupOf(row),
    resultDue: row.resultDue,
    surname: row.applicant.surname,
    givenName: row.applicant.givenName,
    patronymic: row.applicant.patronymic ?? '',
    iin: row.applicant.iin,
  };
  const entry: JournalEntry = { ...fields, text: entryText(fields), rev: stored.rev ?? 0 };
  if (!FINISHED.has(row.status)) entry.open = row;
  return entry;
}

/** The layout of the lines below; a saved copy of another layout is not read. */
export const JOURNAL_LINES_FORMAT = 1;

const FIELD = '\u001f';
const LINE = '\n';
/**
 * A field with a line's or a field's separator in it (no one types them, but a pasted value
 * might carry a line break) would break its line.
 */
const clean = (value: string) =>
  value.includes(FIELD) || value.includes(LINE)
    ? value.replaceAll(FIELD, ' ').replaceAll(LINE, ' ')
    : value;

/** The entries as lines of text, in their order. */
export function encodeEntries(entries: readonly JournalEntry[]): string {
  return entries
    .map((e) =>
      [
        e.id,
        e.regNumber,
        e.registeredAt,
        e.serviceId,
        e.status,
        e.group,
        e.resultDue,
        e.surname,
        e.givenName,
        e.patronymic,
        e.iin,
      ]
        .map(clean)
        .join(FIELD),
    )
    .join(LINE);
}

/**
 * The entries of `encodeEntries`' text; open cases get their rows from `open`. The text is this
 * module's own writing (a changed layout comes with a new `JOURNAL_LINES_FORMAT`), so its status
 * and group are taken as written.
 */
export function decodeEntries(lines: string, open: readonly CaseRow[]): JournalEntry[] {
  if (lines === '') return [];
  const openById = new Map(open.map((row) => [row.id, row]));
  return lines.split(LINE).map((line) => {
    const f = line.split(FIELD);
    const fields = {
      id: f[0] ?? '',
      regNumber: f[1] ?? '',
      registeredAt: f[2] ?? '',
      serviceId: f[3] ?? '',
      status: f[4] as CaseStatus,
      group: f[5] as StatusGroup,
      resultDue: f[6] ?? '',
      surname: f[7] ?? '',
      givenName: f[8] ?? '',
      patronymic: f[9] ?? '',
      iin: f[10] ?? '',
    };
    const entry: JournalEntry = { ...fields, text: entryText(fields), rev: 0 };
    const row = openById.get(fields.id);
    if (row) entry.open = row;
    return entry;
  });
}
