/**
 * The minutes a regulation gives the desk to accept an application: the term of the channel's
 * intake step, where the regulation writes one in minutes or hours (004-01: 15 minutes; 003-16:
 * 9; 000-01: 5). Where the intake is one step with the forwarding, counted in days (003-06:
 * "register and forward within 13 working days"), the regulation says nothing of the desk's
 * minutes and neither does this: nothing is invented.
 */
import type { Channel } from './schema';

export function deskMinutes(channel: Channel | undefined): number | undefined {
  // The applicant's own step (submitting on the portal) and a term of 0 (an information
  // system's instant registration) say nothing of a person's time at the desk.
  const step = channel?.steps.find(
    (s) =>
      s.stage === 'intake' &&
      s.role !== 'applicant' &&
      s.role !== 'information_system' &&
      s.duration.value > 0,
  );
  if (!step) return undefined;
  if (step.duration.unit === 'minutes') return step.duration.value;
  if (step.duration.unit === 'hours') return step.duration.value * 60;
  return undefined;
}
