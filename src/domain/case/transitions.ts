/**
 * The case lifecycle on the rural-akim channel, as a table: for each event type, the status a
 * case must be in, the status it moves to, the roles allowed to record it, and the stage of the
 * regulation's process it completes (the deadline engine counts the next stage from then).
 *
 *   registered → forwarded (batch.sent) → received (district confirms the paper arrived)
 *   → decided (notification or reasoned refusal) → signed (head) → result_sent
 *   → result_received (akimat has the paper result) → closed (handed out to the citizen)
 */
import type { StepStage } from '../catalog/schema';
import type { StaffRole } from '../roles';
import type { EventType } from './events';

export const CASE_STATUSES = [
  'registered',
  'forwarded',
  'received',
  'decided',
  'signed',
  'result_sent',
  'result_received',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

interface Transition {
  /** null: the event creates the case */
  from: CaseStatus | null;
  to: CaseStatus;
  roles: readonly StaffRole[];
  completesStage: StepStage | null;
}

export const TRANSITIONS = {
  'case.registered': {
    from: null,
    to: 'registered',
    roles: ['akimat_specialist', 'akim'],
    completesStage: 'intake',
  },
  'batch.sent': {
    from: 'registered',
    to: 'forwarded',
    roles: ['akimat_specialist', 'akim'],
    completesStage: 'forward',
  },
  'case.received': {
    from: 'forwarded',
    to: 'received',
    roles: ['district_executor', 'district_head'],
    completesStage: 'receive',
  },
  'case.decided': {
    from: 'received',
    to: 'decided',
    roles: ['district_executor', 'district_head'],
    completesStage: 'review',
  },
  'case.signed': {
    from: 'decided',
    to: 'signed',
    roles: ['district_head'],
    completesStage: 'sign',
  },
  'result.sent': {
    from: 'signed',
    to: 'result_sent',
    roles: ['district_executor', 'district_head'],
    completesStage: null,
  },
  'result.received': {
    from: 'result_sent',
    to: 'result_received',
    roles: ['akimat_specialist', 'akim'],
    completesStage: 'return',
  },
  'result.handed_out': {
    from: 'result_received',
    to: 'closed',
    roles: ['akimat_specialist', 'akim'],
    completesStage: 'handout',
  },
} as const satisfies Record<EventType, Transition>;

export function isRoleAllowed(type: EventType, role: StaffRole): boolean {
  return (TRANSITIONS[type].roles as readonly StaffRole[]).includes(role);
}

/** Event types a person in this role may record on a case in this status (for the UI). */
export function nextActions(status: CaseStatus, role: StaffRole): EventType[] {
  return (Object.keys(TRANSITIONS) as EventType[]).filter(
    (type) => TRANSITIONS[type].from === status && isRoleAllowed(type, role),
  );
}
