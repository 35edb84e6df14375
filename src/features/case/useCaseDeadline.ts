/**
 * What the case screen counts a case's deadlines with: the calendar, the case's channel in its
 * catalog edition, its own office's hours and the runtime clock's minute; and the case's colour
 * from them (`caseDeadline`), the same the lists show.
 */
import type { CaseRow } from '../../db/schema';
import { currentRow } from '../../db/worklists';
import type { WorkCalendar } from '../../domain/calendar';
import type { LocalDateTime } from '../../domain/calendar/dates';
import { type CaseDeadline, caseDeadline } from '../../domain/case/deadline';
import type { Channel, Service } from '../../domain/catalog/schema';
import type { DeadlineOptions } from '../../domain/deadline';
import { useNow } from '../app/useNow';
import { useOfficeHours } from '../app/useOfficeHours';
import { useCalendar } from '../app/useReference';

export interface CaseDeadlineView {
  calendar: WorkCalendar;
  /** the channel as offered, its variant not applied */
  channel: Channel;
  options: DeadlineOptions;
  now: LocalDateTime;
  deadline: CaseDeadline;
}

/**
 * Undefined until the case, the calendar and the office's hours are read, or for a channel the
 * catalog does not have. A row projected before the process model is read in today's shape.
 */
export function useCaseDeadline(
  row: CaseRow | undefined,
  service: Service | undefined,
): CaseDeadlineView | undefined {
  const calendar = useCalendar();
  const hours = useOfficeHours(row?.officeId ?? '');
  const now = useNow();
  const channel = row && service?.channels[row.channel];
  if (!row || !calendar || !hours || !channel) return undefined;
  const options = { businessHours: hours };
  const deadline = caseDeadline(calendar, currentRow(row), channel, now, options);
  return { calendar, channel, options, now, deadline };
}
