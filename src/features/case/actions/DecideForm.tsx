/**
 * The executor's review: a draft decision, approving or refusing with the regulation's grounds.
 * After a head sent the draft back, the comment stands above the form.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../app/ConfirmButton';
import { useRuntime } from '../../app/runtime';
import { useOpenForm } from '../../update/openForms';
import { DecisionText } from '../words';
import {
  type DecisionDraft,
  DecisionFields,
  decisionInput,
  EMPTY_DECISION,
  hasDecisionContent,
} from './DecisionFields';
import type { ActionProps } from './types';
import { ProblemText, useCommand } from './useCommand';

export function DecideForm({ caseRow, service }: ActionProps) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const cmd = useCommand();
  const titleId = useId();
  const [draft, setDraft] = useState<DecisionDraft>(EMPTY_DECISION);
  const input = decisionInput(draft);
  useOpenForm(hasDecisionContent(draft, EMPTY_DECISION));

  return (
    <section className="action" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('decision.draftTitle')}</h3>
      {caseRow.sentBack && (
        <p className="notice">{t('decision.sentBack', { comment: caseRow.sentBack.comment })}</p>
      )}
      <DecisionFields service={service} value={draft} onChange={setDraft} />
      <ConfirmButton
        label={t('actions.case_decided')}
        isDisabled={!input || cmd.isBusy}
        question={
          <>
            <DecisionText
              outcome={input?.outcome}
              grounds={input?.outcome === 'refused' ? input.grounds : undefined}
              reason={input?.outcome === 'refused' ? input.reason : undefined}
              service={service}
            />
            <p>{t('confirm.case_decided')}</p>
          </>
        }
        onConfirm={() => input && cmd.run(() => commands.decideCase(caseRow.id, input))}
      />
      <ProblemText problem={cmd.problem} />
    </section>
  );
}
