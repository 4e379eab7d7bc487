// The export command end to end (in-process): arguments, reviewer and workspace resolution,
// panels, JSON, -o/--force, dates, and the errors a user can act on.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, linkSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDate } from '../../src/commands/export.js';
import { runCli } from '../helpers/cli.js';
import { CRITERIA_PATH, tempWorkspace, writePlannedScoreFile, type ScorePlan } from '../helpers/export-fixtures.js';
import { tableShapes } from '../helpers/markdown-check.js';

const NAME = 'kube-ovn-2022-annual';

function plan(handle: string, name: string, scores: [number | null, number | null, number | null, number | null]): ScorePlan {
  const ids = ['production-users', 'committer-health', 'commit-flow', 'versioning'];
  return {
    reviewer: { name, handle },
    items: Object.fromEntries(ids.map((id, i) => [id, { score: scores[i]!, notes: `${name} on ${id}`, cite: i === 0 ? ([[44, 46]] as [number, number][]) : [] }])),
    verdict: 'ready',
    recommendation: `${name} says ready`,
  };
}

function setup() {
  const ws = tempWorkspace(NAME);
  const ada = writePlannedScoreFile(ws, NAME, plan('ada', 'Ada Lovelace', [2, 1, null, 2]));
  return { ws, ada };
}

describe('toc-review export', () => {
  it('prints one reviewer\'s summary for a score file, with the date from TOC_REVIEW_NOW', async () => {
    const { ws, ada } = setup();
    const result = await runCli(['export', ada], { env: { ...ws.env, TOC_REVIEW_NOW: '2030-01-02T03:04:05Z' }, cwd: ws.root });
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toContain('- **Date:** exported 2030-01-02, scores last changed 2026-11-20');
    expect(result.stdout).toContain('| Commit flow | unscored | — unscored |');
    expect(tableShapes(result.stdout)).toEqual([{ header: 3, rows: [3, 3, 3, 3] }]);
  });

  it('finds the current reviewer\'s score file for a document (--reviewer, env, or the handle)', async () => {
    const { ws } = setup();
    const byFlag = await runCli(['export', ws.doc, '--workspace', ws.workspace, '--reviewer', 'Ada Lovelace', '--handle', 'ada', '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
    expect(byFlag.code).toBe(0);
    expect(byFlag.stdout).toContain('- **Reviewer:** Ada Lovelace (`ada`)');
    // TOC_REVIEW_REVIEWER="Ada" slugs to "ada"; the workspace defaults to ./reviews under cwd.
    const byEnv = await runCli(['export', 'reviews/kube-ovn-2022-annual.md', '--date', '2026-01-01'], { env: { ...ws.env, TOC_REVIEW_REVIEWER: 'Ada' }, cwd: ws.root });
    expect(byEnv.code).toBe(0);
    expect(byEnv.stdout).toBe(byFlag.stdout);
    const nobody = await runCli(['export', ws.doc, '--workspace', ws.workspace, '--reviewer', 'Grace Hopper'], { env: ws.env, cwd: ws.root });
    expect(nobody.code).toBe(1);
    expect(nobody.stderr).toMatch(
      /^toc-review: export: Grace Hopper \(grace-hopper\) has no score file for .*kube-ovn-2022-annual\.md \(looked for .*grace-hopper\.score\.json\); 1 other reviewer's file exists \(use --panel\)\n$/,
    );
    const unknown = await runCli(['export', ws.doc, '--workspace', ws.workspace], { env: ws.env, cwd: ws.root });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^toc-review: export: .*kube-ovn-2022-annual\.md: no reviewer known, so no score file to pick for it; give --reviewer NAME/);
  });

  it('makes a panel from several files or from a document with --panel, refusing mixed documents and repeated reviewers', async () => {
    const { ws, ada } = setup();
    const grace = writePlannedScoreFile(ws, NAME, plan('grace', 'Grace Hopper', [0, 1, 3, null]));
    const files = await runCli(['export', ada, grace, '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
    expect(files.code).toBe(0);
    expect(tableShapes(files.stdout)).toEqual([{ header: 7, rows: [7, 7, 7, 7] }]);
    expect(files.stdout).toContain('| Production users | 2 (Met) | 0 (Not met) | 1 | 1 | 0–2 | ⚠️ disagree |');
    const byDoc = await runCli(['export', ws.doc, '--panel', '--workspace', ws.workspace, '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
    expect(byDoc.stdout).toBe(files.stdout);
    const byFolder = await runCli(['export', join(ws.workspace, 'scores', NAME), '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
    expect(byFolder.stdout).toBe(files.stdout);
    const emptyFolder = await runCli(['export', ws.root + '/no-scores-here', '--panel'], { env: ws.env, cwd: ws.root });
    expect(emptyFolder.code).toBe(1);

    const twice = await runCli(['export', ada, ada], { env: ws.env, cwd: ws.root });
    expect(twice.code).toBe(1);
    expect(twice.stderr).toContain('are both by reviewer "ada"');

    const other = tempWorkspace('kubevirt-incubation-draft');
    const elsewhere = writePlannedScoreFile(other, 'kubevirt-incubation-draft', plan('linus', 'Linus', [1, 1, 1, 1]));
    // Files of different documents are exported as separate panels, as `panel` shows them.
    const mixed = await runCli(['export', ada, elsewhere, '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
    expect(mixed.code).toBe(0);
    expect(mixed.stderr).toBe('toc-review: export: these files are for 2 different documents, document versions or criteria sets; each is exported as its own panel\n');
    expect(mixed.stdout.split('\n---\n')).toHaveLength(2);
    expect(tableShapes(mixed.stdout)).toEqual([{ header: 6, rows: [6, 6, 6, 6] }, { header: 6, rows: [6, 6, 6, 6] }]);
  });

  it('never averages different document versions or criteria versions: the same groups as panel', async () => {
    const { ws, ada } = setup();
    const grace = writePlannedScoreFile(ws, NAME, plan('grace', 'Grace Hopper', [0, 1, 3, null]));
    const linus = writePlannedScoreFile(ws, NAME, plan('linus', 'Linus', [3, 3, 3, 3]));
    // Grace scored an older version of the document; Linus an older version of the criteria set.
    const edit = (path: string, change: (data: any) => void) => {
      const data = JSON.parse(readFileSync(path, 'utf8'));
      change(data);
      writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
    };
    edit(grace, (d) => (d.document.sha256 = 'b'.repeat(64)));
    edit(linus, (d) => (d.criteria.sha256 = 'c'.repeat(64)));
    const panelJson = JSON.parse((await runCli(['panel', ada, grace, linus, '--json'], { env: ws.env, cwd: ws.root })).stdout);
    const exported = await runCli(['export', ada, grace, linus, '--format', 'json', '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
    expect(exported.code).toBe(0);
    const groups = JSON.parse(exported.stdout);
    expect(groups.schema).toBe('toc-review/export-groups@1');
    const handles = (g: { reviewers: { handle: string }[] }) => g.reviewers.map((r) => r.handle);
    expect(groups.groups.map(handles)).toEqual(panelJson.groups.map(handles));
    expect(groups.groups.map(handles)).toEqual([['ada'], ['grace'], ['linus']]);
    // Production users: 2, 0 and 3 are never averaged into one mean.
    expect(groups.groups.map((g: any) => g.items[0].mean)).toEqual([2, 0, 3]);
    const md = await runCli(['export', ada, grace, '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
    expect(md.stdout).not.toContain('different versions of the document');
    expect(md.stdout.split('\n---\n')).toHaveLength(2);
  });

  it('a file scored with a criteria file of its own: export and panel say to pass --criteria FILE', async () => {
    const { ws, ada } = setup();
    const own = join(ws.root, 'own.yaml');
    writeFileSync(own, readFileSync(CRITERIA_PATH, 'utf8').replace(/^id: cncf-incubation$/m, 'id: my-set'));
    const data = JSON.parse(readFileSync(ada, 'utf8'));
    data.criteria.id = 'my-set';
    writeFileSync(ada, `${JSON.stringify(data, null, 2)}\n`);
    const message = /ada\.score\.json: criteria\.id: "my-set" is not a shipped criteria set \(cncf-graduation-dd, cncf-incubation-dd, cncf-incubation\); it was scored with a criteria file of its own: pass --criteria FILE\n$/;
    for (const command of ['export', 'panel']) {
      const result = await runCli([command, ada], { env: ws.env, cwd: ws.root });
      expect(result.code, command).toBe(1);
      expect(result.stderr).toMatch(message);
    }
    const validated = await runCli(['validate', ada], { env: ws.env, cwd: ws.root });
    expect(validated.stdout).toContain('pass --criteria FILE');
    const withFile = await runCli(['export', ada, '--criteria', own, '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
    expect(withFile.code).toBe(0);
  });

  it('prints JSON summaries for scripts', async () => {
    const { ws, ada } = setup();
    const single = JSON.parse((await runCli(['export', ada, '--format', 'json', '--date', '2026-01-01'], { env: ws.env, cwd: ws.root })).stdout);
    expect(single.schema).toBe('toc-review/summary@1');
    expect(single.items.map((i: { id: string; score: number | null }) => [i.id, i.score])).toEqual([
      ['production-users', 2],
      ['committer-health', 1],
      ['commit-flow', null],
      ['versioning', 2],
    ]);
    expect(single.items[0].cited[0]).toMatchObject({ startLine: 44, endLine: 46, url: null });
    expect(single.document.status).toBe('current');
    expect(single.counts).toEqual({ total: 4, scored: 3, met: 2, na: 0 });
    const grace = writePlannedScoreFile(ws, NAME, plan('grace', 'Grace Hopper', [3, 1, 3, null]));
    const panel = JSON.parse((await runCli(['export', ada, grace, '--format', 'json'], { env: ws.env, cwd: ws.root })).stdout);
    expect(panel.schema).toBe('toc-review/panel-summary@1');
    expect(panel.items[0]).toMatchObject({ id: 'production-users', mean: 2.5, min: 2, max: 3, disagreement: false });
    expect(panel.items[3]).toMatchObject({ id: 'versioning', scored: 1 });
  });

  it('writes -o atomically, refusing to replace a file without --force', async () => {
    const { ws, ada } = setup();
    const out = join(ws.root, 'out', 'summary.md');
    const first = await runCli(['export', ada, '-o', out, '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
    expect(first).toMatchObject({ code: 0, stdout: '' });
    expect(first.stderr).toBe(`toc-review: wrote ${out}\n`);
    expect(readFileSync(out, 'utf8')).toContain('## CNCF Incubation review:');
    writeFileSync(out, 'keep me');
    const again = await runCli(['export', ada, '-o', out], { env: ws.env, cwd: ws.root });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(`toc-review: ${out}: already exists (use --force to replace it)\n`);
    expect(readFileSync(out, 'utf8')).toBe('keep me');
    const forced = await runCli(['export', ada, '-o', out, '--force', '--format', 'json'], { env: ws.env, cwd: ws.root });
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).schema).toBe('toc-review/summary@1');
  });

  it('-o never replaces its own inputs, a symlink or a non-regular file, even with --force; - is stdout', async () => {
    const { ws, ada } = setup();
    const before = { score: readFileSync(ada, 'utf8'), doc: readFileSync(ws.doc, 'utf8') };
    const refuse = async (target: string, message: RegExp) => {
      const result = await runCli(['export', ada, '-o', target, '--force', '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
      expect(result.code, target).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.split('\n')).toHaveLength(2);
    };
    await refuse(ada, /^toc-review: .*ada\.score\.json: is one of this export's inputs; not overwriting it, choose another output file\n$/);
    await refuse(ws.doc, /^toc-review: .*kube-ovn-2022-annual\.md: is one of this export's inputs; not overwriting it/);
    // The same file by another name (a hard link) is still an input.
    const hard = join(ws.root, 'hard-link.md');
    linkSync(ws.doc, hard);
    await refuse(hard, /hard-link\.md: is one of this export's inputs \(.*kube-ovn-2022-annual\.md\)/);
    // A symlink (like /dev/stdout) is neither followed nor replaced.
    const link = join(ws.root, 'link.md');
    writeFileSync(join(ws.root, 'real.md'), 'real');
    symlinkSync(join(ws.root, 'real.md'), link);
    await refuse(link, /link\.md: is a symbolic link; not writing through it or replacing it/);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(ws.root, 'real.md'), 'utf8')).toBe('real');
    await refuse('/dev/null', /^toc-review: \/dev\/null: not a regular file \(a device, FIFO or socket\)/);
    await refuse(join(ws.root, 'other.score.json'), /other\.score\.json: is a score file name \(\.score\.json\); not writing an export there/);
    expect(existsSync(join(ws.root, 'other.score.json'))).toBe(false);
    await refuse(ws.root, /is a directory; give a file name/);
    const fifo = join(ws.root, 'fifo');
    if (spawnSync('mkfifo', [fifo]).status === 0) await refuse(fifo, /fifo: not a regular file/);
    expect(readFileSync(ada, 'utf8')).toBe(before.score);
    expect(readFileSync(ws.doc, 'utf8')).toBe(before.doc);
    const dash = await runCli(['export', ada, '-o', '-', '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
    expect(dash).toMatchObject({ code: 0, stderr: '' });
    expect(dash.stdout).toContain('## CNCF Incubation review:');
    expect(existsSync(join(ws.root, '-'))).toBe(false);
  });

  it('says in the export when the document is missing or changed, instead of failing', async () => {
    const { ws, ada } = setup();
    renameSync(ws.doc, `${ws.doc}.gone`);
    const missing = await runCli(['export', ada, '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
    expect(missing.code).toBe(0);
    expect(missing.stdout).toContain('**Note:** the document could not be read (kube-ovn-2022-annual.md: no such file), so the gaps list was not computed.');
    // --document points at it elsewhere.
    const pointed = await runCli(['export', ada, '--document', `${ws.doc}.gone`, '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
    expect(pointed.stdout).not.toContain('**Note:**');
    // The scored document: each item shows the tool's suggestion and why, beside the score.
    expect(pointed.stdout).toContain("**toc-review's suggestion:** Exceeded: 10 named adopters (lines 50-59) against the 3 required.");
    expect(missing.stdout).not.toContain("toc-review's suggestion");
    writeFileSync(ws.doc, `${readFileSync(`${ws.doc}.gone`, 'utf8')}\nOne more line.\n`);
    const changed = await runCli(['export', ada, '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
    expect(changed.stdout).toContain('**Note:** the document has changed since it was scored');
    // A changed document's suggestion would not be the one the reviewer saw: left out.
    expect(changed.stdout).not.toContain("toc-review's suggestion");
    // A copy outside any workspace cannot find its document either.
    const loose = join(ws.root, 'ada-copy.score.json');
    copyFileSync(ada, loose);
    const copied = await runCli(['export', loose, '--date', '2026-01-01'], { env: ws.env, cwd: ws.root });
    expect(copied.stdout).toContain("not in a workspace's scores folder (give --document)");
  });

  it('links cited lines with --origin and rejects bad options with usage errors', async () => {
    const { ws, ada } = setup();
    const linked = await runCli(['export', ada, '--origin', 'https://github.com/o/r/blob/main/kube-ovn.md'], { env: ws.env, cwd: ws.root });
    expect(linked.stdout).toContain('[Lines 44–46](https://github.com/o/r/blob/main/kube-ovn.md?plain=1#L44-L46):');
    for (const [args, message] of [
      [[], 'export: give a score file or a document'],
      [[ada, '--format', 'html'], 'export: --format must be md, json or dd (got "html")'],
      [[ada, '--date', 'tomorrow'], 'export: --date must be YYYY-MM-DD (got "tomorrow")'],
      [[ada, '--origin', 'javascript:alert(1)'], 'export: --origin must be an http(s) URL'],
      [[ada, '--bogus'], "export: unknown option '--bogus'"],
    ] as const) {
      const result = await runCli(['export', ...args], { env: ws.env, cwd: ws.root });
      expect(result.code, message).toBe(2);
      expect(result.stderr).toContain(message);
    }
    const badEnv = await runCli(['export', ada], { env: { ...ws.env, TOC_REVIEW_NOW: 'soon' }, cwd: ws.root });
    expect(badEnv.code).toBe(2);
  });

  it('refuses an invalid score file with the file and field named, and leaves it alone', async () => {
    const { ws, ada } = setup();
    const broken = readFileSync(ada, 'utf8').replace('"score": 2', '"score": "two"');
    const path = join(ws.workspace, 'scores', NAME, 'eve.score.json');
    writeFileSync(path, broken.replace('"handle": "ada"', '"handle": "eve"'));
    const result = await runCli(['export', path], { env: ws.env, cwd: ws.root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/eve\.score\.json: items\[0\]\.score: /);
    expect(existsSync(join(ws.workspace, 'scores', NAME, 'eve.summary.md'))).toBe(false);
    rmSync(path);
    mkdirSync(join(ws.root, 'empty'));
    const none = await runCli(['export', join(ws.root, 'empty', 'doc.md'), '--panel'], { env: ws.env, cwd: ws.root });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('no score files for');
    const emptyDir = await runCli(['export', join(ws.root, 'empty')], { env: ws.env, cwd: ws.root });
    expect(emptyDir.code).toBe(1);
    expect(emptyDir.stderr).toBe(`toc-review: export: no score files in ${join(ws.root, 'empty')}\n`);
  });
});

describe('hostile score files', () => {
  const dir = join(import.meta.dirname, '../fixtures/hostile/workspace/scores/hostile-review');
  const files = ['eve', 'mallory'].map((handle) => join(dir, `${handle}.score.json`));
  const env = { ...process.env, TOC_REVIEW_CONFIG_DIR: join(import.meta.dirname, 'no-such-config') };

  it.each([
    ['single markdown', [files[0]!]],
    ['panel markdown', files],
    ['single JSON', [files[0]!, '--format', 'json']],
    ['panel JSON', [...files, '--format', 'json']],
  ])('%s carries no control or bidi characters to the terminal', async (_label, args) => {
    const result = await runCli(['export', ...args, '--date', '2026-01-01'], { env });
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    if (args.includes('json')) {
      // Escaped, not dropped: the JSON still holds the stored text.
      const data = JSON.parse(result.stdout) as { reviewer?: { name: string }; reviewers?: { name: string }[] };
      const name = data.reviewer?.name ?? data.reviewers![0]!.name;
      expect(name).toBe((JSON.parse(readFileSync(files[0]!, 'utf8')) as { reviewer: { name: string } }).reviewer.name);
    } else {
      const columns = args.length === 1 ? 3 : 7;
      expect(tableShapes(result.stdout)).toEqual([{ header: columns, rows: [columns, columns, columns, columns] }]);
    }
  });
});

describe('toc-review export via the built binary', () => {
  const ROOT = join(import.meta.dirname, '../..');

  /** dist chunks the export command can load: cli.js's static imports, the export chunk, and all it imports. */
  function exportChunks(): string[] {
    const dist = join(ROOT, 'dist');
    const read = (file: string) => readFileSync(join(dist, file), 'utf8');
    const imports = (text: string, lazy: boolean) => [
      ...Array.from(text.matchAll(/^import\s[^;]*?from\s+"\.\/([^"]+)"|^import\s+"\.\/([^"]+)"/gm), (m) => m[1] ?? m[2]!),
      ...(lazy ? Array.from(text.matchAll(/import\("\.\/([^"]+)"\)/g), (m) => m[1]!) : []),
    ];
    const cli = read('cli.js');
    const entry = Array.from(cli.matchAll(/import\("\.\/(export-[^"]+)"\)/g), (m) => m[1]!);
    expect(entry).toHaveLength(1);
    const seen = new Set<string>();
    const queue = ['cli.js', ...imports(cli, false), ...entry];
    while (queue.length > 0) {
      const file = queue.pop()!;
      if (seen.has(file) || !existsSync(join(dist, file))) continue;
      seen.add(file);
      if (file !== 'cli.js') queue.push(...imports(read(file), true));
    }
    return [...seen];
  }

  it('prints a summary and never loads React, Ink or marked-terminal', async () => {
    if (!existsSync(join(ROOT, 'dist/cli.js'))) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT });
    const { ws, ada } = setup();
    const child = spawnSync(process.execPath, [join(ROOT, 'bin/toc-review.js'), 'export', ada, '--date', '2026-01-01'], { cwd: ws.root, env: ws.env, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    // dist/ may be a build older than these sources (npm test rebuilds first), so check the shape, not the bytes.
    expect(child.stdout).toMatch(/^## CNCF Incubation review: /);
    expect(tableShapes(child.stdout)).toEqual([{ header: 3, rows: [3, 3, 3, 3] }]);
    const chunks = exportChunks();
    expect(chunks.some((file) => file.startsWith('marked-terminal'))).toBe(false);
    for (const file of chunks) {
      expect(readFileSync(join(ROOT, 'dist', file), 'utf8'), file).not.toMatch(/react\.(?:production|development)|from "react"|\buseInput\b|ink-text-input|marked-terminal/);
    }
  });
});

describe('exportDate', () => {
  it('prefers --date, then TOC_REVIEW_NOW, then today in UTC', () => {
    const now = () => new Date('2031-05-06T23:59:00Z');
    expect(exportDate('2026-02-03', { TOC_REVIEW_NOW: '2030-01-01' }, now)).toBe('2026-02-03');
    expect(exportDate(undefined, { TOC_REVIEW_NOW: '2030-01-01T10:00:00+02:00' }, now)).toBe('2030-01-01');
    expect(exportDate(undefined, {}, now)).toBe('2031-05-06');
  });
});
