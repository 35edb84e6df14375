/**
 * `calendar --year <yyyy>`: the working-day calendar of one year as every deadline counts it,
 * so an administrator can compare it with the government's order before a year starts. A later
 * year the calendar holds no data for is still answered from the law alone (`hasData: false`:
 * no Kurban ait, no transfer orders), as the deadline engine would count it; years before the
 * law's holidays are modelled (2013) are refused rather than counted with the wrong list.
 */
import { calendarSummary, DEFAULT_CALENDAR, isLawModelled } from '../../src/domain/calendar';
import { type PureCommand, requireString, UsageError } from './command';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A four-digit year; anything else is a typing slip, not a year to count. */
function parseYear(value: string): number {
  if (!/^\d{4}$/.test(value)) {
    throw new UsageError(`--year must be a year such as 2026, got "${value}"`);
  }
  const year = Number(value);
  if (!isLawModelled(year)) {
    throw new UsageError(`--year ${year}: the working-day calendar starts in 2013`);
  }
  return year;
}

export const calendarCommand: PureCommand = {
  needsStore: false,
  summary: 'working days of a year: weekdays off, worked weekend days, days per month',
  usage: 'calendar --year <yyyy> [--json]',
  options: { year: { type: 'string' } },
  async run(context) {
    const year = parseYear(requireString(context, 'year'));
    const summary = calendarSummary(DEFAULT_CALENDAR, year);
    const json = {
      year: summary.year,
      hasData: summary.hasData,
      isProvisional: summary.isProvisional,
      nonWorkingDays: summary.nonWorkingDays,
      workedWeekendDays: summary.workedWeekendDays,
      workingDaysByMonth: summary.workingDaysByMonth,
      workingDays: summary.workingDays,
    };
    const status = !summary.hasData
      ? ' (no data for this year: law holidays only, no Kurban ait or transfer orders)'
      : summary.isProvisional
        ? ' (provisional: Kurban ait or the transfer order is not yet official)'
        : '';
    const text = [
      `${year}: ${summary.workingDays} working days${status}`,
      summary.workingDaysByMonth.map((n, i) => `${MONTHS[i]} ${n}`).join('  '),
      `weekdays off: ${summary.nonWorkingDays.join(', ') || '—'}`,
      `worked weekend days: ${summary.workedWeekendDays.join(', ') || '—'}`,
    ].join('\n');
    return { json, text };
  },
};
