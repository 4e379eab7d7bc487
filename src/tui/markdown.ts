// Evidence passages rendered as terminal markdown (marked + marked-terminal), loaded lazily:
// the import costs tens of milliseconds and is only paid when a passage is first shown.
// Rendering is memoised per (width, source) because the same passages are redrawn on every
// keypress.
import { stripVTControlCharacters } from 'node:util';
import { sanitizeText } from '../core/sanitize.js';
import { charWidth } from './text.js';

/** Markdown source in, terminal rows out (ANSI styling kept unless colour is off). */
export type MarkdownRenderer = (source: string, width: number) => string[];

const CACHE_LIMIT = 4000;
// OSC 8 hyperlinks would confuse width measurement; links are shown as text instead.
const OSC = /\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)/g;

let loading: Promise<MarkdownRenderer> | null = null;

export async function createMarkdownRenderer(options: { color: boolean }): Promise<MarkdownRenderer> {
  const [{ Marked }, { markedTerminal }] = await Promise.all([import('marked'), import('marked-terminal')]);
  const byWidth = new Map<number, InstanceType<typeof Marked>>();
  const cache = new Map<string, string[]>();
  const instance = (width: number) => {
    let marked = byWidth.get(width);
    if (!marked) {
      marked = new Marked();
      // The extension's types lag behind marked 17; it is a plain MarkedExtension at runtime.
      marked.use(markedTerminal({ width, reflowText: true, showSectionPrefix: false, tab: 2, emoji: false }) as never);
      byWidth.set(width, marked);
    }
    return marked;
  };
  return (source, width) => {
    const w = Math.max(10, width);
    const key = `${w}\u0000${source}`;
    const hit = cache.get(key);
    if (hit) return hit;
    let out: string;
    try {
      // Sanitise the source, not the output: marked-terminal's own styling must survive.
      out = instance(w).parse(sanitizeText(source), { async: false }) as string;
    } catch {
      out = sanitizeText(source);
    }
    out = out.replace(OSC, '');
    if (!options.color) out = stripVTControlCharacters(out);
    // marked-terminal reflows paragraphs but not list items or quotes: wrap what is still wide.
    const rows = out
      .replace(/\s+$/, '')
      .split('\n')
      .flatMap((row) => wrapAnsiRow(row, w));
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, rows);
    return rows;
  };
}

let loaded: MarkdownRenderer | null = null;

/** One shared renderer per process; the first call starts the import. */
export function loadMarkdownRenderer(options: { color: boolean }): Promise<MarkdownRenderer> {
  loading ??= createMarkdownRenderer(options).then((renderer) => (loaded = renderer));
  return loading;
}

/**
 * The shared renderer if it has finished loading, else null: a screen mounted after the review
 * command preloaded it renders markdown in its very first frame instead of plain text first.
 */
export function loadedMarkdownRenderer(): MarkdownRenderer | null {
  return loaded;
}

const SGR = /^\u001B\[[0-9;]*m/;

/**
 * Wrap one row of styled text to `width` cells, at the last space where possible, keeping the
 * row's indentation on continuation rows and carrying the active styling across the break.
 */
export function wrapAnsiRow(row: string, width: number): string[] {
  const plainWidth = (() => {
    let w = 0;
    for (const ch of stripVTControlCharacters(row)) w += charWidth(ch);
    return w;
  })();
  if (plainWidth <= width) return [row];
  const indent = ' '.repeat(Math.min(/^ */.exec(stripVTControlCharacters(row))![0].length + 2, Math.floor(width / 2)));
  const rows: string[] = [];
  let current = '';
  let used = 0;
  let active = '';
  // Position in `current` (and width used) just after the last space, for word breaks.
  let lastSpace: { index: number; used: number; active: string } | null = null;
  const start = () => {
    current = indent + active;
    used = indent.length;
    lastSpace = null;
  };
  let i = 0;
  while (i < row.length) {
    const sgr = SGR.exec(row.slice(i, i + 32));
    if (sgr) {
      current += sgr[0];
      active = sgr[0] === '\u001B[0m' || sgr[0] === '\u001B[m' ? '' : active + sgr[0];
      i += sgr[0].length;
      continue;
    }
    const ch = String.fromCodePoint(row.codePointAt(i)!);
    i += ch.length;
    const cw = charWidth(ch);
    if (used + cw > width) {
      const breakAt: { index: number; used: number; active: string } | null = lastSpace;
      if (breakAt && breakAt.used > indent.length + 1) {
        const carried = current.slice(breakAt.index);
        rows.push(current.slice(0, breakAt.index).trimEnd() + (breakAt.active ? '\u001B[0m' : ''));
        const activeNow = active;
        active = breakAt.active;
        start();
        active = activeNow;
        current += carried;
        used += stripVTControlCharacters(carried).length;
      } else {
        rows.push(current + (active ? '\u001B[0m' : ''));
        start();
      }
    }
    current += ch;
    used += cw;
    if (ch === ' ') lastSpace = { index: current.length, used, active };
  }
  if (stripVTControlCharacters(current).trim() !== '') rows.push(current);
  return rows;
}
