/**
 * What may happen next to a case: the one function the device's commands and screens, the
 * server's push validation and the authorization matrix ask. Given the case's process and its
 * progress, it lists every event that may be recorded now, with the step it records (if any)
 * and the roles that may record it.
 *
 * Steps are taken in order; parallel steps together, the next waiting for all of them. Steps
 * nobody records in Qabyldau (the applicant's, an information system's) are passed over, and so
 * is an optional step once a later one is recorded. Beside the steps: the district may return
 * the file instead of confirming it, the head may send a draft back, a returned file may be
 * closed with a refusal, and before the file leaves the village its data may be corrected and
 * the case cancelled.
 */
import type { EventType } from '../case/events';
import type { StaffRole } from '../roles';
import type { Process, ProcessStep } from './model';

export type CaseStatus =
  | 'registered'
  | 'commission_ordered'
  | 'inspected'
  | 'forwarded'
  | 'received'
  | 'returned'
  | 'assigned'
  | 'decided'
  | 'endorsed'
  | 'rework'
  | 'signed'
  | 'result_sent'
  | 'result_received'
  | 'closed'
  | 'cancelled'
  /** refused at the desk: never registered, nothing follows */
  | 'refused_at_intake';

/** What of a case the process needs to know. */
export interface Progress {
  status: CaseStatus;
  /** process step id → local date-time it was recorded, in the current round */
  done: Readonly<Record<string, string>>;
}

export interface NextAction {
  type: EventType;
  /** the step it records; null for actions beside the steps */
  step: ProcessStep | null;
  roles: readonly StaffRole[];
}

const isRecordable = (s: ProcessStep) => s.records !== null && s.performers.length > 0;

/** Steps that may be recorded now. */
export function openSteps(process: Process, progress: Pick<Progress, 'done'>): ProcessStep[] {
  const steps = process.steps;
  const groups: ProcessStep[][] = [];
  for (const step of steps) {
    const last = groups.at(-1);
    if (last && step.isParallelWithPrevious) last.push(step);
    else groups.push([step]);
  }
  // Everything before the last group with a recorded step is behind the case.
  let from = 0;
  groups.forEach((group, i) => {
    if (group.some((s) => progress.done[s.id] !== undefined)) from = i;
  });
  const open: ProcessStep[] = [];
  for (const group of groups.slice(from)) {
    const pending = group.filter((s) => isRecordable(s) && progress.done[s.id] === undefined);
    open.push(...pending);
    if (pending.some((s) => !s.isOptional)) break;
  }
  return open;
}

const FINAL: readonly CaseStatus[] = ['closed', 'cancelled', 'refused_at_intake'];
/** Until the file leaves the village nothing has been decided about it. */
const AT_VILLAGE_BEFORE_FORWARD: readonly CaseStatus[] = [
  'registered',
  'commission_ordered',
  'inspected',
];

/** Every event that may be recorded on the case now, and who may record it. */
export function nextActions(process: Process, progress: Progress): NextAction[] {
  if (FINAL.includes(progress.status)) return [];
  const actions: NextAction[] = [];
  if (progress.status === 'returned') {
    // The file is back at the village: completed and forwarded again, or closed with a refusal.
    const forward = process.steps.find((s) => s.records === 'batch.sent');
    if (forward) actions.push({ type: 'batch.sent', step: forward, roles: forward.performers });
    actions.push({ type: 'case.refused', step: null, roles: recordersOf(process, 'case.refused') });
  } else {
    for (const step of openSteps(process, progress)) {
      if (!step.records) continue;
      actions.push({ type: step.records, step, roles: step.performers });
      if (step.records === 'case.received') {
        actions.push({ type: 'case.returned', step, roles: step.performers });
      }
      const hasDraft = process.steps.some(
        (s) => s.records === 'case.decided' && progress.done[s.id] !== undefined,
      );
      if (hasDraft && (step.records === 'case.signed' || step.records === 'case.endorsed')) {
        actions.push({
          type: 'case.sent_back',
          step: null,
          roles: recordersOf(process, 'case.sent_back'),
        });
      }
    }
  }
  actions.push({
    type: 'case.corrected',
    step: null,
    roles: recordersOf(process, 'case.corrected'),
  });
  if (AT_VILLAGE_BEFORE_FORWARD.includes(progress.status)) {
    actions.push({
      type: 'case.cancelled',
      step: null,
      roles: recordersOf(process, 'case.cancelled'),
    });
  }
  return dedupe(actions);
}

function dedupe(actions: NextAction[]): NextAction[] {
  const seen = new Set<string>();
  return actions.filter((a) => {
    const key = `${a.type}|${a.step?.id ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The actions a person in this role may take now. */
export function actionsFor(process: Process, progress: Progress, role: StaffRole): NextAction[] {
  return nextActions(process, progress).filter((a) => a.roles.includes(role));
}

/**
 * Whether the event can ever happen to a case of this process: the events of its steps, and
 * beside them a return where the district receives the file, a refusal of a returned file, a
 * send-back where a draft goes to a visa or a signature; corrections and cancellation always.
 * An event outside the process is refused as `step-not-in-process`, not as out of order.
 */
export function isInProcess(process: Process, type: EventType): boolean {
  const records = (t: EventType) =>
    process.steps.some((s) => s.records === t && s.performers.length > 0);
  switch (type) {
    case 'case.corrected':
    case 'case.cancelled':
      return true;
    case 'application.refused':
      return records('case.registered');
    case 'case.returned':
    case 'case.refused':
      return records('case.received');
    case 'case.sent_back':
      return records('case.decided') && (records('case.signed') || records('case.endorsed'));
    default:
      return records(type);
  }
}

/**
 * Whether a role may ever record this event on a case of this process, wherever the case is:
 * the authorization the server checks before the case's state (the state then decides whether
 * it may happen now).
 */
export function mayRecord(process: Process, type: EventType, role: StaffRole): boolean {
  return recordersOf(process, type).includes(role);
}

/** Who records the steps of a process that record any of `types`. */
function performersOf(process: Process, ...types: EventType[]): StaffRole[] {
  const roles = new Set<StaffRole>();
  for (const step of process.steps) {
    if (!step.records || !types.includes(step.records)) continue;
    for (const role of step.performers) roles.add(role);
  }
  return [...roles];
}

/**
 * Who may record an event on a case of this process, the same wherever the case stands (the
 * server's role check does not depend on the case's position): a step's performers; for the
 * actions beside the steps, the people of the step they go with — a correction or cancellation
 * is the intake's office's, a refusal of a returned file the office that forwards it, a return
 * the district's that receives the file, a send-back the reviewers' of the draft (the head
 * who signs, the sector head where the process has a visa).
 */
function recordersOf(process: Process, type: EventType): readonly StaffRole[] {
  switch (type) {
    case 'case.corrected':
    case 'case.cancelled':
    case 'application.refused':
      return performersOf(process, 'case.registered');
    case 'case.refused':
      return performersOf(process, 'batch.sent');
    case 'case.returned':
      return performersOf(process, 'case.received');
    case 'case.sent_back':
      return performersOf(process, 'case.signed', 'case.endorsed');
    default:
      return performersOf(process, type);
  }
}
