/**
 * "Where is my application?" asked at the village desk or on the phone: the clerk types the
 * number from the talon (or the refusal receipt) and the last four digits of the applicant's IIN
 * and sees what the citizen's status page shows — the same answer, from this device's own copy,
 * with or without a connection. Wrong digits and an unknown number get the same message, as on
 * the public page.
 */
import { type FormEvent, Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { statusOnDevice } from '../../db/status-lookup';
import { useLive } from '../../db/useLive';
import { answerLines, isIin4 } from '../../domain/public-status';
import { STATUS_LABELS } from '../../domain/public-status-texts';
import { usePrefs } from '../../state/session';
import { useRuntime } from '../app/runtime';
import './status.css';

interface Asked {
  number: string;
  iin4: string;
}

export function StatusScreen() {
  const { t } = useTranslation();
  const { db } = useRuntime();
  const lang = usePrefs((s) => s.lang);
  const [number, setNumber] = useState('');
  const [iin4, setIin4] = useState('');
  const [problem, setProblem] = useState<'numberRequired' | 'iin4Invalid' | null>(null);
  const [asked, setAsked] = useState<Asked | null>(null);
  const answer = useLive(
    () => (asked ? statusOnDevice(db, asked.number, asked.iin4, lang) : Promise.resolve(null)),
    [db, asked, lang],
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    const wanted = number.trim();
    // Bad input changes nothing: the last answer stays until a good question replaces it.
    if (wanted === '') return setProblem('numberRequired');
    if (!isIin4(iin4.trim())) return setProblem('iin4Invalid');
    setProblem(null);
    setAsked({ number: wanted, iin4: iin4.trim() });
  }

  return (
    <main className="narrow">
      <h1>{t('statusLookup.title')}</h1>
      <p className="hint">{t('statusLookup.intro')}</p>
      <form onSubmit={submit} noValidate>
        <label>
          {t('statusLookup.number')}
          <input
            value={number}
            onChange={(e) => setNumber(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            placeholder="01-26-01-0001"
          />
        </label>
        <label>
          {t('statusLookup.iin4')}
          <input
            value={iin4}
            onChange={(e) => setIin4(e.target.value)}
            inputMode="numeric"
            maxLength={4}
            autoComplete="off"
          />
        </label>
        {problem && (
          <p role="alert" className="error">
            {t(`statusLookup.${problem}`)}
          </p>
        )}
        <button type="submit">{t('statusLookup.check')}</button>
      </form>
      {asked && answer.status === 'ready' && (
        <section aria-label={t('statusLookup.answer')}>
          <p className="hint">{t('statusLookup.asOf', { number: asked.number })}</p>
          {answer.data ? (
            <dl className="status-answer">
              {answerLines(answer.data, lang).map((line) => (
                <Fragment key={line.label}>
                  <dt>{line.label}</dt>
                  <dd>{line.value}</dd>
                </Fragment>
              ))}
            </dl>
          ) : (
            <p role="status">{STATUS_LABELS[lang].notFound}</p>
          )}
        </section>
      )}
    </main>
  );
}
