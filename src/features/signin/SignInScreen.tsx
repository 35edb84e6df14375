/**
 * Sign-in: a person of the office and her PIN (ADR 0015). Someone who signed in on this device
 * before is checked against her seal here, with or without a connection; anyone else's first
 * sign-in here is checked by the server, so the list says who that is. The check takes about a
 * second (Argon2), and the screen says it is checking; every refusal is said in words (a wrong
 * PIN with the tries left, a lock, a first sign-in without a connection). A person whose old PIN
 * is too short chooses a new one in a second step. Every step works from the keyboard alone.
 */
import { type FormEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sealedStaffIds, signInPeople } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { shortName } from '../../domain/names';
import { describeProblem } from '../../i18n';
import { useRuntime } from '../app/runtime';
import { FirstSignInHint } from './FirstSignInHint';
import { NewPinStep } from './NewPinStep';
import { PinInput } from './PinInput';
import { loadIdentity, useSignIn } from './useSignIn';

export function SignInScreen({ officeId }: { officeId: string }) {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const staff = useLive(() => signInPeople(db, officeId), [officeId]);
  const sealedIds = useLive(() => sealedStaffIds(db), []).data;
  const sealed = useMemo(() => sealedIds && new Set(sealedIds), [sealedIds]);
  const { step, isChecking, problem, setProblem, attempt, restart } = useSignIn();
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  const pinField = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const errorId = useId();

  useEffect(() => {
    // Argon2's code arrives while the person picks her name, not after she presses Enter.
    loadIdentity().catch(() => {});
  }, []);

  const people = staff.data ?? [];
  // Right after enrollment the office's people are still on their way from the server: say so
  // rather than let a PIN be typed against nobody.
  const isWaiting = staff.data !== undefined && people.length === 0;
  const selectedId = staffId || people[0]?.id || '';
  const error = problem ? describeProblem(t, problem) : null;
  // The field is marked only when what was typed is at fault, not for a lock or a lost line.
  const isPinInvalid = problem?.code === 'pin-wrong' || problem?.code === 'field-required';

  const wasNewPin = useRef(false);
  useEffect(() => {
    // After a refusal, or back from choosing a new PIN, the PIN is typed again: the field is
    // empty and has the focus.
    if (step.name === 'pin' && (problem || wasNewPin.current)) pinField.current?.focus();
    wasNewPin.current = step.name === 'newPin';
  }, [problem, step.name]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!selectedId || !pin) {
      setProblem({ code: 'field-required' });
      return;
    }
    const typed = pin;
    setPin('');
    await attempt(selectedId, typed);
  }

  return (
    <main className="narrow">
      <h1>{t('signIn.title')}</h1>
      <form onSubmit={submit} noValidate aria-busy={isChecking}>
        <label>
          {t('signIn.person')}
          <select
            name="staff"
            value={selectedId}
            disabled={isChecking || step.name === 'newPin'}
            aria-describedby={hintId}
            onChange={(e) => {
              setStaffId(e.target.value);
              restart();
            }}
          >
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {shortName(p)} — {t(`roles.${p.role}`)}
              </option>
            ))}
          </select>
        </label>
        <FirstSignInHint id={hintId} people={people} sealed={sealed} />
        {step.name === 'pin' && (
          <>
            <PinInput
              label={t('signIn.pin')}
              name="pin"
              value={pin}
              onChange={setPin}
              inputRef={pinField}
              isInvalid={isPinInvalid}
              describedBy={error ? errorId : undefined}
            />
            <button type="submit" disabled={people.length === 0 || isChecking}>
              {t('signIn.submit')}
            </button>
          </>
        )}
        {isWaiting && (
          <p role="status" className="hint">
            {t('signIn.waitingForStaff')}
          </p>
        )}
      </form>
      {step.name === 'newPin' && (
        <NewPinStep
          isChecking={isChecking}
          onSubmit={(newPin) => void attempt(step.staffId, step.pin, newPin)}
          onBack={restart}
        />
      )}
      <p role="status" className="hint">
        {isChecking ? t('signIn.checking') : ''}
      </p>
      {error && (
        <p id={errorId} role="alert" className="error">
          {error}
        </p>
      )}
    </main>
  );
}
