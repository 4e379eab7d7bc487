// `toc-review score <doc>`: set scores, notes, citations and the recommendation without the UI,
// for scripts and tests. Every argument is checked before the score file is opened, so a bad
// command line never modifies anything.
import { basename, resolve } from 'node:path';
import { relocateCitations } from '../core/scores/citation-relocate.js';
import { splitLines } from '../core/document/lines.js';
import type { CriteriaSet } from '../core/criteria/criteria.js';
import { scoreWithLabel } from '../core/criteria/criteria-scale.js';
import { parseDocument } from '../core/document/document.js';
import { describeChanges } from '../core/scores/change-report.js';
import { extractEvidence } from '../core/evidence/extract.js';
import { UsageError, UserError } from '../core/errors.js';
import { sanitizeLine, sanitizeText, quoted } from '../core/sanitize.js';
import {
  serializeScoreFile,
  setDocumentInfo,
  markNotApplicable,
  NA_SCORE,
  setItemNotes,
  setItemScore,
  setRecommendation,
  toggleCitation,
  VERDICTS,
  type ScoreFile,
  type Verdict,
} from '../core/scores/score-file.js';
import { criteriaForScoreFile, isShippedCriteria, loadCriteria } from '../store/criteria-files.js';
import { readDocumentFile } from '../store/document-file.js';
import { documentWebOrigin } from '../store/document-web-origin.js';
import { describeHolder } from '../store/lock.js';
import { lockWaitMs } from '../store/lock-wait.js';
import { openScoreSession, scoreFilePath } from '../store/score-store.js';
import { openSettings, resolveReviewer, type Settings } from '../store/settings.js';
import { resolveWorkspace } from '../store/workspace.js';
import { parseCommandArgs, type CommandContext } from './context.js';
import { keptCopyArgument } from './issue-argument.js';
import { ddChanges, ddConflicts, ddCriteriaId, refuseConflicts, type DdChanges, type ItemChange } from './score-from-dd.js';

export const help = `Usage: toc-review score <document.md> [options]

Set scores, notes, citations and the overall recommendation in your score file for a document,
without the UI. Changes are checked first and saved atomically; with no changes, prints the file
(a read: it works while another session is editing the file, and says so).
The file lives at <workspace>/scores/<document-stem>/<your-handle>.score.json.
A GitHub issue or pull request (OWNER/REPO#N or its address), or an http(s) address, is scored
in its copy kept in the workspace (fetched/OWNER/REPO/REPO-N.md, fetched/urls/HOST/PATH),
fetched and kept first when there is none. \`-\` reads the document from standard input and
keeps it as fetched/stdin/stdin-HASH.md (named by its bytes; stderr says which, for next time).

Options:
  --set ID=VALUE        score an item: a scale value (0-3 for cncf-incubation), a scale label
                        such as "met", "na" (not applicable: needs a --note ID=REASON, or
                        notes already there), or "none" to clear it (repeatable)
  --note ID=TEXT        replace an item's notes (repeatable; "" clears)
  --cite ID=START[-END] cite document lines for an item, or un-cite them if already cited
                        (repeatable; the quoted text is taken from the document)
  --recommend VERDICT   ready, not-ready, needs-more-info, or none
  --recommend-note TEXT notes for the recommendation
  --origin URL|none     the document's source URL, for line links in exports (default: for
                        the kept copy of a GitHub issue, the issue's page; of an address, the
                        address (a GitHub blob: its page at the commit read); else from git when
                        the document is committed, unchanged, in a GitHub or GitLab
                        repository: its blob URL pinned to HEAD's commit)
  --reviewer NAME       who you are (else env TOC_REVIEW_REVIEWER, else settings)
  --handle HANDLE       your file name handle (default: a slug of the name)
  --workspace DIR       workspace folder (default: settings, else ./reviews); a document
                        outside it uses its own folder
  --criteria ID|FILE    criteria set (default: settings, else cncf-incubation)
  --wait SECONDS        how long to wait for the score file's lock when another write holds
                        it (default: env TOC_REVIEW_LOCK_WAIT, else 10; 0: do not wait)
  --from-dd             read the document as a filled due diligence (DD): ticked items met,
                        evaluations as notes, each item's block cited, the Final Assessment as
                        the recommendation's notes; --criteria names the set it was written
                        from (an exported DD names its own). See docs/templates.md
  --force               with --from-dd: replace scores and notes the file already holds
  --json                print the saved score file (what changed goes to stderr)
  -h, --help            show this help

Parallel runs on one file queue for its lock and all land; each says what it changed and the
value it replaced (when two set the same item, the last one wins). Only an interactive session
(the review UI) holding the file makes a change fail, after the wait, naming that session.

If the document changed since it was scored, cited lines are re-located by their quoted text
and the file is pointed at the new version when you save a change (a warning says so).`;

function splitAssignment(flag: string, raw: string): [string, string] {
  const at = raw.indexOf('=');
  if (at <= 0) throw new UsageError(`score: ${flag} expects ID=VALUE, got ${quoted(raw)}`);
  return [raw.slice(0, at).trim(), raw.slice(at + 1)];
}

function checkItemId(criteria: CriteriaSet, flag: string, id: string): void {
  if (!criteria.items.some((item) => item.id === id)) {
    throw new UsageError(`score: ${flag}: unknown item ${quoted(id)} (items of ${criteria.id}: ${criteria.items.map((item) => item.id).join(', ')})`);
  }
}

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function parseScoreValue(criteria: CriteriaSet, id: string, raw: string): number | 'na' | null {
  const value = raw.trim();
  if (['none', '-', 'null', 'unscored', ''].includes(value.toLowerCase())) return null;
  if (['na', 'n/a'].includes(value.toLowerCase())) return NA_SCORE;
  const byValue = /^\d+$/.test(value) ? criteria.scale.find((entry) => entry.value === Number(value)) : undefined;
  const byLabel = criteria.scale.find((entry) => slug(entry.label) === slug(value));
  const entry = byValue ?? byLabel;
  if (!entry) {
    const scale = criteria.scale.map((s) => `${s.value} (${s.label})`).join(', ');
    throw new UsageError(`score: --set ${sanitizeLine(id)}: ${quoted(value)} is not on the scale of ${criteria.id}: ${scale}, na (with a --note giving the reason), or none`);
  }
  return entry.value;
}

function parseChanges(criteria: CriteriaSet, values: { set?: string[]; note?: string[]; cite?: string[] }): ItemChange[] {
  const changes: ItemChange[] = [];
  for (const raw of values.set ?? []) {
    const [id, value] = splitAssignment('--set', raw);
    checkItemId(criteria, '--set', id);
    changes.push({ kind: 'score', id, score: parseScoreValue(criteria, id, value) });
  }
  for (const raw of values.note ?? []) {
    const [id, text] = splitAssignment('--note', raw);
    checkItemId(criteria, '--note', id);
    changes.push({ kind: 'note', id, text });
  }
  for (const raw of values.cite ?? []) {
    const [id, range] = splitAssignment('--cite', raw);
    checkItemId(criteria, '--cite', id);
    const match = /^\s*(\d+)\s*(?:-\s*(\d+))?\s*$/.exec(range);
    const start = Number(match?.[1]);
    const end = match?.[2] === undefined ? start : Number(match[2]);
    if (!match || start < 1 || end < start) throw new UsageError(`score: --cite ${sanitizeLine(id)}: expected START or START-END line numbers, got ${quoted(range)}`);
    changes.push({ kind: 'cite', id, lines: { start, end } });
  }
  return changes;
}

/** The reason for `--set ID=na`: the --note given with it, else the item's notes; required. */
function naReason(changes: readonly ItemChange[], id: string, file: ScoreFile): string {
  const given = changes.filter((c) => c.kind === 'note' && c.id === id).at(-1)?.text;
  const reason = given ?? file.items.find((item) => item.id === id)?.notes ?? '';
  if (reason.trim() === '') throw new UserError(`score: --set ${sanitizeLine(id)}=na needs a note giving the reason: add --note ${sanitizeLine(id)}="why it does not apply"`);
  return reason;
}

function parseOrigin(raw: string | undefined): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'none') return null;
  if (!/^https?:\/\/\S+$/.test(raw) || raw.length > 2048) throw new UsageError(`score: --origin must be an http(s) URL or none (got ${quoted(raw)})`);
  return raw;
}

function parseVerdict(raw: string | undefined): Verdict | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === 'none') return null;
  if ((VERDICTS as readonly string[]).includes(raw)) return raw as Verdict;
  throw new UsageError(`score: --recommend: ${quoted(raw)} is not one of ${VERDICTS.join(', ')}, none`);
}

/** First markdown heading outside code fences, else the file name. */
export function documentTitle(text: string, path: string): string {
  let fence: string | null = null;
  for (const line of splitLines(text)) {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (fence === null) fence = marker[0]!;
      else if (marker[0] === fence) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading) return heading.slice(0, 300);
  }
  return basename(path);
}

/**
 * The document's title and the evidence engine's suggested scores (recorded in a new score file
 * next to the reviewer's own, as the UI does). Extraction problems never block scoring.
 */
function analyse(text: string, path: string, sha: string, criteria: CriteriaSet): { title: string; suggestions: Record<string, number | null> } {
  try {
    const result = extractEvidence(parseDocument(text), criteria, { path, sha256: sha });
    const suggestions = Object.fromEntries(result.criteria.map((c) => [c.id, c.suggestion.score]));
    return { title: result.document.title || documentTitle(text, path), suggestions };
  } catch {
    return { title: documentTitle(text, path), suggestions: {} };
  }
}

const QUOTE_LIMIT = 300;

function quoteOf(lines: readonly string[], start: number, end: number): string {
  const text = lines.slice(start - 1, end).join('\n').trim();
  return text.length > QUOTE_LIMIT ? `${text.slice(0, QUOTE_LIMIT)}…` : text;
}

function describeFile(file: ScoreFile, criteria: CriteriaSet, path: string): string {
  const lines = [`${path}`, `  reviewer: ${file.reviewer.name} (${file.reviewer.handle})`, `  document: ${file.document.path}`];
  for (const item of file.items) {
    const cited = item.cited.length ? `  cited: ${item.cited.map((c) => (c.startLine === c.endLine ? `${c.startLine}` : `${c.startLine}-${c.endLine}`)).join(', ')}` : '';
    lines.push(`  ${item.id}: ${scoreWithLabel(criteria, item.score)}${cited}`);
    if (item.notes) lines.push(`    notes: ${item.notes.replace(/\s+/g, ' ').slice(0, 200)}`);
  }
  lines.push(`  recommendation: ${file.recommendation.verdict ?? 'none'}`);
  return sanitizeText(lines.join('\n'));
}

export async function run(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('score', args, {
    set: { type: 'string', multiple: true },
    note: { type: 'string', multiple: true },
    cite: { type: 'string', multiple: true },
    recommend: { type: 'string' },
    'recommend-note': { type: 'string' },
    reviewer: { type: 'string' },
    handle: { type: 'string' },
    workspace: { type: 'string' },
    criteria: { type: 'string' },
    origin: { type: 'string' },
    wait: { type: 'string' },
    json: { type: 'boolean' },
    'from-dd': { type: 'boolean' },
    force: { type: 'boolean' },
  });
  const waitMs = lockWaitMs(values.wait, context.env);
  if (positionals.length === 0) throw new UsageError('score: give the document to score (see: toc-review score --help)');
  if (positionals.length > 1) throw new UsageError(`score: one document at a time (unexpected ${quoted(positionals[1]!)})`);
  const documentArg = positionals[0]!;

  let settingsCache: Settings | undefined;
  const settings = () => (settingsCache ??= openSettings(context.env).all());
  const reviewer = resolveReviewer({ name: values.reviewer, handle: values.handle, env: context.env, settings });
  if (!reviewer) {
    throw new UserError('score: who is reviewing? Give --reviewer NAME, set TOC_REVIEW_REVIEWER, or run: toc-review config set reviewer.name "Your Name"');
  }
  const workspace = resolveWorkspace({ flag: values.workspace, setting: values.workspace === undefined ? settings().workspace : undefined, cwd: context.cwd });
  // An issue (OWNER/REPO#N) is scored in its copy kept in the workspace, fetched first if need be.
  const documentPath = (await keptCopyArgument(documentArg, workspace, context, { fetch: true, command: 'score' })) ?? resolve(context.cwd, documentArg);
  const doc = await readDocumentFile(documentPath, {});
  const lines = splitLines(doc.text);
  const fromDd = values['from-dd'] === true;
  if (values.force && !fromDd) throw new UsageError('score: --force only goes with --from-dd');
  const marked = fromDd && values.criteria === undefined ? ddCriteriaId(doc.text) : null;
  const chosenSet = values.criteria ?? (marked !== null && isShippedCriteria(marked) ? marked : undefined);
  // An existing file scored with another shipped set is opened with that set unless --criteria says otherwise.
  const criteria = await criteriaForScoreFile(
    scoreFilePath(workspace, documentPath, reviewer.handle),
    await loadCriteria(chosenSet ?? settings().criteria),
    chosenSet !== undefined,
  );
  let dd: DdChanges | null = null;
  if (fromDd) {
    dd = ddChanges(lines, criteria, sanitizeLine(documentArg));
    context.stderr.write(`toc-review: ${sanitizeLine(documentArg)}: read as a DD of ${criteria.id}: ${dd.aligned} of ${criteria.items.length} items found\n`);
  }
  const changes = [...(dd?.changes ?? []), ...parseChanges(criteria, values)];
  const verdict = parseVerdict(values.recommend) ?? dd?.verdict;
  const recommendNote = values['recommend-note'] ?? dd?.recommendationNote;
  const origin = parseOrigin(values.origin);
  // Nothing to change: a read, which needs no lock and creates nothing.
  const read = changes.length === 0 && verdict === undefined && recommendNote === undefined && origin === undefined;
  for (const change of changes) {
    if (change.kind === 'cite' && change.lines!.end > lines.length) {
      throw new UsageError(`score: --cite ${change.id}: line ${change.lines!.end} is past the end of ${sanitizeLine(documentArg)} (${lines.length} lines)`);
    }
  }
  const { title, suggestions } = analyse(doc.text, documentPath, doc.sha256, criteria);

  const shownPath = sanitizeLine(scoreFilePath(workspace, documentPath, reviewer.handle));
  const session = await openScoreSession({
    workspace,
    documentPath,
    document: { sha256: doc.sha256, title },
    criteria,
    reviewer,
    suggestions,
    readOnly: read,
    lock: {
      kind: 'oneshot',
      waitMs,
      noticeAfterMs: 2000,
      onWait: (holder) => context.stderr.write(`toc-review: ${shownPath}: waiting up to ${waitMs / 1000} s for ${sanitizeLine(describeHolder(holder))}\n`),
    },
  });
  try {
    if (read) {
      if (session.lockHolder) context.stderr.write(`toc-review: ${sanitizeLine(session.path)}: read-only: ${sanitizeLine(session.readOnlyReason ?? '')}\n`);
      if (session.documentChanged) context.stderr.write(`toc-review: warning: ${sanitizeLine(documentArg)} changed since it was scored (sha256 differs)\n`);
      if (values.json) context.stdout.write(serializeScoreFile(session.file));
      else context.stdout.write(`${describeFile(session.file, criteria, session.path)}\n`);
      return 0;
    }
    if (session.readOnly) {
      const waited = session.lockHolder && waitMs > 0 ? ` after waiting ${waitMs / 1000} s` : '';
      const advice = session.lockHolder ? (session.lockHolder.kind === 'interactive' ? ' (close that session and try again)' : ' (try again, or pass a longer --wait)') : '';
      throw new UserError(`${sanitizeLine(session.path)}: ${sanitizeLine(session.readOnlyReason ?? 'read-only')}; nothing changed${waited}${advice}`);
    }
    if (session.migratedFrom !== null) {
      context.stderr.write(`toc-review: ${sanitizeLine(session.path)}: migrated from toc-review/score@${session.migratedFrom}; backup kept at ${sanitizeLine(session.backupPath ?? '?')}\n`);
    }
    if (dd && !values.force) refuseConflicts(session.path, ddConflicts(session.file, dd));
    const now = new Date();
    const loaded = session.file;
    let file = session.file;
    for (const change of changes) {
      if (change.kind === 'score' && change.score === NA_SCORE) file = markNotApplicable(file, change.id, naReason(changes, change.id, file), now);
      else if (change.kind === 'score') file = setItemScore(file, change.id, change.score!, now);
      else if (change.kind === 'note') file = setItemNotes(file, change.id, change.text!, now);
    }
    if (verdict !== undefined || recommendNote !== undefined) {
      file = setRecommendation(file, verdict === undefined ? file.recommendation.verdict : verdict, recommendNote ?? file.recommendation.notes, now);
    }
    const changed = file !== session.file || changes.some((c) => c.kind === 'cite') || (origin !== undefined && origin !== file.document.origin);
    if (session.documentChanged && changed) {
      // Scoring against the document as it is now: move citations to where their text is, then
      // record the new sha256, before adding any citation given by line number here.
      const relocated = relocateCitations(file, lines, now);
      file = setDocumentInfo(relocated.file, { sha256: doc.sha256, title }, now);
      const moved = relocated.relocations.filter((r) => r.status === 'moved').length;
      const lost = relocated.relocations.filter((r) => r.status === 'lost' || r.status === 'unverified');
      context.stderr.write(
        `toc-review: warning: ${sanitizeLine(documentArg)} changed since it was scored; ${moved} citation(s) moved to their text's new lines` +
          (lost.length ? `, ${lost.length} not found (kept: ${lost.map((r) => `${r.itemId} ${r.before.startLine}-${r.before.endLine}`).join(', ')})` : '') +
          '\n',
      );
    } else if (session.documentChanged) {
      context.stderr.write(`toc-review: warning: ${sanitizeLine(documentArg)} changed since it was scored (sha256 differs)\n`);
    }
    // After the rebase, which drops an origin pinned to the old version.
    if (origin !== undefined) file = setDocumentInfo(file, { sha256: file.document.sha256, origin }, now);
    for (const change of changes) {
      if (change.kind === 'cite') {
        const { start, end } = change.lines!;
        if (change.keep && file.items.find((item) => item.id === change.id)?.cited.some((c) => c.startLine === start && c.endLine === end)) continue;
        file = toggleCitation(file, change.id, { startLine: start, endLine: end, quote: quoteOf(lines, start, end) }, now);
      }
    }
    if (changed && origin === undefined && file.document.origin === null && file.document.sha256 === doc.sha256) {
      // Saving the version on disk: record where it lives, if git can pin it (docs/export.md).
      const found = await documentWebOrigin(documentPath);
      if (found.url) file = setDocumentInfo(file, { sha256: file.document.sha256, origin: found.url }, now);
      if (found.note) context.stderr.write(`toc-review: ${sanitizeLine(documentArg)}: ${found.note}\n`);
    }
    if (changed) await session.save(file);
    // Against the file as read under the lock: what this run replaced, even a parallel run's value.
    const report = changed ? describeChanges(loaded, file, criteria) : [];
    if (values.json) {
      context.stdout.write(serializeScoreFile(file));
      for (const line of report) context.stderr.write(`toc-review: saved ${sanitizeLine(line)}\n`);
    } else {
      const [first, ...rest] = describeFile(file, criteria, session.path).split('\n');
      const changes = report.map((line) => `  changed ${sanitizeLine(line)}`);
      context.stdout.write(`${[`${changed ? 'saved ' : ''}${first}`, ...changes, ...rest].join('\n')}\n`);
    }
    return 0;
  } finally {
    await session.close();
  }
}
