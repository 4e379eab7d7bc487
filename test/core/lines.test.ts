// One line-splitting convention for every line number: git's, grep -n's and GitHub's #L anchors.
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/core/document/document.js';
import { extractEvidence } from '../../src/core/evidence/extract.js';
import { splitLines } from '../../src/core/document/lines.js';
import { relocateCitation } from '../../src/core/scores/citation-relocate.js';
import { incubation } from '../helpers/export-fixtures.js';

// A bare CR inside a line (as an editor or a bad merge can leave one) and CRLF line ends.
const BARE_CR = '# T\r\n\r\nIntro\rHidden\n\n## Releases\n\nThe latest release is v1.2.0.\n';

describe('splitLines', () => {
  it('ends lines at LF only, dropping the CR of a CRLF; a lone CR stays inside its line', () => {
    expect(splitLines(BARE_CR)).toEqual(['# T', '', 'Intro\rHidden', '', '## Releases', '', 'The latest release is v1.2.0.']);
    expect(splitLines('a\rb\r')).toEqual(['a\rb\r']);
    expect(splitLines('a\r\n')).toEqual(['a']);
  });

  it('counts lines as wc -l does for a file ending in a newline, and adds none for a BOM', () => {
    expect(splitLines('a\nb\n')).toHaveLength(2);
    expect(splitLines('a\nb')).toHaveLength(2);
    expect(splitLines('a\n\n')).toEqual(['a', '']);
    expect(splitLines('\ufeffa\n')).toEqual(['a']);
    expect(splitLines('')).toEqual([]);
  });

  it('gives extraction, the model and relocation the same line numbers as grep -n', () => {
    const model = parseDocument(BARE_CR);
    expect(model.lineCount).toBe(7);
    const result = extractEvidence(model, incubation(), { path: 'd.md', sha256: '0'.repeat(64) });
    expect(result.facts.versioning.map((v) => v.line)).toEqual([7]);
    const lines = splitLines(BARE_CR);
    expect(lines[7 - 1]).toBe('The latest release is v1.2.0.');
    expect(relocateCitation({ startLine: 7, endLine: 7, quote: 'The latest release is v1.2.0.' }, lines).status).toBe('unchanged');
  });
});
