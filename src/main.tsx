/**
 * Start-up: language, the device's single runtime (database, commands, sync), the service
 * worker that lets the app start with no connection, and the React tree.
 */

import { registerSW } from 'virtual:pwa-register';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './features/app/App';
import { createRuntime, RuntimeContext } from './features/app/runtime';
import { initI18n } from './i18n';
import { usePrefs } from './state/session';
import './features/app/app.css';

const i18n = initI18n(usePrefs.getState().lang);
const runtime = createRuntime();
// Ask the browser to keep IndexedDB even under storage pressure: it holds unsent work.
void navigator.storage?.persist?.();
registerSW({ immediate: true });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <RuntimeContext.Provider value={runtime}>
          <App />
        </RuntimeContext.Provider>
      </I18nextProvider>
    </StrictMode>,
  );
}
