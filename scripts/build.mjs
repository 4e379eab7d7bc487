// Bundle the CLI with esbuild: one small entry chunk plus lazily loaded chunks per command,
// so `--version` and `extract` never load React, Ink or the markdown highlighter.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

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
  logLevel: 'warning',
});
