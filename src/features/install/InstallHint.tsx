/**
 * Why and how to install the app, for a device where it runs in a browser tab: an installed app
 * keeps its storage longer (Safari does not wipe a home-screen app's data after seven days
 * unused; Chromium keeps an installed app's storage under pressure), and unsent work lives in
 * that storage. The browser's own install dialog where it offers one, otherwise the words for its
 * menu. On the home screen the person may hide it for good; the Sync screen always has it.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useInstallHint } from '../../state/installHint';
import { acceptInstallOffer, useInstallOffer } from './installOffer';
import './install.css';

export function InstallHint({ isDismissible }: { isDismissible: boolean }) {
  const { t } = useTranslation();
  const titleId = useId();
  const offer = useInstallOffer((s) => s.offer);
  const isInstalled = useInstallOffer((s) => s.isInstalled);
  const isDismissed = useInstallHint((s) => s.isDismissed);
  const dismiss = useInstallHint((s) => s.dismiss);
  if (isInstalled || (isDismissible && isDismissed)) return null;

  return (
    <section className="install-hint no-print" aria-labelledby={titleId} data-testid="install-hint">
      <h2 id={titleId}>{t('install.title')}</h2>
      <p>{t('install.why')}</p>
      {!offer && (
        <p>
          {t('install.how')} {t('install.already')}
        </p>
      )}
      {(offer || isDismissible) && (
        <p>
          {offer && (
            <button type="button" onClick={() => void acceptInstallOffer()}>
              {t('install.install')}
            </button>
          )}
          {isDismissible && (
            <>
              <button type="button" className="secondary" onClick={dismiss}>
                {t('install.dismiss')}
              </button>{' '}
              <span className="hint">{t('install.stays')}</span>
            </>
          )}
        </p>
      )}
    </section>
  );
}
