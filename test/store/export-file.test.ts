// The store side of exports: where the UI's export lands and how -o refuses to overwrite.
import { lstatSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportPathFor, panelExportPathFor, writeExportFile, writeExportNextTo } from '../../src/store/export-file.js';

describe('export files', () => {
  it('names the export after the score file, in the same folder', () => {
    expect(exportPathFor('/w/scores/doc/ada.score.json')).toBe('/w/scores/doc/ada.summary.md');
    expect(exportPathFor('/w/scores/doc/ada.score.json', 'json')).toBe('/w/scores/doc/ada.summary.json');
    expect(exportPathFor('/elsewhere/copy.json')).toBe('/elsewhere/copy.summary.md');
    expect(panelExportPathFor('/w/scores/doc/ada.score.json')).toBe('/w/scores/doc/panel.summary.md');
  });

  it('writeExportNextTo replaces an earlier export and leaves no temporary files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'toc-export-file-'));
    const score = join(dir, 'ada.score.json');
    writeFileSync(score, '{}');
    expect(await writeExportNextTo(score, 'first\n')).toBe(join(dir, 'ada.summary.md'));
    expect(await writeExportNextTo(score, 'second\n')).toBe(join(dir, 'ada.summary.md'));
    expect(readFileSync(join(dir, 'ada.summary.md'), 'utf8')).toBe('second\n');
    expect(readdirSync(dir).sort()).toEqual(['ada.score.json', 'ada.summary.md']);
    expect(readFileSync(score, 'utf8')).toBe('{}');
  });

  it('writeExportFile refuses to replace a file unless asked, and creates missing folders', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'toc-export-file-'));
    const path = join(dir, 'a', 'b', 'out.md');
    await writeExportFile(path, 'one');
    await expect(writeExportFile(path, 'two')).rejects.toThrow(`${path}: already exists (use --force to replace it)`);
    expect(readFileSync(path, 'utf8')).toBe('one');
    await writeExportFile(path, 'three', { overwrite: true });
    expect(readFileSync(path, 'utf8')).toBe('three');
    writeFileSync(join(dir, 'file'), 'x');
    await expect(writeExportFile(join(dir, 'file', 'under-a-file.md'), 'x')).rejects.toThrow(/under-a-file\.md: cannot write \((ENOTDIR|EEXIST)\)/);
  });

  it('the UI export next to a score file refuses a symlink planted in its place (a shared repository can carry one)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'toc-export-file-'));
    const score = join(dir, 'ada.score.json');
    writeFileSync(score, '{}');
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, 'ada.summary.md'));
    await expect(writeExportNextTo(score, 'md')).rejects.toThrow(/ada\.summary\.md: is a symbolic link/);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(join(dir, 'ada.summary.md')).isSymbolicLink()).toBe(true);
  });
});
