// The evidence pane's rows for the selected criterion. The body (facts, rendered passages) is
// cached per criterion and width for the screen's life, and the other criteria's bodies are laid
// out in idle moments once markdown is available, so moving between criteria finds its body
// ready; only the small head (score, note, citations, other reviewers) is rebuilt on a change.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CriteriaItem } from '../../core/criteria/criteria.js';
import type { ScoreItem } from '../../core/scores/score-file.js';
import { buildEvidenceBody, buildEvidenceHead, joinLayout, type EvidenceLayout, type ItemView, type OtherScore } from '../evidence-lines.js';
import { loadedMarkdownRenderer, loadMarkdownRenderer, type MarkdownRenderer } from '../markdown.js';
import type { Status } from '../status-bar.js';
import type { OpenedReview } from '../types.js';

/** The markdown renderer, loaded once; null (plain text) until then. */
export function useMarkdownRenderer(color: boolean, setStatus: (status: Status) => void): MarkdownRenderer | null {
  const [renderer, setRenderer] = useState<MarkdownRenderer | null>(loadedMarkdownRenderer);
  useEffect(() => {
    let live = true;
    loadMarkdownRenderer({ color }).then(
      (r) => live && r !== renderer && setRenderer(() => r),
      () => live && setStatus({ text: 'markdown rendering unavailable: showing plain text', tone: 'warn' }),
    );
    return () => {
      live = false;
    };
  }, [color]);
  return renderer;
}

export function useEvidenceLayout(args: {
  review: OpenedReview;
  item: CriteriaItem;
  scoreItem: ScoreItem | undefined;
  renderer: MarkdownRenderer | null;
  width: number;
}): { layout: EvidenceLayout; cited: ItemView } {
  const { review, item, scoreItem, renderer, width } = args;
  const { criteria } = review;
  const items = criteria.items;
  const evidence = review.extract?.criteria.find((c) => c.id === item.id);
  const others: OtherScore[] = useMemo(
    () =>
      review.others.map((other) => {
        const o = other.items.find((i) => i.id === item.id);
        return { reviewer: other.reviewer.name, score: o?.score ?? null, notes: o?.notes ?? '' };
      }),
    [review.others, item.id],
  );
  const bodyCache = useRef(new Map<string, EvidenceLayout>());
  const bodyKey = `${item.id}|${width}|${renderer ? 'md' : 'plain'}`;
  let body = bodyCache.current.get(bodyKey);
  if (!body) {
    body = buildEvidenceBody({ criteria, item, evidence, facts: review.extract?.facts, lines: review.lines, width, render: renderer });
    bodyCache.current.set(bodyKey, body);
  }
  useEffect(() => {
    if (!renderer) return;
    // Forward from the criterion on screen, wrapping: the ones a reviewer reaches next (j, u,
    // U all move forward) are ready first.
    const from = Math.max(0, items.indexOf(item));
    const pending = [...items.slice(from + 1), ...items.slice(0, from)].filter((other) => !bodyCache.current.has(`${other.id}|${width}|md`));
    let timer: NodeJS.Timeout | undefined;
    const next = () => {
      const other = pending.shift();
      if (!other) return;
      const key = `${other.id}|${width}|md`;
      if (!bodyCache.current.has(key)) {
        const otherEvidence = review.extract?.criteria.find((c) => c.id === other.id);
        bodyCache.current.set(key, buildEvidenceBody({ criteria, item: other, evidence: otherEvidence, facts: review.extract?.facts, lines: review.lines, width, render: renderer }));
      }
      timer = setTimeout(next, 0);
    };
    timer = setTimeout(next, 50);
    return () => clearTimeout(timer);
  }, [renderer, width]);
  const cited = useMemo(() => ({ score: scoreItem?.score ?? null, notes: scoreItem?.notes ?? '', cited: scoreItem?.cited ?? [] }), [scoreItem]);
  const head = useMemo(() => buildEvidenceHead({ criteria, item, evidence, view: cited, others, width }), [criteria, item, evidence, cited, others, width]);
  const layout = useMemo(() => joinLayout(head, body), [head, body]);
  return { layout, cited };
}
