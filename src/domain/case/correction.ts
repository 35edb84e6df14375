/**
 * Corrections of a registered case's applicant data. Each change names the field, the value it
 * replaces and the new one; a change whose old value is no longer the case's (another device
 * corrected it first) is refused rather than silently applied over the other.
 */
import { fail, ok, type Result } from '../errors';
import { checkIin } from '../iin';
import { type Applicant, CORRECTABLE_FIELDS, type CorrectableField } from './events';

export interface Change {
  field: CorrectableField;
  from: string;
  to: string;
}

const REQUIRED: readonly CorrectableField[] = ['iin', 'surname', 'givenName'];

export function applyCorrection(
  applicant: Applicant,
  changes: readonly Change[],
): Result<Applicant> {
  const next: Applicant = { ...applicant };
  const seen = new Set<CorrectableField>();
  for (const change of changes) {
    if (seen.has(change.field)) return fail('correction-invalid', { field: change.field });
    seen.add(change.field);
    const current = applicant[change.field] ?? '';
    if (current !== change.from) return fail('correction-stale', { field: change.field });
    const value = change.to.trim();
    if (value === current) return fail('correction-invalid', { field: change.field });
    if (!value && REQUIRED.includes(change.field)) {
      return fail('field-required', { field: change.field });
    }
    if (change.field === 'iin') {
      const check = checkIin(value);
      if (!check.valid) return fail(check.reason, { field: 'iin' });
    }
    if (value) next[change.field] = value;
    else delete next[change.field];
  }
  return ok(next);
}

/** The changes between what the case holds and what a person typed. */
export function changesBetween(applicant: Applicant, edited: Partial<Applicant>): Change[] {
  return CORRECTABLE_FIELDS.flatMap((field) => {
    const from = applicant[field] ?? '';
    const to = (edited[field] ?? '').trim();
    return edited[field] === undefined || to === from ? [] : [{ field, from, to }];
  });
}
