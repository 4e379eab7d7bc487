// Loaded with `node --import` in the memory runs only: writes the process's peak resident set
// size (kB, as getrusage reports it on Linux) and its CPU time (user + system, microseconds, all
// threads) to $TOC_BENCH_RSS_FILE when the process exits, separated by a space.
import { writeFileSync } from 'node:fs';

const file = process.env.TOC_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
    } catch {
      // Measuring must never change how the command ends.
    }
  });
}
