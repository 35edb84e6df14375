/**
 * The roles of people who use Qabyldau, and which kind of office each works in. An enrolled
 * device belongs to one office; a person signed in on it acts in one role. The server checks
 * both for every event (see `process/`).
 */
export const STAFF_ROLES = [
  'akimat_specialist',
  'akim',
  'district_executor',
  'district_sector_head',
  'district_head',
  'district_admin',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const OFFICE_KINDS = ['akimat', 'district'] as const;
export type OfficeKind = (typeof OFFICE_KINDS)[number];

/** Which roles can work on a device of an office of this kind. */
export const ROLES_BY_OFFICE_KIND = {
  akimat: ['akimat_specialist', 'akim'],
  district: ['district_executor', 'district_sector_head', 'district_head', 'district_admin'],
} as const satisfies Record<OfficeKind, readonly StaffRole[]>;

export function isRoleAllowedInOffice(role: StaffRole, kind: OfficeKind): boolean {
  return (ROLES_BY_OFFICE_KIND[kind] as readonly StaffRole[]).includes(role);
}
