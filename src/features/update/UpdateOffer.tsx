/**
 * The offer of a new version, in the header: what it changes and "update now" / "later" — or,
 * while work would be caught by it, why it waits (events not yet sent, a form still open). And
 * when this page's code is already older than the device's (another tab updated, a screen's code
 * is gone), that the page must be loaded again, with the button to do it.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncStatus } from '../app/syncStatus';
import { useOpenForms } from './openForms';
import { useUpdate } from './updateState';
import { applyUpdate } from './worker';
import './update.css';

export function UpdateOffer() {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const state = useUpdate();
  const hasOpenForm = useOpenForms((s) => s.ids.length > 0);
  // A server that no longer speaks this version's protocol takes none of its events: waiting
  // for them to be sent would wait for ever, and the new version is what sends them.
  const isOutdated = useSyncStatus((s) => s.status.lastError === 'protocol-unsupported');

  if (state.reloadReason) {
    return (
      <section className="update-offer" role="alert" aria-labelledby={titleId}>
        <p id={titleId}>
          <strong>
            {t(state.reloadReason === 'elsewhere' ? 'update.elsewhere' : 'update.missingCode')}
          </strong>
        </p>
        {hasOpenForm && <p>{t('update.formFirst')}</p>}
        {(state.unsent ?? 0) > 0 && <p>{t('update.unsentKept')}</p>}
        <button type="button" onClick={() => window.location.reload()}>
          {t('update.reload')}
        </button>
      </section>
    );
  }
  if (!state.isWaiting || state.isDismissed || state.unsent === null) return null;

  const unsent = isOutdated ? 0 : state.unsent;
  const isDeferred = unsent > 0 || hasOpenForm;
  const lang = i18n.language === 'ru' ? 'ru' : 'kk';
  const notes = state.release?.notes?.[lang];
  const later = (
    <button type="button" className="secondary" onClick={() => state.set({ isDismissed: true })}>
      {t('update.later')}
    </button>
  );

  return (
    <section className="update-offer" aria-labelledby={titleId} aria-live="polite">
      <h2 id={titleId}>
        {t('update.title')}
        {state.release && (
          <span className="update-version">
            {' '}
            · {t('update.version', { version: state.release.version })}
          </span>
        )}
      </h2>
      {isDeferred ? (
        <>
          <p data-testid="update-deferred">
            {unsent > 0 ? t('update.deferredUnsent', { count: unsent }) : t('update.deferredForm')}
          </p>
          <div className="update-buttons">{later}</div>
        </>
      ) : (
        <>
          <p>{t('update.whatsNew')}</p>
          {notes && notes.length > 0 ? (
            <ul>
              {notes.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : (
            <p>{t('update.noNotes')}</p>
          )}
          <div className="update-buttons">
            <button type="button" disabled={state.isApplying} onClick={() => void applyUpdate()}>
              {state.isApplying ? t('update.applying') : t('update.apply')}
            </button>
            {later}
          </div>
        </>
      )}
    </section>
  );
}
