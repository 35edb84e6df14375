/**
 * The district department as an intake point: the services its desk offers (its provider's
 * channel, walked at the department from intake to hand-out), who takes applications there, and
 * the process such a case walks — no transfer batch, no village step, the department's review
 * and signature, the hand-out at its own desk — along every path random walks find, with the
 * refusal at its desk, the status groups the journal shows and the registration numbers of its
 * own sequence.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseEvent, EventType, PayloadOf } from '../../src/domain/case/events';
import { applyEvent, type Case, processOf } from '../../src/domain/case/reducer';
import { statusGroupOf } from '../../src/domain/case/status-group';
import { CATALOG } from '../../src/domain/catalog';
import { DESK_CHANNEL, DESK_ROLES, takesApplications } from '../../src/domain/intake-point';
import { formatRefusalNumber, formatRegNumber } from '../../src/domain/numbering';
import { buildProcess, nextActions, type Process } from '../../src/domain/process';
import { deskServices, staysAtDistrict } from '../../src/domain/process/desk';
import { PROCESS_OUTLINES } from '../../src/domain/process/outline';
import { STAFF_ROLES } from '../../src/domain/roles';

const ACTS = CATALOG.acts.map((a) => a.id);
const DISTRICT_DESK = deskServices(CATALOG, ACTS, 'district');
const HANDOVERS: readonly EventType[] = [
  'batch.sent',
  'case.received',
  'case.returned',
  'case.refused',
  'result.sent',
  'result.received',
];

function providerProcess(serviceId: string, variant?: string): Process {
  const process = buildProcess({
    serviceId,
    channel: 'provider',
    edition: CATALOG.version,
    variant: variant ?? null,
  });
  if (!process) throw new Error(`no provider process for ${serviceId}`);
  return process;
}

const CASE_ID = '0190a000-0000-7000-8000-0000000000d1';
let seq = 0;
function event<T extends EventType>(type: T, payload: PayloadOf<T>): CaseEvent {
  seq += 1;
  return {
    id: `0190a000-0000-7000-8000-${String(seq).padStart(12, '0')}`,
    type,
    caseId: CASE_ID,
    officeId: 'akt-district',
    deviceId: 'district-device',
    deviceSeq: seq,
    staffId: 'akt-district-district_executor',
    deviceTime: '2026-03-18T10:30:00+05:00',
    payload,
  } as CaseEvent;
}

function registration(serviceId: string, variant?: string): PayloadOf<'case.registered'> {
  return {
    regNumber: '00-26-01-0001',
    serviceId,
    catalogVersion: CATALOG.version,
    channel: 'provider',
    ...(variant ? { variant } : {}),
    applicant: { iin: '900101300123', surname: 'Серікова', givenName: 'Әсел' },
    documents: [{ id: 'application', isPresented: true }],
    registeredAt: '2026-03-18T10:00',
    resultDue: '2026-04-17',
    acceptedBy: { staffId: 'akt-district-district_executor', shortName: 'Қасымов Д. Е.' },
    process: 'catalog',
  };
}

/** A payload the department's device would send for the event on a case of the process. */
function payloadOf(type: EventType, process: Process, n: number, state?: Case): unknown {
  const refusal =
    (PROCESS_OUTLINES[process.serviceId]?.grounds ?? 0) > 0
      ? { outcome: 'refused' as const, grounds: ['1'] }
      : { outcome: 'refused' as const, reason: 'Табыс шегінен асады.' };
  const decision = n % 3 === 2 ? refusal : { outcome: 'approved' as const };
  switch (type) {
    case 'commission.ordered':
      return {};
    case 'commission.inspected':
      return {
        actDate: '2026-03-20',
        members: ['Сейітов Б. Қ.'],
        findings: 'Табыс төмен.',
        conclusion: 'needy',
        conclusionText: 'Мұқтаж.',
      };
    case 'case.assigned':
      return { executorId: 'akt-district-district_executor' };
    case 'case.decided':
      return decision;
    case 'case.endorsed':
      return {};
    case 'case.sent_back':
      return { comment: 'Қайта қараңыз.' };
    case 'case.signed':
      return process.steps.some((s) => s.records === 'case.decided') ? {} : { decision };
    case 'result.handed_out':
      return { to: 'applicant' };
    case 'case.corrected': {
      // From what the case holds now, as the correction form would.
      const from = state?.applicant.phone ?? '';
      const to = from === '87011234567' ? '87017654321' : '87011234567';
      return { changes: [{ field: 'phone', from, to }], reason: 'Телефон қате жазылған' };
    }
    case 'case.cancelled':
      return { reason: 'withdrawn' };
    default:
      throw new Error(`no payload for ${type}`);
  }
}

function apply(state: Case | undefined, e: CaseEvent): Case {
  const result = applyEvent(state, e);
  if (!result.ok) throw new Error(`${e.type} refused: ${result.problem.code}`);
  return result.value;
}

describe("the district department's desk", () => {
  it('registers on the provider channel; a village on the rural akim’s', () => {
    expect(DESK_CHANNEL).toEqual({ akimat: 'akim', district: 'provider' });
  });

  it('offers the services it renders itself from intake to hand-out, never one it must forward', () => {
    const ids = DISTRICT_DESK.map((s) => s.id);
    // The child benefits, the certificate of targeted assistance, the unemployed's registration.
    for (const id of ['003-06', '004-01', '000-01', '003-01', '003-02']) expect(ids).toContain(id);
    // 003-11 goes on to the oblast: a handover nobody in Qabyldau receives.
    expect(ids).not.toContain('003-11');
    expect(staysAtDistrict(providerProcess('003-11'))).toBe(false);
    for (const service of DISTRICT_DESK) {
      expect(service.channels.provider?.steps.length, service.id).toBeGreaterThan(0);
      expect(staysAtDistrict(providerProcess(service.id)), service.id).toBe(true);
    }
  });

  it('takes applications by the people the processes give the intake to, at each kind of office', () => {
    const village = deskServices(CATALOG, ACTS, 'akimat');
    for (const [kind, services] of [
      ['akimat', village],
      ['district', DISTRICT_DESK],
    ] as const) {
      for (const service of services) {
        const process = buildProcess({
          serviceId: service.id,
          channel: DESK_CHANNEL[kind],
          edition: CATALOG.version,
        });
        const intake = process?.steps.find((s) => s.records === 'case.registered');
        expect(intake?.at, service.id).toBe(kind === 'akimat' ? 'village' : 'district');
        expect([...(intake?.performers ?? [])].sort(), `${kind} ${service.id}`).toEqual(
          [...DESK_ROLES[kind]].sort(),
        );
      }
      for (const role of STAFF_ROLES) {
        expect(takesApplications(kind, role), `${kind} ${role}`).toBe(
          (DESK_ROLES[kind] as readonly string[]).includes(role),
        );
      }
    }
    // The sector head and the administrator have no desk.
    expect(takesApplications('district', 'district_sector_head')).toBe(false);
    expect(takesApplications('district', 'district_admin')).toBe(false);
  });

  it('numbers its applications in its own sequence: the office code 00 no akimat has', () => {
    expect(formatRegNumber('00', 2026, 1, 7)).toBe('00-26-01-0007');
    expect(formatRefusalNumber('00', 2026, 1, 7)).toBe('R00-26-01-0007');
    expect(formatRegNumber('00', 2026, 1, 7)).not.toBe(formatRegNumber('01', 2026, 1, 7));
  });
});

describe('a case taken in at the district department', () => {
  it('003-06: review, signature, hand-out at the department; no batch, no village step', () => {
    let state = apply(undefined, event('case.registered', registration('003-06')));
    expect(state.at).toBe('district');
    expect(statusGroupOf(state)).toBe('at_district');
    expect(nextActions(processOf(state), state).map((a) => a.type)).not.toContain('batch.sent');
    state = apply(state, event('case.decided', { outcome: 'approved' }));
    state = apply(state, event('case.signed', {}));
    // Signed at the desk that hands it out: the result is ready there.
    expect(statusGroupOf(state)).toBe('result_ready');
    expect(nextActions(processOf(state), state).map((a) => a.type)).toEqual([
      'result.handed_out',
      'case.corrected',
    ]);
    state = apply(state, event('result.handed_out', { to: 'applicant' }));
    expect(state.status).toBe('closed');
    expect(state.at).toBe('district');
    expect(statusGroupOf(state)).toBe('issued');
    // The regulation's terms: the review and the signature, the hand-out the day after.
    expect(Object.keys(state.completions).sort()).toEqual([
      'handout',
      'register',
      'review',
      'sign',
    ]);
  });

  it('refused at its desk for an incomplete package: the refusal is the department’s', () => {
    const refused = apply(
      undefined,
      event('application.refused', {
        refusalNumber: 'R00-26-01-0001',
        serviceId: '003-06',
        catalogVersion: CATALOG.version,
        channel: 'provider',
        applicant: { iin: '900101300123', surname: 'Серікова', givenName: 'Әсел' },
        documents: [{ id: 'application', isPresented: false }],
        problems: [{ id: 'application', problem: 'missing' }],
        refusedAt: '2026-03-18T10:00',
        refusedBy: { staffId: 'akt-district-district_executor', shortName: 'Қасымов Д. Е.' },
      }),
    );
    expect(refused.status).toBe('refused_at_intake');
    expect(refused.at).toBe('district');
    expect(statusGroupOf(refused)).toBe('refused_at_intake');
    expect(nextActions(processOf(refused), refused)).toEqual([]);
  });

  it('every walk of every desk service stays at the department, by its people, and ends at its desk (fast-check prints the seed)', () => {
    const district = new Set<string>(DESK_ROLES.district);
    district.add('district_sector_head');
    const cases = DISTRICT_DESK.flatMap((s) => {
      const variants = s.channels.provider?.variants ?? [];
      return variants.length ? variants.map((v) => [s.id, v.id] as const) : [[s.id, ''] as const];
    });
    fc.assert(
      fc.property(
        fc.constantFrom(...cases),
        fc.array(fc.nat(), { minLength: 1, maxLength: 30 }),
        ([serviceId, variant], choices) => {
          let state = apply(
            undefined,
            event('case.registered', registration(serviceId, variant || undefined)),
          );
          const process = processOf(state);
          for (const [n, choice] of choices.entries()) {
            const actions = nextActions(process, state);
            if (actions.length === 0) break;
            for (const a of actions) {
              expect(HANDOVERS, `${serviceId} ${a.type}`).not.toContain(a.type);
              for (const role of a.roles)
                expect(district, `${serviceId} ${a.type}`).toContain(role);
            }
            const action = actions[choice % actions.length];
            if (!action) break;
            state = apply(
              state,
              event(action.type, payloadOf(action.type, process, n, state) as never),
            );
            expect(state.at, `${serviceId} after ${action.type}`).toBe('district');
          }
          // Taking always the next step reaches the hand-out at the department's desk.
          for (
            let i = 0;
            i < 20 && state.status !== 'closed' && state.status !== 'cancelled';
            i++
          ) {
            const step = nextActions(process, state).find((a) => a.step && !a.step.isOptional);
            if (!step) break;
            state = apply(state, event(step.type, payloadOf(step.type, process, 0) as never));
          }
          expect(['closed', 'cancelled'], serviceId).toContain(state.status);
          if (state.status === 'closed') {
            const handout = process.steps.find((s) => s.records === 'result.handed_out');
            expect(handout?.at).toBe('district');
            expect(state.done[handout?.id ?? '']).toBeDefined();
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
