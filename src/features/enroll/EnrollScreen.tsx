/**
 * First start of a device: the person types the one-time code the district administrator gave
 * them. The device then fetches its office's reference data (staff, offices) so that sign-in
 * works offline from then on.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readMarker } from '../../db/device-marker';
import { getMeta } from '../../db/meta';
import { isQuotaError } from '../../db/quota';
import { describeProblem } from '../../i18n';
import { useSession } from '../../state/session';
import { enrollDevice } from '../../sync/enroll';
import { createHttp, HttpFailure } from '../../sync/http';
import { pullReference } from '../../sync/pull';
import { useRuntime } from '../app/runtime';
import { WipedNotice } from './WipedNotice';

export function EnrollScreen() {
  const { t } = useTranslation();
  const { db, engine } = useRuntime();
  const setCredentials = useSession((s) => s.setCredentials);
  const signOut = useSession((s) => s.signOut);
  // A QR code from the administrator opens `#/enroll/<code>`: the code arrives filled in.
  const [code, setCode] = useState(
    () => /^#\/enroll\/([A-Z0-9-]{4,64})$/.exec(window.location.hash)?.[1] ?? '',
  );
  const [serverUrl, setServerUrl] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  // This screen shows only while IndexedDB holds no enrollment: a marker left in localStorage
  // then means the browser deleted this device's records (src/db/device-marker.ts).
  const [wiped] = useState(() => readMarker(globalThis.localStorage));
  // A person still signed in in this tab was signed in on the enrollment whose records are
  // gone: her key is registered for that device, not for the one about to be enrolled.
  useEffect(() => {
    signOut();
  }, [signOut]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!code.trim()) {
      setError(describeProblem(t, { code: 'field-required' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const base = serverUrl.trim().replace(/\/$/, '');
      const http = createHttp(base);
      await enrollDevice(db, http, code, base, new Date());
      const credentials = await getMeta(db, 'credentials');
      if (credentials) {
        await pullReference(db, http, credentials);
        if (window.location.hash.startsWith('#/enroll/')) window.location.hash = '';
        setCredentials(credentials);
        engine.start();
      }
    } catch (e) {
      // A full disk while the enrollment is stored is no network trouble: say which it is.
      const problem =
        e instanceof HttpFailure
          ? { code: e.code }
          : { code: isQuotaError(e) ? ('storage-full' as const) : ('network' as const) };
      setError(describeProblem(t, problem));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="narrow">
      <h1>{t('enroll.title')}</h1>
      {wiped && <WipedNotice marker={wiped} />}
      <p>{t('enroll.explain')}</p>
      <form onSubmit={submit} noValidate>
        <label>
          {t('enroll.code')}
          <input
            name="code"
            value={code}
            onChange={(e) => setCode(e.target.value.toUpperCase())}
            autoComplete="off"
            autoCapitalize="characters"
            aria-invalid={error ? true : undefined}
          />
        </label>
        <details>
          <summary>{t('enroll.advanced')}</summary>
          <label>
            {t('enroll.server')}
            <input
              name="server"
              value={serverUrl}
              onChange={(e) => setServerUrl(e.target.value)}
              placeholder={window.location.origin}
            />
          </label>
        </details>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" disabled={isBusy}>
          {t('enroll.submit')}
        </button>
      </form>
    </main>
  );
}
