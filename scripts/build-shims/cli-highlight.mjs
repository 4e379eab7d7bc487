// Stand-in for cli-highlight inside marked-terminal (wired by scripts/build.mjs). The real one
// brings highlight.js with every language (~2 MB) and would be parsed at every start; here it
// is required on the first fenced code block a passage shows. marked-terminal calls it inside
// a try/catch, so if it cannot be loaded the code is shown unhighlighted.
import { createRequire } from 'node:module';

let real;

export function highlight(code, options) {
  real ??= createRequire(import.meta.url)('cli-highlight');
  return real.highlight(code, options);
}
