// The top of the UI: asks for the reviewer's name if unknown, then shows the workspace list or
// goes straight to one document's review screen. Ctrl-C quits from anywhere (the note being
// typed is saved first); the command that rendered this cleans up.
import { Box, Text, useInput, useStdin } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { createInputDecoder, type InputEvent } from './input-decoder.js';
import { keySlot } from './key-slot.js';
import { shutdownSlot, type ShutdownSlot } from './shutdown-slot.js';
import { sanitizeLine } from '../core/sanitize.js';
import { ErrorBoundary } from './error-boundary.js';
import { ReviewScreen } from './review-screen.js';
import { ReviewerPrompt } from './reviewer-prompt.js';
import type { Status } from './status-bar.js';
import { makeTheme, ThemeContext } from './theme.js';
import type { OpenedReview, ReviewHost } from './types.js';
import { useRefState } from './use-ref-state.js';
import { useTerminalSize, type Size } from './use-terminal-size.js';
import { WorkspaceScreen } from './workspace-screen.js';

export type AppStart = { kind: 'workspace' } | { kind: 'document'; path: string; review?: OpenedReview };

export interface AppProps {
  host: ReviewHost;
  start: AppStart;
  color?: boolean;
  /** Fixed size for tests; otherwise the terminal's, following resizes. */
  size?: Size;
  /**
   * The app is done: 0 quit, 130 Ctrl-C, 1 with a message on failure or when changes could not
   * be saved (the message names the score file).
   */
  onExit: (code: number, message?: string) => void;
  /** Filled with the open review's last steps, for exits that do not come through the app (SIGTERM). */
  shutdown?: ShutdownSlot;
  onReady?: () => void;
  /** Every keypress, before it is handled (key timing traces). */
  onKey?: (input: string) => void;
}

export const MIN_COLUMNS = 60;
export const MIN_ROWS = 16;

type Screen = { kind: 'prompt' } | { kind: 'workspace'; selected?: string } | { kind: 'opening'; path: string } | { kind: 'review'; review: OpenedReview };

function errorMessage(error: unknown): string {
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
  const [screen, setScreen, screenRef] = useRefState<Screen>(firstScreen);
  const shutdown = useMemo(() => props.shutdown ?? shutdownSlot(), [props.shutdown]);
  // Lines naming changes that could not be saved in reviews already closed (workspace mode).
  const unsaved = useRef<string[]>([]);
  const exiting = useRef(false);

  /** End the app once the open review has saved what it can; unsaved changes make it non-zero. */
  const exit = (code: number, message?: string) => {
    if (exiting.current) return;
    exiting.current = true;
    const finish = shutdown.current;
    shutdown.current = null;
    const last = finish ? finish().catch((error: unknown) => `NOT SAVED: ${errorMessage(error)}`) : Promise.resolve(null);
    void last.then((line) => {
      const lost = line ? [...unsaved.current, line] : unsaved.current;
      if (lost.length === 0) return props.onExit(code, message);
      props.onExit(code === 0 ? 1 : code, [message, ...lost].filter(Boolean).join('; '));
    });
  };

  const keys = useMemo(keySlot, []);
  // Keys that come while a document opens or closes wait here and go to the screen that follows
  // once it has rendered, so "Enter 2 q" typed fast scores the opened document.
  const queued = useRef<InputEvent[]>([]);
  const open = (path: string) => {
    setScreen({ kind: 'opening', path });
    host.openReview(path).then(
      (review) => setScreen({ kind: 'review', review }),
      (error: unknown) => {
        // Keys typed for the document that did not open must not act on the list.
        queued.current = [];
        if (start.kind === 'document') return exit(1, errorMessage(error));
        setWorkspaceStatus({ text: errorMessage(error), tone: 'bad' });
        setScreen({ kind: 'workspace', selected: path });
      },
    );
  };

  const switching = useRef(false);
  const tooSmall = useRef(false);
  tooSmall.current = size.columns < MIN_COLUMNS || size.rows < MIN_ROWS;
  const route = (event: InputEvent) => {
    const [input, key] = event;
    if (key.ctrl && input === 'c') return exit(130);
    if (switching.current || screenRef.current.kind === 'opening') {
      queued.current.push(event);
      return;
    }
    // Nothing to act on while the terminal is too small.
    if (!tooSmall.current) keys.current?.(input, key);
  };
  useEffect(() => {
    if (switching.current || screen.kind === 'opening' || queued.current.length === 0) return;
    const events = queued.current;
    queued.current = [];
    for (const event of events) route(event);
  });

  // The raw sequence of each input, seen just before useInput's handler gets the parsed key
  // (this listener is added first and stays; useInput re-adds its own after it): the decoder
  // needs it to tell a paste marker or "Esc, then ?" from typed text.
  const { internal_eventEmitter: inputEmitter } = useStdin();
  const raw = useRef<string | null>(null);
  useEffect(() => {
    const onRaw = (data: string) => {
      raw.current = data;
    };
    inputEmitter?.on('input', onRaw);
    return () => {
      inputEmitter?.off('input', onRaw);
    };
  }, [inputEmitter]);
  const decoder = useMemo(createInputDecoder, []);
  useInput((input, key) => {
    const sequence = raw.current;
    raw.current = null;
    props.onKey?.(input);
    // Ctrl-C quits even in the middle of a paste whose end never came.
    if (key.ctrl && input === 'c') return exit(130);
    for (const event of decoder.decode(input, key, sequence !== null && sequence.endsWith(input) ? sequence : null)) route(event);
  });

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
        onQuit={() => exit(0)}
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
          onQuit={() => exit(0)}
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
        since={host.since ? () => host.since!(review) : undefined}
        onReady={props.onReady}
        shutdown={shutdown}
        onLeaving={() => {
          switching.current = true;
        }}
        onBack={(lost) => {
          if (lost) unsaved.current.push(lost);
          void Promise.resolve(review.session.close()).finally(() => {
            if (start.kind === 'document') return exit(0);
            switching.current = false;
            setWorkspaceStatus(lost ? { text: lost, tone: 'bad' } : { text: `closed ${sanitizeLine(review.displayPath)}`, tone: 'info' });
            setScreen({ kind: 'workspace', selected: review.sourcePath });
          });
        }}
      />
    );
  }
  return (
    <ThemeContext.Provider value={makeTheme(props.color ?? true)}>
      <ErrorBoundary onCrash={(error) => exit(1, `internal error: ${errorMessage(error)}`)}>{body}</ErrorBoundary>
    </ThemeContext.Provider>
  );
}
