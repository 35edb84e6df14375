/**
 * The frame every step's form shares: a titled form, its fields, one submit button that waits
 * while the command runs, and the command's problem in the person's language.
 */
import { type ReactNode, useId } from 'react';
import { ProblemText, type useCommand } from './useCommand';

interface Props {
  title: string;
  submitLabel: string;
  command: ReturnType<typeof useCommand>;
  onSubmit(): void;
  /** the form's own checks stand in for the browser's */
  noValidate?: boolean;
  isDisabled?: boolean;
  children: ReactNode;
}

export function ActionForm(props: Props) {
  const titleId = useId();
  const { command } = props;
  return (
    <form
      className="action"
      aria-labelledby={titleId}
      noValidate={props.noValidate}
      onSubmit={(e) => {
        e.preventDefault();
        props.onSubmit();
      }}
    >
      <h3 id={titleId}>{props.title}</h3>
      {props.children}
      <button type="submit" disabled={command.isBusy || props.isDisabled === true}>
        {props.submitLabel}
      </button>
      <ProblemText problem={command.problem} />
    </form>
  );
}
