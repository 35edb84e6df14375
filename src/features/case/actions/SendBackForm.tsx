/** A draft sent back to the executor for rework, with what to change. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuntime } from '../../app/runtime';
import type { ActionProps } from './types';
import { ProblemText, useCommand } from './useCommand';

export function SendBackForm({ caseRow }: ActionProps) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const cmd = useCommand();
  const [comment, setComment] = useState('');
  return (
    <details className="action">
      <summary>{t('sendBack.title')}</summary>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!comment.trim()) cmd.setProblem({ code: 'field-required' });
          else void cmd.run(() => commands.sendBack(caseRow.id, comment));
        }}
      >
        <label>
          {t('sendBack.comment')}
          <textarea
            value={comment}
            rows={3}
            onChange={(e) => setComment(e.target.value)}
            aria-invalid={cmd.problem?.code === 'field-required' ? true : undefined}
          />
        </label>
        <button type="submit" disabled={cmd.isBusy}>
          {t('actions.case_sent_back')}
        </button>
        <ProblemText problem={cmd.problem} />
      </form>
    </details>
  );
}
