/** The demo district's offices and people as the generators need them (Node side). */
import { shortName } from '../../src/domain/reference';
import { AKIMAT_OFFICES, DEMO_PEOPLE, demoStaffId } from '../../sync-server/seed/aktogay';
import type { OfficeRef } from './world';

export const DISTRICT_OFFICE_ID = 'akt-district';
export const DISTRICT_EXECUTOR = `${DISTRICT_OFFICE_ID}-district_executor`;
export const DISTRICT_HEAD = `${DISTRICT_OFFICE_ID}-district_head`;

export function demoOffices(): OfficeRef[] {
  return AKIMAT_OFFICES.map((office) => ({
    id: office.id,
    code: office.code,
    staff: (['akimat_specialist', 'akim'] as const).map((role) => {
      const person = DEMO_PEOPLE.find((p) => p.officeId === office.id && p.role === role);
      if (!person) throw new Error(`no ${role} in ${office.id}`);
      return { id: demoStaffId(person), shortName: shortName(person) };
    }),
  }));
}
