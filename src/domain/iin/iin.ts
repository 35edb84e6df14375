/**
 * The individual identification number (ЖСН / ИИН): 12 digits — birth date YYMMDD, a digit
 * for century and sex, four serial digits, and the check digit (`checksum.ts`). Intake rejects
 * a number only for its length, non-digits or the check digit. The birth date and sex derived
 * from it are information for the person at the desk, never a reason to reject: numbers with
 * an impossible date part or a 0 in the 7th place exist (e.g. issued to foreigners).
 */
import { type IsoDate, isIsoDate } from '../calendar/dates';
import { checksumProblem } from './checksum';

export type IinReason = 'iin-length' | 'iin-not-digits' | 'iin-checksum' | 'iin-never-issued';
/** Information about a valid IIN: its date part is not a date; its 7th digit gives no century. */
export type IinNotice = 'iin-date' | 'iin-century-unknown';
export type Sex = 'male' | 'female';

export type IinCheck =
  | { valid: true; birthDate?: IsoDate; sex?: Sex; notices: IinNotice[] }
  | { valid: false; reason: IinReason };

/** 7th digit: 1–2 born in the 1800s, 3–4 in the 1900s, 5–6 in the 2000s; odd male, even female. */
const CENTURY: Readonly<Record<string, number>> = {
  1: 1800,
  2: 1800,
  3: 1900,
  4: 1900,
  5: 2000,
  6: 2000,
};

export function checkIin(input: string): IinCheck {
  const value = input.trim();
  const problem = checksumProblem(value);
  if (problem) return { valid: false, reason: `iin-${problem}` };

  const centuryDigit = value[6] ?? '0';
  const century = CENTURY[centuryDigit];
  if (century === undefined) return { valid: true, notices: ['iin-century-unknown'] };
  const sex: Sex = Number(centuryDigit) % 2 === 1 ? 'male' : 'female';
  const birthDate = `${century + Number(value.slice(0, 2))}-${value.slice(2, 4)}-${value.slice(4, 6)}`;
  return isIsoDate(birthDate)
    ? { valid: true, birthDate, sex, notices: [] }
    : { valid: true, sex, notices: ['iin-date'] };
}
