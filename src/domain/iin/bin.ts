/**
 * The business identification number (БСН / БИН) of a legal entity, its branch or
 * representative office, or a joint entrepreneurship: 12 digits — year and month of
 * registration (YYMM), the entity type, a division digit, five serial digits and the same check
 * digit as the IIN (`checksum.ts`). The parts are information; only the length, non-digits and
 * the check digit reject a number.
 */
import { checksumProblem } from './checksum';

export type BinReason = 'bin-length' | 'bin-not-digits' | 'bin-checksum' | 'bin-never-issued';
/** The month part is not a month; the 5th digit is not a known type (e.g. an IIN was typed). */
export type BinNotice = 'bin-date' | 'bin-type-unknown';

/** 5th digit: 4 resident legal entity, 5 non-resident legal entity, 6 joint entrepreneurship. */
export const BIN_ENTITY_TYPES = {
  4: 'resident_legal_entity',
  5: 'non_resident_legal_entity',
  6: 'joint_entrepreneurship',
} as const;
export type BinEntityType = (typeof BIN_ENTITY_TYPES)[keyof typeof BIN_ENTITY_TYPES];

/** 6th digit: 0 head office, 1 branch, 2 representative office, 3 peasant (farm) enterprise. */
export const BIN_DIVISIONS = {
  0: 'head_office',
  1: 'branch',
  2: 'representative_office',
  3: 'peasant_farm',
} as const;
export type BinDivision = (typeof BIN_DIVISIONS)[keyof typeof BIN_DIVISIONS];

export type BinCheck =
  | {
      valid: true;
      /** `YYYY-MM` of state registration */
      registeredMonth?: string;
      entityType?: BinEntityType;
      division?: BinDivision;
      notices: BinNotice[];
    }
  | { valid: false; reason: BinReason };

function lookup<T extends Record<number, string>>(table: T, digit: string | undefined) {
  return Object.hasOwn(table, Number(digit)) ? table[Number(digit) as keyof T] : undefined;
}

export function checkBin(input: string): BinCheck {
  const value = input.trim();
  const problem = checksumProblem(value);
  if (problem) return { valid: false, reason: `bin-${problem}` };

  const notices: BinNotice[] = [];
  const [yy, mm] = [Number(value.slice(0, 2)), Number(value.slice(2, 4))];
  // BINs were introduced in 2007 and carry the original registration date; entities in
  // Kazakhstan are registered from the 1990s on, so 90–99 are read as 1990s.
  const year = yy >= 90 ? 1900 + yy : 2000 + yy;
  const registeredMonth =
    mm >= 1 && mm <= 12 ? `${year}-${String(mm).padStart(2, '0')}` : undefined;
  if (!registeredMonth) notices.push('bin-date');
  const entityType = lookup(BIN_ENTITY_TYPES, value[4]);
  if (!entityType) notices.push('bin-type-unknown');
  const division = entityType ? lookup(BIN_DIVISIONS, value[5]) : undefined;
  return {
    valid: true,
    ...(registeredMonth ? { registeredMonth } : {}),
    ...(entityType ? { entityType } : {}),
    ...(division ? { division } : {}),
    notices,
  };
}
