/**
 * A correction of the applicant's data (a typo at intake): the fields prefilled with what the
 * case holds, a reason, and what will change, old → new, before it is saved. The history keeps
 * every correction with who made it and when.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { changesBetween } from '../../../domain/case/correction';
import { type Applicant, CORRECTABLE_FIELDS } from '../../../domain/case/events';
import { useRuntime } from '../../app/runtime';
import { useOpenForm } from '../../update/openForms';
import type { ActionProps } from './types';
import { ProblemText, useCommand } from './useCommand';

const FIELDS = CORRECTABLE_FIELDS;

export function CorrectionForm(props: ActionProps) {
  // A new form after each correction: its fields start from the corrected data.
  return <CorrectionFields key={props.caseRow.correctionCount} {...props} />;
}

function CorrectionFields({ caseRow }: ActionProps) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const cmd = useCommand();
  const [edited, setEdited] = useState<Required<Applicant>>(() => ({
    patronymic: '',
    phone: '',
    address: '',
    ...caseRow.applicant,
  }));
  const [reason, setReason] = useState('');
  const changes = changesBetween(caseRow.applicant, edited);
  useOpenForm(changes.length > 0 || reason.trim() !== '');
  const empty = t('correction.empty');

  return (
    <details className="action">
      <summary>{t('correction.title')}</summary>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!reason.trim()) cmd.setProblem({ code: 'field-required' });
          else void cmd.run(() => commands.correctCase(caseRow.id, changes, reason));
        }}
      >
        {FIELDS.map((field) => (
          <label key={field}>
            {t(`intake.${field}`)}
            <input
              value={edited[field]}
              onChange={(e) => setEdited({ ...edited, [field]: e.target.value })}
            />
          </label>
        ))}
        <label>
          {t('correction.reason')}
          <textarea value={reason} rows={2} onChange={(e) => setReason(e.target.value)} />
        </label>
        <div aria-live="polite">
          {changes.length === 0 ? (
            <p className="hint">{t('correction.none')}</p>
          ) : (
            <>
              <p>{t('correction.changes')}</p>
              <ul data-testid="correction-preview">
                {changes.map((c) => (
                  <li key={c.field}>
                    {t(`intake.${c.field}`)}: «{c.from || empty}» → «{c.to || empty}»
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
        <button type="submit" disabled={cmd.isBusy || changes.length === 0}>
          {t('actions.case_corrected')}
        </button>
        <ProblemText problem={cmd.problem} />
      </form>
    </details>
  );
}
