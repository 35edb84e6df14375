/**
 * The case reducer: folds events into the case's state. The device runs it to update its
 * projection optimistically; the server runs the same function to decide whether an event is a
 * legal transition for the case's current state. A refusal is a `Problem` with a string code.
 */
import type { ChannelKind, StepStage } from '../catalog/schema';
import { fail, ok, type Result } from '../errors';
import type { Applicant, CaseEvent } from './events';
import { localTimeOf } from './events';
import { type CaseStatus, TRANSITIONS } from './transitions';

export interface Case {
  id: string;
  officeId: string;
  regNumber: string;
  serviceId: string;
  catalogVersion: string;
  channel: ChannelKind;
  applicant: Applicant;
  documents: { id: string; isPresented: boolean }[];
  registeredAt: string;
  resultDue: string;
  acceptedBy: { staffId: string; shortName: string };
  status: CaseStatus;
  batchId?: string;
  batchNumber?: string;
  outcome?: 'approved' | 'refused';
  refusalReason?: string;
  /** local date-time at which each stage of the regulation's process was completed */
  completions: Partial<Record<StepStage, string>>;
  /** local date-time of the last event */
  updatedAt: string;
  eventCount: number;
}

/** Apply one event. `state` is undefined for a case not seen yet. */
export function applyEvent(state: Case | undefined, event: CaseEvent): Result<Case> {
  const transition = TRANSITIONS[event.type];
  const at = localTimeOf(event);

  if (event.type === 'case.registered') {
    // Creation is legal only once: a second registration under the same case id is a bug
    // or a forged event, never a retry (retries carry the same event id and never get here).
    if (state) return fail('case-already-exists', { caseId: event.caseId });
    const p = event.payload;
    return ok({
      id: event.caseId,
      officeId: event.officeId,
      regNumber: p.regNumber,
      serviceId: p.serviceId,
      catalogVersion: p.catalogVersion,
      channel: p.channel,
      applicant: p.applicant,
      documents: p.documents,
      registeredAt: p.registeredAt,
      resultDue: p.resultDue,
      acceptedBy: p.acceptedBy,
      status: 'registered',
      completions: { intake: p.registeredAt },
      updatedAt: at,
      eventCount: 1,
    });
  }

  // Every other event acts on an existing case of the same office.
  if (!state) return fail('case-not-found', { caseId: event.caseId });
  if (state.officeId !== event.officeId) return fail('office-mismatch', { caseId: event.caseId });
  // The transition table is the single statement of legal order; the loser of two devices
  // racing on one case ends here with the state it lost to.
  if (state.status !== transition.from) {
    return fail('transition-not-allowed', { type: event.type, status: state.status });
  }

  const next: Case = {
    ...state,
    status: transition.to,
    updatedAt: at,
    eventCount: state.eventCount + 1,
    completions: transition.completesStage
      ? { ...state.completions, [transition.completesStage]: at }
      : state.completions,
  };
  switch (event.type) {
    case 'batch.sent':
      next.batchId = event.payload.batchId;
      next.batchNumber = event.payload.batchNumber;
      break;
    case 'case.decided':
      next.outcome = event.payload.outcome;
      if (event.payload.outcome === 'refused') next.refusalReason = event.payload.reason;
      break;
    default:
      break;
  }
  return ok(next);
}

/** Fold a case's events in order; stops at the first illegal one. */
export function foldCase(events: readonly CaseEvent[]): Result<Case | undefined> {
  let state: Case | undefined;
  for (const event of events) {
    const result = applyEvent(state, event);
    if (!result.ok) return result;
    state = result.value;
  }
  return ok(state);
}
