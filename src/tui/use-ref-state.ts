// State whose latest value is readable synchronously. Ink delivers several keypresses between
// renders (fast typing, tmux send-keys, paste); each handler must build on the previous one's
// result, not on the value captured at the last render.
import { useCallback, useRef, useState } from 'react';

export function useRefState<T>(initial: T | (() => T)): [T, (next: T | ((prev: T) => T)) => T, { readonly current: T }] {
  const [state, setState] = useState<T>(initial);
  const ref = useRef<T>(state);
  const set = useCallback((next: T | ((prev: T) => T)) => {
    const value = typeof next === 'function' ? (next as (prev: T) => T)(ref.current) : next;
    ref.current = value;
    setState(value);
    return value;
  }, []);
  return [state, set, ref];
}

/** Split a multi-character input chunk (typed ahead or sent by a script) into single keys. */
export function eachKey(input: string): string[] {
  return input.length <= 1 ? [input] : Array.from(input);
}
