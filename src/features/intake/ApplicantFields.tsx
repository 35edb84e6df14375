/**
 * The applicant: IIN (checked as typed, with what it tells), the offer to fill in a returning
 * applicant's particulars, then surname, name, patronymic, phone and address.
 */
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../domain/calendar/dates';
import { checkIin } from '../../domain/iin';
import type { IntakeDraft } from '../../state/drafts';
import { IinField } from './IinField';
import type { ProblemText } from './problems';
import { ReturningApplicant } from './ReturningApplicant';
import { TextField } from './TextField';

type Field = 'surname' | 'givenName' | 'patronymic' | 'phone' | 'address';

interface Props {
  draft: IntakeDraft;
  onChange(patch: Partial<IntakeDraft>): void;
  problemText: ProblemText;
  today: IsoDate;
}

export function ApplicantFields({ draft, onChange, problemText, today }: Props) {
  const { t } = useTranslation();
  const isIinValid = draft.iin.length === 12 && checkIin(draft.iin).valid;
  const field = (name: Field, extra: { inputMode?: 'tel'; required?: boolean } = {}) => (
    <TextField
      id={`intake-${name}`}
      name={name}
      label={t(`intake.${name}`)}
      value={draft[name]}
      onChange={(value) => onChange({ [name]: value })}
      problem={problemText(name)}
      {...(extra.inputMode ? { inputMode: extra.inputMode } : {})}
      aria-required={extra.required ? true : undefined}
    />
  );
  return (
    <fieldset>
      <legend>{t('intake.applicant')}</legend>
      <IinField
        id="intake-iin"
        name="iin"
        label={t('intake.iin')}
        value={draft.iin}
        onChange={(iin) => onChange({ iin })}
        savedProblem={problemText.code('iin')}
        today={today}
      />
      {isIinValid && <ReturningApplicant iin={draft.iin} draft={draft} onPrefill={onChange} />}
      {field('surname', { required: true })}
      {field('givenName', { required: true })}
      {field('patronymic')}
      {field('phone', { inputMode: 'tel' })}
      {field('address')}
    </fieldset>
  );
}
