// The review's score file and how it reaches the disk: every change is written at once (the
// saver keeps only the newest pending file), the selection quietly after a pause in moving, and
// at the end whatever is pending is flushed and a failed write retried once.
import { useEffect, useMemo, useRef, useState } from 'react';
import { sanitizeLine } from '../../core/sanitize.js';
import type { ScoreFile } from '../../core/scores/score-file.js';
import { createSaver } from '../saver.js';
import type { SaveState, Status } from '../status-bar.js';
import type { ReviewSession } from '../types.js';
import { useRefState } from '../use-ref-state.js';
import { clock, errorText } from './status-text.js';

/** Quiet time after the last move between criteria before the selection is written. */
const SELECTION_SAVE_DELAY_MS = 400;

export interface ReviewSaving {
  file: ScoreFile;
  fileRef: { readonly current: ScoreFile };
  saveState: SaveState;
  /** Apply a change made by a pure updater: shown, saved, named in the status line. */
  change(next: ScoreFile, label: string): void;
  /** The selection moved: keep it in the file, write it once the reviewer stops moving. */
  select(next: ScoreFile): void;
  /** Resolves when no write is pending or in flight. */
  flush(): Promise<void>;
  /** Flush everything; returns one line naming what could not be saved, or null. */
  settle(): Promise<string | null>;
}

export function useReviewSaving(session: ReviewSession, setStatus: (status: Status | null) => void): ReviewSaving {
  const [file, setFile, fileRef] = useRefState<ScoreFile>(session.file);
  const [saveState, setSaveState] = useState<SaveState>(session.readOnly ? { kind: 'read-only' } : null);
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

  const selectionSave = useRef<NodeJS.Timeout | undefined>(undefined);
  const saveSelection = () => {
    if (selectionSave.current === undefined) return;
    clearTimeout(selectionSave.current);
    selectionSave.current = undefined;
    saver.save(fileRef.current, '');
  };
  useEffect(() => () => clearTimeout(selectionSave.current), []);

  const select = (next: ScoreFile) => {
    if (next === fileRef.current) return;
    setFile(next);
    // Selection is UI state: saved quietly so reopening lands here, once the reviewer stops
    // moving (a write, its validation and a 'saved' frame per j/k slowed stepping through).
    if (!session.readOnly) {
      clearTimeout(selectionSave.current);
      selectionSave.current = setTimeout(saveSelection, SELECTION_SAVE_DELAY_MS);
    }
  };

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

  const settle = async (): Promise<string | null> => {
    saveSelection();
    await saver.flush();
    if (saveError.current === null || session.readOnly) return null;
    // Retry a failed write once: the disk may be back.
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

  return { file, fileRef, saveState, change, select, settle, flush: () => saver.flush() };
}
