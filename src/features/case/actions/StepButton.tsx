/**
 * A step recorded with one click, nothing to fill in: the result received at the akimat; and,
 * after a confirmation (`question`), what cannot be taken back — the district's receipt of the
 * paper file, the result sent back to the akimat.
 */
import type { CommandResult } from '../../../db/commands';
import { ConfirmButton } from '../../app/ConfirmButton';
import { ProblemText, useCommand } from './useCommand';

interface Props {
  label: string;
  hint?: string;
  /** asks for confirmation first, with this text */
  question?: string;
  command(): Promise<CommandResult<unknown>>;
}

export function StepButton({ label, hint, question, command }: Props) {
  const cmd = useCommand();
  return (
    <div className="action">
      {hint && <p className="hint">{hint}</p>}
      {question ? (
        <ConfirmButton
          label={label}
          question={question}
          isDisabled={cmd.isBusy}
          onConfirm={() => cmd.run(command)}
        />
      ) : (
        <button type="button" disabled={cmd.isBusy} onClick={() => cmd.run(command)}>
          {label}
        </button>
      )}
      <ProblemText problem={cmd.problem} />
    </div>
  );
}
