/**
 * Reference data the server distributes to devices: offices, staff (names and roles: nothing a
 * PIN can be tried against, ADR 0015) and the district. Plain data; the catalog and the calendar
 * travel with it under their own versions.
 */
import { z } from 'zod';
import { CLOCK } from './hours';
import { OFFICE_KINDS, STAFF_ROLES } from './roles';

const localized = z.object({ kk: z.string(), ru: z.string() });

const clock = z.string().regex(CLOCK);

/** An office's hours as they travel (`./hours.ts`); their order is checked by `hoursProblem`. */
export const officeHoursSchema = z.object({
  open: clock,
  close: clock,
  lunch: z.object({ from: clock, to: clock }).nullable(),
});

export const officeSchema = z.object({
  id: z.string(),
  kind: z.enum(OFFICE_KINDS),
  /** two digits, unique in the district; the first part of registration numbers */
  code: z.string().regex(/^\d{2}$/),
  name: localized,
  address: localized,
  phone: z.string(),
  districtId: z.string(),
  /** set by the district administrator; absent from an older server: the default hours */
  hours: officeHoursSchema.optional(),
});
export type Office = z.infer<typeof officeSchema>;

export const staffSchema = z.object({
  id: z.string(),
  officeId: z.string(),
  role: z.enum(STAFF_ROLES),
  surname: z.string(),
  givenName: z.string(),
  patronymic: z.string().optional(),
  isActive: z.boolean(),
});
export type Staff = z.infer<typeof staffSchema>;

/** A person as others see them in histories: name and role. */
export type Person = Omit<Staff, 'isActive'>;

export const districtSchema = z.object({
  id: z.string(),
  name: localized,
  isDemo: z.boolean(),
  /** act ids whose regulations apply in this district */
  actIds: z.array(z.string()),
  /**
   * the address citizens open the status page at (`status-page.ts`): the administrator's, or the
   * server's PUBLIC_URL; absent: the device uses the address of the server it syncs with
   */
  publicUrl: z.string().optional(),
});
export type District = z.infer<typeof districtSchema>;

/**
 * A device as the others know it from the reference data, so histories and the Sync screen say
 * which device by its label (`admin/devices.ts`): the administrator's name, or office and number.
 * A village device knows its own office's devices, a district device the district's.
 */
export interface KnownDevice {
  id: string;
  officeId: string;
  /** its number within the office */
  deviceNo: number;
  /** the administrator's name for it; null: not named, shown by office and number */
  name: string | null;
}

export { shortName } from './names';
