// The frame patches the build applies to Ink (scripts/build-patches/ink-frame.mjs) must not change
// a single character of any frame: Ink's Output class is bundled twice here, as shipped and
// patched, and both draw the same random sequences of frames (the patched one keeps caches and
// last frame's rows across frames, so sequences, not single frames, are what can go wrong).
import { build } from 'esbuild';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script, plain JavaScript without types
import { inkFramePatches, patchInkOutput, patchInkRenderNode, STANDALONE_RANGES } from '../../scripts/build-patches/ink-frame.mjs';

interface Write {
  x: number;
  y: number;
  text: string;
  upper: boolean;
}
interface Frame {
  width: number;
  height: number;
  clip: { x1: number; x2: number; y1: number; y2: number } | null;
  writes: Write[];
}
type OutputClass = new (size: { width: number; height: number }) => {
  write(x: number, y: number, text: string, options: { transformers: Array<(line: string, index: number) => string> }): void;
  clip(clip: Frame['clip']): void;
  unclip(): void;
  get(): { output: string; height: number };
};

const require = createRequire(import.meta.url);
const inkBuild = join(dirname(require.resolve('ink')));
const scratch = mkdtempSync(join(tmpdir(), 'toc-ink-patch-'));
let Shipped: OutputClass;
let Patched: OutputClass;

async function bundleOutput(name: string, plugins: unknown[]): Promise<OutputClass> {
  const outfile = join(scratch, `${name}.mjs`);
  await build({ entryPoints: [join(inkBuild, 'output.js')], outfile, bundle: true, format: 'esm', platform: 'node', logLevel: 'silent', plugins: plugins as never });
  return ((await import(pathToFileURL(outfile).href)) as { default: OutputClass }).default;
}

beforeAll(async () => {
  Shipped = await bundleOutput('shipped', []);
  Patched = await bundleOutput('patched', [inkFramePatches]);
}, 60_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Text as the review screen makes it: styles opened and closed (also nested and left open),
// wide characters, an emoji, several lines in one write.
const STYLES = ['\u001B[1;31m', '\u001B[38;2;1;2;3m', '\u001B[m', '\u001B[x', '\u001B]8;;https://example.org\u0007', '\u001B]8;;\u0007', '\r', '\t', '\u001B[1m', '\u001B[2m', '\u001B[22m', '\u001B[31m', '\u001B[39m', '\u001B[7m', '\u001B[27m', '\u001B[0m', '\u001B[38;5;244m', '\u001B[4m', '\u001B[24m'];
const piece = fc.oneof(
  fc.constantFrom(...STYLES),
  fc.constantFrom('a', 'b', ' ', '─', '│', '界', '✓', '🙂', 'é', '\n', '›', '·', '▶', '☔', '\uFE0F', 'e\u0301', '\u200D', '’', '🇩🇪', '\u00AD'),
  fc.string({ unit: fc.integer({ min: 0x00a0, max: 0x27bf }).map((c) => String.fromCharCode(c)), maxLength: 4 }),
  fc.string({ unit: fc.constantFrom('x', 'y', 'z', ' ', '.'), maxLength: 12 }),
);
const text = fc.array(piece, { minLength: 1, maxLength: 14 }).map((parts) => parts.join(''));
const write = (width: number, height: number) => fc.record({ x: fc.integer({ min: 0, max: width - 1 }), y: fc.integer({ min: 0, max: height - 1 }), text, upper: fc.boolean() });
const frame = (width: number, height: number): fc.Arbitrary<Frame> =>
  fc.record({
    width: fc.constant(width),
    height: fc.constant(height),
    clip: fc.option(
      fc.record({ x1: fc.integer({ min: 0, max: 3 }), x2: fc.integer({ min: 4, max: width }), y1: fc.integer({ min: 0, max: 2 }), y2: fc.integer({ min: 3, max: height }) }),
      { nil: null },
    ),
    writes: fc.array(write(width, height), { maxLength: 8 }),
  });
// Sequences of frames at one size, with repeats (the case the row reuse is for) and a resize.
const frames = fc
  .tuple(fc.integer({ min: 4, max: 30 }), fc.integer({ min: 3, max: 8 }))
  .chain(([width, height]) => fc.tuple(fc.array(frame(width, height), { minLength: 1, maxLength: 6 }), frame(width + 1, height)))
  .map(([sequence, resized]) => [...sequence, sequence[0]!, resized, sequence[sequence.length - 1]!]);

function draw(Output: OutputClass, f: Frame): string {
  const output = new Output({ width: f.width, height: f.height });
  if (f.clip) output.clip(f.clip);
  for (const w of f.writes) output.write(w.x, w.y, w.text, { transformers: w.upper ? [(line) => line.toUpperCase()] : [] });
  if (f.clip) output.unclip();
  const { output: text, height } = output.get();
  return `${height}\n${text}`;
}

describe('the Ink frame patches', () => {
  it('draw every frame of every sequence exactly as Ink does', () => {
    fc.assert(
      fc.property(frames, (sequence) => {
        for (const f of sequence) expect(draw(Patched, f)).toBe(draw(Shipped, f));
      }),
      { numRuns: 300 },
    );
  });

  it('draw a styled row again after the cells under it changed', () => {
    const red = { width: 10, height: 2, clip: null, writes: [{ x: 0, y: 0, text: '\u001B[31mred\u001B[39m', upper: false }] };
    const plain = { ...red, writes: [{ x: 0, y: 0, text: 'red', upper: false }] };
    for (const f of [red, plain, red]) expect(draw(Patched, f)).toBe(draw(Shipped, f));
  });

  it('read lines without a segmenter only where every character is a grapheme of its own', () => {
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
    const count = (text: string) => [...segmenter.segment(text)].length;
    const alone: string[] = [];
    for (const [from, to] of STANDALONE_RANGES as Array<[number, number]>) {
      for (let code = from; code <= to; code++) {
        const char = String.fromCharCode(code);
        // Nothing joins it to a letter on either side, or to itself.
        if (count(`a${char}a`) !== 3 || count(`${char}${char}`) !== 2) alone.push(code.toString(16));
      }
    }
    expect(alone).toEqual([]);
  });

  it('refuse an Ink whose source no longer has the shape they patch, naming the file', () => {
    const output = readFileSync(join(inkBuild, 'output.js'), 'utf8');
    expect(() => patchInkOutput(output.replace('caches = new OutputCaches();', 'caches = makeCaches();'), 'x/output.js')).toThrow(/x\/output\.js no longer has the code it replaces/);
    expect(() => patchInkOutput('export default class Output {}', 'y/output.js')).toThrow(/y\/output\.js has no OutputCaches/);
    const renderNode = readFileSync(join(inkBuild, 'render-node-to-output.js'), 'utf8');
    expect(patchInkRenderNode(renderNode)).toContain('tocMeasureText(text).width');
    expect(() => patchInkRenderNode(renderNode.replace('widestLine(text)', 'measure(text)'), 'z.js')).toThrow(/z\.js no longer has/);
  });
});
