/**
 * A result waiting at the village: days counted from the day it became ready, and flagged
 * uncollected after one month (seed 003, line 3096), the month's end where it is shorter.
 */
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  readySince,
  resultWaiting,
  UNCOLLECTED_AFTER_MONTHS,
} from '../../src/domain/case/waiting';

describe('a result waiting for the citizen', () => {
  it('is ready since the last step recorded in the round', () => {
    expect(
      readySince({
        register: '2026-04-06T10:00',
        register_forward: '2026-04-08T11:00',
        receive_result: '2026-04-27T15:30',
        return: '2026-04-24T09:10',
      }),
    ).toBe('2026-04-27T15:30');
    expect(readySince({})).toBeUndefined();
  });

  it('counts calendar days waiting, 0 on the day it arrived', () => {
    expect(resultWaiting('2026-04-27T15:30', '2026-04-27T17:00')).toMatchObject({
      since: '2026-04-27',
      daysWaiting: 0,
      isUncollected: false,
    });
    expect(resultWaiting('2026-04-27T15:30', '2026-05-04T09:00').daysWaiting).toBe(7);
  });

  it('is uncollected from the same day a month later', () => {
    expect(UNCOLLECTED_AFTER_MONTHS).toBe(1);
    const waiting = (asOf: string) => resultWaiting('2026-04-27T15:30', asOf);
    expect(waiting('2026-05-26T18:00')).toMatchObject({
      uncollectedFrom: '2026-05-27',
      isUncollected: false,
      daysWaiting: 29,
    });
    expect(waiting('2026-05-27T09:00').isUncollected).toBe(true);
  });

  it('a month from the 31st ends on the month’s last day', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15');
  });
});
