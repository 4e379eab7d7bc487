import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScoreFile } from '../../src/core/scores/score-file.js';
import { runCli } from '../helpers/cli.js';
import { parseDocument } from '../../src/core/document/document.js';
import { extractEvidence } from '../../src/core/evidence/extract.js';
import { incubation, sampleWorkspace } from '../helpers/score-fixtures.js';

function setup() {
  const ws = sampleWorkspace();
  const score = (...args: string[]) => runCli(['score', ...args], { cwd: ws.root, env: ws.env });
  const path = join(ws.workspace, 'scores', 'lanternfish', 'ada-lovelace.score.json');
  return { ...ws, score, path };
}

describe('toc-review score', () => {
  it('sets scores, notes and the recommendation, and prints the saved file with --json', async () => {
    const { score, path, doc } = setup();
    const result = await score(
      'reviews/lanternfish.md',
      '--workspace', 'reviews',
      '--reviewer', 'Ada Lovelace',
      '--set', 'production-users=3',
      '--set', 'versioning=met',
      '--note', 'production-users=Seven named adopters.',
      '--recommend', 'ready',
      '--recommend-note', 'Solid.',
      '--json',
    );
    // stdout is the file alone; what changed (and what it replaced) goes to stderr.
    expect(result.stderr.split('\n')).toEqual([
      'toc-review: saved production-users: score 3 (Exceeded), replacing unscored',
      'toc-review: saved production-users: notes "Seven named adopters.", replacing none',
      'toc-review: saved versioning: score 2 (Met), replacing unscored',
      'toc-review: saved recommendation: ready, replacing none',
      'toc-review: saved recommendation notes: "Solid.", replacing none',
      '',
    ]);
    expect(result.code).toBe(0);
    const printed = parseScoreFile(result.stdout, 'stdout');
    expect(result.stdout).toBe(readFileSync(path, 'utf8'));
    expect(printed.reviewer).toEqual({ name: 'Ada Lovelace', handle: 'ada-lovelace' });
    expect(printed.document.path).toBe('lanternfish.md');
    expect(printed.document.title).toBe('Lanternfish Incubation Proposal');
    expect(printed.items.map((i) => i.score)).toEqual([3, null, null, 2]);
    expect(printed.items[0]!.notes).toBe('Seven named adopters.');
    expect(printed.recommendation).toMatchObject({ verdict: 'ready', notes: 'Solid.' });
    // The evidence engine's suggestions are recorded next to the reviewer's scores.
    const extract = extractEvidence(parseDocument(readFileSync(doc, 'utf8')), incubation(), { path: doc, sha256: printed.document.sha256 });
    expect(printed.items.map((i) => i.suggested)).toEqual(extract.criteria.map((c) => c.suggestion.score));
    expect(printed.items.some((i) => i.suggested !== null)).toBe(true);
  });

  it('cites document lines with their quoted text, and a second --cite of the same range removes it', async () => {
    const { score, path, doc } = setup();
    const lines = readFileSync(doc, 'utf8').split('\n');
    const args = ['reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Ada Lovelace'];
    expect((await score(...args, '--cite', 'production-users=21-23')).code).toBe(0);
    const cited = parseScoreFile(readFileSync(path, 'utf8'), path).items[0]!.cited;
    expect(cited).toEqual([{ startLine: 21, endLine: 23, quote: lines.slice(20, 23).join('\n').trim() }]);
    await score(...args, '--cite', 'production-users=21-23');
    expect(parseScoreFile(readFileSync(path, 'utf8'), path).items[0]!.cited).toEqual([]);
  });

  it('saving the same values again leaves the bytes untouched', async () => {
    const { score, path } = setup();
    const args = ['reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Ada Lovelace', '--set', 'commit-flow=2'];
    await score(...args);
    const before = readFileSync(path, 'utf8');
    await new Promise((r) => setTimeout(r, 5));
    expect((await score(...args)).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('takes the reviewer from TOC_REVIEW_REVIEWER, then from settings', async () => {
    const ws = setup();
    const fromEnv = await runCli(['score', 'reviews/lanternfish.md', '--workspace', 'reviews', '--set', 'versioning=1'], {
      cwd: ws.root,
      env: { ...ws.env, TOC_REVIEW_REVIEWER: 'Grace Hopper' },
    });
    expect(fromEnv.code).toBe(0);
    expect(existsSync(join(ws.workspace, 'scores', 'lanternfish', 'grace-hopper.score.json'))).toBe(true);
    await runCli(['config', 'set', 'reviewer.name', 'Barbara Liskov'], { env: ws.env });
    await runCli(['config', 'set', 'reviewer.handle', 'bliskov'], { env: ws.env });
    await runCli(['config', 'set', 'workspace', join(ws.root, 'reviews')], { env: ws.env });
    const fromSettings = await ws.score('reviews/lanternfish.md', '--set', 'versioning=2');
    expect(fromSettings.code).toBe(0);
    expect(readdirSync(join(ws.workspace, 'scores', 'lanternfish')).sort()).toEqual(['bliskov.score.json', 'grace-hopper.score.json']);
  });

  it('gives a reviewer with a non-Latin name a stable hash-based handle, the same the first-run prompt gives', async () => {
    const ws = setup();
    const yamada = await ws.score('reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', '山田', '--set', 'versioning=1', '--json');
    expect(yamada.code).toBe(0);
    const handle = JSON.parse(yamada.stdout).reviewer.handle;
    expect(handle).toMatch(/^reviewer-[0-9a-f]{4}$/);
    const sato = await ws.score('reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', '佐藤', '--set', 'versioning=2', '--json');
    expect(JSON.parse(sato.stdout).reviewer.handle).not.toBe(handle);
    const { createStoreHost } = await import('../../src/tui/store-host.js');
    const { openSettings } = await import('../../src/store/settings.js');
    const host = createStoreHost({ workspace: ws.workspace, criteria: incubation(), reviewer: null, readOnly: true, settings: () => openSettings(ws.env), env: ws.env });
    expect((await host.setReviewer('山田')).handle).toBe(handle);
  });

  it('refuses clearly when no reviewer is known', async () => {
    const { score, workspace } = setup();
    const result = await score('reviews/lanternfish.md', '--workspace', 'reviews', '--set', 'versioning=2');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^toc-review: score: who is reviewing\? Give --reviewer NAME/);
    expect(existsSync(join(workspace, 'scores'))).toBe(false);
  });

  it.each([
    [['--set', 'nope=2'], 2, 'score: --set: unknown item "nope" (items of cncf-incubation: production-users, committer-health, commit-flow, versioning)'],
    [['--set', 'versioning=7'], 2, 'score: --set versioning: "7" is not on the scale of cncf-incubation: 0 (Not met), 1 (Partially met), 2 (Met), 3 (Exceeded), na (with a --note giving the reason), or none'],
    [['--set', 'versioning'], 2, 'score: --set expects ID=VALUE, got "versioning"'],
    [['--note', 'ghost=hi'], 2, 'score: --note: unknown item "ghost"'],
    [['--recommend', 'maybe'], 2, 'score: --recommend: "maybe" is not one of ready, not-ready, needs-more-info, none'],
    [['--cite', 'versioning=9-3'], 2, 'score: --cite versioning: expected START or START-END line numbers, got "9-3"'],
    [['--cite', 'versioning=5000'], 2, 'score: --cite versioning: line 5000 is past the end of reviews/lanternfish.md'],
    [['--handle', '../../etc', '--set', 'versioning=1'], 1, '--reviewer: reviewer.handle: "../../etc" must be a slug'],
  ])('refuses %j with exit %i and writes nothing', async (extra, code, message) => {
    const { score, workspace } = setup();
    const result = await score('reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Ada Lovelace', ...extra);
    expect(result.code).toBe(code);
    expect(result.stderr.split('\n')[0]).toContain(`toc-review: ${message}`);
    expect(existsSync(join(workspace, 'scores'))).toBe(false);
  });

  it.each([
    ['C:x.md', 'starts with "C:" (a drive letter on Windows)'],
    ['q\\x.md', 'contains a backslash (a folder separator on Windows)'],
    ['e\x1bx.md', 'contains a control character (\\x1b)'],
    ['c\u009bx.md', 'contains a control character (\\x9b)'],
  ])('refuses to score a document named %j before creating anything, saying what is wrong with the name', async (name, reason) => {
    const { score, workspace } = setup();
    writeFileSync(join(workspace, name), '# T\n\nHello\n');
    const result = await score(join('reviews', name), '--workspace', 'reviews', '--reviewer', 'Ada', '--set', 'versioning=1');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^toc-review: .*: cannot be scored: its path ${reason.replace(/[\\()]/g, '\\$&')}, which a score file cannot record; rename it\n$`));
    expect(result.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
    expect(existsSync(join(workspace, 'scores'))).toBe(false);
  });

  it('refuses a missing document, naming it', async () => {
    const { score } = setup();
    const result = await score('reviews/missing.md', '--workspace', 'reviews', '--reviewer', 'Ada');
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')[0]).toMatch(/^toc-review: .*reviews\/missing\.md: no such file$/);
  });

  it('never modifies a broken score file: one-line error naming file and field, exit 1', async () => {
    const { score, path } = setup();
    await score('reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Ada Lovelace', '--set', 'versioning=2');
    const broken = readFileSync(path, 'utf8').replace('"verdict": null', '"verdict": "yes"');
    writeFileSync(path, broken);
    const result = await score('reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Ada Lovelace', '--set', 'versioning=3');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^toc-review: .*ada-lovelace\.score\.json: recommendation\.verdict: .*\n$/);
    expect(readFileSync(path, 'utf8')).toBe(broken);
  });

  it('refuses while another session holds the file, after the wait, naming the holder', async () => {
    const { score, path } = setup();
    mkdirSync(dirname(path), { recursive: true });
    // A lock from before kinds were recorded counts as an interactive session's.
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 4242, host: 'grace-laptop', since: '2026-03-01T10:00:00.000Z' }));
    const result = await score('reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Ada Lovelace', '--set', 'versioning=3', '--wait', '0.3');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('being edited in another session (an interactive session, pid 4242 on grace-laptop since 2026-03-01T10:00:00.000Z)');
    expect(result.stderr).toContain('nothing changed after waiting 0.3 s (close that session and try again)');
    expect(existsSync(path)).toBe(false);
  });

  it('a pure read (no changes) works while another session holds the lock, and says it is read-only', async () => {
    const { score, path } = setup();
    const args = ['reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Ada Lovelace'];
    await score(...args, '--set', 'versioning=3');
    const before = readFileSync(path, 'utf8');
    const lock = JSON.stringify({ pid: 4242, host: 'grace-laptop', since: '2026-03-01T10:00:00.000Z' });
    writeFileSync(`${path}.lock`, lock);
    const read = await score(...args);
    expect(read.code).toBe(0);
    expect(read.stdout).toContain('versioning: 3 Exceeded');
    expect(read.stderr).toBe(`toc-review: ${path}: read-only: opened read-only; being edited in another session (an interactive session, pid 4242 on grace-laptop since 2026-03-01T10:00:00.000Z)\n`);
    const json = await score(...args, '--json');
    expect(json.stdout).toBe(before);
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(lock);
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('after the document changed: warns, re-locates citations and records the new sha256 on save', async () => {
    const { score, path, doc } = setup();
    const args = ['reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Ada Lovelace'];
    await score(...args, '--cite', 'production-users=21-21');
    writeFileSync(doc, `# Lanternfish\n\nInserted.\n${readFileSync(doc, 'utf8').split('\n').slice(1).join('\n')}`);
    const result = await score(...args, '--set', 'versioning=2');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('changed since it was scored; 1 citation(s) moved');
    const file = parseScoreFile(readFileSync(path, 'utf8'), path);
    expect(file.items[0]!.cited[0]).toMatchObject({ startLine: 23, endLine: 23, quote: '## Adopters' });
  });

  it('cites the line grep -n shows in a document with a bare CR, and counts lines like wc -l', async () => {
    const { score, workspace, root } = setup();
    writeFileSync(join(workspace, 'd.md'), '# T\r\n\r\nIntro\rHidden\n\n## Releases\n\nThe latest release is v1.2.0.\n');
    const args = ['reviews/d.md', '--workspace', 'reviews', '--reviewer', 'Ada Lovelace'];
    const cited = await score(...args, '--cite', 'versioning=7', '--json');
    expect(cited.code).toBe(0);
    expect(parseScoreFile(cited.stdout, 'stdout').items[3]!.cited).toEqual([{ startLine: 7, endLine: 7, quote: 'The latest release is v1.2.0.' }]);
    const past = await score(...args, '--cite', 'versioning=8');
    expect(past.code).toBe(2);
    expect(past.stderr.split('\n')[0]).toBe('toc-review: score: --cite versioning: line 8 is past the end of reviews/d.md (7 lines)');
    expect(root).toBeTruthy();
  });

  it('with no changes prints a summary and does not create the file', async () => {
    const { score, path } = setup();
    const result = await score('reviews/lanternfish.md', '--workspace', 'reviews', '--reviewer', 'Ada Lovelace');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('production-users: unscored');
    expect(existsSync(path)).toBe(false);
  });
});
