/**
 * The one date a talon prints: when the result can be collected. Registration stores it in the
 * `case.registered` event, so the talon never changes after it is printed, even if the
 * calendar is corrected later.
 */

import type { IsoDate } from '../calendar/dates';
import type { WorkCalendar } from '../calendar/types';
import type { Channel } from '../catalog/schema';
import type { DeadlineOptions } from './registration';
import { resultDue } from './stages';

export function resultDueFor(
  cal: WorkCalendar,
  channel: Channel,
  registeredAt: string,
  options: DeadlineOptions = {},
): IsoDate {
  return resultDue(cal, channel, registeredAt, options).date;
}
