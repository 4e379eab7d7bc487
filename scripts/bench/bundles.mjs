// The two bundles the bench builds next to the CLI's, with the CLI's settings (one ESM bundle,
// production React, a require() for bundled CommonJS): the bare Ink app used as a floor, and the
// extraction code for the in-process throughput run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { inkFramePatches } from '../build-patches/ink-frame.mjs';

const HERE = fileURLToPath(new URL('.', import.meta.url));

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  define: { 'process.env.NODE_ENV': '"production"' },
  banner: { js: "import { createRequire as __tocCreateRequire } from 'node:module'; const require = __tocCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};

/**
 * scripts/bench/ink-floor.mjs bundled into `outdir` with Ink as the CLI ships it (yoga without
 * fetch, the frame patches of scripts/build-patches/ink-frame.mjs); its path.
 */
export async function bundleInkFloor(outdir) {
  await build({
    ...common,
    entryPoints: [join(HERE, 'ink-floor.mjs')],
    outdir,
    splitting: true,
    external: ['react-devtools-core'],
    plugins: [
      {
        name: 'yoga-without-fetch',
        setup(b) {
          b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/].*\.js$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replaceAll('typeof fetch', 'typeof undefined'),
            loader: 'js',
          }));
        },
      },
      inkFramePatches,
    ],
  });
  return join(outdir, 'ink-floor.js');
}

/**
 * The extraction code (scripts/bench/core-entry.mjs) bundled to `outfile`, which must lie inside
 * a copy of the package so the shipped criteria are found.
 */
export async function bundleCore(outfile) {
  await build({ ...common, entryPoints: [join(HERE, 'core-entry.mjs')], outfile });
  return outfile;
}
