/**
 * The signature. Where the process has a draft before it, the signer reads the draft in full
 * and signs it (or sends it back: a separate action). Where it has none — the akim signing the
 * certificate of 003-16 or 000-01 at the desk — the signature itself decides, so the signer
 * picks the decision here.
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
import { DraftDecision } from './DraftDecision';
import type { ActionProps } from './types';
import { ProblemText, useCommand } from './useCommand';

export function SignForm({ caseRow, process, service }: ActionProps) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const cmd = useCommand();
  const titleId = useId();
  const [draft, setDraft] = useState<DecisionDraft>(EMPTY_DECISION);
  useOpenForm(hasDecisionContent(draft, EMPTY_DECISION));
  const hasDraftStep = process.steps.some((s) => s.records === 'case.decided');
  const input = hasDraftStep ? null : decisionInput(draft);

  return (
    <section className="action" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('sign.title')}</h3>
      {hasDraftStep ? (
        <DraftDecision caseRow={caseRow} service={service} />
      ) : (
        <DecisionFields service={service} value={draft} onChange={setDraft} />
      )}
      <ConfirmButton
        label={t('actions.case_signed')}
        isDisabled={cmd.isBusy || (!hasDraftStep && !input)}
        question={
          <>
            <DecisionText
              outcome={hasDraftStep ? caseRow.outcome : input?.outcome}
              grounds={
                hasDraftStep
                  ? caseRow.grounds
                  : input?.outcome === 'refused'
                    ? input.grounds
                    : undefined
              }
              reason={
                hasDraftStep
                  ? caseRow.refusalReason
                  : input?.outcome === 'refused'
                    ? input.reason
                    : undefined
              }
              service={service}
            />
            <p>{t('confirm.case_signed')}</p>
          </>
        }
        onConfirm={() =>
          cmd.run(() =>
            hasDraftStep || !input
              ? commands.signCase(caseRow.id)
              : commands.signCase(caseRow.id, input),
          )
        }
      />
      <ProblemText problem={cmd.problem} />
    </section>
  );
}
