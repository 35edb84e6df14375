/**
 * An office's hours in the deadline engine: the administrator's hours are checked before they
 * are stored; closing time decides from which day a late submission counts, so it moves the
 * talon's date; lunch never moves a day, but minute-long steps count office minutes only — a
 * submission during lunch counts from its end, a step that runs into lunch pauses for it.
 * Dates are checked by hand against the calendar (Monday 6 April 2026 has no holiday near it;
 * 9 May 2026, Victory Day, is a Saturday and moves the day off to Monday 11 May).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../src/domain/calendar';
import { findService } from '../../src/domain/catalog';
import {
  effectiveRegistration,
  resultDue,
  resultDueFor,
  stageDeadlines,
} from '../../src/domain/deadline';
import {
  DEFAULT_OFFICE_HOURS,
  hoursOf,
  hoursProblem,
  type OfficeHours,
} from '../../src/domain/hours';

const cal = DEFAULT_CALENDAR;

function channelOf(serviceId: string) {
  const channel = findService(serviceId)?.channels.akim;
  if (!channel) throw new Error(`${serviceId} has no akim channel`);
  return channel;
}

const childBenefit = channelOf('003-06');
const certificate = channelOf('003-16');
const closesAtFour: OfficeHours = { ...DEFAULT_OFFICE_HOURS, close: '16:00' };
const noLunch: OfficeHours = { open: '09:00', close: '18:00', lunch: null };

describe('hours the administrator may set', () => {
  it('accepts the default, other hours and an office without lunch', () => {
    expect(hoursProblem(DEFAULT_OFFICE_HOURS)).toBeNull();
    expect(
      hoursProblem({ open: '08:30', close: '17:30', lunch: { from: '12:30', to: '13:30' } }),
    ).toBeNull();
    expect(hoursProblem(noLunch)).toBeNull();
  });

  it('refuses what the engine cannot count with, saying why', () => {
    expect(hoursProblem({ ...DEFAULT_OFFICE_HOURS, open: '9:00' })).toBe('time-invalid');
    expect(hoursProblem({ ...DEFAULT_OFFICE_HOURS, close: '24:00' })).toBe('time-invalid');
    expect(hoursProblem({ ...DEFAULT_OFFICE_HOURS, close: '18:60' })).toBe('time-invalid');
    expect(hoursProblem({ ...DEFAULT_OFFICE_HOURS, close: '09:00' })).toBe('close-before-open');
    expect(hoursProblem({ ...DEFAULT_OFFICE_HOURS, close: '08:00' })).toBe('close-before-open');
    expect(hoursProblem({ ...DEFAULT_OFFICE_HOURS, lunch: { from: '14:00', to: '13:00' } })).toBe(
      'lunch-order',
    );
    expect(hoursProblem({ ...DEFAULT_OFFICE_HOURS, lunch: { from: '08:00', to: '10:00' } })).toBe(
      'lunch-outside-hours',
    );
    expect(hoursProblem({ ...DEFAULT_OFFICE_HOURS, lunch: { from: '17:30', to: '18:00' } })).toBe(
      'lunch-outside-hours',
    );
  });

  it('an office with no hours of its own (an older server) has the default', () => {
    expect(hoursOf(undefined)).toEqual(DEFAULT_OFFICE_HOURS);
    expect(hoursOf({})).toEqual(DEFAULT_OFFICE_HOURS);
    expect(hoursOf({ hours: closesAtFour })).toBe(closesAtFour);
  });
});

describe('closing time decides the day a late submission counts from', () => {
  it('16:30 is within the default hours and after an office closing at 16:00', () => {
    expect(effectiveRegistration(cal, childBenefit, '2026-04-06T16:30')).toMatchObject({
      effectiveDay: '2026-04-06',
      reason: 'within_hours',
    });
    expect(
      effectiveRegistration(cal, childBenefit, '2026-04-06T16:30', { businessHours: closesAtFour }),
    ).toMatchObject({
      effectiveDay: '2026-04-07',
      effectiveAt: '2026-04-07T09:00',
      reason: 'after_hours',
    });
  });

  it('so the talon of 003-06 prints one working day later', () => {
    // 13 + 5 + 1 + 2 + 1 = 22 working days after Monday 6 April: Friday 8 May (the CLI's figure).
    expect(resultDueFor(cal, childBenefit, '2026-04-06T16:30')).toBe('2026-05-08');
    // Counted from Tuesday 7 April: one working day more; Saturday 9 May's day off is Monday 11.
    expect(
      resultDueFor(cal, childBenefit, '2026-04-06T16:30', { businessHours: closesAtFour }),
    ).toBe('2026-05-12');
    // Before the new closing time nothing changes.
    expect(
      resultDueFor(cal, childBenefit, '2026-04-06T15:59', { businessHours: closesAtFour }),
    ).toBe('2026-05-08');
  });
});

describe('lunch', () => {
  it('a submission during lunch stays on its day and counts from the end of lunch', () => {
    expect(effectiveRegistration(cal, childBenefit, '2026-04-06T13:20')).toMatchObject({
      effectiveDay: '2026-04-06',
      effectiveAt: '2026-04-06T14:00',
      reason: 'during_lunch',
    });
    expect(effectiveRegistration(cal, childBenefit, '2026-04-06T12:59').reason).toBe(
      'within_hours',
    );
    expect(effectiveRegistration(cal, childBenefit, '2026-04-06T14:00').reason).toBe(
      'within_hours',
    );
    // An office that does not close for lunch takes it in at the minute.
    expect(
      effectiveRegistration(cal, childBenefit, '2026-04-06T13:20', { businessHours: noLunch }),
    ).toMatchObject({ effectiveAt: '2026-04-06T13:20', reason: 'within_hours' });
  });

  it('never moves a term counted in days', () => {
    expect(resultDueFor(cal, childBenefit, '2026-04-06T13:20')).toBe(
      resultDueFor(cal, childBenefit, '2026-04-06T10:00'),
    );
  });

  it("003-16's minute steps count from 14:00 for a submission during lunch", () => {
    // 9 minutes to take and check, 5 for the akim's signature, 1 to hand out.
    const dues = (at: string, hours?: OfficeHours) =>
      stageDeadlines(cal, certificate, at, {}, hours ? { businessHours: hours } : {}).map(
        (s) => s.due,
      );
    expect(dues('2026-04-06T13:20')).toEqual([
      '2026-04-06T14:09',
      '2026-04-06T14:14',
      '2026-04-06T14:15',
    ]);
    expect(dues('2026-04-06T13:20', noLunch)).toEqual([
      '2026-04-06T13:29',
      '2026-04-06T13:34',
      '2026-04-06T13:35',
    ]);
  });

  it('a minute step that runs into lunch pauses for it', () => {
    // 12:50 + 9 = 12:59; the signature has 1 minute before lunch and 4 after it: 14:04.
    expect(stageDeadlines(cal, certificate, '2026-04-06T12:50').map((s) => s.due)).toEqual([
      '2026-04-06T12:59',
      '2026-04-06T14:04',
      '2026-04-06T14:05',
    ]);
    expect(resultDue(cal, certificate, '2026-04-06T12:50')).toMatchObject({
      date: '2026-04-06',
      dueAt: '2026-04-06T14:05',
    });
  });

  it('a minute step still ends by closing time', () => {
    const dues = stageDeadlines(
      cal,
      certificate,
      '2026-04-06T15:55',
      {},
      {
        businessHours: closesAtFour,
      },
    ).map((s) => s.due);
    expect(dues).toEqual(['2026-04-06T16:00', '2026-04-06T16:00', '2026-04-06T16:00']);
  });
});
