// A strict pass over JSON text before JSON.parse builds the value, for files people edit and
// merge by hand (score files). JSON.parse silently keeps the last of two equal keys (a bad git
// merge makes exactly that) and reports syntax errors by byte offset, or not at all; this pass
// finds both and says where: the field path of a duplicate key, the line and column of a syntax
// error. Linear time, no recursion (nesting depth cannot overflow the stack). Pure.

export type JsonProblem =
  | { kind: 'syntax'; line: number; column: number; message: string }
  | { kind: 'duplicate-key'; path: (string | number)[]; key: string; line: number; column: number };

interface Frame {
  kind: 'object' | 'array';
  /** Keys seen in this object (objects only). */
  keys: Set<string> | null;
  /** The current key (objects) or index (arrays), for paths. */
  at: string | number;
}

// A whole JSON string; group 1 is set when it holds an escape (its value then needs decoding).
const STRING = /"[^"\\\x00-\x1f]*(?:(\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))[^"\\\x00-\x1f]*)*"/y;

/** The first problem in `text` (duplicate key or syntax error), or null when it is clean JSON. */
export function checkJsonText(text: string): JsonProblem | null {
  let i = 0;
  const n = text.length;
  const stack: Frame[] = [];

  const position = (offset: number): { line: number; column: number } => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < offset && k < n; k++) {
      if (text.charCodeAt(k) === 0x0a) {
        line++;
        lineStart = k + 1;
      }
    }
    return { line, column: offset - lineStart + 1 };
  };
  const syntax = (offset: number, message: string): JsonProblem => ({ kind: 'syntax', ...position(offset), message });
  const found = (offset: number): string => (offset >= n ? 'end of the text' : describeChar(text, offset));
  const skipSpace = () => {
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++i));
  };

  /** Scan a string starting at the opening quote; returns its value, or a problem. */
  const scanString = (): string | JsonProblem => {
    const start = i;
    // Fast path for a well-formed string; the loop below only runs to name what is wrong.
    STRING.lastIndex = i;
    const m = STRING.exec(text);
    if (m) {
      i += m[0].length;
      return m[1] === undefined ? m[0].slice(1, -1) : (JSON.parse(m[0]) as string);
    }
    i++;
    let plain = true;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i++;
        const raw = text.slice(start, i);
        return plain ? raw.slice(1, -1) : (JSON.parse(raw) as string);
      }
      if (c === 0x5c) {
        plain = false;
        const e = text.charCodeAt(i + 1);
        if (e === 0x75) {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return syntax(i, 'bad \\u escape in a string (expected 4 hex digits)');
          i += 6;
        } else if ('"\\/bfnrt'.includes(text[i + 1] ?? 'x')) {
          i += 2;
        } else {
          return syntax(i, `bad escape ${i + 1 < n ? `"\\${text[i + 1]}"` : 'at the end of the text'} in a string`);
        }
        continue;
      }
      if (c < 0x20) return syntax(i, `${describeChar(text, i)} inside a string (write it as an escape such as \\n)`);
      i++;
    }
    return syntax(start, 'string is never closed (missing ")');
  };

  const scanNumber = (): JsonProblem | null => {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = i;
    const m = match.exec(text);
    if (!m || m[0] === '' || m[0] === '-') return syntax(i, `unexpected ${found(i)} (expected a value)`);
    i += m[0].length;
    return null;
  };

  /** Scan one value; containers push a frame and return, their contents are scanned by the loop. */
  const scanValue = (): JsonProblem | null => {
    skipSpace();
    if (i >= n) return syntax(i, 'unexpected end of the text (expected a value)');
    const c = text[i]!;
    if (c === '{') {
      stack.push({ kind: 'object', keys: new Set(), at: '' });
      i++;
      return null;
    }
    if (c === '[') {
      stack.push({ kind: 'array', keys: null, at: 0 });
      i++;
      return null;
    }
    if (c === '"') {
      const s = scanString();
      return typeof s === 'string' ? null : s;
    }
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return null;
      }
    }
    if (c === '-' || (c >= '0' && c <= '9')) return scanNumber();
    return syntax(i, `unexpected ${found(i)} (expected a value)`);
  };

  // A loop over the explicit stack. `first`: the innermost container has just opened, so its
  // first entry or its end comes next; otherwise a comma or its end.
  let problem = scanValue();
  if (problem) return problem;
  let first = true;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    skipSpace();
    const close = frame.kind === 'object' ? '}' : ']';
    if (text[i] === close && first) {
      stack.pop();
      i++;
      first = false;
      continue;
    }
    if (!first) {
      if (text[i] === close) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return syntax(i, `unexpected ${found(i)} (expected "," or "${close}")`);
      i++;
      skipSpace();
      if (frame.kind === 'array') frame.at = (frame.at as number) + 1;
    }
    if (frame.kind === 'object') {
      if (text[i] !== '"') return syntax(i, `unexpected ${found(i)} (expected a property name in double quotes)`);
      const keyStart = i;
      const key = scanString();
      if (typeof key !== 'string') return key;
      if (frame.keys!.has(key)) {
        return { kind: 'duplicate-key', path: [...pathOf(stack.slice(0, -1)), key], key, ...position(keyStart) };
      }
      frame.keys!.add(key);
      frame.at = key;
      skipSpace();
      if (text[i] !== ':') return syntax(i, `unexpected ${found(i)} (expected ":" after a property name)`);
      i++;
    }
    const depth = stack.length;
    problem = scanValue();
    if (problem) return problem;
    // A container value opened a new frame: its first entry comes next.
    first = stack.length > depth;
  }
  skipSpace();
  if (i < n) return syntax(i, `unexpected ${found(i)} after the end of the JSON value`);
  return null;
}

function pathOf(frames: readonly Frame[]): (string | number)[] {
  return frames.map((frame) => frame.at);
}

function describeChar(text: string, offset: number): string {
  const code = text.codePointAt(offset) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return `control character \\x${code.toString(16).padStart(2, '0')}`;
  return `"${String.fromCodePoint(code)}"`;
}
