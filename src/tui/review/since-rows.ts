// The "since <predecessor>" pane's rows for one criterion: a head naming both documents, then
// the criterion's part of the diff (core/compare/since-criterion.ts), each entry wrapped with
// its lines in both documents. Pure; document text is sanitised on the way.
import type { CriteriaItem } from '../../core/criteria/criteria.js';
import { sinceForCriterion } from '../../core/compare/since-criterion.js';
import { sanitizeOneLine } from '../../core/sanitize.js';
import type { EvidenceLayout, Row } from '../evidence-lines.js';
import type { SinceView } from '../state/since-view.js';
import { wrapText } from '../text.js';

/** The pane's rows for `item` at `width`; passages none, so nothing here can be cited. */
export function sinceLayout(view: SinceView, item: Pick<CriteriaItem, 'id' | 'hints'>, width: number): EvidenceLayout {
  const rows: Row[] = [];
  const push = (text: string, tone: Row['tone'], indent = '') => {
    for (const [i, row] of wrapText(text, Math.max(1, width - indent.length)).entries()) rows.push({ text: `${i === 0 ? indent : indent.replace(/./g, ' ')}${row}`, tone });
  };
  const result = view.result;
  if (view.load === 'loading' || view.load === 'idle') push('Comparing with the predecessor…', 'dim');
  else if (view.load === 'failed') push(`Could not compare: ${sanitizeOneLine(view.error ?? 'unknown error')}`, 'warn');
  else if (result?.kind === 'none') push(sanitizeOneLine(result.reason), 'warn');
  else if (result?.kind === 'diff') {
    const { diff, predecessor } = result;
    push(`old: ${sanitizeOneLine(predecessor.name)} (${predecessor.how === 'chosen' ? 'chosen by hand' : 'same project, earlier'}), ${diff.old.lineCount} lines`, 'dim');
    push(`new: this document, ${diff.new.lineCount} lines`, 'dim');
    const since = sinceForCriterion(diff, item, sanitizeOneLine);
    if (since.unchanged) {
      rows.push({ text: '', tone: 'plain' });
      push(since.unchanged, 'good');
    }
    for (const section of since.sections) {
      rows.push({ text: '', tone: 'plain' });
      push(section.title, 'label');
      if (section.lines.length === 0) push('no change', 'dim', '  ');
      for (const line of section.lines) push(line, 'plain', line.startsWith('  ') ? '    ' : '  ');
    }
  }
  push('', 'plain');
  push('d: back to the evidence', 'dim');
  return { rows, passageStarts: [], passages: [] };
}
