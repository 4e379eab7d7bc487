// Keys reach the UI through one subscription (App's useInput), which routes each keypress to
// the handler of the screen or editor on top. Components put their handler in a slot while
// rendering, so a component is listening from its first frame: with one useInput per component
// the subscription only starts after React flushes effects, and keys typed right after a screen
// change (fast typists, tmux, pasted text) were lost.
import type { Key } from 'ink';

export type KeyHandler = (input: string, key: Key) => void;

export interface KeySlot {
  current: KeyHandler | null;
}

export function keySlot(): KeySlot {
  return { current: null };
}
