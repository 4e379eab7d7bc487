// The top of the UI: asks for the reviewer's name if unknown, then shows the workspace list or
// goes straight to one document's review screen. Ctrl-C quits from anywhere (everything is
// already saved); the command that rendered this cleans up.
import { Box, Text, useInput } from 'ink';
import { useMemo, useRef, useState } from 'react';
import { keySlot } from './key-slot.js';
import { sanitizeLine } from '../core/sanitize.js';
import { ErrorBoundary } from './error-boundary.js';
import { ReviewScreen } from './review-screen.js';
import { ReviewerPrompt } from './reviewer-prompt.js';
import type { Status } from './status-bar.js';
import { makeTheme, ThemeContext } from './theme.js';
import type { OpenedReview, ReviewHost } from './types.js';
import { useTerminalSize, type Size } from './use-terminal-size.js';
import { WorkspaceScreen } from './workspace-screen.js';

export type AppStart = { kind: 'workspace' } | { kind: 'document'; path: string; review?: OpenedReview };

export interface AppProps {
  host: ReviewHost;
  start: AppStart;
  color?: boolean;
  /** Fixed size for tests; otherwise the terminal's, following resizes. */
  size?: Size;
  /** The app is done: 0 quit, 130 Ctrl-C, 1 with a message on failure. */
  onExit: (code: number, message?: string) => void;
  onReady?: () => void;
  /** Every keypress, before it is handled (key timing traces). */
  onKey?: (input: string) => void;
}

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

type Screen = { kind: 'prompt' } | { kind: 'workspace'; selected?: string } | { kind: 'opening'; path: string } | { kind: 'review'; review: OpenedReview };

function message(error: unknown): string {
  return sanitizeLine(error instanceof Error ? error.message : String(error));
}

export function App(props: AppProps) {
  const size = useTerminalSize(props.size);
  const { host, start } = props;
  const [workspaceStatus, setWorkspaceStatus] = useState<Status | null>(null);
  const firstScreen = (): Screen => {
    if (!host.reviewer) return { kind: 'prompt' };
    if (start.kind === 'document') return start.review ? { kind: 'review', review: start.review } : { kind: 'opening', path: start.path };
    return { kind: 'workspace' };
  };
  const [screen, setScreen] = useState<Screen>(firstScreen);

  const open = (path: string) => {
    setScreen({ kind: 'opening', path });
    host.openReview(path).then(
      (review) => setScreen({ kind: 'review', review }),
      (error: unknown) => {
        if (start.kind === 'document') return props.onExit(1, message(error));
        setWorkspaceStatus({ text: message(error), tone: 'bad' });
        setScreen({ kind: 'workspace', selected: path });
      },
    );
  };

  const keys = useMemo(keySlot, []);
  useInput((input, key) => {
    props.onKey?.(input);
    if (key.ctrl && input === 'c') return props.onExit(130);
    // Nothing to act on while a document opens or while the terminal is too small.
    if (routeKeys.current) keys.current?.(input, key);
  });

  const routeKeys = useRef(true);
  routeKeys.current = screen.kind !== 'opening' && size.columns >= MIN_COLUMNS && size.rows >= MIN_ROWS;

  let body;
  if (size.columns < MIN_COLUMNS || size.rows < MIN_ROWS) {
    // Below this the panes cannot hold a criterion and its evidence; say so instead of garbling.
    body = (
      <Box width={Math.max(1, size.columns - 1)}>
        <Text>{`toc-review needs at least ${MIN_COLUMNS}x${MIN_ROWS} (now ${size.columns}x${size.rows}); enlarge the terminal, or Ctrl-C to quit`}</Text>
      </Box>
    );
  } else if (screen.kind === 'prompt') {
    body = (
      <ReviewerPrompt
        size={size}
        keys={keys}
        save={(name) => host.setReviewer(name)}
        onQuit={() => props.onExit(0)}
        onDone={() => {
          if (start.kind === 'document') open(start.path);
          else setScreen({ kind: 'workspace' });
        }}
      />
    );
  } else if (screen.kind === 'workspace' || screen.kind === 'opening') {
    body =
      screen.kind === 'opening' && start.kind === 'document' ? null : (
        <WorkspaceScreen
          host={host}
          size={size}
          keys={keys}
          status={screen.kind === 'opening' ? { text: `opening ${sanitizeLine(screen.path)}…`, tone: 'info' } : workspaceStatus}
          initialSelected={screen.kind === 'workspace' ? screen.selected : screen.path}
          onOpen={(entry) => open(entry.path)}
          onQuit={() => props.onExit(0)}
        />
      );
  } else {
    const review = screen.review;
    body = (
      <ReviewScreen
        key={review.session.path}
        review={review}
        size={size}
        keys={keys}
        exportSummary={host.exportSummary ? (file) => host.exportSummary!(review, file) : undefined}
        onReady={props.onReady}
        onBack={() => {
          void Promise.resolve(review.session.close()).finally(() => {
            if (start.kind === 'document') props.onExit(0);
            else {
              setWorkspaceStatus({ text: `closed ${sanitizeLine(review.displayPath)}`, tone: 'info' });
              setScreen({ kind: 'workspace', selected: review.sourcePath });
            }
          });
        }}
      />
    );
  }
  return (
    <ThemeContext.Provider value={makeTheme(props.color ?? true)}>
      <ErrorBoundary onCrash={(error) => props.onExit(1, `internal error: ${message(error)}`)}>{body}</ErrorBoundary>
    </ThemeContext.Provider>
  );
}
