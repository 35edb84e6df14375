/**
 * The result handed out: to the applicant in person, or to a representative named with the
 * power of attorney's details. Closes the case, so it asks for confirmation. Where a
 * representative applied by a power of attorney, the form starts from them: the result usually
 * goes back to whoever brought the application.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName } from '../../../domain/names';
import { formatDateKz } from '../../../domain/time';
import { ConfirmButton } from '../../app/ConfirmButton';
import { useRuntime } from '../../app/runtime';
import { DecisionText } from '../words';
import type { ActionProps } from './types';
import { ProblemText, useCommand } from './useCommand';

export function HandOutForm({ caseRow, service }: ActionProps) {
  const { t } = useTranslation();
  const { commands } = useRuntime();
  const cmd = useCommand();
  const titleId = useId();
  const applied = caseRow.representative;
  const [to, setTo] = useState<'applicant' | 'representative'>(
    applied ? 'representative' : 'applicant',
  );
  const [name, setName] = useState(() => (applied ? fullName(applied) : ''));
  const [powerOfAttorney, setPowerOfAttorney] = useState(() =>
    applied
      ? `№ ${applied.powerOfAttorney.number}, ${formatDateKz(applied.powerOfAttorney.date)}, ${applied.powerOfAttorney.issuer}`
      : '',
  );
  const applicant = `${caseRow.applicant.surname} ${caseRow.applicant.givenName}`;

  return (
    <section className="action" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('handOut.title')}</h3>
      <DecisionText
        outcome={caseRow.outcome}
        grounds={caseRow.grounds}
        reason={caseRow.refusalReason}
        service={service}
      />
      <fieldset>
        <legend>{t('handOut.who')}</legend>
        <label className="check">
          <input
            type="radio"
            name={`${titleId}-to`}
            checked={to === 'applicant'}
            onChange={() => setTo('applicant')}
          />
          {t('handOut.applicant', { name: applicant })}
        </label>
        <label className="check">
          <input
            type="radio"
            name={`${titleId}-to`}
            checked={to === 'representative'}
            onChange={() => setTo('representative')}
          />
          {t('handOut.representative')}
        </label>
        {to === 'representative' && (
          <>
            <label>
              {t('handOut.name')}
              <input value={name} onChange={(e) => setName(e.target.value)} />
            </label>
            <label>
              {t('handOut.powerOfAttorney')}
              <input value={powerOfAttorney} onChange={(e) => setPowerOfAttorney(e.target.value)} />
            </label>
          </>
        )}
      </fieldset>
      <ConfirmButton
        label={t('actions.result_handed_out')}
        isDisabled={cmd.isBusy}
        question={
          to === 'applicant'
            ? t('confirm.handOutApplicant', { name: applicant })
            : t('confirm.handOutRepresentative', { name: name.trim() || '…' })
        }
        onConfirm={() => {
          if (to === 'representative' && (!name.trim() || !powerOfAttorney.trim())) {
            cmd.setProblem({ code: 'representative-required' });
            return;
          }
          return cmd.run(() =>
            commands.handOutResult(
              caseRow.id,
              to === 'applicant' ? { to } : { to, name, powerOfAttorney },
            ),
          );
        }}
      />
      <ProblemText problem={cmd.problem} />
    </section>
  );
}
