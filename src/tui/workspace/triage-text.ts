// The workspace list's triage figures as text: compact cells for each row (kind, suggestions,
// adopters/maintainers/orgs, gaps, Required answered/total) sized to what the listed rows hold,
// and one long line for the selected document. Pure; the rows come from `triage` (core/triage).
import { sanitizeLine } from '../../core/sanitize.js';
import { KIND_LABELS, type DocumentKind } from '../../core/triage/document-kind.js';
import type { TriageRow } from '../../core/triage/triage-row.js';
import { fit } from '../text.js';

/** A listed document's figures: still being computed, computed, or why they could not be. */
export type TriageState = { status: 'pending' } | { status: 'done'; row: TriageRow } | { status: 'failed'; reason: string };

const SHORT_KINDS: Record<DocumentKind, string> = {
  'annual-review': 'annual',
  application: 'appl',
  proposal: 'prop',
  dd: 'DD',
  other: 'other',
};

/** Up to this many criteria get one character each; more are counted per score. */
const DIGITS_UP_TO = 8;

/** One character per criterion ("21·3", · for no suggestion), or counts per score ("1×30 0×12 -×8"). */
export function compactSuggestions(suggestions: Record<string, number | null>): string {
  const scores = Object.values(suggestions);
  if (scores.length <= DIGITS_UP_TO && scores.every((s) => s === null || (s >= 0 && s <= 9))) return scores.map((s) => (s === null ? '·' : String(s))).join('');
  const counts = new Map<number | null, number>();
  for (const s of scores) counts.set(s, (counts.get(s) ?? 0) + 1);
  // Highest score first, "no suggestion" last.
  const order = [...counts.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : b - a));
  return order.map((s) => `${s === null ? '-' : s}×${counts.get(s)}`).join(' ');
}

function requiredText(row: TriageRow): string {
  return row.required ? `${row.required.answered}/${row.required.answered + row.required.unanswered}` : '-';
}

interface Column {
  header: string;
  value: (row: TriageRow) => string;
}

const COLUMNS: Column[] = [
  { header: 'kind', value: (r) => SHORT_KINDS[r.kind] },
  { header: 'sugg', value: (r) => compactSuggestions(r.suggestions) },
  { header: 'a/m/o', value: (r) => `${r.adopters}/${r.maintainers}/${r.organisations}` },
  { header: 'gaps', value: (r) => String(r.gaps) },
];
const REQUIRED: Column = { header: 'req', value: requiredText };

export interface TriageLayout {
  columns: Array<Column & { width: number }>;
  /** Cells of all columns, each with its two leading spaces. */
  width: number;
}

/** The columns and their widths for these rows, or null when none has figures (yet) to show. */
export function triageLayout(states: ReadonlyArray<TriageState | undefined>, maxSuggestionWidth = 14): TriageLayout | null {
  const rows = states.flatMap((s) => (s?.status === 'done' ? [s.row] : []));
  if (states.every((s) => s === undefined)) return null;
  const chosen = rows.some((r) => r.required) ? [...COLUMNS, REQUIRED] : COLUMNS;
  const columns = chosen.map((c) => {
    const longest = Math.max(c.header.length, 1, ...rows.map((r) => c.value(r).length));
    return { ...c, width: c.header === 'sugg' ? Math.min(longest, maxSuggestionWidth) : longest };
  });
  return { columns, width: columns.reduce((n, c) => n + 2 + c.width, 0) };
}

/** The header cells ("  kind  sugg  a/m/o  gaps"), `layout.width` wide. */
export function triageHeader(layout: TriageLayout): string {
  return layout.columns.map((c) => `  ${fit(c.header, c.width)}`).join('');
}

/** One row's cells, `layout.width` wide: "…" while computing, "?" when it failed. */
export function triageCells(state: TriageState | undefined, layout: TriageLayout): string {
  return layout.columns
    .map((c) => {
      const text = state?.status === 'done' ? c.value(state.row) : state?.status === 'failed' ? '?' : '…';
      return `  ${fit(text, c.width)}`;
    })
    .join('');
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The selected document's figures spelt out in two lines (who and what, then the suggestions), for under the list. */
export function triageDetail(state: TriageState | undefined): [string, string] {
  if (!state || state.status === 'pending') return ['triage figures: computing…', ''];
  if (state.status === 'failed') return [`triage figures: ${sanitizeLine(state.reason)}`, ''];
  const row = state.row;
  const suggestions = Object.entries(row.suggestions);
  const suggested =
    suggestions.length <= DIGITS_UP_TO
      ? suggestions.map(([id, score]) => `${sanitizeLine(id)} ${score ?? '-'}`).join(', ')
      : compactSuggestions(row.suggestions);
  const people = `${plural(row.adopters, 'adopter')}, ${plural(row.maintainers, 'maintainer')}, ${plural(row.organisations, 'org')}`;
  const links = row.links && row.links.length > 0 ? ` (${plural(row.links.length, 'link')})` : '';
  const first = `${sanitizeLine(row.project)} · ${KIND_LABELS[row.kind]} · ${people} · ${plural(row.gaps, 'gap')}${links}`;
  const second = `${row.required ? `Required answered ${requiredText(row)} · ` : ''}suggested ${suggested}`;
  return [first, second];
}
