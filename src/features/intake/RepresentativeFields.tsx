/**
 * Who hands in the application: the applicant in person, or a representative acting by a power
 * of attorney — then the representative's IIN and name, and the power of attorney's number, date
 * and who certified it. Switching back to "in person" keeps what was typed in the draft (a
 * slip of the key loses nothing) but nothing of it is recorded.
 */
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../domain/calendar/dates';
import type { IntakeDraft, RepresentativeDraft } from '../../state/drafts';
import { IinField } from './IinField';
import type { ProblemText } from './problems';
import { TextField } from './TextField';

interface Props {
  draft: IntakeDraft;
  onChange(patch: Partial<IntakeDraft>): void;
  onRepresentativeChange(patch: Partial<RepresentativeDraft>): void;
  problemText: ProblemText;
  today: IsoDate;
}

export function RepresentativeFields({
  draft,
  onChange,
  onRepresentativeChange,
  problemText,
  today,
}: Props) {
  const { t } = useTranslation();
  const r = draft.representative;
  const text = (
    name: 'surname' | 'givenName' | 'patronymic',
    label: string,
    isRequired: boolean,
  ) => (
    <TextField
      id={`intake-representative-${name}`}
      name={`representative-${name}`}
      label={label}
      value={r[name]}
      onChange={(value) => onRepresentativeChange({ [name]: value })}
      problem={problemText(`representative.${name}`)}
      aria-required={isRequired ? true : undefined}
    />
  );
  return (
    <>
      <fieldset className="applies-by">
        <legend>{t('intake.appliesBy')}</legend>
        <label className="check">
          <input
            type="radio"
            name="appliesBy"
            checked={!draft.isByRepresentative}
            onChange={() => onChange({ isByRepresentative: false })}
          />
          {t('intake.inPerson')}
        </label>
        <label className="check">
          <input
            type="radio"
            name="appliesBy"
            checked={draft.isByRepresentative}
            onChange={() => onChange({ isByRepresentative: true })}
          />
          {t('intake.byRepresentative')}
        </label>
      </fieldset>
      {draft.isByRepresentative && (
        <fieldset>
          <legend>{t('intake.representative')}</legend>
          <IinField
            id="intake-representative-iin"
            name="representative-iin"
            label={t('intake.representativeIin')}
            value={r.iin}
            onChange={(iin) => onRepresentativeChange({ iin })}
            savedProblem={problemText.code('representative.iin')}
            today={today}
          />
          {text('surname', t('intake.representativeSurname'), true)}
          {text('givenName', t('intake.representativeGivenName'), true)}
          {text('patronymic', t('intake.representativePatronymic'), false)}
          <fieldset>
            <legend>{t('intake.powerOfAttorney')}</legend>
            <TextField
              id="intake-poa-number"
              name="poa-number"
              label={t('intake.poaNumber')}
              value={r.poaNumber}
              onChange={(poaNumber) => onRepresentativeChange({ poaNumber })}
              problem={problemText('poa.number')}
              aria-required
            />
            <TextField
              id="intake-poa-date"
              name="poa-date"
              type="date"
              max={today}
              label={t('intake.poaDate')}
              value={r.poaDate}
              onChange={(poaDate) => onRepresentativeChange({ poaDate })}
              problem={problemText('poa.date')}
              aria-required
            />
            <TextField
              id="intake-poa-issuer"
              name="poa-issuer"
              label={t('intake.poaIssuer')}
              value={r.poaIssuer}
              onChange={(poaIssuer) => onRepresentativeChange({ poaIssuer })}
              problem={problemText('poa.issuer')}
              aria-required
            />
          </fieldset>
        </fieldset>
      )}
    </>
  );
}
