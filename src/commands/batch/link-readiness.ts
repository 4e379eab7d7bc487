// Readiness of the links a document offers as evidence, for `triage` and `extract
// --check-links`: placeholders and other projects' repositories (no network), then, unless
// offline, whether each evidence link resolves. Problems are added to the extraction as gaps of
// the criterion whose evidence holds the line, and listed whole in an extra `links` field.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { DocumentModel } from '../../core/document/document-types.js';
import type { ExtractResult } from '../../core/evidence/extract-types.js';
import { offlineLinkProblems, withLinkGaps, type LinkProblem } from '../../core/links/evidence-links.js';
import { UsageError } from '../../core/errors.js';
import { extractCacheDir } from '../../store/extract-cache.js';
import { LinkChecker } from '../../store/links/check-links.js';
import { resolveWorkspace } from '../../store/workspace.js';
import type { CommandContext } from '../context.js';

export const LINK_OPTIONS = {
  offline: { type: 'boolean' },
  'link-timeout': { type: 'string' },
  'link-concurrency': { type: 'string' },
  workspace: { type: 'string' },
} as const;

export const LINK_HELP = `  --offline             check placeholders and other projects' links only, ask no server
  --link-timeout SEC    seconds to wait for each link (default 10)
  --link-concurrency N  links checked at a time (default 8)
  --workspace DIR       where link answers are kept (DIR/.cache/link-checks.json, a day;
                        default: the workspace setting, else ./reviews when it exists)`;

function positive(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} takes a positive number (got "${value}")`);
  return n;
}

/** The checker for a run (null when offline). The cache lives in the workspace when there is one. */
export async function linkCheckerFor(values: { offline?: boolean; 'link-timeout'?: string; 'link-concurrency'?: string; workspace?: string }, context: CommandContext): Promise<LinkChecker | null> {
  const timeoutMs = positive(values['link-timeout'], 'link-timeout', 10) * 1000;
  const concurrency = Math.floor(positive(values['link-concurrency'], 'link-concurrency', 8));
  if (values.offline) return null;
  let setting: string | undefined;
  try {
    const { readSetting } = await import('../../store/settings-read.js');
    setting = await readSetting(context.env, 'workspace');
  } catch {
    setting = undefined;
  }
  const workspace = resolveWorkspace({ flag: values.workspace, setting, cwd: context.cwd });
  const cacheDir = existsSync(workspace) ? join(workspace, '.cache') : extractCacheDir(context.env);
  return new LinkChecker({ timeoutMs, concurrency, cacheDir: context.env.TOC_REVIEW_NO_CACHE ? null : cacheDir });
}

export async function linkProblems(doc: DocumentModel, result: ExtractResult, project: string, checker: LinkChecker | null): Promise<LinkProblem[]> {
  const { problems, toAsk } = offlineLinkProblems(doc, result, project);
  if (!checker) return problems;
  const answers = await checker.checkAll(toAsk.map((l) => l.url));
  for (const link of toAsk) {
    const answer = answers.get(link.url);
    if (answer?.problem) problems.push({ line: link.line, url: link.url, kind: 'unresolved', detail: answer.problem, criterion: link.criterion });
  }
  return problems.sort((a, b) => a.line - b.line);
}

export { withLinkGaps };
