/**
 * Deadline colours of journal entries, from the deadline engine (`caseDeadline`): the current
 * step's colour for an open case, `done` for a finished one, which is never overdue. Counted
 * only for the entries that need one — the rows on screen, or every open case when the overdue
 * filter is on — and remembered per case row, so a scroll or a keystroke counts nothing twice
 * within the minute `asOf` stands for.
 */
import type { JournalEntry } from '../../db/journal-entry';
import type { CaseRow } from '../../db/schema';
import type { WorkCalendar } from '../../domain/calendar';
import type { LocalDateTime } from '../../domain/calendar/dates';
import { caseDeadline, type DeadlineColour } from '../../domain/case/deadline';
import type { Catalog } from '../../domain/catalog';
import type { Channel } from '../../domain/catalog/schema';
import { hoursOf, type OfficeHours } from '../../domain/hours';

export interface DeadlineLens {
  /** undefined where the case's service or channel is missing from its catalog edition */
  colourOf(entry: JournalEntry): DeadlineColour | undefined;
  isOverdue(entry: JournalEntry): boolean;
}

/**
 * `catalogs`: the catalog editions the open cases were registered under, by version; `asOf`:
 * the office's local date-time now; `hours`: the offices' hours, by office.
 */
export function deadlineLens(
  calendar: WorkCalendar,
  catalogs: ReadonlyMap<string, Catalog>,
  asOf: LocalDateTime,
  hours: ReadonlyMap<string, OfficeHours> = new Map(),
): DeadlineLens {
  const colours = new WeakMap<CaseRow, DeadlineColour | undefined>();
  const channels = new Map<string, Channel | undefined>();
  const channelOf = (row: CaseRow) => {
    const key = `${row.catalogVersion}|${row.serviceId}|${row.channel}`;
    if (!channels.has(key)) {
      const service = catalogs
        .get(row.catalogVersion)
        ?.services.find((s) => s.id === row.serviceId);
      channels.set(key, service?.channels[row.channel]);
    }
    return channels.get(key);
  };
  const colourOf = (entry: JournalEntry): DeadlineColour | undefined => {
    const row = entry.open;
    if (!row) return 'done';
    if (colours.has(row)) return colours.get(row);
    const channel = channelOf(row);
    // Each case counts with its own office's hours (a district device holds every village's).
    const options = { businessHours: hours.get(row.officeId) ?? hoursOf(undefined) };
    const colour = channel ? caseDeadline(calendar, row, channel, asOf, options).colour : undefined;
    colours.set(row, colour);
    return colour;
  };
  return { colourOf, isOverdue: (entry) => colourOf(entry) === 'overdue' };
}
