/**
 * The sector head's visa on the executor's draft, with an optional comment. The sector head
 * reads the draft in full; the visa cannot be taken back, so it asks for confirmation.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../app/ConfirmButton';
import { useRuntime } from '../../app/runtime';
import { useOpenForm } from '../../update/openForms';
import { DecisionText } from '../words';
import { DraftDecision } from './DraftDecision';
import type { ActionProps } from './types';
import { ProblemText, useCommand } from './useCommand';

export function EndorseForm({ caseRow, service }: ActionProps) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const cmd = useCommand();
  const titleId = useId();
  const [comment, setComment] = useState('');
  useOpenForm(comment.trim() !== '');
  return (
    <section className="action" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('endorse.title')}</h3>
      <DraftDecision caseRow={caseRow} service={service} />
      <label>
        {t('endorse.comment')}
        <textarea value={comment} rows={2} onChange={(e) => setComment(e.target.value)} />
      </label>
      <ConfirmButton
        label={t('actions.case_endorsed')}
        isDisabled={cmd.isBusy}
        question={
          <>
            <DecisionText
              outcome={caseRow.outcome}
              grounds={caseRow.grounds}
              reason={caseRow.refusalReason}
              service={service}
            />
            <p>{t('confirm.case_endorsed')}</p>
          </>
        }
        onConfirm={() => cmd.run(() => commands.endorseCase(caseRow.id, comment))}
      />
      <ProblemText problem={cmd.problem} />
    </section>
  );
}
