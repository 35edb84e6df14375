/**
 * A file the district returned, back at the village: forwarded again once completed (through
 * the transfer screen, in a new batch), or closed with a refusal the applicant is told about.
 * The return's reasons stand on the case screen above.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../app/ConfirmButton';
import { hrefOf } from '../../app/router';
import { useRuntime } from '../../app/runtime';
import { useOpenForm } from '../../update/openForms';
import {
  type DecisionDraft,
  DecisionFields,
  EMPTY_DECISION,
  hasDecisionContent,
} from './DecisionFields';
import type { ActionProps } from './types';
import { ProblemText, useCommand } from './useCommand';

/** The case waits for a transfer batch: the batch is made on the transfer screen. */
export function ForwardLink({ caseRow }: ActionProps) {
  const { t } = useTranslation();
  return (
    <div className="action">
      <p className="hint">
        {caseRow.status === 'returned' ? t('forward.hintReturned') : t('forward.hint')}
      </p>
      <a className="button" href={hrefOf({ name: 'transfer' })}>
        {t('actions.batch_sent')}
      </a>
    </div>
  );
}

export function RefuseReturnedForm({ caseRow, service }: ActionProps) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const cmd = useCommand();
  const titleId = useId();
  const [draft, setDraft] = useState<DecisionDraft>({ ...EMPTY_DECISION, outcome: 'refused' });
  useOpenForm(hasDecisionContent(draft, { ...EMPTY_DECISION, outcome: 'refused' }));
  return (
    <details className="action">
      <summary id={titleId}>{t('refuseReturned.title')}</summary>
      <p className="hint">{t('refuseReturned.hint')}</p>
      <DecisionFields service={service} value={draft} onChange={setDraft} canApprove={false} />
      <ConfirmButton
        label={t('actions.case_refused')}
        isDisabled={cmd.isBusy}
        question={t('confirm.case_refused')}
        onConfirm={() =>
          cmd.run(() =>
            commands.refuseReturned(caseRow.id, { grounds: draft.grounds, reason: draft.reason }),
          )
        }
      />
      <ProblemText problem={cmd.problem} />
    </details>
  );
}
