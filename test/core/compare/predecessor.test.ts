// Which workspace document is the earlier version of another: same project, dated before it.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../../src/core/document/document.js';
import {
  candidateOf,
  compareWhen,
  dateInText,
  documentDateLine,
  matchPredecessor,
  projectKey,
  resolvePredecessors,
  whenOf,
  type PredecessorCandidate,
} from '../../../src/core/compare/predecessor.js';

/** A candidate from a small document written here, its project named as triage names it. */
function doc(name: string, text: string, modifiedMs: number | null = null): PredecessorCandidate {
  return candidateOf(parseDocument(text), name, modifiedMs);
}

const DAY = 24 * 60 * 60 * 1000;

describe('dates in names, titles and date lines', () => {
  it('reads a year, a month or a day, as precise as written', () => {
    expect(dateInText('k8gb-2023-annual.md')).toEqual({ year: 2023, month: null, day: null });
    expect(dateInText('review-2024-03.md')).toEqual({ year: 2024, month: 3, day: null });
    expect(dateInText('2022_11_30-dd.md')).toEqual({ year: 2022, month: 11, day: 30 });
    expect(dateInText('Annual review, March 2024')).toEqual({ year: 2024, month: 3, day: null });
    expect(dateInText('12 Sept 2025')).toEqual({ year: 2025, month: 9, day: 12 });
    expect(dateInText('October 3rd, 2021')).toEqual({ year: 2021, month: 10, day: 3 });
  });

  it('does not take version numbers or counts for years', () => {
    expect(dateInText('release v2024.1 notes')).toBeNull();
    expect(dateInText('12024 commits')).toBeNull();
    expect(dateInText('tool-1.2023.md')).toBeNull();
  });

  it('finds the document date line in the first lines only', () => {
    expect(documentDateLine(['# Quarry review', '', '**Date:** 14 February 2023', 'Body'])).toBe('2023-02-14');
    expect(documentDateLine(['# Quarry', 'Last updated: 2024-06'])).toBe('2024-06');
    const late = [...Array.from({ length: 50 }, () => 'filler'), 'Date: 2020-01-01'];
    expect(documentDateLine(late)).toBeNull();
    // A sentence mentioning a date is not the document's date line.
    expect(documentDateLine(['# Quarry', 'We shipped 1.0 in May 2022.'])).toBeNull();
  });

  it('compares dates only as far as both are precise', () => {
    expect(compareWhen({ year: 2023, month: null, day: null }, { year: 2024, month: 1, day: 1 })).toBeLessThan(0);
    expect(compareWhen({ year: 2024, month: null, day: null }, { year: 2024, month: 5, day: 1 })).toBe(0);
    expect(compareWhen({ year: 2024, month: 5, day: 2 }, { year: 2024, month: 5, day: 1 })).toBeGreaterThan(0);
  });

  it('takes the file name first, then the title, then the date line, then the file time', () => {
    expect(whenOf(doc('k8gb-2023-annual.md', '# K8gb Annual Review 2021\n'))?.source).toBe('name');
    expect(whenOf(doc('k8gb/annual.md', '# K8gb Annual Review 2021\n'))).toMatchObject({ source: 'title', date: { year: 2021 } });
    expect(whenOf(doc('k8gb/annual.md', '# K8gb annual review\n\nDate: 2020-09-01\n'))).toMatchObject({ source: 'document', date: { year: 2020, month: 9 } });
    expect(whenOf(doc('k8gb/annual.md', '# K8gb annual review\n', Date.UTC(2019, 4, 2)))).toMatchObject({ source: 'modified', date: { year: 2019, month: 5, day: 2 } });
    expect(whenOf(doc('k8gb/annual.md', '# K8gb annual review\n'))).toBeNull();
  });
});

describe('matching a predecessor', () => {
  const k2022 = doc('projects/k8gb/annual-review-2022.md', '# Annual Review\n\nThe project balances traffic across clusters.\n');
  const k2023 = doc('k8gb-2023-annual.md', '# k8gb 2023 annual review\n');
  const k2024 = doc('k8gb-annual-review-2024.md', '# K8GB Annual Review 2024\n');
  const other2023 = doc('kuma-2023-annual.md', '# Kuma annual review 2023\n');
  const all = [k2024, other2023, k2022, k2023];

  it('names the project the same way in all three naming styles', () => {
    expect([k2022, k2023, k2024].map((c) => projectKey(c.project))).toEqual(['k8gb', 'k8gb', 'k8gb']);
    expect(projectKey('Kube-OVN')).toBe(projectKey('kube ovn'));
    // A name in another script keys by its own letters (it used to key to nothing, and match nothing).
    expect(projectKey('Δέλτα Mesh')).toBe(projectKey('δελτα-mesh'));
    expect(projectKey('数据湖')).toBe('数据湖');
  });

  it('picks the latest earlier document of the same project', () => {
    expect(matchPredecessor(k2024, all)?.name).toBe('k8gb-2023-annual.md');
    expect(matchPredecessor(k2023, all)?.name).toBe('projects/k8gb/annual-review-2022.md');
    expect(matchPredecessor(k2022, all)).toBeNull();
    // Another project's earlier document is never a predecessor.
    expect(matchPredecessor(other2023, all)).toBeNull();
  });

  it('uses the file time only to tell apart documents the dates cannot', () => {
    const app = doc('quarry-2024-application.md', '# Quarry incubation application\n', 10 * DAY);
    const dd = doc('quarry-2024-dd.md', '# Quarry due diligence\n', 20 * DAY);
    expect(matchPredecessor(dd, [app, dd])?.name).toBe('quarry-2024-application.md');
    expect(matchPredecessor(app, [app, dd])).toBeNull();
    const undated = doc('quarry-2024-notes.md', '# Quarry notes\n');
    expect(matchPredecessor(undated, [app, undated])).toBeNull();
  });

  it('never orders a document dated only by its file time against a dated one', () => {
    // A git checkout gives every file a fresh time: an undated proposal is not "after" the annual reviews.
    const proposal = doc('projects/kuma/kuma-sandbox-proposal.md', '# Kuma sandbox proposal\n', 50 * DAY);
    const annual = doc('projects/kuma/2021-kuma-annual.md', '# Kuma annual review 2021\n', 10 * DAY);
    expect(matchPredecessor(proposal, [proposal, annual])).toBeNull();
    expect(matchPredecessor(annual, [proposal, annual])).toBeNull();
    // Two undated documents are ordered by their file times.
    const draft = doc('projects/kuma/kuma-incubation-draft.md', '# Kuma incubation application\n', 60 * DAY);
    expect(matchPredecessor(draft, [proposal, annual, draft])?.name).toBe('projects/kuma/kuma-sandbox-proposal.md');
  });

  it('prefers an earlier document of the same kind when there is one', () => {
    const governance = doc('projects/k8gb/governance-review/2024-01-21.md', '# k8gb governance review\n');
    const withGovernance = [...all, governance];
    expect(matchPredecessor(k2024, withGovernance)?.name).toBe('k8gb-2023-annual.md');
    // Nothing of its own kind before it: the latest earlier document of the project.
    expect(matchPredecessor(governance, withGovernance)?.name).toBe('k8gb-2023-annual.md');
  });

  it('lets a choice by hand win, say none, and fall back when the chosen document is gone', () => {
    const auto = resolvePredecessors(all, {});
    expect(auto.get('k8gb-annual-review-2024.md')).toEqual({ name: 'k8gb-2023-annual.md', how: 'matched' });
    expect(auto.has('kuma-2023-annual.md')).toBe(false);

    const chosen = resolvePredecessors(all, {
      'k8gb-annual-review-2024.md': 'projects/k8gb/annual-review-2022.md',
      'k8gb-2023-annual.md': null,
      'kuma-2023-annual.md': 'k8gb-2023-annual.md',
      'projects/k8gb/annual-review-2022.md': 'gone.md',
    });
    expect(chosen.get('k8gb-annual-review-2024.md')).toEqual({ name: 'projects/k8gb/annual-review-2022.md', how: 'chosen' });
    expect(chosen.has('k8gb-2023-annual.md')).toBe(false);
    expect(chosen.get('kuma-2023-annual.md')).toEqual({ name: 'k8gb-2023-annual.md', how: 'chosen' });
    expect(chosen.has('projects/k8gb/annual-review-2022.md')).toBe(false);
  });
});
