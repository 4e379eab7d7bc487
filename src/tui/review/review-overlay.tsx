// What takes the review's place on screen: the help overlay, the whole-document viewer, the
// summary, or the recommendation notes editor. The viewer and the editor own their keys (through
// the key slot); the summary's keys are the screen's (state/review-keys.ts).
import type { ScoreFile } from '../../core/scores/score-file.js';
import { sanitizeLine } from '../../core/sanitize.js';
import { DocumentViewer } from '../document-viewer.js';
import { HelpOverlay } from '../help-overlay.js';
import type { KeySlot } from '../key-slot.js';
import type { View } from '../keys.js';
import { NotesEditor, type DraftSlot } from '../notes-editor.js';
import type { ReviewScreenState } from '../state/review-screen.js';
import type { Status } from '../status-bar.js';
import { SummaryScreen } from '../summary-screen.js';
import type { OpenedReview } from '../types.js';

export interface DocumentTarget {
  line: number;
  highlight: { startLine: number; endLine: number } | null;
  search: boolean;
}

export function ReviewOverlay(props: {
  review: OpenedReview;
  file: ScoreFile;
  screen: ReviewScreenState;
  helpView: View;
  docTarget: DocumentTarget;
  width: number;
  height: number;
  scaleHint: string;
  keys: KeySlot;
  draft: DraftSlot;
  onDocumentBack: () => void;
  onHelp: () => void;
  onStatus: (status: Status) => void;
  onSearching: (on: boolean) => void;
  onSaveRecommendationNotes: (text: string) => void;
  onCancelRecommendationNotes: () => void;
}) {
  const { review, screen, width, height } = props;
  if (screen.help) {
    return <HelpOverlay view={props.helpView} width={width} height={height} scroll={screen.helpScroll} scaleHint={props.scaleHint} readOnly={review.session.readOnly} />;
  }
  if (screen.mode === 'document') {
    return (
      <DocumentViewer
        lines={review.lines}
        name={sanitizeLine(review.displayPath)}
        startLine={props.docTarget.line}
        highlight={props.docTarget.highlight}
        searchFirst={props.docTarget.search}
        width={width}
        height={height}
        keys={props.keys}
        onBack={props.onDocumentBack}
        onHelp={props.onHelp}
        onStatus={props.onStatus}
        onSearching={props.onSearching}
      />
    );
  }
  if (screen.mode === 'summary') {
    return <SummaryScreen criteria={review.criteria} file={props.file} selected={screen.summarySelected} width={width} height={height} />;
  }
  return (
    <NotesEditor
      title="Recommendation notes"
      initial={props.file.recommendation.notes}
      width={width}
      height={height}
      keys={props.keys}
      draft={props.draft}
      onSave={props.onSaveRecommendationNotes}
      onCancel={props.onCancelRecommendationNotes}
    />
  );
}
