/** The sector head's visa on the executor's draft, with an optional comment. */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRuntime } from '../../app/runtime';
import { DraftDecision } from './DraftDecision';
import type { ActionProps } from './types';
import { ProblemText, useCommand } from './useCommand';

export function EndorseForm({ caseRow, service }: ActionProps) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const cmd = useCommand();
  const titleId = useId();
  const [comment, setComment] = useState('');
  return (
    <form
      className="action"
      aria-labelledby={titleId}
      onSubmit={(e) => {
        e.preventDefault();
        void cmd.run(() => commands.endorseCase(caseRow.id, comment));
      }}
    >
      <h3 id={titleId}>{t('endorse.title')}</h3>
      <DraftDecision caseRow={caseRow} service={service} />
      <label>
        {t('endorse.comment')}
        <textarea value={comment} rows={2} onChange={(e) => setComment(e.target.value)} />
      </label>
      <button type="submit" disabled={cmd.isBusy}>
        {t('actions.case_endorsed')}
      </button>
      <ProblemText problem={cmd.problem} />
    </form>
  );
}
