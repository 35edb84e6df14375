/**
 * A step recorded with one click, nothing to fill in and nothing irreversible: the district's
 * receipt of the paper file, the result sent to the akimat, the result received there.
 */
import type { CommandResult } from '../../../db/commands';
import { ProblemText, useCommand } from './useCommand';

interface Props {
  label: string;
  hint?: string;
  command(): Promise<CommandResult<unknown>>;
}

export function StepButton({ label, hint, command }: Props) {
  const cmd = useCommand();
  return (
    <div className="action">
      {hint && <p className="hint">{hint}</p>}
      <button type="button" disabled={cmd.isBusy} onClick={() => cmd.run(command)}>
        {label}
      </button>
      <ProblemText problem={cmd.problem} />
    </div>
  );
}
