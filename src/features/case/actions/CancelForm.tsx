/**
 * Cancelling a registration before the file leaves the village: withdrawn by the applicant or
 * registered in error, with a note. The case stays in the journal and its history, cancelled.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../app/ConfirmButton';
import { useRuntime } from '../../app/runtime';
import { useOpenForm } from '../../update/openForms';
import type { ActionProps } from './types';
import { ProblemText, useCommand } from './useCommand';

type Reason = 'withdrawn' | 'registered_in_error';

export function CancelForm({ caseRow }: ActionProps) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const cmd = useCommand();
  const name = useId();
  const [reason, setReason] = useState<Reason | null>(null);
  const [note, setNote] = useState('');
  useOpenForm(reason !== null || note.trim() !== '');
  return (
    <details className="action">
      <summary>{t('cancel.title')}</summary>
      <fieldset>
        <legend>{t('cancel.reason')}</legend>
        {(['withdrawn', 'registered_in_error'] as const).map((value) => (
          <label key={value} className="check">
            <input
              type="radio"
              name={`${name}-reason`}
              checked={reason === value}
              onChange={() => setReason(value)}
            />
            {t(`cancelReasons.${value}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('cancel.note')}
        <textarea value={note} rows={2} onChange={(e) => setNote(e.target.value)} />
      </label>
      <ConfirmButton
        label={t('actions.case_cancelled')}
        isDisabled={cmd.isBusy || !reason}
        question={t('confirm.case_cancelled', { regNumber: caseRow.regNumber })}
        onConfirm={() => reason && cmd.run(() => commands.cancelCase(caseRow.id, reason, note))}
      />
      <ProblemText problem={cmd.problem} />
    </details>
  );
}
