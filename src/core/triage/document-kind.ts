// What a review document is and whose it is, read from its title, its first lines and its path:
// the two columns a reviewer sorts a queue by. Pure and heuristic; "other" when nothing says.
import type { DocumentModel } from '../document/document-types.js';
import { stripInline } from '../document/inline.js';

export const DOCUMENT_KINDS = ['annual-review', 'application', 'proposal', 'dd', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const KIND_LABELS: Record<DocumentKind, string> = {
  'annual-review': 'annual review',
  application: 'application',
  proposal: 'proposal',
  dd: 'DD',
  other: 'other',
};

// Order matters: a "due diligence" document often calls itself a proposal too.
const KIND_RULES: Array<[DocumentKind, RegExp]> = [
  ['dd', /\bdue[\s-]+diligence\b|(?:^|[\s_-])dd(?:$|[\s_.-])/i],
  ['annual-review', /\bannual\b/i],
  ['other', /\bself[\s-]assessment|security assessment|adopter interview|governance review|technical review|tech[\s-]review|archiv/i],
  ['application', /\bapplication\b|^\s*\[(?:incubation|graduation|sandbox)\]/i],
  ['proposal', /\bproposal\b|\bstage review\b|\bsubmission\b/i],
];

function kindOf(text: string): DocumentKind | null {
  for (const [kind, rule] of KIND_RULES) if (rule.test(text)) return kind;
  return null;
}

export function documentKind(doc: DocumentModel, path: string): DocumentKind {
  const file = path.split('/').pop() ?? path;
  return kindOf(doc.title) ?? kindOf(file.replace(/\.[a-z]+$/i, '')) ?? kindOf(path) ?? 'other';
}

const FIELD = /^[\s>*_-]*(?:name of (?:the )?project|project name)\s*[*_]*\s*:\s*[*_]*\s*(.+)$/i;
const PLACEHOLDER = /^\$|^\[.*\]$|^<.*>$|^(?:tbd|n\/a|none|todo)$/i;
/** Words a title adds around the project's name. */
const TITLE_NOISE =
  /\b(?:cncf|propose|proposing|sandbox|incubation|incubating|graduation|graduated|stage|annual|review|proposal|application|submission|project|due|diligence|dd|for|the|of|to|level|moving|self-assessment|security|assessment|general|technical|governance|joint|tag-security|archiving|adopter|interview|20\d\d|v?\d+(?:\.\d+)*)\b/gi;
/** Headings that are not a title at all (the document starts with a section). */
const GENERIC = /^(?:background|description|community health|summary|overview|outline|introduction|name(?: and description)?|name of (?:the )?project|criteria(?: requirements)?|self-assessment|template)$/i;

function cleanTitle(title: string): string {
  return title
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(20\d\d)(?=[a-z])/gi, '$1 ')
    .replace(TITLE_NOISE, ' ')
    // Dashes between words separate; a dash inside a name (Kube-OVN) stays.
    .replace(/(?:^|\s)[-–—]+(?=\s|$)|[–—:|/_()]+|-+(?=\s|$)|(?<=\s)-+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The project's name: a "Name of project:" field, else the title without its kind words, else the path. */
export function projectName(doc: DocumentModel, path: string): string {
  const last = Math.min(doc.lineCount, doc.content.startLine + 60);
  for (let n = doc.content.startLine; n <= last; n++) {
    const match = FIELD.exec(doc.lines[n - 1] ?? '');
    if (!match) continue;
    const value = stripInline(match[1]!).replace(/[*_]+$/, '').trim();
    if (value !== '' && !PLACEHOLDER.test(value) && value.length <= 60) return value;
  }
  const fromTitle = GENERIC.test(doc.title.trim()) ? '' : cleanTitle(doc.title);
  // A name is a few words; a longer title is a sentence, not a name.
  if (fromTitle !== '' && fromTitle.split(' ').length <= 4 && fromTitle.length <= 40 && !GENERIC.test(fromTitle)) return fromTitle;
  // The folder a document sits in is usually its project (projects/<name>/…).
  const parts = path.split('/').filter((p) => p !== '' && p !== '.' && p !== '..');
  const stem = (parts.pop() ?? '').replace(/\.[a-z]+$/i, '');
  const folder = parts.filter((p) => !/^(?:security-assessment|governance-review|tech-review|projects|docs|reviews)$/i.test(p)).pop();
  if (folder) return folder;
  return cleanTitle(stem.replace(/[-_]/g, ' ')) || stem;
}
