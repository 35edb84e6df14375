/**
 * Sign-in with a PIN (ADR 0015): the first on this device is checked by the server, later ones
 * by the device's seal, so they work offline. Every event afterwards names this person and
 * carries her proof.
 */
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signInPeople } from '../../db/queries';
import { useLive } from '../../db/useLive';
import { shortName } from '../../domain/names';
import { describeProblem } from '../../i18n';
import { useSession } from '../../state/session';
import { useRuntime } from '../app/runtime';

export function SignInScreen({ officeId }: { officeId: string }) {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const signIn = useSession((s) => s.signIn);
  const credentials = useSession((s) => s.credentials);
  const staff = useLive(() => signInPeople(db, officeId), [officeId]);
  const [staffId, setStaffId] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);

  const people = staff.data ?? [];
  // Right after enrollment the office's people are still on their way from the server: say so
  // rather than let a PIN be typed against nobody.
  const isWaiting = staff.data !== undefined && people.length === 0;
  const selectedId = staffId || people[0]?.id || '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const person = people.find((p) => p.id === selectedId);
    if (!person || !pin || !credentials) {
      setError(describeProblem(t, { code: 'field-required' }));
      return;
    }
    const { signInOnDevice } = await import('../../sync/identity');
    const outcome = await signInOnDevice({ db, credentials }, person.id, pin);
    if (outcome.ok) {
      setError(null);
      signIn(outcome.staff, outcome.proofKey, outcome.adminSession);
    } else {
      setPin('');
      setError(describeProblem(t, outcome.problem));
    }
  }

  return (
    <main className="narrow">
      <h1>{t('signIn.title')}</h1>
      <form onSubmit={submit} noValidate>
        <label>
          {t('signIn.person')}
          <select name="staff" value={selectedId} onChange={(e) => setStaffId(e.target.value)}>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {shortName(p)} — {t(`roles.${p.role}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('signIn.pin')}
          <input
            name="pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value)}
          />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {isWaiting && (
          <p role="status" className="hint">
            {t('signIn.waitingForStaff')}
          </p>
        )}
        <button type="submit" disabled={people.length === 0}>
          {t('signIn.submit')}
        </button>
      </form>
    </main>
  );
}
