/**
 * Who may push what. The server calls this for every event before it looks at the case; the
 * device uses it to hide actions a person cannot take. Pure: the caller supplies the device,
 * the staff list and the district's offices.
 */
import type { CaseEvent } from '../case/events';
import { isRoleAllowed } from '../case/transitions';
import type { Problem } from '../errors';
import type { Office, Staff } from '../reference';

export interface DeviceContext {
  id: string;
  officeId: string;
  officeKind: 'akimat' | 'district';
}

export function authorizeEvent(
  event: CaseEvent,
  device: DeviceContext,
  staff: readonly Staff[],
  offices: readonly Office[],
): Problem | null {
  // A device speaks only for itself: a forged deviceId would let one device fill another's
  // sequence and hide its events.
  if (event.deviceId !== device.id) return { code: 'device-mismatch' };
  const person = staff.find((s) => s.id === event.staffId);
  // The person must work in the device's own office: every event names who did it.
  if (!person?.isActive || person.officeId !== device.officeId) {
    return { code: 'staff-unknown', details: { staffId: event.staffId } };
  }
  if (!isRoleAllowed(event.type, person.role)) {
    return { code: 'role-not-allowed', details: { type: event.type, role: person.role } };
  }
  const caseOffice = offices.find((o) => o.id === event.officeId);
  const deviceOffice = offices.find((o) => o.id === device.officeId);
  // Cases belong to akimat offices. A village device touches only its own office's cases; a
  // district device any akimat of its district.
  const isInScope =
    caseOffice !== undefined &&
    caseOffice.kind === 'akimat' &&
    deviceOffice !== undefined &&
    (device.officeKind === 'akimat'
      ? caseOffice.id === device.officeId
      : caseOffice.districtId === deviceOffice.districtId);
  if (!isInScope) return { code: 'case-not-in-scope', details: { officeId: event.officeId } };
  return null;
}
