/**
 * When the office receives citizens, for the stand. The administrator sets each office's hours
 * (`office.hours`, in the reference data); until an office has them, the hours the issue states
 * for all: 09:00–18:00 with lunch 13:00–14:00, Monday to Friday.
 */
import type { Office } from '../../../domain/reference';

export interface OfficeHours {
  opens: string;
  closes: string;
  lunch?: { from: string; to: string };
}

export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  opens: '09:00',
  closes: '18:00',
  lunch: { from: '13:00', to: '14:00' },
};

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

function isOfficeHours(value: unknown): value is OfficeHours {
  if (!value || typeof value !== 'object') return false;
  const { opens, closes, lunch } = value as Record<string, unknown>;
  if (typeof opens !== 'string' || typeof closes !== 'string') return false;
  if (!HH_MM.test(opens) || !HH_MM.test(closes)) return false;
  if (lunch === undefined) return true;
  const { from, to } = (lunch ?? {}) as Record<string, unknown>;
  return typeof from === 'string' && typeof to === 'string' && HH_MM.test(from) && HH_MM.test(to);
}

/**
 * The office's own hours when its reference data carries them in this shape, else the default.
 * Read defensively: reference data of another release may carry another shape.
 */
export function hoursOf(office: Office | undefined): OfficeHours {
  const own: unknown = office && 'hours' in office ? office.hours : undefined;
  return isOfficeHours(own) ? own : DEFAULT_OFFICE_HOURS;
}
