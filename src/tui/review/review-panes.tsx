// The review's two panes: the criteria list on the left, and on the right the evidence of the
// selected criterion or, while one is being written, its notes editor (which owns the keys then).
import { Box } from 'ink';
import type { CriteriaItem, CriteriaSet } from '../../core/criteria/criteria.js';
import { sanitizeLine } from '../../core/sanitize.js';
import type { ScoreFile } from '../../core/scores/score-file.js';
import { CriteriaList } from '../criteria-list.js';
import { isCited, type EvidenceLayout, type ItemView } from '../evidence-lines.js';
import { EvidencePane } from '../evidence-pane.js';
import type { KeySlot } from '../key-slot.js';
import { NotesEditor, type DraftSlot } from '../notes-editor.js';
import type { ReviewViewState } from '../state/review-view.js';
import { SincePane } from './since-pane.js';

export function ReviewPanes(props: {
  criteria: CriteriaSet;
  file: ScoreFile;
  item: CriteriaItem;
  view: ReviewViewState;
  cited: ItemView;
  layout: EvidenceLayout;
  /** Shown in place of the evidence while "since <predecessor>" is on (d). */
  since: (EvidenceLayout & { title: string }) | null;
  passageIndex: number | null;
  /** The editor open on the right: the item's note, its N/A reason, or none. */
  editing: 'note' | 'na' | null;
  requiredOnly: boolean;
  listWidth: number;
  paneWidth: number;
  height: number;
  keys: KeySlot;
  draft: DraftSlot;
  onSaveNote: (text: string) => void;
  onCancelNote: () => void;
}) {
  const { view, item, layout } = props;
  return (
    <Box flexDirection="row" height={props.height}>
      <CriteriaList criteria={props.criteria} file={props.file} selected={view.selected} focused={view.focus === 'criteria' && !props.editing} width={props.listWidth} height={props.height} requiredOnly={props.requiredOnly} />
      {props.editing ? (
        <NotesEditor
          title={`${props.editing === 'na' ? 'N/A: why does it not apply? · ' : 'Note · '}${sanitizeLine(item.title)}`}
          initial={props.cited.notes}
          width={props.paneWidth}
          height={props.height}
          keys={props.keys}
          draft={props.draft}
          onSave={props.onSaveNote}
          onCancel={props.onCancelNote}
        />
      ) : props.since ? (
        <SincePane since={props.since} scroll={view.scroll} focused={view.focus === 'evidence'} width={props.paneWidth} height={props.height} />
      ) : (
        <EvidencePane
          rows={layout.rows}
          scroll={view.scroll}
          focused={view.focus === 'evidence'}
          width={props.paneWidth}
          height={props.height}
          currentPassage={props.passageIndex}
          cited={layout.passages.map((p) => isCited(props.cited, p))}
          title={`Evidence · ${sanitizeLine(item.title)}`}
        />
      )}
    </Box>
  );
}
