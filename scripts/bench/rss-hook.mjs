// Loaded with `node --import` in the memory runs only: writes the process's peak resident set
// size (kB, as getrusage reports it on Linux) to $TOC_BENCH_RSS_FILE when the process exits.
import { writeFileSync } from 'node:fs';

const file = process.env.TOC_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // Measuring must never change how the command ends.
    }
  });
}
