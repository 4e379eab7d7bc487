import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { readDocumentFile } from '../../src/store/document-file.js';

const dir = mkdtempSync(join(tmpdir(), 'toc-doc-'));
function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('readDocumentFile', () => {
  it('reads text, drops a BOM and hashes the bytes as on disk', async () => {
    const path = file('bom.md', '\uFEFF# Title\n');
    const doc = await readDocumentFile(path);
    expect(doc.text).toBe('# Title\n');
    expect(doc.sha256).toBe(createHash('sha256').update(Buffer.from('\uFEFF# Title\n')).digest('hex'));
    expect(doc.bytes).toBe(11);
  });

  it('refuses missing paths, directories, binary files and invalid UTF-8 in one line naming the file', async () => {
    expect(await errorOf(readDocumentFile(join(dir, 'nope.md')))).toBe(`${join(dir, 'nope.md')}: no such file`);
    expect(await errorOf(readDocumentFile(dir))).toBe(`${dir}: is a directory, not a markdown file`);
    expect(await errorOf(readDocumentFile(file('bin.md', new Uint8Array([0x89, 0x50, 0x00, 0x01]))))).toContain('binary file');
    expect(await errorOf(readDocumentFile(file('latin1.md', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x0a]))))).toContain('not valid UTF-8');
  });

  it('refuses documents over the size limit with the figures', async () => {
    const path = file('big.md', 'x'.repeat(3000));
    expect(await errorOf(readDocumentFile(path, { maxBytes: 1000 }))).toMatch(/big\.md: 0\.0 MB is over the 0\.0 MB document limit/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses unreadable files', async () => {
    const path = file('secret.md', '# x');
    chmodSync(path, 0o000);
    expect(await errorOf(readDocumentFile(path))).toBe(`${path}: permission denied`);
  });

  it('never echoes control sequences in the path', async () => {
    const message = await errorOf(readDocumentFile(join(dir, 'evil\u001b]52;c;eA==\u0007.md')));
    expect(message).not.toContain('\u001b');
  });
});
