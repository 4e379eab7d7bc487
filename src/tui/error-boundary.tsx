// A render error must not leave a half-drawn screen: hand it to the command, which unmounts,
// releases the score-file lock and prints one readable line.
import { Component, type ReactNode } from 'react';

export class ErrorBoundary extends Component<{ onCrash: (error: unknown) => void; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onCrash(error);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
