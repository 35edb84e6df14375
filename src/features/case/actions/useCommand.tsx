/**
 * Running a command from an action's form: the problem it reports, in the person's language,
 * and whether it is still running (so a second click does not record the step twice).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandResult } from '../../../db/commands';
import type { Problem } from '../../../domain/errors';
import { describeProblem } from '../../../i18n';

export function useCommand() {
  const [problem, setProblem] = useState<Problem | null>(null);
  const [isBusy, setBusy] = useState(false);
  /** Runs the command; true when it succeeded. */
  async function run(command: () => Promise<CommandResult<unknown>>): Promise<boolean> {
    if (isBusy) return false;
    setBusy(true);
    try {
      const result = await command();
      setProblem(result.ok ? null : result.problem);
      return result.ok;
    } finally {
      setBusy(false);
    }
  }
  return { problem, isBusy, run, setProblem };
}

export function ProblemText({ problem }: { problem: Problem | null }) {
  const { t } = useTranslation();
  if (!problem) return null;
  return (
    <p role="alert" className="error">
      {describeProblem(t, problem)}
    </p>
  );
}
