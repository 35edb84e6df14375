/**
 * Deadlines computed by hand from the working-day calendar, then asserted. Channels are built
 * inline, shaped like the catalog's (003 regulation 6, 004's akim channel), so these tests do not
 * depend on the catalog's transcription.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR, isWorkingDay } from '../../src/domain/calendar';
import type {
  Channel,
  DurationUnit,
  Step,
  StepRole,
  StepStage,
} from '../../src/domain/catalog/schema';
import {
  deadlinePlan,
  effectiveRegistration,
  isOverdue,
  resultDue,
  resultDueFor,
  stageDeadlines,
} from '../../src/domain/deadline';

const cal = DEFAULT_CALENDAR;
const source = { seed: '003_051d4fcbe1fd319b.txt', lines: [1, 1] as [number, number] };

function step(
  id: string,
  stage: StepStage,
  role: StepRole,
  value: number,
  unit: DurationUnit = 'working_days',
  extra: Partial<Step> = {},
): Step {
  return {
    id,
    role,
    stage,
    action: { kk: id, ru: id },
    duration: { value, unit },
    source,
    ...extra,
  };
}

function channel(steps: Step[], submissionDayCounts: boolean | null = null): Channel {
  return { steps, submissionDayCounts, source };
}

/** The rural-akim chain: akimat forwards, district reviews and signs, result returns, hand-out. */
function akimChain(
  a: number,
  b: number,
  c: number,
  d: number,
  e: number,
  counts: boolean | null = null,
) {
  return channel(
    [
      step('forward', 'forward', 'akimat_specialist', a),
      step('review', 'review', 'district_executor', b),
      step('sign', 'sign', 'district_head', c),
      step('return', 'return', 'district_executor', d),
      step('handout', 'handout', 'akimat_specialist', e),
    ],
    counts,
  );
}

const dues = (ch: Channel, at: string, completions = {}) =>
  stageDeadlines(cal, ch, at, completions).map((s) => s.due);

describe('003-06, rural akim channel 13/5/1/2/1 working days, across Nauryz 2026', () => {
  // Registered Wednesday 18 March 2026, 10:30. Nauryz 21 (Sat), 22 (Sun), 23 (Mon) and its
  // carry-overs 24 and 25 March are days off. Counting from the next day:
  // 19, 20, 26, 27, 30, 31 Mar, 1, 2, 3, 6, 7, 8, 9 Apr → forward due Thu 9 April (13);
  // review 10, 13, 14, 15, 16 → Thu 16 April; sign Fri 17; return 20, 21 → Tue 21;
  // handout Wed 22 April.
  const ch = akimChain(13, 5, 1, 2, 1);

  it('gives every step its due date and the talon date', () => {
    expect(dues(ch, '2026-03-18T10:30')).toEqual([
      '2026-04-09',
      '2026-04-16',
      '2026-04-17',
      '2026-04-21',
      '2026-04-22',
    ]);
    const result = resultDue(cal, ch, '2026-03-18T10:30');
    expect(result.date).toBe('2026-04-22');
    expect(result.lastStepId).toBe('handout');
    expect(result.registration).toMatchObject({
      effectiveDay: '2026-03-18',
      reason: 'within_hours',
      submissionDayCounts: null,
      isSubmissionDayCounted: false,
    });
    expect(resultDueFor(cal, ch, '2026-03-18T10:30')).toBe('2026-04-22');
  });

  it('counts the day of submission as day 1 when the regulation says so', () => {
    // 18 Mar is day 1, so the 13th working day is 8 April; then 15, 16, 20, 21 April.
    const counted = akimChain(13, 5, 1, 2, 1, true);
    expect(dues(counted, '2026-03-18T10:30')).toEqual([
      '2026-04-08',
      '2026-04-15',
      '2026-04-16',
      '2026-04-20',
      '2026-04-21',
    ]);
    const plan = deadlinePlan(cal, counted, '2026-03-18T10:30');
    expect(plan.registration.isSubmissionDayCounted).toBe(true);
    expect(plan.steps.map((s) => s.isStartDayCounted)).toEqual([true, false, false, false, false]);
  });

  it('starts the next step at the actual completion of the previous one', () => {
    // Batch sent Friday 27 March at 16:00: review 30, 31 Mar, 1, 2, 3 Apr → 3 April;
    // sign 6 April; return 7, 8 → 8 April; handout 9 April.
    const steps = stageDeadlines(cal, ch, '2026-03-18T10:30', { forward: '2026-03-27T16:00' });
    expect(steps.map((s) => s.due)).toEqual([
      '2026-04-09',
      '2026-04-03',
      '2026-04-06',
      '2026-04-08',
      '2026-04-09',
    ]);
    expect(steps[0]).toMatchObject({ isDone: true, completedAt: '2026-03-27T16:00' });
    expect(steps[1]).toMatchObject({ start: '2026-03-27T16:00', isDone: false });
    // The talon's date does not move.
    expect(resultDue(cal, ch, '2026-03-18T10:30').date).toBe('2026-04-22');
  });

  it('a later stage completed implies the earlier steps are done', () => {
    // Reviewed Friday 10 April: sign Monday 13; return 14, 15; handout 16 April.
    const steps = stageDeadlines(cal, ch, '2026-03-18T10:30', { review: '2026-04-10T11:00' });
    expect(steps[0]).toMatchObject({ isDone: true });
    expect(steps[0]?.completedAt).toBeUndefined();
    expect(steps.slice(2).map((s) => s.due)).toEqual(['2026-04-13', '2026-04-15', '2026-04-16']);
  });

  it('tells overdue steps', () => {
    const [forward] = stageDeadlines(cal, ch, '2026-03-18T10:30');
    if (!forward) throw new Error('no step');
    expect(isOverdue(forward, '2026-04-09T17:59')).toBe(false);
    expect(isOverdue(forward, '2026-04-09')).toBe(false);
    expect(isOverdue(forward, '2026-04-10T09:00')).toBe(true);
    const [late] = stageDeadlines(cal, ch, '2026-03-18T10:30', { forward: '2026-04-10T09:00' });
    if (!late) throw new Error('no step');
    expect(isOverdue(late, '2026-04-10T09:00')).toBe(true);
    const [implied] = stageDeadlines(cal, ch, '2026-03-18T10:30', { sign: '2026-05-01T10:00' });
    if (!implied) throw new Error('no step');
    expect(isOverdue(implied, '2026-06-01')).toBe(false);
  });
});

describe('New Year', () => {
  it('2025/2026, 1/3/1/2/1: 1–2 January and 7 January are days off', () => {
    // Registered Monday 29 Dec 2025. Working days after: 30, 31 Dec, 5, 6, 8, 9, 12, 13 Jan.
    expect(dues(akimChain(1, 3, 1, 2, 1), '2025-12-29T11:00')).toEqual([
      '2025-12-30',
      '2026-01-06',
      '2026-01-08',
      '2026-01-12',
      '2026-01-13',
    ]);
  });

  it('2024/2025, with Sunday 5 January 2025 worked and Friday 3 January off', () => {
    // Registered Monday 30 Dec 2024. Working days after: 31 Dec, Sun 5 Jan, 6, 8, 9, 10, 13, 14.
    expect(dues(akimChain(1, 3, 1, 2, 1), '2024-12-30T10:00')).toEqual([
      '2024-12-31',
      '2025-01-08',
      '2025-01-09',
      '2025-01-13',
      '2025-01-14',
    ]);
  });
});

describe('May holidays 2024 with the 4 May / 8 May transfer', () => {
  it('3/8/1/2/1 registered Tuesday 30 April', () => {
    // Working days after 30 April: 2, 3, Sat 4 (worked), 6, 10 (7, 8, 9 off), 13, 14, 15, 16,
    // 17, 20, 21, 22, 23, 24 May.
    expect(dues(akimChain(3, 8, 1, 2, 1), '2024-04-30T15:00')).toEqual([
      '2024-05-04',
      '2024-05-20',
      '2024-05-21',
      '2024-05-23',
      '2024-05-24',
    ]);
  });
});

describe('when the application counts as registered', () => {
  const ch = akimChain(1, 3, 1, 2, 1);

  it('a Saturday submission counts from Monday, and Monday is not counted', () => {
    const plan = deadlinePlan(cal, ch, '2026-04-11T10:00');
    expect(plan.registration).toMatchObject({
      effectiveDay: '2026-04-13',
      effectiveAt: '2026-04-13T09:00',
      reason: 'non_working_day',
    });
    // 14 | 15, 16, 17 | 20 | 21, 22 | 23
    expect(plan.steps.map((s) => s.due)).toEqual([
      '2026-04-14',
      '2026-04-17',
      '2026-04-20',
      '2026-04-22',
      '2026-04-23',
    ]);
  });

  it('an after-hours submission counts from the next working day', () => {
    // Thursday 9 April 18:30 → Friday 10 April; 13 | 14, 15, 16 | 17 | 20, 21 | 22
    const plan = deadlinePlan(cal, ch, '2026-04-09T18:30');
    expect(plan.registration).toMatchObject({ effectiveDay: '2026-04-10', reason: 'after_hours' });
    expect(plan.steps.map((s) => s.due)).toEqual([
      '2026-04-13',
      '2026-04-16',
      '2026-04-17',
      '2026-04-21',
      '2026-04-22',
    ]);
    // One minute before closing it is still Thursday: 10 | 13, 14, 15 | 16 | 17, 20 | 21
    expect(resultDue(cal, ch, '2026-04-09T17:59').date).toBe('2026-04-21');
    expect(effectiveRegistration(cal, ch, '2026-04-09T18:00').reason).toBe('after_hours');
  });

  it('before opening is the same day, from opening time; a date alone is that day', () => {
    expect(effectiveRegistration(cal, ch, '2026-04-09T08:30')).toMatchObject({
      effectiveDay: '2026-04-09',
      effectiveAt: '2026-04-09T09:00',
      reason: 'before_opening',
    });
    expect(effectiveRegistration(cal, ch, '2026-04-09').reason).toBe('time_unknown');
    expect(effectiveRegistration(cal, ch, '2026-03-23').effectiveDay).toBe('2026-03-26');
  });

  it('takes other business hours as a parameter', () => {
    const hours = { businessHours: { open: '08:00', close: '20:00' } };
    expect(effectiveRegistration(cal, ch, '2026-04-09T18:30', hours).reason).toBe('within_hours');
  });
});

describe("004's akim channel: a 20-calendar-day limit from registration", () => {
  const ch = channel([
    step('register', 'intake', 'akimat_specialist', 15, 'minutes'),
    step('assign', 'other', 'akim', 3),
    step('inspect', 'inspection', 'commission', 5),
    step('forward', 'forward', 'akim', 20, 'calendar_days', {
      anchor: { from: 'registration', limit: { value: 20, unit: 'calendar_days' } },
    }),
    step('hand_over', 'receive', 'commission', 15, 'minutes'),
    step('accept', 'receive', 'district_executor', 15, 'minutes', { isParallelWithPrevious: true }),
    step('review', 'review', 'district_executor', 2),
  ]);

  it('ends on the next working day when the 20th day is a Sunday', () => {
    // Monday 6 April 2026 + 20 days = Sunday 26 April → Monday 27 April.
    const forward = stageDeadlines(cal, ch, '2026-04-06T10:00').find((s) => s.stepId === 'forward');
    expect(forward).toMatchObject({ due: '2026-04-27', basis: 'registration' });
  });

  it('ends after Nauryz when the 20th day is the Sunday of Nauryz', () => {
    // Monday 2 March 2026 + 20 = Sunday 22 March; 23 (Nauryz), 24, 25 (carry-overs) are off
    // → Thursday 26 March. Before it: register 10:00 + 15 min; assign 3, 4, 5 Mar; inspect
    // 6, 10, 11, 12, 13 Mar (9 March is the carry-over of 8 March).
    const steps = stageDeadlines(cal, ch, '2026-03-02T10:00');
    expect(steps.map((s) => [s.stepId, s.start, s.due])).toEqual([
      ['register', '2026-03-02T10:00', '2026-03-02T10:15'],
      ['assign', '2026-03-02T10:15', '2026-03-05'],
      ['inspect', '2026-03-05', '2026-03-13'],
      ['forward', '2026-03-13', '2026-03-26'],
      // Minute steps after a day-level due: by closing time of that day.
      ['hand_over', '2026-03-26', '2026-03-26T18:00'],
      ['accept', '2026-03-26', '2026-03-26T18:00'],
      // review: 27, 30 March
      ['review', '2026-03-26T18:00', '2026-03-30'],
    ]);
    expect(resultDue(cal, ch, '2026-03-02T10:00')).toMatchObject({
      date: '2026-03-30',
      lastStepId: 'review',
    });
  });

  it('keeps the anchored due even when the steps before it run late', () => {
    const steps = stageDeadlines(cal, ch, '2026-03-02T10:00', { inspect: '2026-03-27T12:00' });
    const forward = steps.find((s) => s.stepId === 'forward');
    expect(forward).toMatchObject({ start: '2026-03-27T12:00', due: '2026-03-26' });
    expect(forward && isOverdue(forward, '2026-03-27T12:00')).toBe(true);
  });

  it('the next step waits for the later of two parallel steps', () => {
    const steps = stageDeadlines(cal, ch, '2026-03-02T10:00', { forward: '2026-03-20T11:00' });
    expect(steps.find((s) => s.stepId === 'hand_over')?.due).toBe('2026-03-20T11:15');
    expect(steps.find((s) => s.stepId === 'accept')).toMatchObject({
      start: '2026-03-20T11:00',
      due: '2026-03-20T11:15',
      basis: 'parallel',
    });
    // review from Friday 20 March: 26, 27 March
    expect(steps.find((s) => s.stepId === 'review')?.due).toBe('2026-03-27');
  });
});

describe('minute and hour steps', () => {
  it('end the same day, at closing time at the latest', () => {
    const ch = channel([
      step('register', 'intake', 'akimat_specialist', 15, 'minutes'),
      step('certify', 'sign', 'akim', 2, 'hours'),
    ]);
    expect(dues(ch, '2026-04-09T10:30')).toEqual(['2026-04-09T10:45', '2026-04-09T12:45']);
    expect(dues(ch, '2026-04-09T17:50')).toEqual(['2026-04-09T18:00', '2026-04-09T18:00']);
    expect(resultDue(cal, ch, '2026-04-09T17:50').date).toBe('2026-04-09');
  });
});

describe('calendar gaps are reported, not fatal', () => {
  it('a term running into 2028 names the missing year', () => {
    const plan = deadlinePlan(cal, akimChain(13, 5, 1, 2, 1), '2027-12-20T10:00');
    expect(plan.missingYears).toEqual([2028]);
    expect(plan.steps.at(-1)?.dueDate.startsWith('2028-')).toBe(true);
  });
});

const minutesArb = fc.integer({ min: 0, max: 24 * 60 - 1 });
const dayArb = fc.integer({ min: 0, max: 365 * 14 });
const registeredAtArb = fc.tuple(dayArb, minutesArb).map(([day, minutes]) => {
  const date = new Date(Date.UTC(2013, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${date}T${hh}:${mm}`;
});
const chainArb = fc.tuple(
  fc.array(
    fc.record({
      value: fc.integer({ min: 0, max: 30 }),
      unit: fc.constantFrom<DurationUnit>('working_days', 'calendar_days', 'minutes'),
    }),
    { minLength: 1, maxLength: 6 },
  ),
  fc.constantFrom(true, false, null),
);

describe('deadline properties (fast-check prints the seed on failure)', () => {
  it('every due is on a working day, never before registration, and in order along the chain', () => {
    fc.assert(
      fc.property(registeredAtArb, chainArb, (at, [durations, counts]) => {
        const ch = channel(
          durations.map((d, i) => step(`s${i}`, 'other', 'other', d.value, d.unit)),
          counts,
        );
        const plan = deadlinePlan(cal, ch, at);
        let previous = plan.registration.effectiveDay;
        for (const s of plan.steps) {
          expect(isWorkingDay(cal, s.dueDate)).toBe(true);
          expect(s.dueDate >= previous).toBe(true);
          previous = s.dueDate;
        }
        expect(isWorkingDay(cal, plan.registration.effectiveDay)).toBe(true);
        expect(plan.registration.effectiveDay >= at.slice(0, 10)).toBe(true);
      }),
    );
  });

  it('a later registration never gives an earlier result date', () => {
    const ch = akimChain(13, 5, 1, 2, 1);
    fc.assert(
      fc.property(registeredAtArb, registeredAtArb, (a, b) => {
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(resultDue(cal, ch, early).date <= resultDue(cal, ch, late).date).toBe(true);
      }),
    );
  });
});
