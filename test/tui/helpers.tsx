// In-memory stand-ins for the score store and workspace, so component tests drive the real UI
// against a real document and the real pure score-file updaters without touching the disk.
import { readFileSync } from 'node:fs';
import { stripVTControlCharacters } from 'node:util';
import { join } from 'node:path';
import chalk from 'chalk';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, expect } from 'vitest';
import { parseDocument } from '../../src/core/document/document.js';
import type { CriteriaSet } from '../../src/core/criteria/criteria.js';
import type { ExtractResult } from '../../src/core/evidence/extract-types.js';
import { sha256 } from '../../src/core/hash.js';
import { newScoreFile, slugifyHandle, type Reviewer, type ScoreFile } from '../../src/core/scores/score-file.js';
import { loadCriteria } from '../../src/store/criteria-files.js';
import { App, type AppProps, type AppStart } from '../../src/tui/app.js';
import { displayWidth } from '../../src/tui/text.js';
import type { TriageRow } from '../../src/core/triage/triage-row.js';
import type { OpenedReview, ReviewHost, ReviewSession, WorkspaceEntry } from '../../src/tui/types.js';

export const CORPUS = join(import.meta.dirname, '..', 'fixtures', 'corpus', 'seeds');
/** A 50-item grouped checklist set (six groups, Required and Suggested items). */
export const GROUPED_50 = join(import.meta.dirname, '..', 'fixtures', 'templates', 'grouped-50.yaml');

export interface MemorySession extends ReviewSession {
  saves: ScoreFile[];
  closed: boolean;
}

export function memorySession(file: ScoreFile, options: Partial<Pick<ReviewSession, 'readOnly' | 'lockHolder' | 'documentChanged'>> = {}): MemorySession {
  const session: MemorySession = {
    path: '/tmp/ws/scores/doc/ada.score.json',
    file,
    readOnly: options.readOnly ?? false,
    lockHolder: options.lockHolder ?? null,
    documentChanged: options.documentChanged ?? false,
    saves: [],
    closed: false,
    async save(next) {
      if (session.readOnly) return;
      session.saves.push(next);
      session.file = next;
    },
    close() {
      session.closed = true;
    },
  };
  return session;
}

/**
 * A hand-written extraction for a document: two passages for production-users (its adopter
 * section and one more), one for versioning, none for the others. Real extraction is tested by
 * its own suite; these tests are about the screens.
 */
export function fakeExtract(lines: string[], criteria: CriteriaSet, path: string): ExtractResult {
  const find = (re: RegExp) => Math.max(1, lines.findIndex((l) => re.test(l)) + 1);
  const adopters = find(/adopter/i);
  const release = find(/release/i);
  return {
    schema: 'toc-review/extract@1',
    document: { path, sha256: sha256(lines.join('\n')), title: lines[0] ?? '', lineCount: lines.length },
    facts: {
      adopters: [
        { name: 'Acme Corp', line: adopters, reason: 'list in an adoption section' },
        { name: 'Globex', line: adopters, reason: 'list in an adoption section' },
      ],
      maintainers: [{ name: 'Jane Doe', handle: 'jdoe', affiliation: 'Acme', line: 3, reason: 'list of maintainers' }],
      metrics: [{ kind: 'commits', value: 28, period: 'month', line: 5, quote: '28 commits per month', reason: 'figure in a sentence' }],
      versioning: [{ line: release, quote: lines[release - 1] ?? '', reason: 'sentence with a release phrase' }],
    },
    criteria: criteria.items.map((item) => {
      if (item.id === 'production-users') {
        return {
          id: item.id,
          evidence: [
            { startLine: adopters, endLine: Math.min(lines.length, adopters + 6), heading: 'Adopters', reason: 'names adopters' },
            { startLine: 1, endLine: 4, heading: 'Intro', reason: 'mentions production use' },
          ],
          suggestion: { score: 2, rationale: '2 named adopters' },
          gaps: [],
        };
      }
      if (item.id === 'versioning') {
        return {
          id: item.id,
          evidence: [{ startLine: release, endLine: Math.min(lines.length, release + 2), heading: 'Releases', reason: 'release statement' }],
          suggestion: { score: 1, rationale: 'one release statement' },
          gaps: ['no documented release process'],
        };
      }
      return { id: item.id, evidence: [], suggestion: { score: null, rationale: 'nothing found' }, gaps: ['nothing found'] };
    }),
  };
}

export const ADA: Reviewer = { name: 'Ada Lovelace', handle: 'ada-lovelace' };

export async function openedReview(
  docName = 'kube-ovn-2022-annual.md',
  options: { file?: (f: ScoreFile) => ScoreFile; session?: Parameters<typeof memorySession>[1]; others?: ScoreFile[]; text?: string; criteria?: string } = {},
): Promise<{ review: OpenedReview; session: MemorySession; criteria: CriteriaSet }> {
  const criteria = await loadCriteria(options.criteria ?? 'cncf-incubation');
  const text = options.text ?? readFileSync(join(CORPUS, docName), 'utf8');
  const doc = parseDocument(text);
  const base = newScoreFile({ document: { path: docName, sha256: sha256(text), title: doc.title }, criteria, reviewer: ADA, now: '2026-01-01T00:00:00.000Z' });
  const session = memorySession(options.file ? options.file(base) : base, options.session);
  return {
    criteria,
    session,
    review: {
      sourcePath: docName,
      displayPath: docName,
      title: doc.title,
      lines: doc.lines,
      criteria,
      extract: fakeExtract(doc.lines, criteria, docName),
      session,
      others: options.others ?? [],
    },
  };
}

export function memoryHost(
  reviews: Record<string, OpenedReview>,
  options: { reviewer?: Reviewer | null; entries?: WorkspaceEntry[]; triage?: Record<string, TriageRow | Error> } = {},
) {
  const host: ReviewHost & { opened: string[]; reviewerSaved: string | null } = {
    workspace: '/tmp/ws',
    reviewer: options.reviewer === undefined ? ADA : options.reviewer,
    opened: [],
    reviewerSaved: null,
    async setReviewer(name) {
      host.reviewerSaved = name;
      host.reviewer = { name, handle: slugifyHandle(name) };
      return host.reviewer;
    },
    async listDocuments() {
      return (
        options.entries ??
        Object.entries(reviews).map(([path, review]) => ({
          path,
          name: path,
          title: review.title,
          scored: review.session.file.items.filter((i) => i.score !== null).length,
          total: review.criteria.items.length,
          started: true,
          others: [],
        }))
      );
    },
    async openReview(path) {
      host.opened.push(path);
      const review = reviews[path];
      if (!review) throw new Error(`${path}: no such file`);
      return review;
    },
  };
  const triage = options.triage;
  if (triage) {
    host.triageDocument = async (path) => {
      const row = triage[path];
      if (row instanceof Error) throw row;
      if (!row) throw new Error(`${path}: no triage row`);
      return row;
    };
  }
  return host;
}

export function renderApp(props: Partial<AppProps> & { host: ReviewHost; start: AppStart }) {
  const exits: { code: number; message?: string }[] = [];
  const instance = render(
    <App size={{ columns: 100, rows: 30 }} color={false} onExit={(code, message) => exits.push({ code, message })} {...props} />,
  );
  return { ...instance, exits };
}

/** Poll until `check` stops throwing (Ink renders asynchronously); bounded, then rethrows. */
export async function waitFor(check: () => void, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

/** Send keys one write at a time, letting Ink process each. */
export async function press(stdin: { write: (s: string) => void }, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    stdin.write(key);
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

export const KEY = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  escape: '\u001B',
  tab: '\t',
  backspace: '\u007F',
  ctrlC: '\u0003',
  pageDown: '\u001B[6~',
};

/** Colour as in a terminal that has it (vitest's output is not one), for the tests of this file. */
export function withFullColour(): void {
  let level: typeof chalk.level;
  beforeAll(() => {
    level = chalk.level;
    chalk.level = 3;
  });
  afterAll(() => {
    chalk.level = level;
  });
}

/** Every row of a frame fits the terminal's width, and no raw tab reaches it. */
export function expectRowsFit(frame: string, columns: number, where = ''): void {
  for (const row of frame.split('\n')) {
    expect(row, `${where} tab in: ${row}`).not.toContain('\t');
    expect(displayWidth(stripVTControlCharacters(row)), `${where} ${row}`).toBeLessThanOrEqual(columns);
  }
}
