// The evidence pane's place while "since <predecessor>" is on: the criterion's changes, in the
// same windowed pane as the evidence (nothing in it is a passage, so nothing is marked to cite).
import type { EvidenceLayout } from '../evidence-lines.js';
import { EvidencePane } from '../evidence-pane.js';

const NONE: boolean[] = [];

export function SincePane(props: { since: EvidenceLayout & { title: string }; scroll: number; focused: boolean; width: number; height: number }) {
  return (
    <EvidencePane rows={props.since.rows} scroll={props.scroll} focused={props.focused} width={props.width} height={props.height} currentPassage={null} cited={NONE} title={props.since.title} />
  );
}
