/**
 * The administrator sets a person's new PIN (ADR 0015): typed twice, checked against the rule of
 * 6 to 12 digits and against each other, and sent only after a confirmation that says what
 * follows — the old PIN stops working on each device at its next sync, and the first sign-in with
 * the new one needs a connection there. Both fields are emptied after every attempt.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pinProblem } from '../../domain/admin/staff';
import { describeProblem } from '../../i18n';
import { ConfirmButton } from '../app/ConfirmButton';

interface Props {
  name: string;
  onReset(pin: string): unknown;
}

export function PinResetFields({ name, onReset }: Props) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);

  function reset() {
    const problem = pinProblem(pin);
    const text = problem
      ? describeProblem(t, problem)
      : pin !== again
        ? t('staffAdmin.pinsDiffer')
        : null;
    setPin('');
    setAgain('');
    setError(text);
    if (!text) void onReset(pin);
  }

  const field = (key: 'newPin' | 'newPinAgain', value: string, set: (v: string) => void) => (
    <label>
      {t(`staffAdmin.${key}`, { name })}
      <input
        name={key}
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        aria-invalid={error ? true : undefined}
        value={value}
        onChange={(e) => set(e.target.value)}
      />
    </label>
  );

  return (
    <>
      {field('newPin', pin, setPin)}
      {field('newPinAgain', again, setAgain)}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <ConfirmButton
        label={t('staffAdmin.resetPin')}
        isDisabled={!pin}
        question={<p>{t('staffAdmin.resetPinQuestion', { name })}</p>}
        onConfirm={reset}
      />
    </>
  );
}
