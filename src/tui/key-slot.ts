// Keys reach the UI through one subscription (App's useInput), which routes each keypress to
// the handler of the screen or editor on top. Components put their handler in a slot while
// rendering, so a component is listening from its first frame: with one useInput per component
// the subscription only starts after React flushes effects, and keys typed right after a screen
// change (fast typists, tmux, pasted text) were lost.
import type { InputKey } from './input-decoder.js';

/** One key (or, with key.paste, one pasted text: insert it or ignore it, never run it). */
export type KeyHandler = (input: string, key: InputKey) => void;

export interface KeySlot {
  current: KeyHandler | null;
}

export function keySlot(): KeySlot {
  return { current: null };
}
