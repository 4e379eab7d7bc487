// Atomic file replacement: write a temporary file in the same folder, fsync it, rename it over
// the target, fsync the folder. A crash or SIGKILL at any moment leaves the old bytes or the new
// bytes, never a mix. (rename within one folder is atomic on POSIX file systems.)
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Temporary names look like `.<target>.<pid>.<random>.tmp` (ignored by git via *.tmp). */
function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

async function fsyncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some platforms (Windows, some network file systems) cannot fsync a folder; the rename
    // is still atomic there, only its durability across power loss is weaker.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Permission bits of the file being replaced, or null when there is none yet. */
async function existingMode(path: string): Promise<number | null> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch {
    return null;
  }
}

/**
 * Replace `path` with `content`. A file that exists keeps its permission bits (a reviewer's
 * `chmod 600` survives every save); a new one gets `mode` less the umask.
 */
export async function writeFileAtomic(path: string, content: string | Uint8Array, mode = 0o644): Promise<void> {
  const keep = await existingMode(path);
  const temp = tempPathFor(path);
  const handle = await open(temp, 'wx', keep ?? mode);
  try {
    try {
      // open() applies the umask; chmod sets the old file's bits exactly.
      if (keep !== null) await handle.chmod(keep);
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await fsyncDirectory(dirname(path));
}

/**
 * Remove temporary files left next to `path` by writers that were killed mid-save. Only call
 * while holding the file's lock, so no live writer's temp file is removed.
 */
export async function removeStaleTempFiles(path: string): Promise<number> {
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (name.startsWith(prefix) && /\.\d+\.[0-9a-f]{8}\.tmp$/.test(name)) {
      await unlink(join(dirname(path), name)).then(
        () => removed++,
        () => undefined,
      );
    }
  }
  return removed;
}
