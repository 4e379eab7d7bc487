// The GFM escaping helpers behind the export: whatever goes in renders back as the same text.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { marked } from 'marked';
import { blockquote, codeSpan, escapeInline, escapeParagraphs, lineRangeUrl, link, safeLinkUrl, tableCell, truncate } from '../../src/core/summary/markdown-escape.js';

/** Text content of rendered HTML, entities decoded. */
function renderedText(markdown: string): string {
  const html = marked.parse(markdown, { gfm: true, async: false });
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** Tag names in the rendered HTML, leaving out the code spans that quote @mentions and #refs. */
function tags(markdown: string): string[] {
  const html = marked.parse(markdown, { gfm: true, async: false });
  for (const [, inner] of html.matchAll(/<code>([^<]*)<\/code>/g)) expect(inner).toMatch(GITHUB_REFERENCE);
  return Array.from(html.replace(/<\/?code>/g, '').matchAll(/<([a-z0-9]+)/g), (m) => m[1]!);
}

const GITHUB_REFERENCE = /^(@[A-Za-z0-9-]+(\/[A-Za-z0-9-]+)?|#\d+)$/;

describe('escapeInline', () => {
  it.each([
    '**bold** _em_ `code` ~~del~~',
    '<script>alert(1)</script> <b>x</b>',
    '[link](https://evil.example) ![img](x.png)',
    'https://evil.example www.evil.example mail@evil.example',
    '# heading', '- bullet', '+ bullet', '1. first', '2) second', '===', '---', '> quote',
    'a | b | c', 'back\\slash \\*', '$x^2$ and &amp; &#60;',
  ])('renders %j as the same text inside a plain paragraph', (text) => {
    const md = `x ${escapeInline(text)}`;
    expect(renderedText(md)).toBe(`x ${text}`);
    expect(tags(md)).toEqual(['p']);
    // At the start of a line too, where block syntax would apply.
    expect(renderedText(escapeInline(text))).toBe(text);
    expect(tags(escapeInline(text))).toEqual(['p']);
  });

  it('quotes GitHub mentions and issue references in code spans so pasting notifies and links nobody', () => {
    expect(escapeInline('ask @RainbowMango or @kubevirt/maintainers about #123')).toBe('ask `@RainbowMango` or `@kubevirt/maintainers` about `#123`');
    expect(renderedText(escapeInline('thanks @a-b, see #4.'))).toBe('thanks @a-b, see #4.');
    // Not mentions or references: e-mail addresses, cross-repository refs, anchors.
    expect(escapeInline('mail ada@example.org')).toBe('mail ada\\@example.org');
    expect(escapeInline('kubevirt/kubevirt#12 and #L40 and C#7')).toBe('kubevirt/kubevirt\\#12 and \\#L40 and C\\#7');
  });

  it('folds newlines and drops terminal escape sequences', () => {
    expect(escapeInline('a\nb\r\n\tc')).toBe('a b c');
    expect(escapeInline('ok\x1b]52;c;SGVsbG8=\x07 \x1b[31mred')).toBe('ok red');
    expect(escapeInline('bell\x07')).toBe('bell\\\\x07');
  });

  it('property: any text renders back as itself (sanitised, whitespace folded) with no markup', () => {
    const unit = fc.constantFrom(...'|\\`*_[]<>#!()-+=.~&$@:/ \nab1é'.split(''), 'http://', 'www.', '<div>', '&amp;', '```');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        const folded = text.replace(/\s+/g, ' ').trim();
        const md = escapeInline(text);
        if (folded === '') return;
        expect(renderedText(`x ${md}`)).toBe(`x ${folded}`);
        expect(tags(`x ${md}`)).toEqual(['p']);
      }),
      { numRuns: 500 },
    );
  });
});

describe('tableCell', () => {
  it('keeps a table to its columns whatever the cell holds, and truncates long cells', () => {
    const cell = tableCell('a | b\nc `|` <td>x</td>');
    const md = `| h1 | h2 |\n| --- | --- |\n| ${cell} | y |`;
    const html = marked.parse(md, { gfm: true, async: false });
    expect(html.match(/<td>/g)).toHaveLength(2);
    expect(html).toContain('<td>a | b c `|` &lt;td&gt;x&lt;/td&gt;</td>');
    expect(tableCell('x'.repeat(500), 50)).toBe(`${'x'.repeat(49)}…`);
  });
});

describe('escapeParagraphs', () => {
  it('keeps paragraphs and lines, strips code-block indentation, escapes every line start', () => {
    const md = escapeParagraphs('first line\n    indented code?\n\n\n- not a list\n1. not ordered\n```\nfence');
    expect(md).toBe('first line\nindented code?\n\n\\- not a list\n1\\. not ordered\n\\`\\`\\`\nfence');
    expect(tags(md)).toEqual(['p', 'p']);
    expect(escapeParagraphs(' \n\t\n')).toBe('');
  });
});

describe('blockquote', () => {
  it('prefixes every line, truncates long lines and long passages', () => {
    const quote = blockquote('one\n\n\n\ntwo **x**\n' + 'y'.repeat(300), { maxLines: 3, maxLineLength: 20 });
    expect(quote).toBe(`> one\n>\n> two \\*\\*x\\*\\*\n> …`);
    expect(blockquote('a\nb', { maxLines: 5, maxLineLength: 1 })).toBe('> a\n> b');
    expect(blockquote('long line here', { maxLineLength: 6 })).toBe('> long…');
    expect(blockquote('')).toBe('> …');
    expect(tags(blockquote('<p>x</p>\n# h\n> nested'))).toEqual(['blockquote', 'p']);
  });
});

describe('codeSpan', () => {
  it('fences around backticks and keeps pipes from splitting cells', () => {
    expect(codeSpan('abc')).toBe('`abc`');
    expect(codeSpan('a`b')).toBe('``a`b``');
    expect(codeSpan('`x')).toBe('`` `x ``');
    expect(renderedText(codeSpan('a``b`c'))).toBe('a``b`c');
    const md = `| h |\n| --- |\n| ${codeSpan('a|b')} |`;
    expect(marked.parse(md, { gfm: true, async: false })).toContain('<td><code>a|b</code></td>');
  });
});

describe('links', () => {
  it('accepts only http(s) URLs and encodes what could end the link early', () => {
    expect(safeLinkUrl('javascript:alert(1)')).toBeNull();
    expect(safeLinkUrl('data:text/html,x')).toBeNull();
    expect(safeLinkUrl('not a url')).toBeNull();
    expect(safeLinkUrl('https://user:pw@example.org/')).toBeNull();
    expect(safeLinkUrl('https://example.org/a (b)|c')).toBe('https://example.org/a%20%28b%29%7Cc');
    expect(link('see [here]', 'https://example.org/x)')).toBe('[see \\[here\\]](https://example.org/x%29)');
    expect(link('plain', 'ftp://example.org')).toBe('plain');
  });

  it('links line ranges on GitHub (source view for markdown) and GitLab blobs only', () => {
    const gh = 'https://github.com/cncf/toc/blob/main/proposals/x.md';
    expect(lineRangeUrl(gh, 40, 52)).toBe(`${gh}?plain=1#L40-L52`);
    expect(lineRangeUrl(`${gh}#L3`, 7, 7)).toBe(`${gh}?plain=1#L7`);
    expect(lineRangeUrl('https://github.com/o/r/blob/abc123/src/x.go', 1, 2)).toBe('https://github.com/o/r/blob/abc123/src/x.go#L1-L2');
    expect(lineRangeUrl('https://gitlab.com/g/p/-/blob/main/x.md', 4, 9)).toBe('https://gitlab.com/g/p/-/blob/main/x.md#L4-9');
    expect(lineRangeUrl('https://github.com/cncf/toc/pull/12', 1, 2)).toBeNull();
    expect(lineRangeUrl('https://example.org/x.md', 1, 2)).toBeNull();
    expect(lineRangeUrl(null, 1, 2)).toBeNull();
  });

  it('links a GitHub Enterprise blob only when it is pinned to a commit', () => {
    const commit = 'ab'.repeat(20);
    expect(lineRangeUrl(`https://ghe.example.com/o/r/blob/${commit}/x.md`, 3, 4)).toBe(`https://ghe.example.com/o/r/blob/${commit}/x.md?plain=1#L3-L4`);
    expect(lineRangeUrl('https://ghe.example.com/o/r/blob/main/x.md', 3, 4)).toBeNull();
  });
});

describe('truncate', () => {
  it('counts code points and never splits a surrogate pair', () => {
    expect(truncate('😀😀😀', 2)).toBe('😀…');
    expect(truncate('abc', 3)).toBe('abc');
  });
});
