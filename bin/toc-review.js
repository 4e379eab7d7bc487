#!/usr/bin/env node
// The executable: load the bundled CLI (built by `npm run build`, which `npm install` runs).
import { main } from '../dist/cli.js';

main(process.argv.slice(2)).then(
  (code) => {
    if (typeof code === 'number') process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`toc-review: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
