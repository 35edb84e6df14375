/**
 * A draft sent back to the executor for rework, with what to change. The comment is required;
 * the draft's round ends with it, so it asks for confirmation.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../app/ConfirmButton';
import { useRuntime } from '../../app/runtime';
import { useOpenForm } from '../../update/openForms';
import type { ActionProps } from './types';
import { ProblemText, useCommand } from './useCommand';

export function SendBackForm({ caseRow }: ActionProps) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const cmd = useCommand();
  const [comment, setComment] = useState('');
  useOpenForm(comment.trim() !== '');
  const isBlank = !comment.trim();
  return (
    <details className="action">
      <summary>{t('sendBack.title')}</summary>
      <label>
        {t('sendBack.comment')}
        <textarea
          value={comment}
          rows={3}
          onChange={(e) => setComment(e.target.value)}
          aria-invalid={cmd.problem?.code === 'field-required' ? true : undefined}
        />
      </label>
      {isBlank ? (
        <button type="button" onClick={() => cmd.setProblem({ code: 'field-required' })}>
          {t('actions.case_sent_back')}
        </button>
      ) : (
        <ConfirmButton
          label={t('actions.case_sent_back')}
          isDisabled={cmd.isBusy}
          question={t('confirm.case_sent_back', { comment: comment.trim() })}
          onConfirm={() => cmd.run(() => commands.sendBack(caseRow.id, comment))}
        />
      )}
      <ProblemText problem={cmd.problem} />
    </details>
  );
}
