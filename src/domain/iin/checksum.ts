/**
 * The check digit shared by the IIN (ЖСН) and the BIN (БСН): the 12th digit is computed from
 * the first eleven by the two-pass mod-11 rule. First pass: weights 1…11; the control is the sum
 * mod 11. If that gives 10, second pass with weights 3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2; if it
 * gives 10 again, no number is ever issued with these eleven digits.
 */
const FIRST_PASS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_PASS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedMod11(digits: readonly number[], weights: readonly number[]): number {
  return digits.reduce((sum, digit, i) => sum + digit * (weights[i] ?? 0), 0) % 11;
}

/** The control digit for eleven digits, or null when both passes give 10 (never issued). */
export function controlDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) throw new RangeError(`iin-control-input: ${first11}`);
  const digits = [...first11].map(Number);
  const first = weightedMod11(digits, FIRST_PASS);
  if (first !== 10) return first;
  const second = weightedMod11(digits, SECOND_PASS);
  return second === 10 ? null : second;
}

/** Shared first checks: `length`, `not-digits`, `never-issued`, `checksum`, or null when fine. */
export function checksumProblem(
  value: string,
): 'length' | 'not-digits' | 'never-issued' | 'checksum' | null {
  // Non-digits first: "12345678901a" is better reported as a typing slip than as a length.
  if (/\D/.test(value)) return 'not-digits';
  if (value.length !== 12) return 'length';
  const control = controlDigit(value.slice(0, 11));
  if (control === null) return 'never-issued';
  return control === Number(value[11]) ? null : 'checksum';
}
