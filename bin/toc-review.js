#!/usr/bin/env node
// The executable: load the bundled CLI (built by `npm run build`, which `npm install` runs).
import { main } from '../dist/cli.js';

// Output piped into `head` or a pager that quit early: stop quietly, as other command-line
// tools do, instead of dying with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error && error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === 'number') process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`toc-review: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
