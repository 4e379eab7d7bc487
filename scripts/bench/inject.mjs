// Put a bench run's output into docs/bench.md and README.md between the bench:start and
// bench:end markers: `node scripts/bench.mjs > run.txt && node scripts/bench/inject.mjs run.txt`.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const output = readFileSync(process.argv[2], 'utf8').trim();
const [title, machine, load, , ...table] = output.split('\n');
const block = ['<!-- bench:start -->', `${title}  `, `${machine}  `, `${load}`, '', ...table, '<!-- bench:end -->'].join('\n');
for (const name of ['docs/bench.md', 'README.md']) {
  const path = fileURLToPath(new URL(`../../${name}`, import.meta.url));
  const text = readFileSync(path, 'utf8');
  const next = text.replace(/<!-- bench:start -->[\s\S]*?<!-- bench:end -->/, block);
  if (next === text && !text.includes(block)) throw new Error(`${name}: no bench markers`);
  writeFileSync(path, next);
}
