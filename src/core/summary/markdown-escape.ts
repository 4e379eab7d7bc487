// Turning untrusted text (document quotes, reviewers' notes, names from shared score files) into
// GitHub-flavoured markdown that renders as exactly that text: no emphasis, links, HTML, tables,
// headings, lists, math or autolinks can come out of it. Pure; every helper sanitises first so
// terminal control sequences never reach the pasted summary either.
import { sanitizeLine, sanitizeText } from '../sanitize.js';

export const ELLIPSIS = '…';

// ASCII punctuation that starts or ends inline markup in GFM (and `$` for GitHub's math, `#` for
// headings). A backslash before any ASCII punctuation is a literal in CommonMark, so escaping
// too much is harmless while escaping too little is not.
const INLINE_SPECIAL = /[\\`*_[\]<>#|~&$]/g;

/** Truncate to at most `max` characters (code points), ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, Math.max(0, max - 1)).join('').trimEnd()}${ELLIPSIS}`;
}

/** Collapse runs of whitespace (newlines included) to single spaces and trim. */
export function foldWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Escape one line of already-sanitised text for inline use. Also breaks the GFM autolink
 * triggers (`http://`, `www.`, `user@host`) so project text cannot turn into links, quotes
 * GitHub mentions and issue references, and escapes what would start a block at the beginning
 * of a line (`- `, `+ `, `1. `, `=`).
 */
function escapeLine(line: string): string {
  let out = line.replace(INLINE_SPECIAL, (char) => `\\${char}`);
  out = out.replace(/(https?|ftp):(?=\/\/)/gi, '$1\\:');
  out = out.replace(/(www)\./gi, '$1\\.');
  out = out.replace(/(?<=[A-Za-z0-9._+-])@/g, '\\@');
  // GitHub turns `@name` into a notification and `#123` into a link to an issue of whatever
  // repository the summary is pasted in (the wrong one for a project's text). A code span keeps
  // both visible as written and inert.
  out = out.replace(/(?<![\\\w`])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}(?:\/[A-Za-z0-9][A-Za-z0-9-]*)?)/g, '`@$1`');
  out = out.replace(/(?<![\w`])\\#(\d+)(?![\w`])/g, '`#$1`');
  // Block starts: list bullets, setext underlines, ordered-list numbers.
  out = out.replace(/^([-+=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
  return out;
}

/** Untrusted text as one line of inline markdown (newlines folded to spaces). */
export function escapeInline(text: string, maxLength = Infinity): string {
  const folded = foldWhitespace(sanitizeLine(text));
  return escapeLine(Number.isFinite(maxLength) ? truncate(folded, maxLength) : folded);
}

/** Untrusted text for a GFM table cell: one line, escaped pipes, never empty-looking. */
export function tableCell(text: string, maxLength = 120): string {
  return escapeInline(text, maxLength);
}

/**
 * Untrusted multi-line text (notes) as markdown paragraphs: blank lines separate paragraphs,
 * single newlines stay as soft breaks, every line escaped and stripped of the leading
 * indentation that would make it a code block. Returns "" for blank text.
 */
export function escapeParagraphs(text: string): string {
  const paragraphs = sanitizeText(text)
    .replace(/\t/g, ' ')
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => foldWhitespace(line))
        .filter((line) => line !== '')
        .map(escapeLine)
        .join('\n'),
    )
    .filter((paragraph) => paragraph !== '');
  return paragraphs.join('\n\n');
}

export interface BlockquoteOptions {
  /** Lines kept before the rest is replaced by an ellipsis line. */
  maxLines?: number;
  /** Characters kept per line. */
  maxLineLength?: number;
}

/**
 * Untrusted passage as a blockquote: every line prefixed with "> ", escaped, long lines and
 * long passages truncated with an ellipsis. Blank lines inside are kept as ">".
 */
export function blockquote(text: string, options: BlockquoteOptions = {}): string {
  const maxLines = options.maxLines ?? 8;
  const maxLineLength = options.maxLineLength ?? 200;
  const lines = sanitizeText(text)
    .replace(/\t/g, ' ')
    .split('\n')
    .map((line) => foldWhitespace(line));
  // Drop leading and trailing blank lines; squeeze inner runs of blanks to one.
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  const squeezed = lines.filter((line, index) => line !== '' || lines[index - 1] !== '');
  if (squeezed.length === 0) return `> ${ELLIPSIS}`;
  const kept = squeezed.slice(0, maxLines);
  const out = kept.map((line) => (line === '' ? '>' : `> ${escapeLine(truncate(line, maxLineLength))}`));
  if (squeezed.length > maxLines) out.push(`> ${ELLIPSIS}`);
  return out.join('\n');
}

/** Text as an inline code span, for identifiers and hashes (safe in table cells too). */
export function codeSpan(text: string): string {
  const value = foldWhitespace(sanitizeLine(text)).replace(/\|/g, '\\|');
  const longestRun = Math.max(0, ...Array.from(value.matchAll(/`+/g), (match) => match[0].length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = value.startsWith('`') || value.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${value}${pad}${fence}`;
}

/**
 * An http(s) URL made safe as a markdown link destination, or null when the text is not one.
 * Parentheses, pipes and anything the URL parser leaves raw are percent-encoded so the link
 * cannot end early or split a table cell.
 */
export function safeLinkUrl(text: string | null | undefined): string | null {
  if (!text) return null;
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username || url.password) return null;
  return url.href.replace(/[()|<>\s"`\\[\]]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** A markdown link whose text is escaped and whose URL is made safe; plain text when no URL. */
export function link(text: string, url: string | null | undefined): string {
  const label = escapeInline(text);
  const href = safeLinkUrl(url);
  return href ? `[${label}](${href})` : label;
}

/**
 * Link to lines of a document's source when the origin is a GitHub or GitLab blob URL
 * (`…/blob/<ref>/path.md`; on another host than github.com, only pinned to a commit). GitHub shows markdown files rendered, where line anchors do not
 * work, so `?plain=1` asks for the source view. Null for other origins.
 */
export function lineRangeUrl(origin: string | null | undefined, startLine: number, endLine: number): string | null {
  const safe = safeLinkUrl(origin);
  if (!safe) return null;
  const url = new URL(safe);
  url.hash = '';
  const start = Math.max(1, Math.floor(startLine));
  const end = Math.max(start, Math.floor(endLine));
  // github.com, or a GitHub Enterprise server's blob page pinned to a commit (a kept blob/ document's origin).
  const githubBlob = /^\/[^/]+\/[^/]+\/blob\//.test(url.pathname) && (url.hostname === 'github.com' || /^\/[^/]+\/[^/]+\/blob\/(?:[0-9a-f]{40}|[0-9a-f]{64})\//i.test(url.pathname));
  if (githubBlob) {
    if (/\.(md|markdown|mdown|mkd)$/i.test(url.pathname)) url.searchParams.set('plain', '1');
    url.hash = start === end ? `L${start}` : `L${start}-L${end}`;
    return safeLinkUrl(url.href);
  }
  if (/\/-\/blob\//.test(url.pathname)) {
    url.hash = start === end ? `L${start}` : `L${start}-${end}`;
    return safeLinkUrl(url.href);
  }
  return null;
}
