// What changed for one criterion since an earlier version of the document: the parts of a
// document diff that speak to it (by the fact kinds its hints name: adopters, maintainers and
// their organisations, activity figures) and, for every criterion, its suggestion before and
// after. Every line cites its lines in both documents; the review UI shows these in place of a
// criterion's evidence. Pure; `esc` makes document text safe for where it goes.
import type { CriteriaItem } from '../criteria/criteria.js';
import { adopterChanges, adoptersTitle, cite, maintainerChanges, maintainersTitle, metricsSection, ORGANISATIONS_TITLE, organisationShares, rationaleLines, score, type Escape, type ReportSection } from './diff-report.js';
import type { DocumentDiff } from './diff-types.js';

export interface CriterionSince {
  /** False when nothing this criterion rests on changed (its suggestion included). */
  changed: boolean;
  /** One line saying so when nothing changed; else null. */
  unchanged: string | null;
  sections: ReportSection[];
}

export function sinceForCriterion(diff: DocumentDiff, item: Pick<CriteriaItem, 'id' | 'hints'>, esc: Escape): CriterionSince {
  const kinds = new Set(item.hints.facts);
  const sections: ReportSection[] = [];
  if (kinds.has('adopters')) {
    const kept = diff.adopters.kept.length;
    sections.push({ title: `${adoptersTitle(diff)}${kept > 0 ? `, ${kept} unchanged` : ''}`, lines: adopterChanges(diff, esc) });
  }
  if (kinds.has('maintainers')) {
    const m = diff.maintainers;
    sections.push({ title: `${maintainersTitle(diff)}${m.stayed.length > 0 ? `, ${m.stayed.length} unchanged` : ''}`, lines: maintainerChanges(diff, esc) });
    // Shares only matter when some organisation's count moved.
    const moved = m.organisations.some((o) => o.old.count !== o.new.count);
    if (moved) sections.push({ title: ORGANISATIONS_TITLE, lines: organisationShares(diff, esc) });
  }
  if (kinds.has('metrics')) sections.push(metricsSection(diff, esc));
  const related = sections.some((s) => s.lines.length > 0);

  const entry = diff.criteria.find((c) => c.id === item.id);
  const before = score(entry?.before?.score);
  const after = score(entry?.after?.score);
  const cited = entry && entry.lines.old.length + entry.lines.new.length > 0 ? cite(entry.lines) : '';
  const suggestionChanged = entry?.changed ?? false;
  if (!related && !suggestionChanged) {
    return { changed: false, unchanged: `Nothing this criterion rests on changed: suggested score ${before} -> ${after}${cited}`, sections: [] };
  }
  sections.push({
    title: 'Suggested score',
    lines: [`${before} -> ${after}${suggestionChanged ? ' (changed)' : ' (unchanged)'}${cited}`, ...rationaleLines(entry, esc)],
  });
  return { changed: true, unchanged: null, sections };
}
