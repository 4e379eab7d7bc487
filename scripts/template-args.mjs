// Shared by the template gold and alignment scripts: the repo root and where the cncf/toc
// mirror and the materialised pool documents are (--mirror GIT_DIR, --pool DIR).
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : fallback;
};
export const mirror = option('--mirror', '/work/.mirror/cncf+toc/repo');
export const pool = option('--pool', '/tmp/toc-review-pool');
