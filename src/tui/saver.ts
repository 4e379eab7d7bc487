// Saves in order without piling up: while one write is in flight only the newest pending file
// is kept, so fast scoring never queues stale writes and the last change always lands.

export interface Saver<T> {
  save(value: T, label: string): void;
  /** Resolves when nothing is pending or in flight. */
  flush(): Promise<void>;
}

export function createSaver<T>(write: (value: T) => Promise<void>, report: (label: string, error: unknown | null) => void): Saver<T> {
  let pending: { value: T; label: string } | null = null;
  let running: Promise<void> | null = null;
  const run = async () => {
    while (pending) {
      const job = pending;
      pending = null;
      try {
        await write(job.value);
        if (!pending) report(job.label, null);
      } catch (error) {
        report(job.label, error);
      }
    }
    running = null;
  };
  return {
    save(value, label) {
      pending = { value, label };
      running ??= run();
    },
    async flush() {
      while (running) await running;
    },
  };
}
