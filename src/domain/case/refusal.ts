/**
 * A refusal names its grounds from the regulation's list (by number, as the regulation numbers
 * them), or `other` with the reason in words; where the regulation lists no grounds, the reason
 * is written out. The grounds travel with the case to the decision the applicant receives.
 */
import type { Problem } from '../errors';
import { PROCESS_OUTLINES } from '../process/outline';

export function refusalProblem(
  serviceId: string,
  refusal: { grounds?: readonly string[] | undefined; reason?: string | undefined },
  /** false for cases registered before the process model, whose refusals were text only */
  isGroundRequired = true,
): Problem | null {
  const listed = PROCESS_OUTLINES[serviceId]?.grounds ?? 0;
  const grounds = refusal.grounds ?? [];
  const reason = refusal.reason?.trim() ?? '';
  if (new Set(grounds).size !== grounds.length) return { code: 'refusal-ground-unknown' };
  for (const ground of grounds) {
    if (ground !== 'other' && Number(ground) > listed) {
      return { code: 'refusal-ground-unknown', details: { ground } };
    }
  }
  // Where the regulation lists grounds, a refusal names at least one ("other" among them).
  if (isGroundRequired && listed > 0 && grounds.length === 0) {
    return { code: 'refusal-ground-required' };
  }
  const needsText = grounds.length === 0 || grounds.includes('other');
  if (needsText && !reason) return { code: 'refusal-reason-required' };
  return null;
}
