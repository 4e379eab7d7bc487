// Inline markdown to plain text, for headings, names and table cells. Every pattern here is
// linear on any input (no nested or adjacent ambiguous quantifiers), because document text is
// untrusted and may be a 5 MB single line.

const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
// ![alt](url) and [text](url "title"): the text keeps what a reader sees.
const INLINE_LINK = /!?\[([^\[\]\n]*)\]\([^()\s]*(?:\s+(?:"[^"\n]*"|'[^'\n]*'))?\s*\)/g;
// [text][ref] and [text][]
const REF_LINK = /!?\[([^\[\]\n]*)\]\[[^\[\]\n]*\]/g;
const AUTOLINK = /<((?:https?|mailto|ftp):[^<>\s]*)>/gi;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;
const CODE_SPAN = /(`+)([^`]+?)\1/g;
const STRONG_STAR = /\*\*(?=\S)([^*\n]*?\S)\*\*/g;
const STRONG_UNDER = /__(?=\S)([^_\n]*?\S)__/g;
const STRIKE = /~~(?=\S)([^~\n]*?\S)~~/g;
const ESCAPE = /\\([!-/:-@[-`{-~])/g;

// The same headings, cells and sentences of a document are stripped many times over (once per
// criterion, per fact kind, per ancestor): remember the results. parseDocument clears this at
// the start of each document, so it never grows past one document nor serves another one.
const stripped = new Map<string, string>();
const STRIP_CACHE_LIMIT = 20_000;

export function resetStripInlineCache(): void {
  stripped.clear();
}

/** Plain text of an inline markdown string: links to their text, emphasis and code marks dropped. */
export function stripInline(markdown: string): string {
  let text = stripped.get(markdown);
  if (text === undefined) {
    text = stripInlineUncached(markdown);
    if (stripped.size >= STRIP_CACHE_LIMIT) stripped.clear();
    // Long strings are rare repeats and would pin memory: only short ones are kept.
    if (markdown.length <= 2000) stripped.set(markdown, text);
  }
  return text;
}

// Every rule below needs one of these characters; most headings and sentences have none.
const MARKUP_CHAR = /[<`[*_~\\&]/;

function stripInlineUncached(markdown: string): string {
  if (!MARKUP_CHAR.test(markdown)) return markdown.replace(/[ \t]+/g, ' ').trim();
  let text = markdown.replace(HTML_COMMENT, '');
  text = text.replace(CODE_SPAN, (_m, _ticks: string, code: string) => code.trim());
  // Twice: a link's text may itself hold an image ([![badge](img)](url)).
  text = text.replace(INLINE_LINK, '$1').replace(INLINE_LINK, '$1').replace(REF_LINK, '$1');
  text = text.replace(AUTOLINK, '$1').replace(HTML_TAG, '');
  text = text.replace(STRONG_STAR, '$1').replace(STRONG_UNDER, '$1').replace(STRIKE, '$1');
  text = stripSingleEmphasis(text);
  text = text.replace(ESCAPE, '$1');
  return text.replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/[ \t]+/g, ' ').trim();
}

/** Drop `*x*` and `_x_` marks where they open at a word start and close at a word end. */
function stripSingleEmphasis(text: string): string {
  if (!text.includes('*') && !text.includes('_')) return text;
  // Opening mark: start or non-word before, non-space after. Closing: non-space before,
  // non-word after. Underscores inside words (snake_case) are kept.
  return text
    .replace(/(^|[^\w*])\*(?=[^\s*])/g, '$1')
    .replace(/([^\s*])\*(?=$|[^\w*])/g, '$1')
    .replace(/(^|[^\w_])_(?=[^\s_])/g, '$1')
    .replace(/([^\s_])_(?=$|[^\w_])/g, '$1');
}

/**
 * When a whole line is one emphasis span (`*Name of project:*`, `**Adopters**`), its inner
 * text; else null. Proposal templates also restate each criterion as a whole bold-italic
 * sentence heading its answer (`**_Have a healthy number of committers. …_**`), so lines up to
 * 300 characters qualify.
 */
export function emphasisLineText(line: string): string | null {
  const trimmed = line.trim();
  if (trimmed.length < 3 || trimmed.length > 300) return null;
  for (const mark of ['**', '__', '*', '_']) {
    if (!trimmed.startsWith(mark) || !trimmed.endsWith(mark)) continue;
    const inner = trimmed.slice(mark.length, trimmed.length - mark.length);
    if (inner.length === 0 || /^\s|\s$/.test(inner)) return null;
    if (inner.includes(mark[0]!)) return null;
    return stripInline(inner);
  }
  return null;
}
