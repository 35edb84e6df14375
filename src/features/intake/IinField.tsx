/**
 * An IIN field, checked as it is typed: only digits go in (a letter or a space typed or pasted
 * is dropped and the person told so at once), and at 12 digits the check digit is checked and
 * the birth date and sex it carries are shown — a birth date after today is flagged, since it is
 * a typing error. The problem the last save reported shows until the field is edited.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IsoDate } from '../../domain/calendar/dates';
import type { ErrorCode } from '../../domain/errors';
import { checkIin } from '../../domain/iin';
import { formatDateKz } from '../../domain/time';
import { describeProblem } from '../../i18n';
import { TextField } from './TextField';

interface Props {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange(value: string): void;
  /** what the last save said of this field */
  savedProblem?: ErrorCode | undefined;
  today: IsoDate;
}

export function IinField({ id, name, label, value, onChange, savedProblem, today }: Props) {
  const { t } = useTranslation();
  const [hasDroppedNonDigits, setDroppedNonDigits] = useState(false);
  const check = value.length === 12 ? checkIin(value) : null;
  const liveProblem: ErrorCode | undefined = hasDroppedNonDigits
    ? 'iin-not-digits'
    : check && !check.valid
      ? check.reason
      : check?.valid && check.birthDate && check.birthDate > today
        ? 'iin-birth-date-future'
        : undefined;
  const problem = savedProblem ?? liveProblem;
  const isInformative = check?.valid && !liveProblem && (check.birthDate || check.sex);
  return (
    <TextField
      id={id}
      name={name}
      label={label}
      value={value}
      inputMode="numeric"
      aria-required
      onChange={(typed) => {
        setDroppedNonDigits(/\D/.test(typed));
        onChange(typed.replace(/\D/g, '').slice(0, 12));
      }}
      problem={problem ? describeProblem(t, { code: problem }) : undefined}
      hint={
        isInformative && check?.valid ? (
          <>
            {check.birthDate && t('intake.birthDate', { date: formatDateKz(check.birthDate) })}{' '}
            {check.sex && t(`intake.sex_${check.sex}`)}
          </>
        ) : undefined
      }
    />
  );
}
