/**
 * Start-up: language, the device's single runtime (database, commands, sync), the service
 * worker that lets the app start with no connection and offers new versions, and the React tree.
 */

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App, preloadJournal } from './features/app/App';
import { parseRoute } from './features/app/router';
import { createRuntime, RuntimeContext } from './features/app/runtime';
import { SkipLink } from './features/app/SkipLink';
import { watchInstallation } from './features/install/installOffer';
import { startUpdates } from './features/update/start';
import { initI18n, switchLanguage } from './i18n';
import { usePrefs } from './state/session';
import './features/app/app.css';

const i18n = initI18n();
// The browser offers installation once, early: kept for the install hint.
watchInstallation();
const { lang } = usePrefs.getState();
// The journal's first page is read at once when the app opens on it; an empty address opens the
// office's home screen (Today in a village, the incoming files at the district), which reads the
// catalog instead.
const route = parseRoute(window.location.hash);
const opensOnJournal = route?.name === 'journal';
const runtime = createRuntime(opensOnJournal);
// The journal's code loads while the database opens, not after the first render asks for it.
if (opensOnJournal) void preloadJournal().catch(() => {});
// The service worker (a new version waits for the person), the database connection, and code
// gone missing after a deploy.
startUpdates(runtime.db);

function render() {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <RuntimeContext.Provider value={runtime}>
          <SkipLink />
          <App />
        </RuntimeContext.Provider>
      </I18nextProvider>
    </StrictMode>,
  );
}

// Kazakh is built in; a device set to Russian shows its first screen in Russian, not Kazakh
// for a moment (a dictionary that cannot load leaves it in Kazakh).
if (lang === 'kk') render();
else switchLanguage(lang).then(render, render);
