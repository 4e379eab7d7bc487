// Frame-time patches to Ink 6's output stage, applied when the CLI is bundled (scripts/build.mjs).
// Ink builds every frame from scratch: it tokenises every line of the screen into styled
// characters, measures every text node and joins every row back into a string, though a
// keypress changes a few rows. These patches keep that work across frames. Each one only caches
// a pure function of immutable values (strings, and styled-character objects that Ink never
// mutates after making them), so a patched frame is the same string an unpatched one is;
// test/build/ink-frame-patch.test.ts checks that on random frames. docs/bench.md has the figures.
//
// Each patch names the exact source it replaces: an Ink upgrade that changes it fails the build
// instead of shipping unpatched.

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

/**
 * Code point ranges whose characters are each a grapheme of their own whatever comes beside them
 * (see tocStyledChars below; test/property/ink-frame-patch.property.test.ts checks it).
 */
export const STANDALONE_RANGES = [
  [0x00a0, 0x024f], // Latin-1 Supplement, Latin Extended-A and -B
  [0x2010, 0x2027], // dashes, quotes, bullets, ellipsis
  [0x2030, 0x205e], // per mille, primes, angle quotes
  [0x20a0, 0x20bf], // currency signs
  [0x2100, 0x214f], // letterlike symbols
  [0x2190, 0x21ff], // arrows
  [0x2500, 0x27bf], // box drawing, blocks, geometric shapes, symbols, dingbats
];

/** Bounds on the caches kept across frames, so a long session cannot grow them without end. */
const FRAME_CACHE_LIMITS = { styledLines: 4000, widths: 40000, blockWidths: 4000 };

const OUTPUT_PATCHES = [
  {
    // One set of caches for every frame, renewed when past a bound.
    from: 'caches = new OutputCaches();',
    to: 'caches = tocFrameCaches();',
  },
  {
    // Styled characters of one line share their style arrays where the style does not change,
    // so joining a row back into a string can skip comparing styles between such characters.
    // Lines of plain ASCII and SGR styles (nearly every line of the review screen) are read by
    // a direct scan instead of Intl.Segmenter's grapheme walk, about ten times faster.
    from: 'cached = styledCharsFromTokens(tokenize(line));',
    to: 'cached = tocStyledChars(line);',
  },
  {
    // Empty cells: one shared object instead of width x height new ones a frame (cells are
    // replaced, never mutated, so sharing is safe); it also lets unchanged rows compare equal.
    from: `row.push({
                    type: 'char',
                    value: ' ',
                    fullWidth: false,
                    styles: [],
                });`,
    to: 'row.push(TOC_BLANK_CELL);',
  },
  {
    // A row whose cells are the very same objects as last frame's row gives the same string.
    from: `const generatedOutput = output
            .map(line => {
            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
            const lineWithoutEmptyItems = line.filter(item => item !== undefined);
            return styledCharsToString(lineWithoutEmptyItems).trimEnd();
        })
            .join('\\n');`,
    to: 'const generatedOutput = tocRowsToString(output, this);',
  },
];

const OUTPUT_HELPERS = `
// ---- toc-review build patches (scripts/build-patches/ink-frame.mjs) ----
const TOC_LIMITS = ${JSON.stringify(FRAME_CACHE_LIMITS)};
const TOC_BLANK_CELL = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });
let tocSharedCaches;
function tocFrameCaches() {
  const c = tocSharedCaches;
  if (c === undefined || c.styledChars.size > TOC_LIMITS.styledLines || c.widths.size > TOC_LIMITS.widths || c.blockWidths.size > TOC_LIMITS.blockWidths) tocSharedCaches = new OutputCaches();
  return tocSharedCaches;
}
function tocSameCodes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;
  return true;
}
// Styled characters of a line, as styledCharsFromTokens(tokenize(line)) gives them. In ASCII
// every character is its own grapheme (but CR LF, so CR takes the general path), and so is every
// character of the ranges below: none of them is a combining mark, joiner, variation selector,
// prepended or spacing mark, so no neighbour can join it into a longer grapheme. Such lines need
// no segmenter: each character's width comes from ansi-tokenize itself (cached per character),
// as do the SGR sequences (cached per sequence). Any other line takes the general path.
const TOC_STANDALONE = ${JSON.stringify(STANDALONE_RANGES)};
function tocStandalone(unit) {
  for (const [from, to] of TOC_STANDALONE) if (unit >= from && unit <= to) return true;
  return false;
}
const tocWide = new Map();
function tocCharWide(char) {
  let wide = tocWide.get(char);
  if (wide === undefined) {
    wide = tokenize(char)[0]?.fullWidth === true;
    tocWide.set(char, wide);
  }
  return wide;
}
const tocSgrTokens = new Map();
function tocSgr(sequence) {
  let tokens = tocSgrTokens.get(sequence);
  if (tokens === undefined) {
    tokens = tokenize(sequence);
    if (tokens.some((token) => token.type !== 'ansi')) tokens = null;
    if (tocSgrTokens.size > 1000) tocSgrTokens.clear();
    tocSgrTokens.set(sequence, tokens);
  }
  return tokens;
}
function tocStyledChars(line) {
  const general = () => tocShareStyles(styledCharsFromTokens(tokenize(line)));
  let codes = [];
  let styles = null;
  const chars = [];
  for (let i = 0; i < line.length; i++) {
    const unit = line.charCodeAt(i);
    if (unit === 0x0d || (unit >= 0x80 && !tocStandalone(unit))) return general();
    if (unit === 0x1b) {
      if (line.charCodeAt(i + 1) !== 0x5b) return general();
      let end = i + 2;
      while (end < line.length) {
        const c = line.charCodeAt(end);
        if (c === 0x6d || !(c === 0x3b || (c >= 0x30 && c <= 0x39))) break;
        end++;
      }
      if (line.charCodeAt(end) !== 0x6d) return general();
      const tokens = tocSgr(line.slice(i, end + 1));
      if (tokens === null) return general();
      codes = reduceAnsiCodesIncremental(codes, tokens);
      styles = null;
      i = end;
      continue;
    }
    if (styles === null) styles = [...codes];
    chars.push({ type: 'char', value: line[i], fullWidth: unit >= 0x80 && tocCharWide(line[i]), styles });
  }
  return chars;
}
function tocShareStyles(chars) {
  for (let i = 1; i < chars.length; i++) {
    const previous = chars[i - 1].styles;
    if (chars[i].styles !== previous && tocSameCodes(chars[i].styles, previous)) chars[i].styles = previous;
  }
  return chars;
}
// ansi-tokenize's styledCharsToString, skipping the style diff between characters that share
// a style array (the diff of a style with itself is empty).
function tocStyledCharsToString(chars) {
  let text = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    if (i === 0) text += ansiCodesToString(char.styles);
    else if (chars[i - 1].styles !== char.styles) text += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));
    text += char.value;
    if (i === chars.length - 1) text += ansiCodesToString(diffAnsiCodes(char.styles, []));
  }
  return text;
}
// Last frame's rows per output size (the interactive frame and any static one differ in size).
const tocLastRows = new Map();
function tocRowsToString(rows, output) {
  const key = output.width + 'x' + output.height;
  const last = tocLastRows.get(key) ?? [];
  const next = [];
  const lines = [];
  for (let y = 0; y < rows.length; y++) {
    // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742
    const cells = rows[y].filter(item => item !== undefined);
    const before = last[y];
    let same = before !== undefined && before.cells.length === cells.length;
    for (let x = 0; same && x < cells.length; x++) same = before.cells[x] === cells[x];
    const row = same ? before : { cells, text: tocStyledCharsToString(cells).trimEnd() };
    next.push(row);
    lines.push(row.text);
  }
  if (!tocLastRows.has(key) && tocLastRows.size >= 4) tocLastRows.clear();
  tocLastRows.set(key, next);
  return lines.join('\\n');
}
`;

// The ansi-tokenize helpers the patched code uses (exported by the package's index).
const TOKENIZE_IMPORT = "import { ansiCodesToString, diffAnsiCodes, reduceAnsiCodesIncremental } from '@alcalzone/ansi-tokenize';\n";

const RENDER_NODE_PATCHES = [
  {
    // Ink measures every text node again each frame; its own measureText keeps widths by text.
    from: 'const currentWidth = widestLine(text);',
    to: 'const currentWidth = tocMeasureText(text).width;',
  },
];

function applyAll(source, patches, file) {
  let patched = source;
  for (const { from, to } of patches) {
    const at = patched.indexOf(from);
    if (at === -1 || patched.indexOf(from, at + from.length) !== -1) {
      throw new Error(`ink frame patch: ${file} no longer has the code it replaces (${from.split('\n')[0]} ...); Ink changed: update scripts/build-patches/ink-frame.mjs`);
    }
    patched = patched.slice(0, at) + to + patched.slice(at + from.length);
  }
  return patched;
}

/** Ink's build/output.js with the frame patches applied. */
export function patchInkOutput(source, file = 'ink/build/output.js') {
  if (!source.includes('class OutputCaches')) throw new Error(`ink frame patch: ${file} has no OutputCaches; Ink changed: update scripts/build-patches/ink-frame.mjs`);
  return TOKENIZE_IMPORT + applyAll(source, OUTPUT_PATCHES, file) + OUTPUT_HELPERS;
}

/** Ink's build/render-node-to-output.js with the frame patches applied. */
export function patchInkRenderNode(source, file = 'ink/build/render-node-to-output.js') {
  return "import tocMeasureText from './measure-text.js';\n" + applyAll(source, RENDER_NODE_PATCHES, file);
}

/** The esbuild plugin. */
export const inkFramePatches = {
  name: 'ink-frame-patches',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/](output|render-node-to-output)\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patch = basename(args.path) === 'output.js' ? patchInkOutput : patchInkRenderNode;
      return { contents: patch(source, args.path), loader: 'js' };
    });
  },
};
