// The real ReviewHost: documents from disk, extraction computed once per opened document, score
// sessions and settings from src/store. Tracks open sessions so the command can release every
// lock on quit, Ctrl-C or a crash.
import { readFile, stat } from 'node:fs/promises';
import { documentDateLine } from '../core/compare/predecessor.js';
import type { CriteriaSet } from '../core/criteria/criteria.js';
import { parseDocument, splitLines } from '../core/document/document.js';
import { extractEvidence } from '../core/evidence/extract.js';
import type { Reviewer } from '../core/scores/score-file.js';
import { deriveHandle } from '../core/scores/handle.js';
import { exportDate } from '../core/summary/summary.js';
import { renderSummaryMarkdown } from '../core/summary/summary-markdown.js';
import { offlineLinkProblems, withLinkGaps } from '../core/links/evidence-links.js';
import { projectName } from '../core/triage/document-kind.js';
import { triageRow } from '../core/triage/triage-row.js';
import { criteriaForScoreFile } from '../store/criteria-files.js';
import { readDocumentFile } from '../store/document-file.js';
import { readCachedExtract, readCachedTriage, writeCachedExtract, writeCachedTriage } from '../store/extract-cache.js';
import { writeExportNextTo } from '../store/export-file.js';
import { listScoreFiles, loadScoreFile, openScoreSession, scoreFilePath } from '../store/score-store.js';
import type { SettingsStore } from '../store/settings.js';
import { documentRelativePath, listDocuments, scoreFilePathsFor, workspaceForDocument } from '../store/workspace.js';
import { relative } from 'node:path';
import { sinceHost } from './since-host.js';
import type { OpenedReview, ReviewHost, ReviewSession, WorkspaceEntry } from './types.js';

export interface StoreHostOptions {
  workspace: string;
  criteria: CriteriaSet;
  /** The criteria set was chosen (--criteria); otherwise a score file's own shipped set is used for it. */
  criteriaExplicit?: boolean;
  reviewer: Reviewer | null;
  readOnly: boolean;
  /** Opened lazily: a reviewer given on the command line never touches the settings file. */
  settings: () => SettingsStore;
  /** For the extraction cache's location (default: process.env). */
  env?: NodeJS.ProcessEnv;
}

export interface StoreHost extends ReviewHost {
  /** Release every lock still held. */
  closeAll(): Promise<void>;
}

const TITLE_BYTES = 64 * 1024;

/** A cheap title for the list: the first heading in the first 64 KB, else the file name. */
function quickTitle(text: string, fallback: string): string {
  const match = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/m.exec(text.slice(0, TITLE_BYTES));
  return match ? match[1]!.replace(/[*_`]/g, '') : fallback;
}

export function createStoreHost(options: StoreHostOptions): StoreHost {
  const open = new Set<ReviewSession>();
  // Bound to the host once it exists: the since part lists and triages through it.
  const since = sinceHost(options.workspace, { listDocuments: () => host.listDocuments(), triageDocument: (path) => host.triageDocument!(path) });
  const host: StoreHost = {
    ...since,
    workspace: options.workspace,
    reviewer: options.reviewer,

    async setReviewer(name) {
      const settings = options.settings();
      const clean = settings.set('reviewer.name', name);
      const handle = settings.set('reviewer.handle', deriveHandle(clean));
      host.reviewer = { name: clean, handle };
      return host.reviewer;
    },

    async listDocuments(): Promise<WorkspaceEntry[]> {
      const paths = await listDocuments(options.workspace);
      const me = host.reviewer;
      return Promise.all(
        paths.map(async (path): Promise<WorkspaceEntry> => {
          const name = relative(options.workspace, path).split('\\').join('/');
          let title = name;
          let dated: string | null = null;
          let modifiedMs: number | undefined;
          try {
            const text = await readFile(path, 'utf8');
            title = quickTitle(text, name);
            dated = documentDateLine(splitLines(text.slice(0, TITLE_BYTES)));
            modifiedMs = (await stat(path)).mtimeMs;
          } catch {
            // The review screen reports unreadable documents properly when opened.
          }
          const handles = (await scoreFilePathsFor(options.workspace, path)).map((p) => p.replace(/^.*[/\\]/, '').replace(/\.score\.json$/, ''));
          const entry: WorkspaceEntry = { path, name, title, dated, ...(modifiedMs === undefined ? {} : { modifiedMs }), scored: 0, total: options.criteria.items.length, started: false, others: handles.filter((h) => h !== me?.handle) };
          if (me && handles.includes(me.handle)) {
            entry.started = true;
            try {
              const mine = scoreFilePath(options.workspace, path, me.handle);
              const { file } = await loadScoreFile(mine, await criteriaForScoreFile(mine, options.criteria, options.criteriaExplicit ?? false));
              entry.scored = file.items.filter((item) => item.score !== null).length;
            } catch (error) {
              entry.problem = error instanceof Error ? error.message : String(error);
            }
          }
          return entry;
        }),
      );
    },

    async triageDocument(path) {
      // The list's set, as its "N/M scored" uses; the row and the extraction are cached, so
      // a second visit to the list (and opening the document) parses nothing.
      const docFile = await readDocumentFile(path);
      const displayPath = documentRelativePath(workspaceForDocument(options.workspace, path), path);
      const env = options.env ?? process.env;
      const key = { documentSha256: docFile.sha256, criteriaSha256: options.criteria.source.sha256, displayPath };
      const cached = await readCachedTriage(env, key);
      if (cached) return cached;
      const doc = parseDocument(docFile.text);
      let extract = await readCachedExtract(env, key);
      if (!extract) {
        extract = extractEvidence(doc, options.criteria, { path: displayPath, sha256: docFile.sha256 });
        await writeCachedExtract(env, key, extract);
      }
      // As `triage --offline`: placeholder links and other projects' repositories are gaps too;
      // whether links resolve is never asked from the list.
      const { problems } = offlineLinkProblems(doc, extract, projectName(doc, displayPath));
      const row = triageRow(withLinkGaps(extract, problems), doc, options.criteria, problems);
      await writeCachedTriage(env, key, row);
      return row;
    },

    async openReview(path): Promise<OpenedReview> {
      const reviewer = host.reviewer;
      if (!reviewer) throw new Error('no reviewer set');
      const docFile = await readDocumentFile(path);
      const criteria = await criteriaForScoreFile(scoreFilePath(options.workspace, path, reviewer.handle), options.criteria, options.criteriaExplicit ?? false);
      const workspace = workspaceForDocument(options.workspace, path);
      const displayPath = documentRelativePath(workspace, path);
      // Reopening a document reuses its extraction from the last run (store/extract-cache.ts).
      const env = options.env ?? process.env;
      const key = { documentSha256: docFile.sha256, criteriaSha256: criteria.source.sha256, displayPath };
      let extract = await readCachedExtract(env, key);
      let doc: { title: string; lines: string[] };
      if (extract) {
        doc = { title: extract.document.title, lines: splitLines(docFile.text) };
      } else {
        const parsed = parseDocument(docFile.text);
        extract = extractEvidence(parsed, criteria, { path: displayPath, sha256: docFile.sha256 });
        doc = parsed;
        await writeCachedExtract(env, key, extract);
      }
      const suggestions = Object.fromEntries(extract.criteria.map((c) => [c.id, c.suggestion.score]));
      const session = await openScoreSession({
        workspace,
        documentPath: path,
        document: { sha256: docFile.sha256, title: doc.title, text: docFile.text },
        criteria,
        reviewer,
        readOnly: options.readOnly,
        suggestions,
        // A one-shot `score` holds the lock for milliseconds: wait that out rather than open
        // read-only; another interactive session is reported at once.
        lock: { kind: 'interactive', waitMs: 3000, waitFor: ['oneshot'] },
      });
      const tracked: ReviewSession = {
        get path() {
          return session.path;
        },
        get file() {
          return session.file;
        },
        readOnly: session.readOnly,
        lockHolder: session.lockHolder,
        documentChanged: session.documentChanged,
        save: (next) => session.save(next),
        close: async () => {
          open.delete(tracked);
          await session.close();
        },
      };
      open.add(tracked);
      const others = (await listScoreFiles(workspace, path, criteria).catch(() => []))
        .filter((loaded) => loaded.ok && loaded.file.reviewer.handle !== reviewer.handle)
        .map((loaded) => (loaded.ok ? loaded.file : null)!)
        .filter(Boolean);
      return { sourcePath: path, displayPath, title: doc.title, lines: doc.lines, criteria, extract, session: tracked, others };
    },

    async exportSummary(review, file) {
      // As `toc-review export`: with no origin recorded and the scored version on disk, git may
      // pin one (loaded and run only here, never at start-up or on a keypress).
      let origin = file.document.origin;
      if (origin === null && review.extract?.document.sha256 === file.document.sha256) {
        origin = (await (await import('../store/document-web-origin.js')).documentWebOrigin(review.sourcePath)).url;
      }
      const markdown = renderSummaryMarkdown(file, review.criteria, review.extract, { date: exportDate(undefined, options.env ?? process.env), origin });
      return writeExportNextTo(review.session.path, markdown);
    },

    async closeAll() {
      await Promise.allSettled([...open].map((session) => session.close()));
    },
  };
  return host;
}
