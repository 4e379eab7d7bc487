import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sha256 } from '../../src/core/hash.js';
import { parseScoreFile, serializeScoreFile, setItemScore, toggleCitation } from '../../src/core/scores/score-file.js';
import { listScoreFiles, loadScoreFiles, openScoreSession, scoreFilePath, type ScoreSession } from '../../src/store/score-store.js';
import { incubation, sampleWorkspace, T0, T1 } from '../helpers/score-fixtures.js';

const sessions: ScoreSession[] = [];
afterEach(async () => {
  await Promise.all(sessions.splice(0).map((s) => s.close()));
});

async function open(workspace: string, doc: string, options: { handle?: string; text?: string; readOnly?: boolean } = {}) {
  const text = options.text ?? readFileSync(doc, 'utf8');
  const session = await openScoreSession({
    workspace,
    documentPath: doc,
    document: { sha256: sha256(text), title: 'Lanternfish', text },
    criteria: incubation(),
    reviewer: { name: `Reviewer ${options.handle ?? 'ada'}`, handle: options.handle ?? 'ada' },
    readOnly: options.readOnly,
    now: () => new Date(T1),
  });
  sessions.push(session);
  return session;
}

describe('score store: location and saving', () => {
  it('puts the file at <workspace>/scores/<stem>/<handle>.score.json, written on first save only', async () => {
    const { workspace, doc } = sampleWorkspace();
    const session = await open(workspace, doc);
    expect(session.path).toBe(join(workspace, 'scores', 'lanternfish', 'ada.score.json'));
    expect(session.path).toBe(scoreFilePath(workspace, doc, 'ada'));
    expect(session.existed).toBe(false);
    expect(existsSync(session.path)).toBe(false);
    expect(session.file.document.path).toBe('lanternfish.md');
    await session.save(setItemScore(session.file, 'versioning', 2, T1));
    expect(parseScoreFile(readFileSync(session.path, 'utf8'), session.path).items[3]!.score).toBe(2);
  });

  it('refuses a scores folder that a symlink points outside the workspace, and creates nothing there', async () => {
    const { workspace, doc } = sampleWorkspace();
    const outside = mkdtempSync(join(tmpdir(), 'toc-outside-'));
    mkdirSync(join(workspace, 'scores'), { recursive: true });
    symlinkSync(outside, join(workspace, 'scores', 'lanternfish'));
    await expect(open(workspace, doc)).rejects.toThrow(/scores folder resolves outside the workspace/);
    expect(readdirSync(outside)).toEqual([]);
    // A symlinked scores/ root is refused the same way, before any folder is made under it.
    const other = sampleWorkspace();
    symlinkSync(outside, join(other.workspace, 'scores'));
    await expect(open(other.workspace, other.doc)).rejects.toThrow(/resolves outside the workspace/);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('keeps the permission bits a reviewer gave the file (chmod 600) across saves', async () => {
    const { workspace, doc } = sampleWorkspace();
    const first = await open(workspace, doc);
    await first.save(setItemScore(first.file, 'versioning', 2, T1));
    chmodSync(first.path, 0o600);
    await first.save(setItemScore(first.file, 'versioning', 3, T1));
    expect(statSync(first.path).mode & 0o777).toBe(0o600);
    await first.close();
    const again = await open(workspace, doc);
    await again.save(setItemScore(again.file, 'versioning', 1, T1));
    expect(statSync(again.path).mode & 0o777).toBe(0o600);
    expect(parseScoreFile(readFileSync(again.path, 'utf8'), again.path).items[3]!.score).toBe(1);
  });

  it('stable bytes: reopening and saving an unchanged file does not rewrite it', async () => {
    const { workspace, doc } = sampleWorkspace();
    const first = await open(workspace, doc);
    await first.save(setItemScore(first.file, 'commit-flow', 1, T1));
    await first.close();
    const bytes = readFileSync(first.path);
    const inode = statSync(first.path).ino;
    const second = await open(workspace, doc);
    expect(serializeScoreFile(second.file)).toBe(bytes.toString());
    await second.save(second.file);
    await second.save(setItemScore(second.file, 'commit-flow', 1, '2031-01-01T00:00:00.000Z'));
    // Unchanged content: not even replaced by an identical copy.
    expect(statSync(first.path).ino).toBe(inode);
    expect(readFileSync(first.path)).toEqual(bytes);
  });

  it('refuses to overwrite a file changed on disk behind the session (git pull, an editor)', async () => {
    const { workspace, doc } = sampleWorkspace();
    const session = await open(workspace, doc);
    await session.save(setItemScore(session.file, 'commit-flow', 1, T1));
    const theirs = readFileSync(session.path, 'utf8').replace('"notes": ""', '"notes": "from git"');
    writeFileSync(session.path, theirs);
    await expect(session.save(setItemScore(session.file, 'commit-flow', 2, T1))).rejects.toThrow(/ada\.score\.json: was changed on disk since it was opened .*not overwriting it/);
    expect(readFileSync(session.path, 'utf8')).toBe(theirs);
    // A file created by someone else after a session opened with none is not clobbered either.
    const { workspace: w2, doc: d2 } = sampleWorkspace();
    const fresh = await open(w2, d2);
    mkdirSync(dirname(fresh.path), { recursive: true });
    writeFileSync(fresh.path, theirs);
    await expect(fresh.save(setItemScore(fresh.file, 'versioning', 1, T1))).rejects.toThrow(/was created on disk since it was opened/);
  });

  it('saves a hand-edited file with a BOM and odd spacing, writing the canonical form', async () => {
    const { workspace, doc } = sampleWorkspace();
    const first = await open(workspace, doc);
    await first.save(first.file);
    await first.close();
    const handEdited = `\ufeff${JSON.stringify(JSON.parse(readFileSync(first.path, 'utf8')))}`;
    writeFileSync(first.path, handEdited);
    const session = await open(workspace, doc);
    const next = setItemScore(session.file, 'versioning', 3, T1);
    await session.save(next);
    expect(readFileSync(first.path, 'utf8')).toBe(serializeScoreFile(next));
  });

  it('a document outside the workspace uses its own folder as the workspace', async () => {
    const { root, workspace } = sampleWorkspace();
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere);
    const doc = join(elsewhere, 'proposal.markdown');
    writeFileSync(doc, '# Proposal\n');
    const session = await open(workspace, doc);
    expect(session.path).toBe(join(elsewhere, 'scores', 'proposal', 'ada.score.json'));
    expect(session.file.document.path).toBe('proposal.markdown');
  });

  it('keeps apart two documents with the same file name; follows a moved document', async () => {
    const { workspace, doc } = sampleWorkspace();
    const first = await open(workspace, doc);
    await first.save(setItemScore(first.file, 'versioning', 2, T1));
    await first.close();
    const other = join(workspace, '2023', 'lanternfish.md');
    mkdirSync(dirname(other), { recursive: true });
    writeFileSync(other, '# Lanternfish 2023\n');
    await expect(open(workspace, other)).rejects.toThrow(/ada\.score\.json: document\.path: this file scores "lanternfish\.md", not "2023\/lanternfish\.md"/);
    // The same bytes under a new path: the document was moved.
    copyFileSync(doc, other);
    const moved = await open(workspace, other);
    expect(moved.documentChanged).toBe(false);
    expect(moved.file.document.path).toBe('2023/lanternfish.md');
    expect(moved.file.items[3]!.score).toBe(2);
  });

  it('a scores path that is not a folder is a one-line error naming it', async () => {
    const { workspace, doc } = sampleWorkspace();
    writeFileSync(join(workspace, 'scores'), 'not a folder');
    await expect(open(workspace, doc)).rejects.toThrow(/reviews\/scores\/lanternfish: cannot use the scores folder \((ENOTDIR|EEXIST)\)$/);
  });

  it('never overwrites a broken file: opening fails naming the file and field', async () => {
    const { workspace, doc } = sampleWorkspace();
    const path = scoreFilePath(workspace, doc, 'ada');
    mkdirSync(dirname(path), { recursive: true });
    const first = await open(workspace, doc);
    await first.save(first.file);
    await first.close();
    const broken = readFileSync(path, 'utf8').replace('"score": null', '"score": "high"');
    writeFileSync(path, broken);
    await expect(open(workspace, doc)).rejects.toThrow(/ada\.score\.json: items\[0\]\.score: /);
    expect(readFileSync(path, 'utf8')).toBe(broken);
    // The failed open released its lock.
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('refuses a file whose reviewer does not match its name, and one from another criteria set', async () => {
    const { workspace, doc } = sampleWorkspace();
    const session = await open(workspace, doc);
    await session.save(session.file);
    await session.close();
    const text = readFileSync(session.path, 'utf8');
    copyFileSync(session.path, scoreFilePath(workspace, doc, 'bob'));
    await expect(open(workspace, doc, { handle: 'bob' })).rejects.toThrow(/bob\.score\.json: reviewer\.handle: "ada" does not match the file name/);
    writeFileSync(session.path, text.replace('"id": "cncf-incubation"', '"id": "cncf-graduation"'));
    await expect(open(workspace, doc)).rejects.toThrow(/ada\.score\.json: criteria\.id: "cncf-graduation" does not match/);
  });
});

describe('score store: migration', () => {
  it('migrates a toc-review/score@0 file, keeping the old bytes in a backup', async () => {
    const { workspace, doc } = sampleWorkspace();
    const path = scoreFilePath(workspace, doc, 'ada');
    mkdirSync(dirname(path), { recursive: true });
    const v0 = `${JSON.stringify(
      {
        schema: 'toc-review/score@0',
        document: { path: 'lanternfish.md', sha256: sha256(readFileSync(doc)), title: 'Lanternfish' },
        criteria: { id: 'cncf-incubation', sha256: incubation().source.sha256 },
        reviewer: { name: 'Ada', handle: 'ada' },
        recommendation: { verdict: null, notes: '' },
        items: { versioning: { score: 3, notes: 'v1 stable' } },
        createdAt: T0,
        updatedAt: T0,
      },
      null,
      2,
    )}\n`;
    writeFileSync(path, v0);

    const readOnly = await open(workspace, doc, { readOnly: true });
    expect(readOnly.migratedFrom).toBe(0);
    expect(readOnly.backupPath).toBeNull();
    expect(readFileSync(path, 'utf8')).toBe(v0);
    await readOnly.close();

    const session = await open(workspace, doc);
    expect(session.migratedFrom).toBe(0);
    expect(session.backupPath).toBe(`${path}.v0.bak`);
    expect(readFileSync(session.backupPath!, 'utf8')).toBe(v0);
    const migrated = parseScoreFile(readFileSync(path, 'utf8'), path);
    expect(migrated.schema).toBe('toc-review/score@1');
    expect(migrated.items.map((i) => [i.id, i.score])).toEqual([
      ['production-users', null],
      ['committer-health', null],
      ['commit-flow', null],
      ['versioning', 3],
    ]);
    await session.close();
    // Opening again: already current, no second backup.
    const again = await open(workspace, doc);
    expect(again.migratedFrom).toBeNull();
    expect(readdirSync(dirname(path)).sort()).toEqual(['ada.score.json', 'ada.score.json.lock', 'ada.score.json.v0.bak']);
  });

  it('refuses a file from a newer schema and leaves it alone', async () => {
    const { workspace, doc } = sampleWorkspace();
    const path = scoreFilePath(workspace, doc, 'ada');
    mkdirSync(dirname(path), { recursive: true });
    const text = '{"schema": "toc-review/score@2", "whatever": true}\n';
    writeFileSync(path, text);
    await expect(open(workspace, doc)).rejects.toThrow(/written by a newer toc-review \(toc-review\/score@2/);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });
});

describe('score store: the document changed since it was scored', () => {
  it('flags the change and proposes citations re-located by their quoted text', async () => {
    const { workspace, doc } = sampleWorkspace();
    const original = readFileSync(doc, 'utf8');
    const lines = original.split('\n');
    const adoptersAt = lines.findIndex((l) => l.startsWith('## Adopters')) + 1;
    const first = await open(workspace, doc);
    let file = toggleCitation(first.file, 'production-users', { startLine: adoptersAt, endLine: adoptersAt + 3, quote: lines.slice(adoptersAt - 1, adoptersAt + 3).join('\n') }, T1);
    file = toggleCitation(file, 'versioning', { startLine: 1, endLine: 1, quote: 'A sentence that the new version deleted' }, T1);
    await first.save(file);
    await first.close();

    // Five lines inserted near the top, and the adopters text re-wrapped into fewer lines.
    const body = lines.slice(1);
    const para = adoptersAt + 1 - 1; // 0-based index in body of the paragraph's first line
    body.splice(para, 2, `${body[para]} ${body[para + 1]}`);
    const changed = ['# Lanternfish', '', 'New intro.', '', 'More.', ...body];
    writeFileSync(doc, changed.join('\n'));
    const same = await open(workspace, doc, { text: original });
    expect(same.documentChanged).toBe(false);
    await same.close();

    const session = await open(workspace, doc);
    expect(session.documentChanged).toBe(true);
    expect(session.relocations.map((r) => [r.itemId, r.status])).toEqual([
      ['production-users', 'moved'],
      ['versioning', 'lost'],
    ]);
    const moved = session.relocations[0]!.after;
    expect([moved.startLine, moved.endLine]).toEqual([adoptersAt + 4, adoptersAt + 6]);
    expect(changed[moved.startLine - 1]).toBe('## Adopters');
    // The proposal points at the new sha256 and keeps the lost citation; nothing saved yet.
    expect(session.rebased!.document.sha256).toBe(sha256(changed.join('\n')));
    expect(session.rebased!.items[3]!.cited[0]!.startLine).toBe(1);
    expect(parseScoreFile(readFileSync(session.path, 'utf8'), session.path).document.sha256).toBe(sha256(original));
  });
});

describe('listScoreFiles / loadScoreFiles', () => {
  it("lists every reviewer's file for a document, with a per-file error for a bad one", async () => {
    const { workspace, doc } = sampleWorkspace();
    for (const handle of ['ada', 'grace']) {
      const session = await open(workspace, doc, { handle });
      await session.save(setItemScore(session.file, 'versioning', handle === 'ada' ? 2 : 3, T1));
      await session.close();
    }
    const dir = dirname(scoreFilePath(workspace, doc, 'x'));
    writeFileSync(join(dir, 'mallory.score.json'), '{"schema": "toc-review/score@1"');
    writeFileSync(join(dir, 'notes.txt'), 'not a score file');
    const list = await listScoreFiles(workspace, doc);
    expect(list.map((entry) => [entry.path.slice(dir.length + 1), entry.ok])).toEqual([
      ['ada.score.json', true],
      ['grace.score.json', true],
      ['mallory.score.json', false],
    ]);
    const bad = list[2]!;
    expect(!bad.ok && bad.error).toMatch(/mallory\.score\.json: not valid JSON/);
    const missing = await loadScoreFiles([join(dir, 'nobody.score.json')]);
    expect(missing[0]).toEqual({ path: join(dir, 'nobody.score.json'), ok: false, error: `${join(dir, 'nobody.score.json')}: no such file` });
    expect(await listScoreFiles(workspace, join(workspace, 'unscored.md'))).toEqual([]);
  });
});
