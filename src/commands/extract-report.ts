// The readable report of `toc-review extract`: a document's facts, evidence, suggestions and
// gaps per criterion, as plain lines for a terminal. Pure: the result and document model in,
// sanitised text out (the batch workers build the same report).
import type { CriteriaSet } from '../core/criteria/criteria.js';
import type { DocumentModel } from '../core/document/document-types.js';
import type { CriterionEvidence, ExtractResult, Facts } from '../core/evidence/extract-types.js';
import { sanitizeText } from '../core/sanitize.js';

type Registry = (typeof import('../core/facts/registry.js'))['FACT_REGISTRY'];

function criterionReport(entry: CriterionEvidence, set: CriteriaSet, facts: Facts, registry: Registry): string[] {
  const item = set.items.find((i) => i.id === entry.id)!;
  const out = [`${item.title}  [${item.id}]`];
  const score = entry.suggestion.score;
  out.push(`  suggested: ${score === null ? 'none' : score}  ${entry.suggestion.rationale}`);
  if (entry.evidence.length === 0) out.push('  evidence: none found');
  else {
    out.push('  evidence:');
    for (const e of entry.evidence) out.push(`    lines ${e.startLine}-${e.endLine}  ${e.heading}: ${e.reason}`);
  }
  // One push per line: spreading a fact list of 100,000s of lines overflows the call stack.
  for (const kind of item.hints.facts) for (const line of registry[kind].report(facts)) out.push(`  ${line}`);
  if (entry.gaps.length > 0) {
    out.push('  gaps:');
    for (const gap of entry.gaps) out.push(`    - ${gap}`);
  }
  return out;
}

export function formatReport(result: ExtractResult, set: CriteriaSet, doc: DocumentModel, registry: Registry): string {
  const { document } = result;
  const lines = [
    document.title || '(untitled document)',
    `  file: ${document.path}  (${document.lineCount} lines, sha256 ${document.sha256.slice(0, 12)})`,
    `  criteria: ${set.id} (${set.title})`,
  ];
  const { origin } = document;
  if (origin) {
    if (origin.kind === 'url') {
      const at = origin.commit ? `commit ${origin.commit.slice(0, 12)}, ` : '';
      const read = origin.finalUrl !== origin.url ? `, read from ${origin.finalUrl}` : '';
      lines.splice(2, 0, `  from: ${origin.url} (${at}fetched ${origin.fetchedAt}${read})`);
    } else {
      const comments = origin.comments === null ? '' : `, ${origin.comments} comment${origin.comments === 1 ? '' : 's'} appended`;
      lines.splice(2, 0, `  from: ${origin.url} (updated ${origin.updatedAt ?? 'unknown'}, fetched ${origin.fetchedAt}${comments})`);
    }
    if (origin.copy) lines.splice(3, 0, `  kept: ${origin.copy} (read offline next time; --refresh to fetch again)`);
  }
  if (doc.lineCount > 0 && (doc.content.startLine > 1 || doc.content.endLine < doc.lineCount)) {
    lines.push(`  markdown: lines ${doc.content.startLine}-${doc.content.endLine} (web page text around it is ignored)`);
  }
  if (doc.lineCount === 0 || doc.sections.length + doc.root.blocks.length === 0) lines.push('  the document is empty: nothing to extract');
  for (const entry of result.criteria) {
    lines.push('');
    for (const line of criterionReport(entry, set, result.facts, registry)) lines.push(line);
  }
  // Every piece of document text passes through the sanitiser on its way to the terminal.
  return `${sanitizeText(lines.join('\n'))}\n`;
}

/** The report, then the links --check-links found outside every evidence passage. */
export function reportWithLinks(report: string, loose: string[]): string {
  return loose.length === 0 ? report : `${report}\nlinks outside the evidence passages:\n${sanitizeText(loose.join('\n'))}\n`;
}
