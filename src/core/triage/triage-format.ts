// `toc-review triage` output: the rows sorted, then as an aligned table, markdown, CSV or JSON.
// Pure. Document text (titles, project names) is untrusted: the table goes through the
// sanitiser, markdown cells are escaped, CSV cells that a spreadsheet would run as a formula
// are quoted with a leading apostrophe.
import { sanitizeLine, toTerminalJson } from '../sanitize.js';
import { KIND_LABELS } from './document-kind.js';
import { TRIAGE_SCHEMA, type TriageRow } from './triage-row.js';

export const TRIAGE_FORMATS = ['table', 'md', 'csv', 'json'] as const;
export type TriageFormat = (typeof TRIAGE_FORMATS)[number];
export const SORT_KEYS = ['document', 'project', 'kind', 'adopters', 'maintainers', 'organisations', 'gaps', 'required', 'links'] as const;

export interface TriageCriterion {
  id: string;
  title: string;
}

/** A --sort value: a key or a criterion id, "-" in front for descending. Null when unknown. */
export function parseSort(value: string, criteria: readonly TriageCriterion[]): { key: string; descending: boolean } | null {
  const descending = value.startsWith('-');
  const key = descending ? value.slice(1) : value;
  const known = (SORT_KEYS as readonly string[]).includes(key) || criteria.some((c) => c.id === key);
  return known ? { key, descending } : null;
}

function sortValue(row: TriageRow, key: string): string | number {
  switch (key) {
    case 'document':
      return row.document;
    case 'project':
      return row.project.toLowerCase();
    case 'kind':
      return row.kind;
    case 'adopters':
    case 'maintainers':
    case 'organisations':
    case 'gaps':
      return row[key];
    case 'required':
      return row.required ? row.required.unanswered : -1;
    case 'links':
      return row.links?.length ?? -1;
    default:
      return row.suggestions[key] ?? -1;
  }
}

export function sortRows(rows: readonly TriageRow[], sort: { key: string; descending: boolean }): TriageRow[] {
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return [...rows].sort((a, b) => {
    const order = cmp(sortValue(a, sort.key), sortValue(b, sort.key));
    // Ties keep document order, whichever way the key sorts.
    return (sort.descending ? -order : order) || cmp(a.document, b.document);
  });
}

interface Column {
  header: string;
  value: (row: TriageRow) => string;
  numeric?: boolean;
}

function columns(rows: readonly TriageRow[], criteria: readonly TriageCriterion[]): Column[] {
  const cols: Column[] = [
    { header: 'document', value: (r) => r.document },
    { header: 'project', value: (r) => r.project },
    { header: 'kind', value: (r) => KIND_LABELS[r.kind] },
    ...criteria.map((c): Column => ({ header: c.id, value: (r) => (r.suggestions[c.id] == null ? '-' : String(r.suggestions[c.id])), numeric: true })),
    { header: 'adopters', value: (r) => String(r.adopters), numeric: true },
    { header: 'maintainers', value: (r) => String(r.maintainers), numeric: true },
    { header: 'orgs', value: (r) => String(r.organisations), numeric: true },
    { header: 'gaps', value: (r) => String(r.gaps), numeric: true },
  ];
  if (rows.some((r) => r.required)) {
    cols.push({ header: 'required answered', value: (r) => (r.required ? String(r.required.answered) : '-'), numeric: true });
    cols.push({ header: 'required unanswered', value: (r) => (r.required ? String(r.required.unanswered) : '-'), numeric: true });
  }
  if (rows.some((r) => r.links)) cols.push({ header: 'link problems', value: (r) => (r.links ? String(r.links.length) : '-'), numeric: true });
  return cols;
}

const MAX_TABLE_CELL = 48;

function formatTable(rows: readonly TriageRow[], cols: Column[]): string {
  const cell = (text: string) => {
    const clean = sanitizeLine(text);
    return clean.length > MAX_TABLE_CELL ? `…${clean.slice(clean.length - MAX_TABLE_CELL + 1)}` : clean;
  };
  const grid = [cols.map((c) => c.header), ...rows.map((r) => cols.map((c) => cell(c.value(r))))];
  const widths = cols.map((_, k) => Math.max(...grid.map((line) => line[k]!.length)));
  return grid
    .map((line) => line.map((text, k) => (cols[k]!.numeric ? text.padStart(widths[k]!) : text.padEnd(widths[k]!))).join('  ').trimEnd())
    .join('\n');
}

function mdCell(text: string): string {
  return sanitizeLine(text).replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

function formatMarkdown(rows: readonly TriageRow[], cols: Column[]): string {
  const head = `| ${cols.map((c) => mdCell(c.header)).join(' | ')} |`;
  const rule = `| ${cols.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`;
  return [head, rule, ...rows.map((r) => `| ${cols.map((c) => mdCell(c.value(r))).join(' | ')} |`)].join('\n');
}

function csvCell(text: string): string {
  // A leading =, +, -, @ (or tab/CR) would be run as a formula by a spreadsheet; a number and
  // the lone "-" of "no suggestion" are not formulas and stay as they are.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d+(?:\.\d+)?$|^-$/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function formatCsv(rows: readonly TriageRow[], cols: Column[]): string {
  return [cols.map((c) => csvCell(c.header)), ...rows.map((r) => cols.map((c) => csvCell(c.value(r))))].map((line) => line.join(',')).join('\r\n');
}

export function formatTriage(rows: readonly TriageRow[], criteria: readonly TriageCriterion[], format: TriageFormat): string {
  if (format === 'json') return toTerminalJson({ schema: TRIAGE_SCHEMA, criteria, rows });
  const cols = columns(rows, criteria);
  if (format === 'md') return formatMarkdown(rows, cols);
  if (format === 'csv') return formatCsv(rows, cols);
  return formatTable(rows, cols);
}
