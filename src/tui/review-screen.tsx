// The review screen: criteria list beside the evidence pane, with the notes editor, whole
// document viewer, summary and help in its place when open. State changes go through pure
// reducers (state/review-view.ts) and pure score-file updaters; every change is saved at once.
import { Box, Text, type Key } from 'ink';
import { useEffect, useMemo, useRef, useState } from 'react';
import { scaleLabel } from '../core/criteria/criteria-scale.js';
import { sanitizeLine } from '../core/sanitize.js';
import {
  setItemNotes,
  setItemScore,
  setRecommendation,
  setSelectedItem,
  toggleCitation,
  type ScoreFile,
  type Verdict,
} from '../core/scores/score-file.js';
import { CriteriaList, scoredCount } from './criteria-list.js';
import { DocumentViewer } from './document-viewer.js';
import { buildEvidenceBody, buildEvidenceHead, citationQuote, isCited, joinLayout, type EvidenceLayout, type OtherScore } from './evidence-lines.js';
import { EvidencePane } from './evidence-pane.js';
import { HelpOverlay, helpScrollMax } from './help-overlay.js';
import { keySlot, type KeySlot } from './key-slot.js';
import type { InputKey } from './input-decoder.js';
import { keyHints, scaleKeys, type View } from './keys.js';
import { loadedMarkdownRenderer, loadMarkdownRenderer, type MarkdownRenderer } from './markdown.js';
import { NotesEditor, type DraftSlot } from './notes-editor.js';
import { createSaver } from './saver.js';
import { activePassage, initialReviewView, reviewViewReducer, type ReviewViewAction } from './state/review-view.js';
import { StatusBar, type SaveState, type Status } from './status-bar.js';
import { SummaryScreen, VERDICT_TEXT } from './summary-screen.js';
import { displayWidth, fit, truncate } from './text.js';
import { useTheme } from './theme.js';
import type { OpenedReview } from './types.js';
import type { ShutdownSlot } from './shutdown-slot.js';
import type { Size } from './use-terminal-size.js';
import { useRefState } from './use-ref-state.js';

type Mode = 'review' | 'notes' | 'document' | 'summary' | 'recnotes';

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
}

/** Quiet time after the last move between criteria before the selection is written. */
const SELECTION_SAVE_DELAY_MS = 400;

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

function errorText(error: unknown, file?: string): string {
  // A file system error quotes the temp file's whole path; the status line has room for what
  // went wrong and which score file.
  const e = error as NodeJS.ErrnoException | null;
  if (e && typeof e.code === 'string' && typeof e.path === 'string' && typeof e.message === 'string') {
    const description = /^[A-Z]+: ([^,]+)/.exec(e.message)?.[1] ?? e.message;
    return sanitizeLine(`${description} (${e.code})${file ? ` writing ${file.replace(/^.*[\\/]/, '')}` : ''}`);
  }
  return sanitizeLine(error instanceof Error ? error.message : String(error));
}

export function ReviewScreen(props: ReviewScreenProps) {
  const theme = useTheme();
  const { review } = props;
  const { criteria, session } = review;
  const items = criteria.items;
  const [file, setFile, fileRef] = useRefState<ScoreFile>(session.file);
  const [view, setView, viewRef] = useRefState(() => {
    const index = items.findIndex((item) => item.id === session.file.ui.selected);
    return initialReviewView(index < 0 ? 0 : index);
  });
  const [mode, setModeState, modeRef] = useRefState<Mode>('review');
  const [help, setHelpState, helpRef] = useRefState(false);
  const [helpScroll, setHelpScroll, helpScrollRef] = useRefState(0);
  // Keys for the editor or viewer on top. Emptied when it changes; keys that arrive before the
  // new one has rendered wait in pendingKeys and are replayed to it after that render.
  const pendingKeys = useRef<[string, InputKey][]>([]);
  const routeKeyRef = useRef<(ch: string, key: InputKey) => void>(() => undefined);
  // The text in the open notes editor, to save it when the app is ended mid-note (Ctrl-C).
  const draft = useMemo<DraftSlot>(() => ({ current: null }), []);
  const setMode = (next: Mode) => {
    childKeys.current = null;
    draft.current = null;
    if (next === 'review' || next === 'summary') pendingKeys.current = [];
    setModeState(next);
  };
  const setHelp = (next: boolean) => {
    childKeys.current = null;
    setHelpScroll(0);
    setHelpState(next);
  };
  const [searching, setSearching] = useState(false);
  const [docTarget, setDocTarget] = useState<{ line: number; highlight: { startLine: number; endLine: number } | null; search: boolean }>({
    line: 1,
    highlight: null,
    search: false,
  });
  const [summarySelected, setSummarySelected, summaryRef] = useRefState(0);
  const [status, setStatus] = useState<Status | null>(() => initialStatus(review));
  const [saveState, setSaveState] = useState<SaveState>(session.readOnly ? { kind: 'read-only' } : null);
  const [renderer, setRenderer] = useState<MarkdownRenderer | null>(loadedMarkdownRenderer);
  const childKeys = useMemo(keySlot, []);

  // What changed since the last successful save, and why the last save failed: named on quit
  // when it still cannot be written.
  const unsavedLabels = useRef<string[]>([]);
  const saveError = useRef<unknown>(null);
  const saver = useMemo(
    () =>
      createSaver<ScoreFile>(
        (next) => session.save(next),
        (_label, error) => {
          if (error) {
            saveError.current = error;
            setSaveState({ kind: 'failed' });
            setStatus({ text: `NOT SAVED: ${errorText(error, session.path)}`, tone: 'bad' });
          } else {
            saveError.current = null;
            unsavedLabels.current = [];
            setSaveState({ kind: 'saved', at: clock() });
          }
        },
      ),
    [session],
  );

  // Load the markdown renderer once; until then passages show as plain text.
  useEffect(() => {
    let live = true;
    loadMarkdownRenderer({ color: theme.color }).then(
      (r) => live && r !== renderer && setRenderer(() => r),
      () => live && setStatus({ text: 'markdown rendering unavailable: showing plain text', tone: 'warn' }),
    );
    return () => {
      live = false;
    };
  }, [theme.color]);

  // Layout.
  const { columns, rows } = props.size;
  const banners = bannerLines(review, columns);
  const viewName: View = help ? 'help' : mode === 'review' ? 'review' : mode === 'summary' ? 'summary' : mode === 'document' ? (searching ? 'search' : 'document') : 'notes';
  const helpView: View = mode === 'review' ? 'review' : mode === 'summary' ? 'summary' : mode === 'document' ? 'document' : 'notes';
  const scaleHint = scaleKeys(criteria.scale.map((s) => s.value));
  const hints = keyHints(viewName, columns, { scaleHint, readOnly: session.readOnly, evidenceFocus: view.focus === 'evidence' });
  // One row fewer than the terminal: a full-height frame makes Ink clear the screen each time.
  const bodyHeight = Math.max(6, rows - 1 - 1 - banners.length - 1 - hints.length);
  const bodyHeightRef = useRef(bodyHeight);
  bodyHeightRef.current = bodyHeight;
  const listWidth = Math.max(22, Math.min(40, Math.floor(columns * 0.3)));
  const paneWidth = Math.max(20, columns - listWidth);
  const evidenceInner = Math.max(10, paneWidth - 4);
  const evidenceHeight = Math.max(1, bodyHeight - 3);

  const item = items[view.selected]!;
  const scoreItem = file.items.find((i) => i.id === item.id);
  const evidence = review.extract?.criteria.find((c) => c.id === item.id);
  const others: OtherScore[] = useMemo(
    () =>
      review.others.map((other) => {
        const o = other.items.find((i) => i.id === item.id);
        return { reviewer: other.reviewer.name, score: o?.score ?? null, notes: o?.notes ?? '' };
      }),
    [review.others, item.id],
  );
  // The body (facts, rendered passages) is cached per criterion and width for the screen's
  // life: only the small head changes when the reviewer scores, notes or cites.
  const bodyCache = useRef(new Map<string, EvidenceLayout>());
  const bodyKey = `${item.id}|${evidenceInner}|${renderer ? 'md' : 'plain'}`;
  let evidenceBody = bodyCache.current.get(bodyKey);
  if (!evidenceBody) {
    evidenceBody = buildEvidenceBody({ criteria, item, evidence, facts: review.extract?.facts, lines: review.lines, width: evidenceInner, render: renderer });
    bodyCache.current.set(bodyKey, evidenceBody);
  }
  // Once markdown is available, lay out the other criteria's bodies in idle moments (one per
  // tick), so moving to another criterion finds its body cached instead of rendering markdown
  // between the keypress and the frame.
  useEffect(() => {
    if (!renderer) return;
    const pending = items.filter((other) => !bodyCache.current.has(`${other.id}|${evidenceInner}|md`));
    let timer: NodeJS.Timeout | undefined;
    const next = () => {
      const other = pending.shift();
      if (!other) return;
      const key = `${other.id}|${evidenceInner}|md`;
      if (!bodyCache.current.has(key)) {
        const otherEvidence = review.extract?.criteria.find((c) => c.id === other.id);
        bodyCache.current.set(key, buildEvidenceBody({ criteria, item: other, evidence: otherEvidence, facts: review.extract?.facts, lines: review.lines, width: evidenceInner, render: renderer }));
      }
      timer = setTimeout(next, 0);
    };
    timer = setTimeout(next, 50);
    return () => clearTimeout(timer);
  }, [renderer, evidenceInner]);
  const view_ = useMemo(() => ({ score: scoreItem?.score ?? null, notes: scoreItem?.notes ?? '', cited: scoreItem?.cited ?? [] }), [scoreItem]);
  const head = useMemo(() => buildEvidenceHead({ criteria, item, evidence, view: view_, others, width: evidenceInner }), [criteria, item, evidence, view_, others, evidenceInner]);
  const layout = useMemo(() => joinLayout(head, evidenceBody), [head, evidenceBody]);
  const layoutRef = useRef(layout);
  layoutRef.current = layout;
  const passageIndex = activePassage(view, layout.passageStarts, evidenceHeight);

  // First complete frame: evidence rendered as markdown (or nothing to render).
  const readySent = useRef(false);
  useEffect(() => {
    if (readySent.current) return;
    if (renderer || layout.passages.length === 0) {
      readySent.current = true;
      props.onReady?.();
    }
  });

  useEffect(() => {
    if (pendingKeys.current.length === 0 || !childKeys.current) return;
    const keys = pendingKeys.current;
    pendingKeys.current = [];
    for (const [ch, key] of keys) routeKeyRef.current(ch, key);
  });

  // Keep the scroll inside the content after a resize or a layout change.
  useEffect(() => {
    const max = Math.max(0, layout.rows.length - evidenceHeight);
    if (view.scroll > max) setView((v) => ({ ...v, scroll: max }));
  }, [layout.rows.length, evidenceHeight, view.scroll, setView]);

  const dispatch = (action: ReviewViewAction) => {
    const before = viewRef.current.selected;
    const next = setView((v) => reviewViewReducer(v, action));
    if (next.selected !== before) {
      // The last message was about the criterion left behind.
      setStatus(null);
      const id = items[next.selected]!.id;
      // Selection is UI state: saved quietly so reopening lands here, once the reviewer stops
      // moving (a write, its validation and a 'saved' frame per j/k slowed stepping through).
      const updated = setSelectedItem(fileRef.current, id);
      if (updated !== fileRef.current) {
        setFile(updated);
        if (!session.readOnly) {
          clearTimeout(selectionSave.current);
          selectionSave.current = setTimeout(saveSelection, SELECTION_SAVE_DELAY_MS);
        }
      }
    }
  };

  const selectionSave = useRef<NodeJS.Timeout | undefined>(undefined);
  const saveSelection = () => {
    if (selectionSave.current === undefined) return;
    clearTimeout(selectionSave.current);
    selectionSave.current = undefined;
    saver.save(fileRef.current, '');
  };
  useEffect(() => () => clearTimeout(selectionSave.current), []);

  const change = (next: ScoreFile, label: string) => {
    if (session.readOnly) {
      setStatus({ text: 'read-only: another session holds the lock, nothing was changed', tone: 'warn' });
      return;
    }
    if (next === fileRef.current) {
      setStatus({ text: `${label} (no change)`, tone: 'info' });
      return;
    }
    setFile(next);
    setStatus({ text: label, tone: 'info' });
    setSaveState({ kind: 'saving' });
    unsavedLabels.current.push(label);
    // The whole file goes now, the selection with it.
    clearTimeout(selectionSave.current);
    selectionSave.current = undefined;
    saver.save(next, label);
  };

  const saveNote = (text: string) => {
    const id = currentItemId();
    change(setItemNotes(fileRef.current, id, text, new Date()), `${sanitizeLine(items[viewRef.current.selected]!.title)}: note`);
  };

  const saveRecommendationNotes = (text: string) => {
    const f = fileRef.current;
    change(setRecommendation(f, f.recommendation.verdict, text, new Date()), 'recommendation notes');
  };

  /**
   * The last steps before this review goes away: keep the note being typed, wait for saves,
   * retry a failed one once (the disk may be back). Returns what could not be saved, or null.
   */
  const finish = async (): Promise<string | null> => {
    const text = draft.current?.();
    if (text !== undefined && modeRef.current === 'notes') saveNote(text);
    if (text !== undefined && modeRef.current === 'recnotes') saveRecommendationNotes(text);
    saveSelection();
    await saver.flush();
    if (saveError.current === null || session.readOnly) return null;
    try {
      await session.save(fileRef.current);
      saveError.current = null;
      unsavedLabels.current = [];
      return null;
    } catch (error) {
      saveError.current = error;
    }
    const labels = [...new Set(unsavedLabels.current.filter(Boolean))];
    const what = labels.length === 0 ? 'the selected criterion' : labels.length > 3 ? `${labels.slice(0, 3).join(', ')} and ${labels.length - 3} more` : labels.join(', ');
    return `NOT SAVED to ${sanitizeLine(session.path)}: ${what} — ${errorText(saveError.current)}`;
  };
  const leaving = useRef(false);
  if (props.shutdown && !leaving.current) props.shutdown.current = finish;

  const currentItemId = () => items[viewRef.current.selected]!.id;

  const score = (value: number | null) => {
    const id = currentItemId();
    const title = sanitizeLine(items[viewRef.current.selected]!.title);
    change(setItemScore(fileRef.current, id, value, new Date()), value === null ? `${title}: score cleared` : `${title}: ${value} ${scaleLabel(criteria, value)}`);
  };

  const passageOnScreen = () => {
    const l = layoutRef.current;
    const index = activePassage(viewRef.current, l.passageStarts, evidenceHeight);
    return index === null ? null : l.passages[index]!;
  };

  const openDocument = (search: boolean) => {
    // At the passage being read, else the criterion's first passage, else the top.
    const passage = passageOnScreen() ?? layoutRef.current.passages[0] ?? null;
    setDocTarget({ line: passage?.startLine ?? 1, highlight: passage ? { startLine: passage.startLine, endLine: passage.endLine } : null, search });
    setSearching(search);
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
    const v = viewRef.current;
    const l = layoutRef.current;
    const scrollArgs = { total: l.rows.length, height: evidenceHeight };
    const inEvidence = v.focus === 'evidence';
    if (key.escape || ch === 'q') return back();
    if (ch === '?') return setHelp(true);
    if (key.tab) return dispatch({ type: 'toggleFocus' });
    if (key.downArrow || ch === 'j') return dispatch(inEvidence ? { type: 'scroll', delta: 1, ...scrollArgs } : { type: 'move', delta: 1, count: items.length });
    if (key.upArrow || ch === 'k') return dispatch(inEvidence ? { type: 'scroll', delta: -1, ...scrollArgs } : { type: 'move', delta: -1, count: items.length });
    if (key.rightArrow) return dispatch({ type: 'focus', focus: 'evidence' });
    if (key.leftArrow) return dispatch({ type: 'focus', focus: 'criteria' });
    if (key.pageDown || ch === ' ' || (key.ctrl && ch === 'd')) return dispatch({ type: 'scroll', delta: evidenceHeight - 1, ...scrollArgs });
    if (key.pageUp || ch === 'b' || (key.ctrl && ch === 'u')) return dispatch({ type: 'scroll', delta: -(evidenceHeight - 1), ...scrollArgs });
    if (key.home || ch === 'g') return dispatch({ type: 'scrollTo', row: 0, ...scrollArgs });
    if (key.end || ch === 'G') return dispatch({ type: 'scrollTo', row: l.rows.length, ...scrollArgs });
    if (ch === ']' || ch === 'J') return dispatch({ type: 'passage', direction: 1, starts: l.passageStarts, ...scrollArgs });
    if (ch === '[' || ch === 'K') return dispatch({ type: 'passage', direction: -1, starts: l.passageStarts, ...scrollArgs });
    if (key.return) return inEvidence ? openDocument(false) : dispatch({ type: 'focus', focus: 'evidence' });
    if (key.backspace || key.delete || ch === 'x') return score(null);
    if (/^[0-9]$/.test(ch)) {
      const value = Number(ch);
      if (criteria.scale.some((s) => s.value === value)) return score(value);
      return setStatus({ text: `${value} is not on the scale (${criteria.scale.map((s) => `${s.value} ${s.label}`).join(', ')})`, tone: 'warn' });
    }
    if (ch === 'a') {
      const suggestion = review.extract?.criteria.find((c) => c.id === currentItemId())?.suggestion.score ?? null;
      if (suggestion === null) return setStatus({ text: 'no suggestion to accept for this criterion', tone: 'warn' });
      return score(suggestion);
    }
    if (ch === 'n') {
      if (session.readOnly) return setStatus({ text: 'read-only: notes cannot be edited', tone: 'warn' });
      return setMode('notes');
    }
    if (ch === 'c') {
      if (session.readOnly) return setStatus({ text: 'read-only: another session holds the lock, nothing was changed', tone: 'warn' });
      const passage = passageOnScreen();
      if (!passage) return setStatus({ text: 'no passage on screen to cite (] jumps to the next one)', tone: 'warn' });
      const id = currentItemId();
      const was = fileRef.current.items.find((i) => i.id === id)?.cited.some((c) => c.startLine === passage.startLine && c.endLine === passage.endLine);
      const next = toggleCitation(fileRef.current, id, { startLine: passage.startLine, endLine: passage.endLine, quote: citationQuote(review.lines, passage) }, new Date());
      return change(next, `${was ? 'uncited' : 'cited'} lines ${passage.startLine}-${passage.endLine}`);
    }
    if (ch === 'o') return openDocument(false);
    if (ch === '/') return openDocument(true);
    if (ch === 's') {
      setSummarySelected(viewRef.current.selected);
      return setMode('summary');
    }
  };

  const verdict = (value: Verdict | null) => {
    const f = fileRef.current;
    change(setRecommendation(f, value, f.recommendation.notes, new Date()), value ? `recommendation: ${VERDICT_TEXT[value]}` : 'recommendation cleared');
  };

  const handleSummaryKey = (ch: string, key: Key) => {
    const move = (delta: number) => setSummarySelected((s) => Math.max(0, Math.min(items.length - 1, s + delta)));
    if (key.escape || ch === 'q') return setMode('review');
    if (ch === '?') return setHelp(true);
    if (key.downArrow || ch === 'j') return move(1);
    if (key.upArrow || ch === 'k') return move(-1);
    if (key.return) {
      dispatch({ type: 'select', index: summaryRef.current, count: items.length });
      return setMode('review');
    }
    if (ch === 'r') return verdict('ready');
    if (ch === 'n') return verdict('not-ready');
    if (ch === 'i') return verdict('needs-more-info');
    if (ch === 'x') return verdict(null);
    if (ch === 'e') {
      if (session.readOnly) return setStatus({ text: 'read-only: notes cannot be edited', tone: 'warn' });
      return setMode('recnotes');
    }
    if (ch === 'w') {
      if (!props.exportSummary) return setStatus({ text: 'export is not available in this build', tone: 'warn' });
      setStatus({ text: 'exporting…', tone: 'info' });
      void saver
        .flush()
        .then(() => props.exportSummary!(fileRef.current))
        .then(
          (path) => setStatus({ text: `summary written to ${sanitizeLine(path)}`, tone: 'good' }),
          (error) => setStatus({ text: `export failed: ${errorText(error)}`, tone: 'bad' }),
        );
    }
  };

  // One key to whatever is on top when it comes (a key can open the editor the next ones go to).
  const routeKey = (ch: string, key: InputKey) => {
    const m = modeRef.current;
    // Pasted text goes into an editor, and is never run as keys anywhere else.
    if (key.paste && (helpRef.current || m === 'review' || m === 'summary')) {
      setStatus({ text: session.readOnly ? 'pasted text ignored (read-only)' : `pasted text ignored: ${m === 'summary' ? 'e' : 'n'} opens a note to paste into`, tone: 'warn' });
      return;
    }
    if (helpRef.current) {
      if (key.escape || ch === 'q' || ch === '?') return setHelp(false);
      const max = helpScrollMax(helpView, columns, bodyHeightRef.current, { scaleHint, readOnly: session.readOnly });
      const delta = key.downArrow || ch === 'j' ? 1 : key.upArrow || ch === 'k' ? -1 : key.pageDown || ch === ' ' ? 5 : key.pageUp || ch === 'b' ? -5 : 0;
      if (delta) setHelpScroll(Math.max(0, Math.min(max, helpScrollRef.current + delta)));
      return;
    }
    if (m === 'review') handleReviewKey(ch, key);
    else if (m === 'summary') handleSummaryKey(ch, key);
    else if (childKeys.current) childKeys.current(ch, key);
    else pendingKeys.current.push([ch, key]);
  };
  routeKeyRef.current = routeKey;

  // The app hands over one key (or one paste) at a time, typed-ahead chunks already split.
  props.keys.current = routeKey;


  const header = headerLine(review, file, columns);

  let body;
  if (help) {
    body = <HelpOverlay view={helpView} width={columns} height={bodyHeight} scroll={helpScroll} scaleHint={scaleHint} readOnly={session.readOnly} />;
  } else if (mode === 'document') {
    body = (
      <DocumentViewer
        lines={review.lines}
        name={sanitizeLine(review.displayPath)}
        startLine={docTarget.line}
        highlight={docTarget.highlight}
        searchFirst={docTarget.search}
        width={columns}
        height={bodyHeight}
        keys={childKeys}
        onBack={() => {
          setSearching(false);
          setMode('review');
        }}
        onHelp={() => setHelp(true)}
        onStatus={setStatus}
        onSearching={setSearching}
      />
    );
  } else if (mode === 'summary' || mode === 'recnotes') {
    body =
      mode === 'summary' ? (
        <SummaryScreen criteria={criteria} file={file} selected={summarySelected} width={columns} height={bodyHeight} />
      ) : (
        <NotesEditor
          title="Recommendation notes"
          initial={file.recommendation.notes}
          width={columns}
          height={bodyHeight}
          keys={childKeys}
          draft={draft}
          onSave={(text) => {
            saveRecommendationNotes(text);
            setMode('summary');
          }}
          onCancel={() => setMode('summary')}
        />
      );
  } else {
    body = (
      <Box flexDirection="row" height={bodyHeight}>
        <CriteriaList criteria={criteria} file={file} selected={view.selected} focused={view.focus === 'criteria' && mode === 'review'} width={listWidth} height={bodyHeight} />
        {mode === 'notes' ? (
          <NotesEditor
            title={`Note · ${sanitizeLine(item.title)}`}
            initial={scoreItem?.notes ?? ''}
            width={paneWidth}
            height={bodyHeight}
            keys={childKeys}
            draft={draft}
            onSave={(text) => {
              saveNote(text);
              setMode('review');
            }}
            onCancel={() => {
              setStatus({ text: 'note not changed', tone: 'info' });
              setMode('review');
            }}
          />
        ) : (
          <EvidencePane
            rows={layout.rows}
            scroll={view.scroll}
            focused={view.focus === 'evidence'}
            width={paneWidth}
            height={bodyHeight}
            currentPassage={passageIndex}
            cited={layout.passages.map((p) => isCited(view_, p))}
            title={`Evidence · ${sanitizeLine(item.title)}`}
          />
        )}
      </Box>
    );
  }

  return (
    <Box flexDirection="column" width={columns}>
      <Text bold wrap="truncate-end">
        {header}
      </Text>
      {banners.map((line, index) => (
        <Text key={index} color={theme.warn} bold wrap="truncate-end">
          {line}
        </Text>
      ))}
      {body}
      <StatusBar width={columns} status={status} hints={hints} save={saveState} />
    </Box>
  );
}

function initialStatus(review: OpenedReview): Status {
  const s = review.session;
  if (s.readOnly) return { text: 'opened read-only', tone: 'warn' };
  const scored = scoredCount(s.file);
  const notes = s.file.items.filter((item) => item.notes.trim() !== '').length;
  const cited = s.file.items.filter((item) => item.cited.length > 0).length;
  const rec = s.file.recommendation;
  // Anything the reviewer wrote before makes this a resumed review, not only scores.
  if (scored === 0 && notes === 0 && cited === 0 && rec.verdict === null && rec.notes.trim() === '') {
    return { text: `new review · saving to ${sanitizeLine(s.path)}`, tone: 'info' };
  }
  const extra = [notes > 0 ? `${notes} ${notes === 1 ? 'note' : 'notes'}` : '', cited > 0 ? `${cited} with citations` : ''].filter(Boolean).join(', ');
  return { text: `resumed: ${scored}/${s.file.items.length} scored${extra ? ` (${extra})` : ''} · score file ${sanitizeLine(s.path)}`, tone: 'info' };
}

export function bannerLines(review: OpenedReview, width: number): string[] {
  const lines: string[] = [];
  const holder = review.session.lockHolder;
  if (review.session.readOnly) {
    const who = holder ? `locked by pid ${holder.pid} on ${sanitizeLine(holder.host)} since ${sanitizeLine(holder.since)}` : 'opened read-only';
    const line = `READ-ONLY: ${who}; nothing you do here is saved`;
    // Two lines rather than cut the part that says nothing is saved.
    if (displayWidth(line) <= width) lines.push(fit(line, width));
    else lines.push(fit(`READ-ONLY: ${who}`, width), fit('Another session is scoring this document: nothing you do here is saved.', width));
  }
  if (review.session.documentChanged) {
    lines.push(fit('DOCUMENT CHANGED since these scores were saved: check scores and cited lines', width));
  }
  return lines;
}

function headerLine(review: OpenedReview, file: ScoreFile, width: number): string {
  const right = ` ${sanitizeLine(file.reviewer.name)} · ${scoredCount(file)}/${file.items.length} scored `;
  const left = ` toc-review · ${sanitizeLine(review.title || review.displayPath)}`;
  // Display width, not .length: a wide-character name must not push the progress off the edge.
  const room = Math.max(0, width - displayWidth(right));
  return fit(truncate(left, room), room) + truncate(right, width - room);
}
