// Bundle the CLI with esbuild: one small entry chunk plus lazily loaded chunks per command,
// so `--version` and `extract` never load React, Ink or the markdown highlighter.
import { build } from 'esbuild';
import { inkFramePatches } from './build-patches/ink-frame.mjs';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const zodLocalesDir = fileURLToPath(new URL('../node_modules/zod/v4/locales/', import.meta.url));
const shim = (name) => fileURLToPath(new URL(`./build-shims/${name}.mjs`, import.meta.url));

/**
 * Startup trims that change no behaviour (see docs/bench.md for the figures):
 * - marked-terminal's highlighter (highlight.js, every language) and emoji table are required
 *   on first use instead of parsed at every start;
 * - yoga-layout (Ink's layout engine) takes its synchronous path to decode the inlined wasm
 *   instead of calling fetch() on a data: URL, which loads Node's whole fetch implementation;
 * - zod keeps only its English messages (the ones it uses): its other 60-odd locales were a
 *   third of the schema chunk parsed at every start of the review screen.
 */
const startupTrims = {
  name: 'startup-trims',
  setup(b) {
    b.onResolve({ filter: /^(cli-highlight|node-emoji)$/ }, (args) =>
      args.importer.includes('marked-terminal') ? { path: shim(args.path) } : undefined,
    );
    b.onLoad({ filter: /zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({
      contents: "export { default as en } from './en.js';",
      loader: 'js',
      resolveDir: zodLocalesDir,
    }));
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/].*\.js$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('typeof fetch', 'typeof undefined'),
      loader: 'js',
    }));
  },
};

// Some bundled CommonJS dependencies call require(); give the ESM bundle one.
const banner = {
  js: "import { createRequire as __tocCreateRequire } from 'node:module'; const require = __tocCreateRequire(import.meta.url);",
};

/**
 * The shipped criteria sets, parsed and validated now with the same parser the CLI bundles,
 * keyed by the sha256 of their bytes (see src/store/criteria-files.ts): at run time a shipped
 * file whose bytes match skips the YAML parser and the schema library altogether.
 */
async function precompileCriteria() {
  const dir = mkdtempSync(join(tmpdir(), 'toc-review-build-'));
  try {
    await build({ entryPoints: ['src/core/criteria/criteria.ts'], outfile: join(dir, 'criteria.mjs'), bundle: true, format: 'esm', platform: 'node', target: 'node20', banner, logLevel: 'warning' });
    const { parseCriteriaSet } = await import(pathToFileURL(join(dir, 'criteria.mjs')).href);
    const criteriaDir = fileURLToPath(new URL('../criteria/', import.meta.url));
    const sets = {};
    for (const name of readdirSync(criteriaDir).filter((n) => /\.ya?ml$/.test(n))) {
      const { source, ...set } = parseCriteriaSet(readFileSync(join(criteriaDir, name), 'utf8'), name);
      sets[source.sha256] = set;
    }
    return sets;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const precompiledCriteria = await precompileCriteria();

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  // The batch worker is an entry of its own: worker threads start from a file (dist/batch-worker.js).
  entryPoints: { cli: 'src/cli.ts', 'batch-worker': 'src/commands/batch/batch-worker.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  minify: false,
  sourcemap: false,
  legalComments: 'none',
  // Ink loads react-devtools-core only when DEV=true; it is not a dependency of ours.
  external: ['react-devtools-core'],
  define: {
    'process.env.NODE_ENV': '"production"',
    __TOC_PRECOMPILED_CRITERIA__: JSON.stringify(JSON.stringify(precompiledCriteria)),
    // Cached extraction results (src/store/extract-cache.ts) are only reused by the build that
    // wrote them.
    __TOC_BUILD_ID__: JSON.stringify(`${Date.now().toString(36)}-${randomBytes(6).toString('hex')}`),
  },
  banner,
  plugins: [startupTrims, inkFramePatches],
  logLevel: 'warning',
});
