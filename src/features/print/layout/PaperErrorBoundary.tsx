/**
 * A paper that fails while it is drawn (a record of a shape it does not expect, a chunk missing
 * after an update) says so in the interface's language instead of leaving a blank screen.
 */
import { Component, type ReactNode } from 'react';
import { PaperProblemView } from './PaperProblemView';

interface State {
  hasFailed: boolean;
}

export class PaperErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { hasFailed: false };

  static getDerivedStateFromError(): State {
    return { hasFailed: true };
  }

  override componentDidCatch(error: unknown): void {
    // Kept in the console for whoever opens it; the person sees the sentence below.
    console.error(error);
  }

  override render() {
    return this.state.hasFailed ? (
      <PaperProblemView problem={{ code: 'paper-failed' }} />
    ) : (
      this.props.children
    );
  }
}
