/**
 * A variant chosen at intake drives the dates: 003-02's review is the decision in 18 working
 * days, a first certificate 3 working days after that decision, a duplicate in 3 (seed 003,
 * ll. 340–346); the head signs in 1 and the result is handed out in 1 after it. Dates are
 * counted by hand on the working-day calendar of February–March 2026 (no holiday in it), then
 * checked against the calendar's own count.
 */
import { describe, expect, it } from 'vitest';
import { addWorkingDays, DEFAULT_CALENDAR } from '../../src/domain/calendar';
import { CATALOG } from '../../src/domain/catalog';
import type { Channel } from '../../src/domain/catalog/schema';
import { deadlinePlan, resultDue, withVariant } from '../../src/domain/deadline';

const cal = DEFAULT_CALENDAR;
const channel = CATALOG.services.find((s) => s.id === '003-02')?.channels.provider as Channel;
/** Monday 2 February 2026, 10:00 */
const registeredAt = '2026-02-02T10:00';

const review = (c: Channel) =>
  deadlinePlan(cal, c, registeredAt).steps.find((s) => s.stepId === 'review')?.dueDate;

describe('003-02 variants on the talon', () => {
  it('the duplicate: review due 3 working days out, the talon 5 (3 + 1 sign + 1 hand-out)', () => {
    const duplicate = withVariant(channel, 'duplicate');
    expect(review(duplicate)).toBe('2026-02-05');
    expect(review(duplicate)).toBe(addWorkingDays(cal, '2026-02-02', 3));
    const due = resultDue(cal, duplicate, registeredAt);
    expect(due.date).toBe('2026-02-09');
    expect(due.date).toBe(addWorkingDays(cal, '2026-02-02', 5));
    expect(due.lastStepId).toBe('handout');
  });

  it('the decision (no variant) takes 18 + 1 + 1, a first certificate 21 + 1 + 1', () => {
    expect(review(channel)).toBe('2026-02-26');
    expect(resultDue(cal, channel, registeredAt).date).toBe('2026-03-02');
    expect(resultDue(cal, channel, registeredAt).date).toBe(addWorkingDays(cal, '2026-02-02', 20));
    const first = withVariant(channel, 'first_certificate');
    expect(review(first)).toBe('2026-03-03');
    expect(resultDue(cal, first, registeredAt).date).toBe('2026-03-05');
    expect(resultDue(cal, first, registeredAt).date).toBe(addWorkingDays(cal, '2026-02-02', 23));
  });

  it('an unknown variant leaves the channel as the catalog has it', () => {
    expect(resultDue(cal, withVariant(channel, 'express'), registeredAt).date).toBe('2026-03-02');
  });
});
