// Evidence passages rendered as terminal markdown (marked + marked-terminal), loaded lazily:
// the import costs tens of milliseconds and is only paid when a passage is first shown.
// Rendering is memoised per (width, source) because the same passages are redrawn on every
// keypress.
import { stripVTControlCharacters } from 'node:util';
import { sanitizeText } from '../core/sanitize.js';

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
    const rows = out.replace(/\s+$/, '').split('\n');
    if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
    cache.set(key, rows);
    return rows;
  };
}

/** One shared renderer per process; the first call starts the import. */
export function loadMarkdownRenderer(options: { color: boolean }): Promise<MarkdownRenderer> {
  loading ??= createMarkdownRenderer(options);
  return loading;
}
