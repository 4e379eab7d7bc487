// Bundle the CLI with esbuild: one small entry chunk plus lazily loaded chunks per command,
// so `--version` and `extract` never load React, Ink or the markdown highlighter.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const shim = (name) => fileURLToPath(new URL(`./build-shims/${name}.mjs`, import.meta.url));

/**
 * Startup trims that change no behaviour (see docs/bench.md for the figures):
 * - marked-terminal's highlighter (highlight.js, every language) and emoji table are required
 *   on first use instead of parsed at every start;
 * - yoga-layout (Ink's layout engine) takes its synchronous path to decode the inlined wasm
 *   instead of calling fetch() on a data: URL, which loads Node's whole fetch implementation.
 */
const startupTrims = {
  name: 'startup-trims',
  setup(b) {
    b.onResolve({ filter: /^(cli-highlight|node-emoji)$/ }, (args) =>
      args.importer.includes('marked-terminal') ? { path: shim(args.path) } : undefined,
    );
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/].*\.js$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replaceAll('typeof fetch', 'typeof undefined'),
      loader: 'js',
    }));
  },
};

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts' },
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
  define: { 'process.env.NODE_ENV': '"production"' },
  // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
  banner: {
    js: "import { createRequire as __tocCreateRequire } from 'node:module'; const require = __tocCreateRequire(import.meta.url);",
  },
  plugins: [startupTrims],
  logLevel: 'warning',
});
