/**
 * The second step for a person whose PIN is right but shorter than today's rule of 6 to 12
 * digits (ADR 0015, moving over): she types a new PIN twice; both are checked here as the server
 * will check them, then the sign-in is tried again with the old PIN and the new one.
 */
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeProblem } from '../../i18n';
import { PinInput } from './PinInput';

interface Props {
  isChecking: boolean;
  onSubmit(newPin: string): void;
  onBack(): void;
}

export function NewPinStep({ isChecking, onSubmit, onBack }: Props) {
  const { t } = useTranslation();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const explainId = useId();
  const errorId = useId();

  useEffect(() => {
    first.current?.focus();
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (isChecking) return;
    // The rule's code comes with the identity chunk, loaded by the first step already.
    const { pinProblem } = await import('../../domain/identity/pin');
    const problem = pinProblem(pin);
    const text = problem
      ? describeProblem(t, problem)
      : pin !== again
        ? t('signIn.pinsDiffer')
        : null;
    setError(text);
    if (text) {
      setPin('');
      setAgain('');
      first.current?.focus();
      return;
    }
    onSubmit(pin);
  }

  return (
    <form onSubmit={submit} noValidate aria-busy={isChecking}>
      <fieldset>
        <legend>{t('signIn.newPinTitle')}</legend>
        <p id={explainId} className="hint">
          {describeProblem(t, { code: 'pin-change-required' })}
        </p>
        <PinInput
          label={t('signIn.newPin')}
          name="newPin"
          value={pin}
          onChange={setPin}
          isNew
          isInvalid={Boolean(error)}
          inputRef={first}
          describedBy={error ? `${explainId} ${errorId}` : explainId}
        />
        <PinInput
          label={t('signIn.newPinAgain')}
          name="newPinAgain"
          value={again}
          onChange={setAgain}
          isNew
          isInvalid={Boolean(error)}
        />
        {error && (
          <p id={errorId} role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={isChecking}>
          {t('signIn.submitNewPin')}
        </button>{' '}
        <button type="button" className="secondary" onClick={onBack} disabled={isChecking}>
          {t('signIn.back')}
        </button>
      </fieldset>
    </form>
  );
}
