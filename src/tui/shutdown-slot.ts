// Before the app ends (q, Ctrl-C, SIGTERM, a crash) the review on top gets to finish: save the
// note being typed, wait for saves in flight, retry a failed one. It answers with one line
// naming what could not be saved, or null. Filled in while rendering, like the key slot.

export type Finish = () => Promise<string | null>;

export interface ShutdownSlot {
  current: Finish | null;
}

export function shutdownSlot(): ShutdownSlot {
  return { current: null };
}
