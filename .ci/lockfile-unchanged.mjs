// Fails when `npm install` changed package-lock.json in any way that matters: a different
// version, integrity or dependency of anything installed. Optional platform-specific packages
// (rollup's and esbuild's per-OS binaries) are left out of the comparison, because which of
// them npm records depends on what the registry in reach lists at the time, not on the project.
// Usage: node .ci/lockfile-unchanged.mjs <committed lockfile> <lockfile after install>
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';

const packagesOf = (path) => {
  const { packages = {} } = JSON.parse(readFileSync(path, 'utf8'));
  const kept = {};
  for (const [name, entry] of Object.entries(packages)) {
    const platformOnly = entry.optional === true && (entry.os !== undefined || entry.cpu !== undefined);
    if (!platformOnly) kept[name] = entry;
  }
  return kept;
};

const [committedPath, installedPath] = process.argv.slice(2);
const committed = packagesOf(committedPath);
const installed = packagesOf(installedPath);
const names = new Set([...Object.keys(committed), ...Object.keys(installed)]);
const changed = [...names].filter((name) => !isDeepStrictEqual(committed[name], installed[name]));
if (changed.length > 0) {
  console.error(`package-lock.json changed on install (${changed.length} packages): ${changed.slice(0, 10).join(', ')}`);
  process.exit(1);
}
