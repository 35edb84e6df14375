/**
 * Who may push what. The server calls this for every event before it looks at whether the
 * event may happen to the case now (the reducer); the device uses the same process to offer
 * only the actions a person can take. Pure: the caller supplies the device (with the proof keys
 * of the people signed in on it, ADR 0015), the staff list, the district's offices and the case
 * as it stands (undefined before its registration).
 */
import type { CaseEvent } from '../case/events';
import { type Case, processOf } from '../case/reducer';
import type { Problem } from '../errors';
import { sameText } from '../identity/bytes';
import { DESK_CHANNEL } from '../intake-point';
import { isInProcess, mayRecord, type Process, processFor } from '../process';
import type { Office, Staff } from '../reference';

export interface DeviceContext {
  id: string;
  officeId: string;
  officeKind: 'akimat' | 'district';
  /**
   * the proof an event must carry: by the live key on this device of the person it names
   * (ADR 0015, `proofsBy`); null when she has none here
   */
  proofOf: (event: CaseEvent) => string | null;
  /**
   * the device's events up to this seq predate proofs (a device enrolled before them declared
   * it once); 0: every event must carry a proof
   */
  legacyThrough: number;
}

/** The process the event acts in: the case's, or the one its registration starts. */
function processAt(event: CaseEvent, state: Case | undefined): Process | null {
  if (state) return processOf(state);
  if (event.type === 'case.registered') return processFor(event.payload);
  // A refusal at the desk is the intake's: those who register may refuse.
  if (event.type === 'application.refused')
    return processFor({ ...event.payload, process: 'catalog' });
  return null;
}

export function authorizeEvent(
  event: CaseEvent,
  device: DeviceContext,
  staff: readonly Staff[],
  offices: readonly Office[],
  state?: Case,
): Problem | null {
  // A device speaks only for itself: a forged deviceId would let one device fill another's
  // sequence and hide its events.
  if (event.deviceId !== device.id) return { code: 'device-mismatch' };
  const person = staff.find((s) => s.id === event.staffId);
  // The person must work in the device's own office: every event names who did it.
  if (!person?.isActive || person.officeId !== device.officeId) {
    return { code: 'staff-unknown', details: { staffId: event.staffId } };
  }
  const proofProblem = proofCheck(event, device);
  if (proofProblem) return proofProblem;
  // The role check needs the process; without one (an unknown case or service) the reducer
  // says what is wrong, and so it does for an event the case's process has no place for
  // (`step-not-in-process`), after the scope check: that is about the case, not the person.
  const found = processAt(event, state);
  const process = found && isInProcess(found, event.type) ? found : null;
  if (process && !mayRecord(process, event.type, person.role)) {
    return { code: 'role-not-allowed', details: { type: event.type, role: person.role } };
  }
  const caseOffice = offices.find((o) => o.id === event.officeId);
  const deviceOffice = offices.find((o) => o.id === device.officeId);
  // A case belongs to the office whose desk took it in: an akimat, or the district department
  // itself (its provider's channel). A village device touches only its own office's cases; a
  // district device any case of its district. An application is taken in at the device's own
  // desk only, so nobody registers a case into another office's journal and numbering.
  const isStart = event.type === 'case.registered' || event.type === 'application.refused';
  const isInScope =
    caseOffice !== undefined &&
    deviceOffice !== undefined &&
    (isStart || device.officeKind === 'akimat'
      ? caseOffice.id === device.officeId
      : caseOffice.districtId === deviceOffice.districtId);
  if (!isInScope) return { code: 'case-not-in-scope', details: { officeId: event.officeId } };
  // Each desk registers on its own channel of the catalog (`intake-point.ts`).
  if (isStart && event.payload.channel !== DESK_CHANNEL[device.officeKind]) {
    return {
      code: 'channel-not-at-desk',
      details: { channel: event.payload.channel, officeKind: device.officeKind },
    };
  }
  // An assignment names someone of the district office who may draft the decision.
  if (process && event.type === 'case.assigned') {
    const executor = staff.find((s) => s.id === event.payload.executorId);
    const mayDraft = executor ? mayRecord(process, 'case.decided', executor.role) : false;
    if (!executor?.isActive || executor.officeId !== device.officeId || !mayDraft) {
      return { code: 'executor-unknown', details: { executorId: event.payload.executorId } };
    }
  }
  return null;
}

/**
 * That the person the event names recorded it on this device: its proof is the HMAC of her key
 * here (ADR 0015). Checked before the role: a role is only worth checking for the person who
 * acted. Without a proof, only an event the device declared as predating proofs is taken; a
 * proof made with no key, a revoked one, another person's, or copied from another event fails.
 */
function proofCheck(event: CaseEvent, device: DeviceContext): Problem | null {
  if (event.proof === undefined) {
    return event.deviceSeq <= device.legacyThrough ? null : { code: 'proof-missing' };
  }
  const expected = device.proofOf(event);
  if (expected === null || !sameText(expected, event.proof)) {
    return { code: 'proof-invalid', details: { staffId: event.staffId } };
  }
  return null;
}
