// readDocumentFile on everything that is not a readable UTF-8 markdown file: a one-line
// UserError naming the file, never a hang, never a raw control character in the message.
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { readDocumentFile } from '../../src/store/document-file.js';
import { brokenDocuments, hostileDocuments } from '../../scripts/make-hostile-fixtures.mjs';
import { findControl, HOSTILE, tempDir } from './helpers.js';

// Root reads through chmod 000, so "permission denied" is simulated at the fs layer for any
// path containing "simulated-unreadable"; the real chmod case runs only when not root.
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  const denied = (path: unknown) => String(path).includes('simulated-unreadable');
  const eacces = (path: unknown) => Object.assign(new Error(`EACCES: permission denied, open '${String(path)}'`), { code: 'EACCES' });
  return {
    ...fs,
    readFile: (async (path: Parameters<typeof fs.readFile>[0], ...rest: unknown[]) => {
      if (denied(path)) throw eacces(path);
      return (fs.readFile as (...args: unknown[]) => unknown)(path, ...rest);
    }) as typeof fs.readFile,
    open: (async (path: Parameters<typeof fs.open>[0], ...rest: unknown[]) => {
      if (denied(path)) throw eacces(path);
      return (fs.open as (...args: unknown[]) => unknown)(path, ...rest);
    }) as typeof fs.open,
  };
});

const dir = tempDir('toc-hostile-reader-');
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function refusal(path: string, maxBytes?: number): Promise<string> {
  try {
    await readDocumentFile(path, maxBytes === undefined ? {} : { maxBytes });
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(findControl(message)).toBeNull();
    return message;
  }
  throw new Error(`expected ${path} to be refused`);
}

describe('readDocumentFile on broken input', () => {
  it.each(Object.keys(brokenDocuments()).filter((name) => !name.includes('empty') && !name.includes('whitespace')))(
    'refuses broken/%s naming the file',
    async (name) => {
      const path = join(HOSTILE, 'broken', name);
      expect(await refusal(path)).toMatch(new RegExp(`^${escapeRegExp(path)}: (binary file|not valid UTF-8)`));
    },
  );

  it('refuses an empty or whitespace-only file: there is nothing to review', async () => {
    for (const name of ['empty.md', 'whitespace-only.md']) {
      const path = join(HOSTILE, 'broken', name);
      expect(await refusal(path)).toBe(`${path}: empty file, nothing to review`);
    }
  });

  it('reads hostile documents as they are: sanitising is for output, not storage', async () => {
    for (const [name, text] of Object.entries(hostileDocuments())) {
      const doc = await readDocumentFile(join(HOSTILE, 'documents', name));
      expect(doc.text, name).toBe(text.replace(/^\ufeff/, ''));
    }
  });

  it('refuses a missing path and a directory', async () => {
    expect(await refusal(join(dir, 'missing.md'))).toBe(`${join(dir, 'missing.md')}: no such file`);
    expect(await refusal(dir)).toMatch(/: is a directory/);
  });

  it('refuses a file it may not read (simulated, so it also holds when running as root)', async () => {
    const path = join(dir, 'simulated-unreadable.md');
    writeFileSync(path, '# x\n');
    expect(await refusal(path)).toBe(`${path}: permission denied`);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a file with mode 000 (skipped as root: root reads it anyway)', async () => {
    const path = join(dir, 'mode-000.md');
    writeFileSync(path, '# x\n');
    chmodSync(path, 0o000);
    expect(await refusal(path)).toBe(`${path}: permission denied`);
  });

  it('refuses devices and pipes instead of reading forever', async () => {
    expect(await refusal('/dev/zero')).toMatch(/^\/dev\/zero: not a regular file/);
    const fifo = join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    expect(await refusal(fifo)).toMatch(/pipe\.md: not a regular file/);
  });

  it('refuses a document over the limit set by TOC_REVIEW_MAX_DOC_MB, quoting the figures', async () => {
    const path = join(dir, 'big.md');
    writeFileSync(path, `# Big\n${'x'.repeat(1_200_000)}\n`);
    vi.stubEnv('TOC_REVIEW_MAX_DOC_MB', '1');
    try {
      expect(await refusal(path)).toBe(`${path}: 1.1 MB is over the 1.0 MB document limit (set TOC_REVIEW_MAX_DOC_MB to raise it)`);
    } finally {
      vi.unstubAllEnvs();
    }
    expect((await readDocumentFile(path)).bytes).toBe(1_200_007);
  });

  it('never echoes control sequences from the path itself', async () => {
    const message = await refusal(join(dir, `evil\x1b]52;c;ZXZpbA==\x07\u202e.md`));
    expect(message).toContain('evil');
    expect(message).toContain('\\u202e');
  });
});
