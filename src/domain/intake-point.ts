/**
 * Where applications are taken in. A village office's desk registers on the rural akim's
 * channel of the catalog; the district department is an intake point of its own and registers
 * on the provider's channel ("көрсетілетін қызметті берушінің кеңсесі"), whose steps all happen
 * at the department. Small and free of the process model, so the menu can ask it in the
 * start-up script.
 */
import type { ChannelKind } from './catalog/schema';
import type { OfficeKind, StaffRole } from './roles';

/** The channel each kind of office registers applications on. */
export const DESK_CHANNEL = {
  akimat: 'akim',
  district: 'provider',
} as const satisfies Record<OfficeKind, ChannelKind>;

/**
 * Who takes applications at each kind of office: the people the processes give the intake
 * step to (at the village the specialist or the akim; at the district, where the regulations
 * name the executor, the executor or the head). `tests/unit/district-intake.test.ts` holds
 * this equal to the processes.
 */
export const DESK_ROLES = {
  akimat: ['akimat_specialist', 'akim'],
  district: ['district_executor', 'district_head'],
} as const satisfies Record<OfficeKind, readonly StaffRole[]>;

export function takesApplications(kind: OfficeKind, role: StaffRole): boolean {
  return (DESK_ROLES[kind] as readonly StaffRole[]).includes(role);
}
