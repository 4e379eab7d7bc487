// The review screen: criteria list beside the evidence pane, with the notes editor, whole
// document viewer, summary and help in its place when open. What a key means is decided by pure
// tables (state/review-keys.ts), what follows by pure reducers (state/review-view.ts,
// state/review-screen.ts) and score-file updaters; saving and the evidence layout are hooks in
// review/. This file wires them together and carries out the commands.
import { Box, Text, type Key } from 'ink';
import { useEffect, useRef, useState } from 'react';
import { setSelectedItem, type ScoreFile } from '../core/scores/score-file.js';
import { helpScrollMax } from './help-overlay.js';
import type { KeySlot } from './key-slot.js';
import type { InputKey } from './input-decoder.js';
import { keyHints, scaleKeys } from './keys.js';
import { ReviewOverlay, type DocumentTarget } from './review/review-overlay.js';
import { ReviewPanes } from './review/review-panes.js';
import { bannerLines, headerLine, initialStatus } from './review/status-text.js';
import { runReviewCommand } from './review/review-commands.js';
import { runSummaryCommand } from './review/summary-commands.js';
import { useEvidenceLayout, useMarkdownRenderer } from './review/use-evidence-layout.js';
import { textSaves } from './review/text-saves.js';
import { useReviewSaving } from './review/use-saving.js';
import { useScreenModes } from './review/use-screen-modes.js';
import { useSince } from './review/use-since.js';
import { isGroupedSet, visibleItems } from './state/criteria-rows.js';
import { helpKeyCommand, reviewKeyCommand, summaryKeyCommand } from './state/review-keys.js';
import { helpView as helpViewOf, hintView } from './state/review-screen.js';
import { activePassage, initialReviewView, reviewViewReducer, type ReviewViewAction } from './state/review-view.js';
import { StatusBar, type Status } from './status-bar.js';
import { useTheme } from './theme.js';
import type { OpenedReview, SinceResult } from './types.js';
import type { ShutdownSlot } from './shutdown-slot.js';
import type { Size } from './use-terminal-size.js';
import { useRefState } from './use-ref-state.js';

export interface ReviewScreenProps {
  review: OpenedReview;
  size: Size;
  keys: KeySlot;
  exportSummary?: (file: ScoreFile) => Promise<string>;
  /**
   * q/Esc from the review, after saves are flushed: the parent closes the session. `unsaved` is
   * one line naming what could not be saved, or null.
   */
  onBack: (unsaved: string | null) => void;
  /** q/Esc was pressed: keys from now on belong to whatever comes next. */
  onLeaving?: () => void;
  /** Filled with this screen's last steps before the app ends (save the draft, flush saves). */
  shutdown?: ShutdownSlot;
  /** Called once, after the first frame with the evidence fully rendered. */
  onReady?: () => void;
  /** What changed since the predecessor (d), asked once; absent: no comparison. */
  since?: () => Promise<SinceResult>;
}

export function ReviewScreen(props: ReviewScreenProps) {
  const theme = useTheme();
  const { review } = props;
  const { criteria, session } = review;
  const items = criteria.items;
  const [status, setStatus] = useState<Status | null>(() => initialStatus(review));
  const saving = useReviewSaving(session, setStatus);
  const { file, fileRef } = saving;
  const [view, setView, viewRef] = useRefState(() => {
    const index = items.findIndex((item) => item.id === session.file.ui.selected);
    return initialReviewView(index < 0 ? 0 : index);
  });
  const routeKeyRef = useRef<(ch: string, key: InputKey) => void>(() => undefined);
  const { screen, screenRef, screenDo, setMode, setHelp, childKeys, draft, toChild } = useScreenModes(routeKeyRef);
  const [docTarget, setDocTarget] = useState<DocumentTarget>({ line: 1, highlight: null, search: false });
  const renderer = useMarkdownRenderer(theme.color, setStatus);

  // Layout. One row fewer than the terminal: a full-height frame makes Ink clear the screen each time.
  const { columns, rows } = props.size;
  const { mode, help } = screen;
  const banners = bannerLines(review, columns);
  const helpView = helpViewOf(screen);
  const scaleHint = scaleKeys(criteria.scale.map((s) => s.value));
  const hints = keyHints(hintView(screen), columns, { scaleHint, readOnly: session.readOnly, evidenceFocus: view.focus === 'evidence', grouped: isGroupedSet(criteria) });
  const bodyHeight = Math.max(6, rows - 1 - 1 - banners.length - 1 - hints.length);
  const bodyHeightRef = useRef(bodyHeight);
  bodyHeightRef.current = bodyHeight;
  const listWidth = Math.max(22, Math.min(40, Math.floor(columns * 0.3)));
  const paneWidth = Math.max(20, columns - listWidth);
  const evidenceHeight = Math.max(1, bodyHeight - 3);

  const item = items[view.selected]!;
  const scoreItem = file.items.find((i) => i.id === item.id);
  const { layout, cited } = useEvidenceLayout({ review, item, scoreItem, renderer, width: Math.max(10, paneWidth - 4) });
  // While "since" is on (d), its rows stand in for the evidence: scrolling and keys see them.
  const since = useSince(props.since, item, Math.max(10, paneWidth - 4), setStatus);
  const shown = since.shown ?? layout;
  const layoutRef = useRef(shown);
  layoutRef.current = shown;
  const passageIndex = activePassage(view, shown.passageStarts, evidenceHeight);

  // First complete frame: evidence rendered as markdown (or nothing to render).
  const readySent = useRef(false);
  useEffect(() => {
    if (readySent.current) return;
    if (renderer || layout.passages.length === 0) {
      readySent.current = true;
      props.onReady?.();
    }
  });

  // Keep the scroll inside the content after a resize or a layout change.
  useEffect(() => {
    const max = Math.max(0, shown.rows.length - evidenceHeight);
    if (view.scroll > max) setView((v) => ({ ...v, scroll: max }));
  }, [shown.rows.length, evidenceHeight, view.scroll, setView]);

  const dispatch = (action: ReviewViewAction) => {
    const before = viewRef.current.selected;
    const next = setView((v) => reviewViewReducer(v, action));
    if (next.selected !== before) {
      // The last message was about the criterion left behind.
      setStatus(null);
      saving.select(setSelectedItem(fileRef.current, items[next.selected]!.id));
    }
  };
  const { change } = saving;
  const currentItem = () => items[viewRef.current.selected]!;

  const saves = textSaves({ file: () => fileRef.current, item: currentItem, change, setStatus });

  /** The last steps before this review goes away: keep the note being typed, then settle the saves. */
  const finish = async (): Promise<string | null> => {
    const text = draft.current?.();
    if (text !== undefined) saves.forMode(screenRef.current.mode)?.(text);
    return saving.settle();
  };
  const leaving = useRef(false);
  if (props.shutdown && !leaving.current) props.shutdown.current = finish;

  const passageOnScreen = () => {
    const l = layoutRef.current;
    const index = activePassage(viewRef.current, l.passageStarts, evidenceHeight);
    return index === null ? null : l.passages[index]!;
  };

  const openDocument = (search: boolean) => {
    // At the passage being read, else the criterion's first passage, else the top.
    const passage = passageOnScreen() ?? layoutRef.current.passages[0] ?? null;
    setDocTarget({ line: passage?.startLine ?? 1, highlight: passage ? { startLine: passage.startLine, endLine: passage.endLine } : null, search });
    screenDo({ type: 'searching', on: search });
    setMode('document');
  };

  const back = () => {
    if (leaving.current) return;
    leaving.current = true;
    if (props.shutdown) props.shutdown.current = null;
    props.onLeaving?.();
    void finish().then((unsaved) => props.onBack(unsaved));
  };

  const handleReviewKey = (ch: string, key: Key) => {
    const l = layoutRef.current;
    const filtered = screenRef.current.requiredOnly ? { visible: visibleItems(criteria, true), selected: viewRef.current.selected } : {};
    const ctx = { focus: viewRef.current.focus, itemCount: items.length, totalRows: l.rows.length, evidenceHeight, passageStarts: l.passageStarts, scale: criteria.scale.map((s) => s.value), ...filtered };
    runReviewCommand(reviewKeyCommand(ch, key, ctx), {
      criteria,
      extract: review.extract,
      lines: review.lines,
      readOnly: session.readOnly,
      file: () => fileRef.current,
      item: currentItem,
      selected: () => viewRef.current.selected,
      change,
      setStatus,
      dispatch,
      screenDo,
      setMode,
      setHelp,
      back,
      openDocument,
      passageOnScreen,
      requiredOnly: () => screenRef.current.requiredOnly,
      toggleSince: since.toggle,
    });
  };

  const handleSummaryKey = (ch: string, key: Key) =>
    runSummaryCommand(summaryKeyCommand(ch, key), {
      file: () => fileRef.current,
      change,
      setStatus,
      readOnly: session.readOnly,
      itemCount: items.length,
      summarySelected: () => screenRef.current.summarySelected,
      screenDo,
      setMode,
      setHelp,
      goTo: (index) => dispatch({ type: 'select', index, count: items.length }),
      exportSummary: props.exportSummary,
      flush: saving.flush,
    });

  // One key to whatever is on top when it comes (a key can open the editor the next ones go to).
  const routeKey = (ch: string, key: InputKey) => {
    const { mode: m, help: inHelp } = screenRef.current;
    // Pasted text goes into an editor, and is never run as keys anywhere else.
    if (key.paste && (inHelp || m === 'review' || m === 'summary')) {
      setStatus({ text: session.readOnly ? 'pasted text ignored (read-only)' : `pasted text ignored: ${m === 'summary' ? 'e' : 'n'} opens a note to paste into`, tone: 'warn' });
      return;
    }
    if (inHelp) {
      const command = helpKeyCommand(ch, key);
      if (command === 'close') return setHelp(false);
      const max = helpScrollMax(helpViewOf(screenRef.current), columns, bodyHeightRef.current, { scaleHint, readOnly: session.readOnly });
      if (command) screenDo({ type: 'helpScroll', delta: command, max });
      return;
    }
    if (m === 'review') handleReviewKey(ch, key);
    else if (m === 'summary') handleSummaryKey(ch, key);
    else toChild(ch, key);
  };
  routeKeyRef.current = routeKey;
  // The app hands over one key (or one paste) at a time, typed-ahead chunks already split.
  props.keys.current = routeKey;

  let body;
  if (help || (mode !== 'review' && mode !== 'notes' && mode !== 'nareason')) {
    body = (
      <ReviewOverlay
        review={review}
        file={file}
        screen={screen}
        helpView={helpView}
        docTarget={docTarget}
        width={columns}
        height={bodyHeight}
        scaleHint={scaleHint}
        keys={childKeys}
        draft={draft}
        onDocumentBack={() => {
          screenDo({ type: 'searching', on: false });
          setMode('review');
        }}
        onHelp={() => setHelp(true)}
        onStatus={setStatus}
        onSearching={(on) => screenDo({ type: 'searching', on })}
        onSaveRecommendationNotes={(text) => {
          saves.recommendationNotes(text);
          setMode('summary');
        }}
        onCancelRecommendationNotes={() => setMode('summary')}
      />
    );
  } else {
    body = (
      <ReviewPanes
        criteria={criteria}
        file={file}
        item={item}
        view={view}
        cited={cited}
        layout={layout}
        since={since.shown}
        passageIndex={passageIndex}
        editing={mode === 'notes' ? 'note' : mode === 'nareason' ? 'na' : null}
        requiredOnly={screen.requiredOnly}
        listWidth={listWidth}
        paneWidth={paneWidth}
        height={bodyHeight}
        keys={childKeys}
        draft={draft}
        onSaveNote={(text) => {
          saves.forMode(screenRef.current.mode)?.(text);
          setMode('review');
        }}
        onCancelNote={() => {
          setStatus({ text: 'note not changed', tone: 'info' });
          setMode('review');
        }}
      />
    );
  }

  return (
    <Box flexDirection="column" width={columns}>
      <Text bold wrap="truncate-end">
        {headerLine(review, file, columns)}
      </Text>
      {banners.map((line, index) => (
        <Text key={index} color={theme.warn} bold wrap="truncate-end">
          {line}
        </Text>
      ))}
      {body}
      <StatusBar width={columns} status={status} hints={hints} save={saving.saveState} />
    </Box>
  );
}
