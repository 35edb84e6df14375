/**
 * Reports from hand-built event logs with known answers (src/domain/report): on-time, late and
 * open steps, a minute-long step, a refusal at the desk, a return, a cancellation, events after
 * the period and a case registered outside it. Dues are the deadline engine's (the `deadline`
 * command prints the same): 003-06 registered on Monday 2 March 2026 is to be forwarded by
 * 20 March (13 working days, 9 March a day off for 8 March); 004-01's district confirms the file
 * within 15 minutes of its forwarding.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../../src/domain/calendar';
import type { CaseEvent, EventType, PayloadOf } from '../../src/domain/case/events';
import { findService } from '../../src/domain/catalog';
import { DEFAULT_OFFICE_HOURS } from '../../src/domain/hours';
import {
  buildReport,
  elapsed,
  onTimeOf,
  periodProblem,
  type ReportSources,
  stepsOf,
} from '../../src/domain/report';

const sources: ReportSources = {
  calendar: DEFAULT_CALENDAR,
  channelOf: (c) => findService(c.serviceId)?.channels[c.channel],
  optionsFor: () => ({ businessHours: DEFAULT_OFFICE_HOURS }),
};

let seq = 0;
const uuid = (n: number) => `0190a000-0000-7000-8000-${String(n).padStart(12, '0')}`;

/** A case's events, made one after another like a device does. */
function caseLog(caseNo: number, officeId = 'akt-01') {
  const events: CaseEvent[] = [];
  const add = <T extends EventType>(type: T, at: string, payload: PayloadOf<T>) => {
    seq += 1;
    events.push({
      id: uuid(1000 + seq),
      type,
      caseId: uuid(caseNo),
      officeId,
      deviceId: 'device-1',
      deviceSeq: seq,
      staffId: 'staff-1',
      deviceTime: `${at}:00+05:00`,
      payload,
    } as CaseEvent);
  };
  return { events, add };
}

const applicant = { iin: '900101300123', surname: 'Серікова', givenName: 'Әсел' };
const acceptedBy = { staffId: 'staff-1', shortName: 'Әбенова Г. С.' };

function register(
  log: ReturnType<typeof caseLog>,
  serviceId: string,
  regNumber: string,
  at: string,
  deskOpenedAt?: string,
) {
  log.add('case.registered', at, {
    regNumber,
    serviceId,
    catalogVersion: '2026.1',
    channel: 'akim',
    applicant,
    documents: [],
    registeredAt: at,
    resultDue: '2026-04-30',
    acceptedBy,
    process: 'catalog',
    ...(deskOpenedAt ? { deskOpenedAt: `${deskOpenedAt}+05:00` } : {}),
  });
}

const batch = (n: number) => ({ batchId: uuid(9000 + n), batchNumber: `B-${n}`, caseCount: 1 });

// A: 003-06 walked to the end in time, handed out within the period; 10 minutes at the desk.
const a = caseLog(1);
register(a, '003-06', '01-26-03-0001', '2026-03-02T10:00', '2026-03-02T09:50:00');
a.add('batch.sent', '2026-03-05T11:00', batch(1));
a.add('case.received', '2026-03-06T09:00', {});
a.add('case.decided', '2026-03-10T15:00', { outcome: 'approved' });
a.add('case.signed', '2026-03-11T10:00', {});
a.add('result.sent', '2026-03-12T10:00', {});
a.add('result.received', '2026-03-13T10:00', {});
a.add('result.handed_out', '2026-03-13T15:00', { to: 'applicant' });

// B: 003-06 forwarded late, returned, at the village at the end of March; forwarded again in April.
const b = caseLog(2);
register(b, '003-06', '01-26-03-0002', '2026-03-03T11:00');
b.add('batch.sent', '2026-03-25T11:00', batch(2));
b.add('case.returned', '2026-03-26T11:00', { documents: [], reason: 'Анықтама жоқ' });
b.add('batch.sent', '2026-04-02T11:00', batch(3));

// C: refused at the desk, 5 minutes.
const c = caseLog(3);
c.add('application.refused', '2026-03-03T12:00', {
  refusalNumber: 'R01-26-03-0001',
  serviceId: '003-06',
  catalogVersion: '2026.1',
  channel: 'akim',
  applicant,
  documents: [],
  problems: [{ id: 'birth_certificate', problem: 'missing' }],
  refusedAt: '2026-03-03T12:00',
  refusedBy: acceptedBy,
  deskOpenedAt: '2026-03-03T11:55:00+05:00',
});

// D: 004-01: 20 minutes at the desk against 15; the district confirms the file 5 hours after it
// was sent (15 minutes); still being calculated at the end of March.
const d = caseLog(4, 'akt-02');
register(d, '004-01', '02-26-03-0001', '2026-03-04T10:00', '2026-03-04T09:40:00');
d.add('commission.ordered', '2026-03-05T10:00', {});
d.add('commission.inspected', '2026-03-10T10:00', {
  actDate: '2026-03-10',
  members: ['Ахметов А.'],
  findings: 'Табысы төмен',
  conclusion: 'needy',
  conclusionText: 'Мұқтаж',
});
d.add('batch.sent', '2026-03-12T11:00', batch(4));
d.add('case.received', '2026-03-12T16:00', {});

// E: registered after the period.
const e = caseLog(5);
register(e, '003-06', '01-26-04-0001', '2026-04-01T10:00');

// F: registered in error, cancelled the next day.
const f = caseLog(6);
register(f, '003-06', '01-26-03-0003', '2026-03-05T10:00');
f.add('case.cancelled', '2026-03-06T10:00', { reason: 'registered_in_error' });

// Cases interleave in a log; each case's own order is kept.
const log = [a, b, c, d, e, f].flatMap((x) => x.events).sort((x, y) => x.deviceSeq - y.deviceSeq);
const MARCH = { from: '2026-03-01', to: '2026-03-31' };

describe('which cases a period holds and what became of them', () => {
  const { report } = buildReport(sources, log, MARCH);

  it('counts by the day of registration, outcomes as of the end of the period', () => {
    expect(report.total).toMatchObject({
      received: 4,
      refusedAtIntake: 1,
      returned: 1,
      inProgress: 2,
      approved: 1,
      refused: 0,
      handedOut: 1,
      cancelled: 1,
    });
  });

  it('an outcome after the period is not counted: mid-March, A is approved but not yet handed out', () => {
    const { report: early } = buildReport(sources, log, { from: '2026-03-01', to: '2026-03-12' });
    expect(early.total).toMatchObject({ received: 4, approved: 1, handedOut: 0, inProgress: 3 });
  });

  it('splits by office and by service, and filters', () => {
    expect(report.offices.map((o) => [o.office, o.received, o.refusedAtIntake])).toEqual([
      ['akt-01', 3, 1],
      ['akt-02', 1, 0],
    ]);
    expect(report.services.map((s) => [s.service, s.received])).toEqual([
      ['003-06', 3],
      ['004-01', 1],
    ]);
    const { report: one } = buildReport(sources, log, MARCH, { office: 'akt-02' });
    expect(one.office).toBe('akt-02');
    expect(one.total.received).toBe(1);
    const { report: service } = buildReport(sources, log, MARCH, { service: '003-06' });
    expect(service.total).toMatchObject({ received: 3, refusedAtIntake: 1 });
  });
});

describe('step rows', () => {
  const { rows, report } = buildReport(sources, log, MARCH);
  const of = (regNumber: string) => rows.filter((r) => r.registrationNumber === regNumber);

  it('a case walked in time: every step completed in time, with its duration in its unit', () => {
    const steps = of('01-26-03-0001');
    expect(steps.map((r) => [r.stepId, r.due, r.completedAt, r.onTime])).toEqual([
      ['register_forward', '2026-03-20', '2026-03-05T11:00', true],
      ['review', '2026-03-13', '2026-03-10T15:00', true],
      ['sign', '2026-03-11', '2026-03-11T10:00', true],
      ['return', '2026-03-13', '2026-03-12T10:00', true],
      ['handout', '2026-03-13', '2026-03-13T15:00', true],
    ]);
    // 3 working days from Monday to Thursday; review from the 5th to the 10th over the day off
    // of 9 March: 6th, 10th = 2.
    expect(steps[0]?.duration).toBe(3);
    expect(steps[1]?.duration).toBe(2);
  });

  it('a returned file has its forwarding open again: no step of it completed', () => {
    const steps = of('01-26-03-0002');
    expect(steps.length).toBe(5);
    expect(steps.every((r) => r.completedAt === null && r.onTime === null)).toBe(true);
  });

  it('a minute-long step: the intake in time, the confirmation 4 h 45 min late, its due a date-time', () => {
    const steps = of('02-26-03-0001');
    const receive = steps.find((r) => r.stepId === 'receive');
    expect(receive).toMatchObject({
      due: '2026-03-12T11:15',
      completedAt: '2026-03-12T16:00',
      onTime: false,
      duration: 300,
      term: { value: 15, unit: 'minutes' },
    });
    expect(steps.find((r) => r.stepId === 'register')).toMatchObject({
      due: '2026-03-04T10:15',
      onTime: true,
      duration: 0,
    });
    expect(steps.filter((r) => r.completedAt === null).map((r) => r.stepId)).toEqual([
      'calculate',
      'check',
      'decide',
      'notify',
      'handout',
    ]);
  });

  it('no rows for a refusal at the desk, a cancelled case, nor a case outside the period', () => {
    expect(of('R01-26-03-0001')).toEqual([]);
    expect(of('01-26-03-0003')).toEqual([]);
    expect(of('01-26-04-0001')).toEqual([]);
  });

  it('the report`s step figures are the rows counted', () => {
    expect(report.total.onTime).toEqual({
      completed: 10,
      onTime: 9,
      late: 1,
      open: 10,
      onTimePercent: 90,
    });
    expect(report.total.onTime).toEqual(onTimeOf(rows));
    const receive = report.services
      .find((s) => s.service === '004-01')
      ?.steps.find((s) => s.stepId === 'receive');
    expect(receive).toMatchObject({
      completed: 1,
      late: 1,
      averageDuration: 300,
      worstDuration: 300,
    });
    expect(report.services.find((s) => s.service === '003-06')?.steps).toEqual(
      stepsOf(rows.filter((r) => r.service === '003-06')),
    );
    expect(report.total.stages.find((s) => s.stage === 'receive')).toMatchObject({
      completed: 1,
      onTime: 0,
      onTimePercent: 0,
    });
  });
});

describe('desk time', () => {
  const { report } = buildReport(sources, log, MARCH);

  it('counts every measured application, refusals at the desk too, against the minutes given', () => {
    expect(report.total.desk).toEqual({
      measured: 3,
      averageSeconds: Math.round((600 + 300 + 1200) / 3),
      worstSeconds: 1200,
      minutes: null,
      withTerm: 1,
      overTerm: 1,
    });
    expect(report.services.find((s) => s.service === '004-01')?.desk).toMatchObject({
      minutes: 15,
      overTerm: 1,
    });
  });
});

describe('periods and durations', () => {
  it('refuses a period that ends before it starts, or a date that is not one', () => {
    expect(periodProblem('2026-03-31', '2026-03-01')?.code).toBe('report-period-invalid');
    expect(periodProblem('2026-02-30', '2026-03-01')?.code).toBe('date-invalid');
    expect(periodProblem('2026-03-01', '2026-03-01')).toBeNull();
  });

  it('counts working days over the calendar, the start day when the regulation counts it', () => {
    expect(elapsed(DEFAULT_CALENDAR, 'working_days', '2026-03-06', '2026-03-10T09:00', false)).toBe(
      1,
    );
    expect(elapsed(DEFAULT_CALENDAR, 'working_days', '2026-03-06', '2026-03-10T09:00', true)).toBe(
      2,
    );
    expect(elapsed(DEFAULT_CALENDAR, 'calendar_days', '2026-03-06', '2026-03-10', false)).toBe(4);
    expect(elapsed(DEFAULT_CALENDAR, 'hours', '2026-03-06T09:00', '2026-03-06T10:30', false)).toBe(
      1.5,
    );
    expect(
      elapsed(DEFAULT_CALENDAR, 'minutes', '2026-03-06', '2026-03-06T10:30', false),
    ).toBeNull();
  });
});
