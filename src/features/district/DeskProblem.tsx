/**
 * A command's problem on the desk, where one action covers several cases: the case it stopped
 * at is named before the reason, so the person knows which file to look at.
 */
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../domain/errors';
import { describeProblem } from '../../i18n';

export function DeskProblem({ problem }: { problem: Problem | null }) {
  const { t } = useTranslation();
  if (!problem) return null;
  const regNumber = problem.details?.regNumber;
  return (
    <p role="alert" className="error">
      {regNumber ? `№ ${regNumber}: ` : ''}
      {describeProblem(t, problem)}
    </p>
  );
}
