// Entry for the benchmark's in-process bundle: the same extraction code the CLI runs (bundled
// from src/ by esbuild with the CLI's settings), next to marked's lexer as the yardstick.
export { parseDocument } from '../../src/core/document/document.js';
export { extractEvidence } from '../../src/core/evidence/extract.js';
export { loadCriteria } from '../../src/store/criteria-files.js';
export { marked } from 'marked';
