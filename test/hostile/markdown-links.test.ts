// marked-terminal turns markdown links into OSC 8 hyperlinks when it thinks the terminal
// supports them, and the link target is the document author's: a hidden target is exactly the
// attack. The UI's renderer must show links as text even then. FORCE_HYPERLINK makes
// supports-hyperlinks say yes; it is read when marked-terminal is first imported (lazily).
process.env.FORCE_HYPERLINK = '1';

import { describe, expect, it } from 'vitest';
import { PAYLOADS } from '../../scripts/make-hostile-fixtures.mjs';
import { createMarkdownRenderer } from '../../src/tui/markdown.js';
import { findControl } from './helpers.js';

const SGR = /\x1b\[[0-9;]*m/g;
const SOURCE = [
  '## Adopters',
  '',
  '- [Northwind Traders](https://evil.example/steal) runs it in production',
  `- ${PAYLOADS.osc8Open}Contoso${PAYLOADS.osc8Close} and ${PAYLOADS.osc52}Globex`,
  '',
  'See <https://evil.example/autolink> and [docs](javascript:alert(1)).',
].join('\n');

describe('markdown rendering with hyperlink support forced on', () => {
  it('marked-terminal itself would emit OSC 8 here (so the check below can fail)', async () => {
    const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal')]);
    const marked = new Marked().use(markedTerminal({ width: 80 }) as never);
    expect(marked.parse('[x](https://evil.example/)', { async: false }) as string).toContain('\x1b]8;;');
  });

  it.each([true, false])('the UI renderer shows links as text, colour %s', async (color) => {
    const render = await createMarkdownRenderer({ color });
    const rows = render(SOURCE, 80).map((row) => row.text);
    const text = rows.join('\n');
    expect(text).not.toContain('\x1b]');
    if (!color) expect(text).not.toContain('\x1b');
    expect(findControl(text.replace(SGR, ''))).toBeNull();
    expect(text.replace(SGR, '')).toContain('Northwind Traders');
    expect(text.replace(SGR, '')).toContain('https://evil.example/steal');
  });
});
