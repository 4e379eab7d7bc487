// Stand-in for node-emoji inside marked-terminal (wired by scripts/build.mjs): the emoji table
// is only needed when emoji shortcodes are turned on (toc-review turns them off), so it is
// required on first use instead of being parsed at every start.
import { createRequire } from 'node:module';

let real;

export function get(name) {
  real ??= createRequire(import.meta.url)('node-emoji');
  return real.get(name);
}
