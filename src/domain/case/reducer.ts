/**
 * The case reducer: folds events into the case's state. The device runs it to update its
 * projection optimistically; the server runs the same function to decide whether an event may
 * happen to the case now. What may happen is the case's process's word (`process/next.ts`); this
 * file only records what each event changes. A refusal is a `Problem` with a string code.
 */
import type { ChannelKind } from '../catalog/schema';
import { fail, ok, type Result } from '../errors';
import {
  buildProcess,
  type CaseStatus,
  isInProcess,
  LEGACY_STATUSES,
  legacyProcess,
  nextActions,
  type Place,
  type Process,
  processFor,
} from '../process';
import { applyCorrection } from './correction';
import type {
  Applicant,
  CaseEvent,
  CaseEventOf,
  CheckedDocument,
  Decision,
  EventType,
  PayloadOf,
  Representative,
} from './events';
import { localTimeOf } from './events';
import { refusalProblem } from './refusal';

export type { CaseStatus } from '../process';

export interface CommissionAct {
  actDate: string;
  members: string[];
  findings: string;
  conclusion: 'needy' | 'not_needy';
  conclusionText: string;
  recordedAt: string;
}

export interface Case {
  id: string;
  officeId: string;
  regNumber: string;
  serviceId: string;
  catalogVersion: string;
  channel: ChannelKind;
  /** `catalog`: the catalog's steps; `legacy`: registered before the process model */
  model: 'catalog' | 'legacy';
  variant?: string;
  applicant: Applicant;
  representative?: Representative;
  documents: CheckedDocument[];
  personalDataConsent?: true;
  /** seconds from the intake form opened to the paper printed, where the device measured it */
  deskSeconds?: number;
  /** what was missing or out of date, for an application refused at the desk */
  intakeRefusal?: PayloadOf<'application.refused'>['problems'];
  registeredAt: string;
  resultDue: string;
  acceptedBy: { staffId: string; shortName: string };
  status: CaseStatus;
  /** where the file is */
  at: Place;
  /** process step id → local date-time it was recorded, in the current round */
  done: Record<string, string>;
  /** catalog step id → local date-time its term ended: what the deadline engine reads */
  completions: Record<string, string>;
  batchId?: string;
  batchNumber?: string;
  /** the batch of results the district sent the result back in, where it sent one */
  resultBatchId?: string;
  resultBatchNumber?: string;
  commissionOrderedAt?: string;
  commissionAct?: CommissionAct;
  executorId?: string;
  /** the draft or final decision */
  outcome?: 'approved' | 'refused';
  /** numbers of the regulation's refusal grounds, or `other` */
  grounds?: string[];
  refusalReason?: string;
  /** the last return of the file by the district, while it is back at the village */
  returned?: PayloadOf<'case.returned'> & { at: string };
  returnCount: number;
  sentBack?: { comment: string; at: string };
  cancelled?: PayloadOf<'case.cancelled'> & { at: string };
  correctionCount: number;
  /** local date-time of the last event */
  updatedAt: string;
  eventCount: number;
}

const STATUS_AFTER: Partial<Record<EventType, CaseStatus>> = {
  'commission.ordered': 'commission_ordered',
  'commission.inspected': 'inspected',
  'batch.sent': 'forwarded',
  'case.received': 'received',
  'case.returned': 'returned',
  'case.assigned': 'assigned',
  'case.decided': 'decided',
  'case.endorsed': 'endorsed',
  'case.sent_back': 'rework',
  'case.signed': 'signed',
  'result.sent': 'result_sent',
  'result.received': 'result_received',
  'result.handed_out': 'closed',
  'case.refused': 'closed',
  'case.cancelled': 'cancelled',
};

/** The case's process. */
export function processOf(state: Case): Process {
  const legacy = () => legacyProcess(state.serviceId, state.channel, state.catalogVersion);
  if (state.model !== 'catalog') return legacy();
  // A catalog case's process always builds (its registration did); the legacy chain is only
  // the fallback should a later release drop the service from the catalog.
  return (
    buildProcess({
      serviceId: state.serviceId,
      channel: state.channel,
      edition: state.catalogVersion,
      variant: state.variant,
    }) ?? legacy()
  );
}

/** Apply one event. `state` is undefined for a case not seen yet. */
export function applyEvent(state: Case | undefined, event: CaseEvent): Result<Case> {
  if (event.type === 'case.registered') return register(state, event);
  if (event.type === 'application.refused') return refuseAtIntake(state, event);
  // Every other event acts on an existing case of the same office.
  if (!state) return fail('case-not-found', { caseId: event.caseId });
  if (state.officeId !== event.officeId) return fail('office-mismatch', { caseId: event.caseId });
  const current = upgradeCase(state);
  const process = processOf(current);
  // The process is the single statement of legal order; the loser of two devices racing on one
  // case ends here with the state it lost to.
  const action = nextActions(process, current).find((a) => a.type === event.type);
  if (!action) {
    return fail(
      isInProcess(process, event.type) ? 'transition-not-allowed' : 'step-not-in-process',
      {
        type: event.type,
        status: current.status,
      },
    );
  }

  const at = localTimeOf(event);
  const next: Case = {
    ...current,
    status: STATUS_AFTER[event.type] ?? current.status,
    updatedAt: at,
    eventCount: current.eventCount + 1,
  };
  if (action.step) {
    next.done = { ...current.done, [action.step.id]: at };
    next.at = action.step.at;
    const deadlineStep = action.step.deadlineStepId;
    if (deadlineStep) next.completions = { ...current.completions, [deadlineStep]: at };
  }
  const problem = applyPayload(next, process, event, at);
  return problem ? { ok: false, problem } : ok(next);
}

function register(state: Case | undefined, event: CaseEventOf<'case.registered'>): Result<Case> {
  // Creation is legal only once: a second registration under the same case id is a bug
  // or a forged event, never a retry (retries carry the same event id and never get here).
  if (state) return fail('case-already-exists', { caseId: event.caseId });
  const p = event.payload;
  const process = processFor(p);
  if (!process) {
    return fail(p.variant ? 'variant-unknown' : 'channel-unknown', {
      serviceId: p.serviceId,
      channel: p.channel,
    });
  }
  const intake = process.steps.find((s) => s.records === 'case.registered');
  if (!intake) return fail('channel-unknown', { serviceId: p.serviceId, channel: p.channel });
  const deskSeconds = deskSecondsOf(p.deskOpenedAt, event.deviceTime);
  return ok({
    id: event.caseId,
    officeId: event.officeId,
    regNumber: p.regNumber,
    serviceId: p.serviceId,
    catalogVersion: p.catalogVersion,
    channel: p.channel,
    model: process.model,
    ...(p.variant ? { variant: p.variant } : {}),
    applicant: p.applicant,
    ...(p.representative ? { representative: p.representative } : {}),
    documents: p.documents,
    ...(p.personalDataConsent ? { personalDataConsent: true as const } : {}),
    ...(deskSeconds === undefined ? {} : { deskSeconds }),
    registeredAt: p.registeredAt,
    resultDue: p.resultDue,
    acceptedBy: p.acceptedBy,
    status: 'registered',
    at: intake.at,
    done: { [intake.id]: p.registeredAt },
    completions: intake.deadlineStepId ? { [intake.deadlineStepId]: p.registeredAt } : {},
    returnCount: 0,
    correctionCount: 0,
    updatedAt: localTimeOf(event),
    eventCount: 1,
  });
}

/**
 * An application refused at the desk: a case of its own, numbered in the refusal register,
 * ended as soon as it starts. Its dates are the refusal's; it has no steps and no result date.
 */
function refuseAtIntake(
  state: Case | undefined,
  event: CaseEventOf<'application.refused'>,
): Result<Case> {
  if (state) return fail('case-already-exists', { caseId: event.caseId });
  const p = event.payload;
  const process = processFor({ ...p, process: 'catalog' });
  const intake = process?.steps.find((s) => s.records === 'case.registered');
  if (!intake) {
    return fail(p.variant ? 'variant-unknown' : 'channel-unknown', {
      serviceId: p.serviceId,
      channel: p.channel,
    });
  }
  const deskSeconds = deskSecondsOf(p.deskOpenedAt, event.deviceTime);
  return ok({
    id: event.caseId,
    officeId: event.officeId,
    regNumber: p.refusalNumber,
    serviceId: p.serviceId,
    catalogVersion: p.catalogVersion,
    channel: p.channel,
    model: 'catalog',
    ...(p.variant ? { variant: p.variant } : {}),
    applicant: p.applicant,
    ...(p.representative ? { representative: p.representative } : {}),
    documents: p.documents,
    ...(p.personalDataConsent ? { personalDataConsent: true as const } : {}),
    ...(deskSeconds === undefined ? {} : { deskSeconds }),
    intakeRefusal: p.problems,
    registeredAt: p.refusedAt,
    resultDue: p.refusedAt.slice(0, 10),
    acceptedBy: p.refusedBy,
    status: 'refused_at_intake',
    // The desk that refused it: a village's, or the district department's own.
    at: intake.at,
    done: {},
    completions: {},
    returnCount: 0,
    correctionCount: 0,
    updatedAt: localTimeOf(event),
    eventCount: 1,
  });
}

/**
 * Seconds at the desk: from the form opened to the event that printed the paper. Nothing when
 * the device did not measure it or its clock went backwards between the two.
 */
function deskSecondsOf(openedAt: string | undefined, recordedAt: string): number | undefined {
  if (!openedAt) return undefined;
  const seconds = Math.round((Date.parse(recordedAt) - Date.parse(openedAt)) / 1000);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}

/** Steps from the first recording `type` on, undone: the file goes back to before it. */
function undoFrom(next: Case, process: Process, type: EventType): void {
  const index = process.steps.findIndex((s) => s.records === type);
  if (index < 0) return;
  const undone = process.steps.slice(index);
  next.done = { ...next.done };
  next.completions = { ...next.completions };
  for (const step of undone) {
    delete next.done[step.id];
    if (step.deadlineStepId) delete next.completions[step.deadlineStepId];
  }
}

function decide(next: Case, decision: Decision) {
  const problem =
    decision.outcome === 'refused'
      ? refusalProblem(next.serviceId, decision, next.model === 'catalog')
      : null;
  if (problem) return problem;
  next.outcome = decision.outcome;
  if (decision.outcome === 'refused') {
    next.grounds = decision.grounds ?? [];
    if (decision.reason) next.refusalReason = decision.reason;
    else delete next.refusalReason;
  } else {
    delete next.grounds;
    delete next.refusalReason;
  }
  return null;
}

function applyPayload(next: Case, process: Process, event: CaseEvent, at: string) {
  switch (event.type) {
    case 'commission.ordered':
      next.commissionOrderedAt = at;
      return null;
    case 'commission.inspected':
      next.commissionAct = { ...event.payload, recordedAt: at };
      return null;
    case 'batch.sent':
      next.batchId = event.payload.batchId;
      next.batchNumber = event.payload.batchNumber;
      delete next.returned;
      return null;
    case 'result.sent':
      if (event.payload.batchId) next.resultBatchId = event.payload.batchId;
      if (event.payload.batchNumber) next.resultBatchNumber = event.payload.batchNumber;
      return null;
    case 'case.returned': {
      const p = event.payload;
      if (p.documents.length === 0 && !p.reason) return { code: 'return-reason-required' as const };
      const known = new Set(next.documents.map((d) => d.id));
      const unknown = p.documents.find((d) => !known.has(d.id));
      if (unknown)
        return { code: 'document-unknown' as const, details: { documentId: unknown.id } };
      undoFrom(next, process, 'batch.sent');
      next.at = 'village';
      next.returned = { ...p, at };
      next.returnCount += 1;
      return null;
    }
    case 'case.assigned':
      next.executorId = event.payload.executorId;
      return null;
    case 'case.decided':
      delete next.sentBack;
      return decide(next, event.payload);
    case 'case.sent_back':
      undoFrom(next, process, 'case.decided');
      next.sentBack = { comment: event.payload.comment, at };
      return null;
    case 'case.signed': {
      const decision = event.payload.decision;
      if (decision) return decide(next, decision);
      // Where the process has no draft, the signature is the decision and must say what it is.
      return next.outcome ? null : { code: 'decision-required' as const };
    }
    case 'result.handed_out': {
      const p = event.payload;
      if (p.to === 'representative' && !p.representative) {
        return { code: 'representative-required' as const };
      }
      return null;
    }
    case 'case.refused':
      return decide(next, event.payload);
    case 'case.corrected': {
      const corrected = applyCorrection(next.applicant, event.payload.changes);
      if (!corrected.ok) return corrected.problem;
      next.applicant = corrected.value;
      next.correctionCount += 1;
      return null;
    }
    case 'case.cancelled':
      next.cancelled = { ...event.payload, at };
      return null;
    default:
      return null;
  }
}

/**
 * A case as stored before the process model (a status of the fixed chain, completions by
 * stage) in today's shape, on the legacy chain. Already current state is returned as it is.
 */
export function upgradeCase(state: Case): Case {
  if (state.done !== undefined) return state;
  const old = state as unknown as Case & { status: (typeof LEGACY_STATUSES)[number] };
  const process = legacyProcess(old.serviceId, old.channel, old.catalogVersion);
  const reached = LEGACY_STATUSES.indexOf(old.status);
  const stageTimes = (old.completions ?? {}) as Record<string, string>;
  const done: Record<string, string> = {};
  const completions: Record<string, string> = {};
  process.steps.forEach((step, i) => {
    if (i > reached) return;
    const when = stageTimes[step.stage] ?? old.updatedAt;
    done[step.id] = when;
    if (step.deadlineStepId && stageTimes[step.stage]) completions[step.deadlineStepId] = when;
  });
  return {
    ...old,
    model: 'legacy',
    at: process.steps[Math.max(0, reached)]?.at ?? 'village',
    done,
    completions,
    ...(old.refusalReason ? { grounds: [] } : {}),
    returnCount: 0,
    correctionCount: 0,
  };
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
