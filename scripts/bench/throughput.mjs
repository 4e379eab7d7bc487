// Child process of the benchmark: extraction throughput (parseDocument + extractEvidence, what
// `toc-review extract` does per document) against marked.lexer alone, on the same documents.
// Usage: node throughput.mjs <core bundle> <seed dir> <count> <passes>; prints one JSON line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { corpusSizedDocuments } from './synth.mjs';

const [bundle, seedDir, countArg, passesArg] = process.argv.slice(2);
const core = await import(pathToFileURL(bundle).href);
const seeds = readdirSync(seedDir)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .map((name) => readFileSync(join(seedDir, name), 'utf8'));
const docs = corpusSizedDocuments(seeds, Number(countArg));
const set = await core.loadCriteria();
const info = { path: 'bench.md', sha256: '0'.repeat(64) };

const lex = (text) => core.marked.lexer(text);
const extract = (text) => core.extractEvidence(core.parseDocument(text), set, info);

function pass(fn) {
  const start = process.hrtime.bigint();
  for (const text of docs) fn(text);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

// Warm-up so both are measured with optimised code, then alternate passes to share noise.
pass(lex);
pass(extract);
const lexer = [];
const extraction = [];
for (let i = 0; i < Number(passesArg); i++) {
  lexer.push(pass(lex));
  extraction.push(pass(extract));
}
const bytes = docs.reduce((sum, text) => sum + Buffer.byteLength(text), 0);
process.stdout.write(`${JSON.stringify({ documents: docs.length, meanBytes: Math.round(bytes / docs.length), lexer, extraction })}\n`);
