// A small text editor as a pure reducer: the notes editor and the search prompt drive it with
// keys and render `text` with the cursor at `cursor` (an index into the string's code units,
// always on a code point boundary).

export interface EditorState {
  text: string;
  cursor: number;
}

export type EditorAction =
  | { type: 'insert'; text: string }
  | { type: 'backspace' }
  | { type: 'delete' }
  | { type: 'left' }
  | { type: 'right' }
  | { type: 'home' }
  | { type: 'end' }
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'deleteWord' }
  | { type: 'clear' };

export function editorOf(text: string): EditorState {
  return { text, cursor: text.length };
}

function prevBoundary(text: string, index: number): number {
  if (index <= 0) return 0;
  const code = text.charCodeAt(index - 1);
  return code >= 0xdc00 && code <= 0xdfff && index >= 2 ? index - 2 : index - 1;
}

function nextBoundary(text: string, index: number): number {
  if (index >= text.length) return text.length;
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < text.length ? index + 2 : index + 1;
}

/** Cursor on the line above (-1) or below (1), at the same column or the line's end. */
function verticalMove(text: string, cursor: number, direction: 1 | -1): number {
  const lineStart = text.lastIndexOf('\n', cursor - 1) + 1;
  const column = cursor - lineStart;
  if (direction === -1) {
    if (lineStart === 0) return 0;
    const prevStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    return clampToBoundary(text, Math.min(prevStart + column, lineStart - 1));
  }
  const lineEnd = text.indexOf('\n', cursor);
  if (lineEnd === -1) return text.length;
  const nextEnd = text.indexOf('\n', lineEnd + 1);
  return clampToBoundary(text, Math.min(lineEnd + 1 + column, nextEnd === -1 ? text.length : nextEnd));
}

function clampToBoundary(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xdc00 && code <= 0xdfff ? index - 1 : index;
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  const { text, cursor } = state;
  switch (action.type) {
    case 'insert': {
      // Pasted text may carry CR/LF; notes are kept as typed, newlines as "\n".
      const insert = action.text.replace(/\r\n?/g, '\n');
      return { text: text.slice(0, cursor) + insert + text.slice(cursor), cursor: cursor + insert.length };
    }
    case 'backspace': {
      const from = prevBoundary(text, cursor);
      return { text: text.slice(0, from) + text.slice(cursor), cursor: from };
    }
    case 'delete': {
      const to = nextBoundary(text, cursor);
      return { text: text.slice(0, cursor) + text.slice(to), cursor };
    }
    case 'left':
      return { text, cursor: prevBoundary(text, cursor) };
    case 'right':
      return { text, cursor: nextBoundary(text, cursor) };
    // Start and end of the line the cursor is on (a note can hold several).
    case 'home':
      return { text, cursor: text.lastIndexOf('\n', cursor - 1) + 1 };
    case 'end': {
      const end = text.indexOf('\n', cursor);
      return { text, cursor: end === -1 ? text.length : end };
    }
    case 'up':
      return { text, cursor: verticalMove(text, cursor, -1) };
    case 'down':
      return { text, cursor: verticalMove(text, cursor, 1) };
    case 'deleteWord': {
      let from = cursor;
      while (from > 0 && /\s/.test(text[from - 1]!)) from--;
      while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
      return { text: text.slice(0, from) + text.slice(cursor), cursor: from };
    }
    case 'clear':
      return { text: '', cursor: 0 };
  }
}
