/**
 * The deadline colour a list row shows (src/domain/case/deadline.ts), on 004-01 through the
 * akim: the akim's order to the commission is due on 26 March for an application registered on
 * Wednesday 18 March 2026 (the stage table's figure, checked in deadline.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../src/domain/calendar';
import { caseDeadline } from '../../src/domain/case/deadline';
import type { CaseEvent, EventType, PayloadOf } from '../../src/domain/case/events';
import { applyEvent, type Case } from '../../src/domain/case/reducer';
import { findService } from '../../src/domain/catalog';

const CASE_ID = '0190a000-0000-7000-8000-000000000001';
const channel = findService('004-01')?.channels.akim;
if (!channel) throw new Error('004-01 has no akim channel');

let seq = 0;
function apply<T extends EventType>(
  state: Case | undefined,
  type: T,
  at: string,
  payload: PayloadOf<T>,
): Case {
  seq += 1;
  const event = {
    id: `0190a000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    type,
    caseId: CASE_ID,
    officeId: 'akt-01',
    deviceId: 'device-1',
    deviceSeq: seq,
    staffId: 'akt-01-akimat_specialist',
    deviceTime: `${at}:00+05:00`,
    payload,
  } as CaseEvent;
  const result = applyEvent(state, event);
  if (!result.ok) throw new Error(`${type} refused: ${result.problem.code}`);
  return result.value;
}

const registered = apply(undefined, 'case.registered', '2026-03-18T10:00', {
  regNumber: '01-26-03-0001',
  serviceId: '004-01',
  catalogVersion: '2026.1',
  channel: 'akim',
  applicant: { iin: '900101300123', surname: 'Серікова', givenName: 'Әсел' },
  documents: [],
  registeredAt: '2026-03-18T10:00',
  resultDue: '2026-04-16',
  acceptedBy: { staffId: 'akt-01-akimat_specialist', shortName: 'Әбенова Г. С.' },
  process: 'catalog',
});

const colourAt = (state: Case, asOf: string) =>
  caseDeadline(DEFAULT_CALENDAR, state, channel, asOf).colour;

describe('the colour of an open step', () => {
  it('is on time well before the due, due soon on the working day before (after Nauryz) and on the day', () => {
    expect(
      caseDeadline(DEFAULT_CALENDAR, registered, channel, '2026-03-19T09:00').step,
    ).toMatchObject({ stepId: 'assign_inspection', due: '2026-03-26' });
    expect(colourAt(registered, '2026-03-19T09:00')).toBe('on_time');
    expect(colourAt(registered, '2026-03-25T10:00')).toBe('due_soon');
    expect(colourAt(registered, '2026-03-26T17:59')).toBe('due_soon');
  });

  it('is overdue once the due day has passed', () => {
    expect(colourAt(registered, '2026-03-27T09:00')).toBe('overdue');
  });
});

describe('a finished step is never overdue', () => {
  it('an order given late leaves the inspection, not the order, as the row colour', () => {
    const ordered = apply(registered, 'commission.ordered', '2026-03-27T10:00', {});
    const deadline = caseDeadline(DEFAULT_CALENDAR, ordered, channel, '2026-03-27T11:00');
    expect(deadline.step?.stepId).toBe('inspect');
    expect(deadline.colour).not.toBe('overdue');
  });

  it('a cancelled case is done whatever its steps', () => {
    const cancelled = apply(registered, 'case.cancelled', '2026-03-30T10:00', {
      reason: 'withdrawn',
    });
    expect(colourAt(cancelled, '2026-05-01T10:00')).toBe('done');
  });
});

describe('a handover with no term of its own', () => {
  // 003-06 through the akim: forwarded on Wednesday 8 April 2026; the district's review has 5
  // working days from then (9, 10, 13, 14, 15 April), its receipt of the file none of its own.
  const benefit = findService('003-06')?.channels.akim;
  if (!benefit) throw new Error('003-06 has no akim channel');
  const registeredBenefit = apply(undefined, 'case.registered', '2026-04-06T10:00', {
    regNumber: '01-26-04-0001',
    serviceId: '003-06',
    catalogVersion: '2026.1',
    channel: 'akim',
    applicant: { iin: '900101300123', surname: 'Серікова', givenName: 'Әсел' },
    documents: [],
    registeredAt: '2026-04-06T10:00',
    resultDue: '2026-05-08',
    acceptedBy: { staffId: 'akt-01-akimat_specialist', shortName: 'Әбенова Г. С.' },
    process: 'catalog',
  });
  const forwarded = apply(registeredBenefit, 'batch.sent', '2026-04-08T10:00', {
    batchId: '0190a000-0000-7000-8000-0000000000b1',
    batchNumber: '01-26-0001',
    caseCount: 1,
  });
  const at = (asOf: string) => caseDeadline(DEFAULT_CALENDAR, forwarded, benefit, asOf);

  it('runs the next step’s term: a file never confirmed at the district turns overdue', () => {
    expect(forwarded.status).toBe('forwarded');
    expect(at('2026-04-09T09:00')).toMatchObject({
      colour: 'on_time',
      step: { stepId: 'review', dueDate: '2026-04-15' },
    });
    expect(at('2026-04-14T09:00').colour).toBe('due_soon');
    expect(at('2026-04-16T09:00').colour).toBe('overdue');
  });
});
