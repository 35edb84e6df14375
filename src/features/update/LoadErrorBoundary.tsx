/**
 * A screen that failed to load or draw shows what happened and a reload button, instead of an
 * empty page: most often its code is gone because a newer version replaced it (see
 * `vite:preloadError` in start.ts, which reloads by itself when nothing would be lost). The next
 * screen the person opens is tried afresh.
 */
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdate } from './updateState';

interface State {
  hasFailed: boolean;
}

export class LoadErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { hasFailed: false };

  static getDerivedStateFromError(): State {
    return { hasFailed: true };
  }

  override componentDidMount() {
    window.addEventListener('hashchange', this.retry);
  }

  override componentWillUnmount() {
    window.removeEventListener('hashchange', this.retry);
  }

  private retry = () => {
    if (this.state.hasFailed) this.setState({ hasFailed: false });
  };

  override render() {
    return this.state.hasFailed ? <LoadFailed /> : this.props.children;
  }
}

function LoadFailed() {
  const { t } = useTranslation();
  // Code gone after an update: why, and the reload, stand once, above (UpdateOffer).
  const isExplained = useUpdate((s) => s.reloadReason !== null);
  return (
    <main>
      <p role="alert" className="error">
        {t('update.screenFailed')}
      </p>
      {!isExplained && (
        <button type="button" onClick={() => window.location.reload()}>
          {t('update.reload')}
        </button>
      )}
    </main>
  );
}
