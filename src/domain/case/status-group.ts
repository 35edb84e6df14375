/**
 * A case's status in the words a village clerk sorts cases by: where the file is and what is
 * left to do, not the process's fifteen steps. The journal filters by these groups, and prints
 * and exports them beside the exact status.
 *
 * - `at_village`: registered, at the village, not yet sent (or signed there but not ready);
 * - `returned`: the district sent the file back to the village;
 * - `at_district`: sent to the district, or being reviewed, decided or signed there, or the
 *   result on its way back;
 * - `result_ready`: the result is at the desk that took the application in (the village's, or
 *   the district department's own) for the applicant to collect;
 * - `issued`: handed out with a positive decision;
 * - `refused`: closed with a reasoned refusal (handed out, or a returned file refused);
 * - `cancelled`: the registration was cancelled;
 * - `refused_at_intake`: never registered, refused at the desk with a receipt (the office's
 *   refusal register).
 */
import type { Case } from './reducer';

export const STATUS_GROUPS = [
  'at_village',
  'returned',
  'at_district',
  'result_ready',
  'issued',
  'refused',
  'cancelled',
  'refused_at_intake',
] as const;

export type StatusGroup = (typeof STATUS_GROUPS)[number];

export function statusGroupOf(
  state: Pick<Case, 'status' | 'at' | 'outcome'> & Partial<Pick<Case, 'channel'>>,
): StatusGroup {
  switch (state.status) {
    case 'cancelled':
      return 'cancelled';
    case 'refused_at_intake':
      return 'refused_at_intake';
    case 'closed':
      return state.outcome === 'refused' ? 'refused' : 'issued';
    case 'returned':
      return 'returned';
    case 'result_received':
      return 'result_ready';
    case 'forwarded':
      // Recorded at the village as the batch leaves: from then on the district has the file.
      return 'at_district';
    case 'signed':
      // A service the village renders itself (003-16): the akim's signature makes the result
      // ready at the desk, and so does the head's for an application the district department
      // took in at its own desk (the provider's channel). Signed at the district for a
      // village's case, it has yet to travel.
      return state.at === 'village' || state.channel === 'provider'
        ? 'result_ready'
        : 'at_district';
    default:
      return state.at === 'village' ? 'at_village' : 'at_district';
  }
}
