/**
 * A button for an action that cannot be undone (a signature, a decision, a return, a
 * cancellation, a refusal, a hand-out). It opens a modal dialog that says in words what will
 * happen; the action runs only when the person confirms there. The native <dialog> keeps the
 * rest of the page inert while it is open and closes with Esc.
 */
import { type ReactNode, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** the button's text, and the dialog's title */
  label: string;
  /** what will happen, in words */
  question: ReactNode;
  onConfirm(): unknown;
  isDisabled?: boolean;
  /** an accessible name apart from the text (a work list's row: "… 01-26-01-0003") */
  ariaLabel?: string;
}

export function ConfirmButton({ label, question, onConfirm, isDisabled, ariaLabel }: Props) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();
  return (
    <>
      <button
        type="button"
        disabled={isDisabled}
        aria-label={ariaLabel}
        onClick={() => dialog.current?.showModal()}
      >
        {label}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId} aria-describedby={textId} className="confirm">
        <h2 id={titleId}>{label}</h2>
        <div id={textId}>{question}</div>
        <p className="hint">{t('confirm.irreversible')}</p>
        <div className="confirm-buttons">
          <button
            type="button"
            onClick={() => {
              dialog.current?.close();
              void onConfirm();
            }}
          >
            {t('confirm.yes')}
          </button>
          <button type="button" className="secondary" onClick={() => dialog.current?.close()}>
            {t('confirm.no')}
          </button>
        </div>
      </dialog>
    </>
  );
}
