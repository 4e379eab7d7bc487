// Score files on disk: one per reviewer per document under <workspace>/scores/. Opening takes a
// lock (or reports who holds it and opens read-only), validates the file without trusting it,
// migrates an older schema (keeping a backup), and flags a document that changed since it was
// scored. Saves are atomic and skipped when the bytes would not change.
import { mkdir, readFile, realpath, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { relocateCitations, type CitationRelocation } from '../core/scores/citation-relocate.js';
import { splitLines } from '../core/document/lines.js';
import type { CriteriaSet } from '../core/criteria/criteria.js';
import { UserError } from '../core/errors.js';
import { quoted, sanitizeLine, visible } from '../core/sanitize.js';
import {
  assertValidScoreFile,
  checkAgainstCriteria,
  documentPathProblem,
  newScoreFile,
  parseScoreFileWithInfo,
  reconcileWithCriteria,
  serializeScoreFile,
  setDocumentInfo,
  type Reviewer,
  type ScoreFile,
} from '../core/scores/score-file.js';
import { writeFileAtomic, removeStaleTempFiles } from './atomic-write.js';
import { describeReadError, readRegularFile } from './read-file.js';
import { acquireLock, describeHolder, lockHolder, type AcquireOptions, type HeldLock, type LockHolder } from './lock.js';
import { documentRelativePath, isInside, scoreFilePath as workspaceScoreFilePath, scoreFilePathsFor, workspaceForDocument } from './workspace.js';

export type { LockHolder, LockKind } from './lock.js';

/** Score files are small; anything this big is not one. */
export const MAX_SCORE_FILE_BYTES = 16 * 1024 * 1024;

/**
 * Where a reviewer's score file for a document lives. A document outside `workspace` uses its own
 * folder as the workspace.
 */
export function scoreFilePath(workspace: string, documentPath: string, reviewerHandle: string): string {
  return workspaceScoreFilePath(workspaceForDocument(workspace, documentPath), documentPath, reviewerHandle);
}

/** The raw text of a score file, with size and encoding checks. Throws UserError naming `shown`. */
export async function readScoreFileText(path: string, shown: string = path): Promise<string> {
  const bytes = await readRegularFile(path, { kind: 'score file', shown, maxBytes: MAX_SCORE_FILE_BYTES });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError(`${sanitizeLine(shown)}: not valid UTF-8 text`);
  }
}

export type LoadedScoreFile =
  | { path: string; ok: true; file: ScoreFile; migratedFrom: number | null }
  | { path: string; ok: false; error: string };

export interface LoadOptions {
  /** Relative paths are read from here (default: the process's cwd) but named as given. */
  cwd?: string;
}

/** Load one score file, validated (and migrated in memory if old). Throws UserError naming `path`. */
export async function loadScoreFile(path: string, criteria?: CriteriaSet, options: LoadOptions = {}): Promise<{ file: ScoreFile; migratedFrom: number | null }> {
  const full = options.cwd ? resolve(options.cwd, path) : path;
  const parsed = parseScoreFileWithInfo(await readScoreFileText(full, path), path);
  if (criteria) checkAgainstCriteria(parsed.file, criteria, path);
  return parsed;
}

/**
 * Load many score files, each with its own result: one bad file does not hide the others. Errors
 * are one line naming the file (already sanitised). Order follows `paths`.
 */
export async function loadScoreFiles(paths: readonly string[], criteria?: CriteriaSet, options: LoadOptions = {}): Promise<LoadedScoreFile[]> {
  return Promise.all(
    paths.map(async (path): Promise<LoadedScoreFile> => {
      try {
        const { file, migratedFrom } = await loadScoreFile(path, criteria, options);
        return { path, ok: true, file, migratedFrom };
      } catch (error) {
        if (error instanceof UserError) return { path, ok: false, error: error.message };
        throw error;
      }
    }),
  );
}

/** Every reviewer's score file for one document (for the panel and the review screen). */
export async function listScoreFiles(workspace: string, documentPath: string, criteria?: CriteriaSet): Promise<LoadedScoreFile[]> {
  return loadScoreFiles(await scoreFilePathsFor(workspaceForDocument(workspace, documentPath), documentPath), criteria);
}

export interface OpenScoreSessionOptions {
  workspace: string;
  documentPath: string;
  /** The document as read now. `text` (optional) lets the session propose relocated citations. */
  document: { sha256: string; title: string; origin?: string | null; text?: string };
  criteria: CriteriaSet;
  reviewer: Reviewer;
  /** Open without taking the lock and never write. */
  readOnly?: boolean;
  /** Suggested scores by item id, recorded in a new file. */
  suggestions?: Readonly<Record<string, number | null>>;
  /**
   * How the lock is taken: its kind (default interactive) and how long to wait for a holder
   * (default: not at once). One-shot writers pass kind 'oneshot' and a wait (see lockWaitMs).
   */
  lock?: AcquireOptions;
  now?: () => Date;
}

export interface ScoreSession {
  readonly path: string;
  /** The current file: as loaded (migrated, reconciled with the criteria set), then as last saved. */
  readonly file: ScoreFile;
  readonly readOnly: boolean;
  /** Who holds the lock when we could not take it (then readOnly is true); null otherwise. */
  readonly lockHolder: LockHolder | null;
  /** Why the session is read-only (asked for, held by someone, folder not writable); null when writable. */
  readonly readOnlyReason: string | null;
  /** Whether the file was on disk when opened (a new file is written on the first save). */
  readonly existed: boolean;
  /** The document's sha256 differs from the one the file was scored against. */
  readonly documentChanged: boolean;
  /** When documentChanged and the document text was given: where each citation is now. */
  readonly relocations: readonly CitationRelocation[];
  /** The file as it would be with citations relocated and the new sha256 (null unless documentChanged). */
  readonly rebased: ScoreFile | null;
  /** Older schema version the file was migrated from (backup written unless read-only), else null. */
  readonly migratedFrom: number | null;
  readonly backupPath: string | null;
  /** Atomic write; no-op when read-only or when the bytes would not change. */
  save(next: ScoreFile): Promise<void>;
  /** Release the lock. Idempotent. */
  close(): Promise<void>;
}

async function freeBackupPath(path: string, version: number): Promise<string> {
  for (let n = 0; ; n++) {
    const candidate = `${path}.v${version}${n === 0 ? '' : `.${n}`}.bak`;
    try {
      await stat(candidate);
    } catch {
      return candidate;
    }
  }
}

class FileScoreSession implements ScoreSession {
  file: ScoreFile;
  existed: boolean;
  documentChanged = false;
  relocations: CitationRelocation[] = [];
  rebased: ScoreFile | null = null;
  migratedFrom: number | null = null;
  backupPath: string | null = null;
  /** Canonical bytes of the file as last read or written, to skip saves that change nothing. */
  private lastBytes: string | null;
  /** The bytes we expect on disk (null: no file), to notice a file changed behind our back. */
  private diskBytes: string | null;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    readonly path: string,
    file: ScoreFile,
    diskBytes: string | null,
    readonly readOnly: boolean,
    readonly readOnlyReason: string | null,
    readonly lockHolder: LockHolder | null,
    private readonly lock: HeldLock | null,
  ) {
    this.file = file;
    this.diskBytes = diskBytes;
    this.lastBytes = diskBytes !== null && diskBytes === serializeScoreFile(file) ? diskBytes : null;
    this.existed = diskBytes !== null;
  }

  save(next: ScoreFile): Promise<void> {
    // Saves run one after another, so the last call's content is what ends up on disk.
    const run = this.queue.then(() => this.write(next));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Refuse to overwrite a file someone changed on disk since we read it (git pull, an editor). */
  private async checkDisk(): Promise<void> {
    let current: string | null = null;
    try {
      // Decoded as when it was read (a BOM dropped), so the comparison is like for like.
      current = new TextDecoder('utf-8').decode(await readFile(this.path));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (current !== this.diskBytes) {
      const what = this.diskBytes === null ? 'was created' : current === null ? 'was deleted' : 'was changed';
      throw new UserError(`${sanitizeLine(this.path)}: ${what} on disk since it was opened (by git or an editor?); not overwriting it. Reopen it to continue`);
    }
  }

  private async write(next: ScoreFile): Promise<void> {
    if (this.readOnly) return;
    if (this.closed) throw new UserError(`${sanitizeLine(this.path)}: session is closed; cannot save`);
    assertValidScoreFile(next, this.path);
    const bytes = serializeScoreFile(next);
    if (bytes === this.lastBytes) {
      this.file = next;
      return;
    }
    await this.checkDisk();
    await mkdir(dirname(this.path), { recursive: true });
    try {
      await writeFileAtomic(this.path, bytes);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UserError(`${sanitizeLine(this.path)}: cannot save (${code ?? String(error)}); your last change is not on disk`);
    }
    this.lastBytes = bytes;
    this.diskBytes = bytes;
    this.file = next;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queue;
    this.closed = true;
    await this.lock?.release();
  }
}

/**
 * Refuse a scores folder that resolves outside the workspace: a shared repository can carry a
 * `scores/<doc>` symlink pointing anywhere, and a save must never land there. The nearest
 * existing ancestor is checked before any folder is created, so nothing is made outside either.
 */
async function assertScoresFolderInside(workspace: string, folder: string): Promise<void> {
  let existing = folder;
  for (;;) {
    try {
      await stat(existing);
      break;
    } catch {
      const parent = dirname(existing);
      if (parent === existing) return;
      existing = parent;
    }
  }
  const [realWorkspace, realExisting] = await Promise.all([realpath(workspace), realpath(existing)]);
  if (!isInside(realWorkspace, realExisting)) {
    throw new UserError(`${sanitizeLine(folder)}: the scores folder resolves outside the workspace (to ${sanitizeLine(realExisting)}); not writing score files there`);
  }
}

export async function openScoreSession(options: OpenScoreSessionOptions): Promise<ScoreSession> {
  const now = options.now ?? (() => new Date());
  const workspace = workspaceForDocument(options.workspace, options.documentPath);
  const path = workspaceScoreFilePath(workspace, options.documentPath, options.reviewer.handle);
  const shown = sanitizeLine(path);
  // The score file records the document's path and its folder is named after it: a name that
  // cannot be recorded is refused before any folder or lock is made.
  const relativePath = documentRelativePath(workspace, options.documentPath);
  const nameProblem = documentPathProblem(relativePath);
  if (nameProblem !== null) {
    throw new UserError(`${visible(relativePath)}: cannot be scored: its path ${nameProblem}, which a score file cannot record; rename it`);
  }

  let lock: HeldLock | null = null;
  let holder: LockHolder | null = null;
  let readOnlyReason: string | null = options.readOnly ? 'opened read-only' : null;
  if (options.readOnly) {
    // Not taking the lock, but saying who holds it helps a reader know the file may change.
    holder = await lockHolder(path).catch(() => null);
    if (holder) readOnlyReason = `opened read-only; being edited in another session (${describeHolder(holder)})`;
  } else {
    try {
      await assertScoresFolderInside(workspace, dirname(path));
      await mkdir(dirname(path), { recursive: true });
      const result = await acquireLock(path, options.lock);
      if (result.acquired) lock = result.lock;
      else {
        holder = result.holder;
        readOnlyReason = `being edited in another session (${describeHolder(holder)})`;
      }
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (error instanceof UserError) throw error;
      // A shared, read-only checkout can still be looked at; anything else is a one-line error.
      if (code !== 'EACCES' && code !== 'EPERM' && code !== 'EROFS') {
        throw new UserError(`${sanitizeLine(dirname(path))}: cannot use the scores folder (${code ?? sanitizeLine(String(error))})`);
      }
      readOnlyReason = `the scores folder is not writable (${code})`;
    }
  }
  const readOnly = lock === null;

  try {
    let exists = true;
    try {
      await stat(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw describeReadError(path, error, 'score file');
      exists = false;
    }
    const text = exists ? await readScoreFileText(path) : null;

    if (text === null) {
      const file = newScoreFile({
        document: { path: relativePath, sha256: options.document.sha256, title: options.document.title, origin: options.document.origin ?? null },
        criteria: options.criteria,
        reviewer: options.reviewer,
        suggestions: options.suggestions,
        now: now(),
      });
      return new FileScoreSession(path, file, null, readOnly, readOnlyReason, holder, lock);
    }

    const parsed = parseScoreFileWithInfo(text, path);
    let file = parsed.file;
    if (file.reviewer.handle !== options.reviewer.handle) {
      throw new UserError(`${shown}: reviewer.handle: ${quoted(file.reviewer.handle)} does not match the file name (expected "${options.reviewer.handle}")`);
    }
    checkAgainstCriteria(file, options.criteria, path);
    file = reconcileWithCriteria(file, options.criteria, now());
    const relative = relativePath;
    if (file.document.path !== relative) {
      // Documents with the same file name share a scores folder. The same content under a new
      // path is the document moved (the path is updated on the next save); different content is
      // another document, whose scores must not be mixed up with this one's.
      if (file.document.sha256 !== options.document.sha256) {
        throw new UserError(
          `${shown}: document.path: this file scores ${quoted(file.document.path)}, not ${quoted(relative)} (documents with the same file name share a scores folder; rename one of them)`,
        );
      }
      file = setDocumentInfo(file, { sha256: file.document.sha256, path: relative }, now());
    }

    if (lock) await removeStaleTempFiles(path);
    const session = new FileScoreSession(path, file, text, readOnly, readOnlyReason, holder, lock);
    if (parsed.migratedFrom !== null) {
      session.migratedFrom = parsed.migratedFrom;
      if (!readOnly) {
        // Keep the old bytes before the first write in the new format.
        session.backupPath = await freeBackupPath(path, parsed.migratedFrom);
        await writeFileAtomic(session.backupPath, text);
        await session.save(file);
      }
    }
    if (file.document.sha256 !== options.document.sha256) {
      session.documentChanged = true;
      if (options.document.text !== undefined) {
        const { file: relocated, relocations } = relocateCitations(file, splitLines(options.document.text), now());
        session.relocations = relocations;
        // setDocumentInfo also drops an origin pinned to the old version's commit.
        session.rebased = { ...setDocumentInfo(relocated, { sha256: options.document.sha256, title: options.document.title }, now()), updatedAt: now().toISOString() };
      }
    }
    return session;
  } catch (error) {
    await lock?.release();
    throw error;
  }
}
