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
    case 'home':
      return { text, cursor: 0 };
    case 'end':
      return { text, cursor: text.length };
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
