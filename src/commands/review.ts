// `toc-review [review] [<doc.md>]`: the review UI on the workspace list or straight on one
// document. Everything that can fail before the UI starts (bad flags, missing document or
// workspace, unreadable score file) fails here as one line, before the terminal is touched.
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError, UserError } from '../core/errors.js';
import { sanitizeLine } from '../core/sanitize.js';
import { loadCriteria } from '../store/criteria-files.js';
import type { SettingsStore } from '../store/settings.js';
import { readSetting, readSettings } from '../store/settings-read.js';
import { resolveReviewer } from '../store/settings-values.js';
import { STDIN_ARG } from '../store/sources/stdin-document.js';
import { terminalKeys } from '../store/terminal-keys.js';
import { resolveWorkspace } from '../store/workspace.js';
import { parseCommandArgs, type CommandContext } from './context.js';
import { keptCopyArgument } from './issue-argument.js';

export const help = `Usage: toc-review [review] [<doc.md>] [options]

Open the review UI. With no document, lists the review documents in the workspace with your
progress on each; with a document, opens it directly (a document outside the workspace uses its
own folder as the workspace). Every change is saved at once to
<workspace>/scores/<document>/<your-handle>.score.json.
A GitHub issue or pull request (OWNER/REPO#N or its address), or an http(s) address, opens its
copy kept in the workspace (fetched/OWNER/REPO/REPO-N.md, fetched/urls/HOST/PATH), fetched and
kept first when there is none. \`-\` (\`cat doc.md | toc-review -\`) reviews a piped document,
kept as fetched/stdin/stdin-HASH.md; keys are then read from the terminal (/dev/tty).

Options:
  --workspace DIR     workspace folder (default: the 'workspace' setting, else ./reviews)
  --criteria ID|FILE  criteria set (default: the 'criteria' setting, else cncf-incubation)
  --reviewer NAME     who is reviewing (else env TOC_REVIEW_REVIEWER, else settings; asked once
                      and kept in settings when none is known)
  --handle HANDLE     handle for your score file name (default: a slug of the name)
  --read-only         open without taking the lock and never write

Keys: arrows or j/k move, digits score, a accepts the suggestion, n writes a note, c cites the
passage on screen, Tab switches pane, o opens the document, / searches, s shows the summary,
? shows every key, q or Esc backs out. See docs/ui.md.

Environment:
  NO_COLOR=1                            no colour at all
  TOC_REVIEW_CONFIG_DIR=DIR             where settings live
  TOC_REVIEW_EXIT_AFTER_FIRST_FRAME=1   exit 0 after the first complete frame (startup timing)
  TOC_REVIEW_TRACE_KEYS=FILE            append "key<TAB>ms<TAB>ink-ms" per keypress (keypress-to-frame time)`;

const OPTIONS = {
  workspace: { type: 'string' },
  criteria: { type: 'string' },
  reviewer: { type: 'string' },
  handle: { type: 'string' },
  'read-only': { type: 'boolean' },
} as const;

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

export async function run(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('review', args, OPTIONS);
  if (positionals.length > 1) throw new UsageError('review: give at most one document');
  const env = context.env;

  // Settings are read without conf (store/settings-read.ts, same file and checks): loading conf
  // costs more than the rest of this command's start. It is loaded only to write settings,
  // which happens when the reviewer is asked for their name.
  let settingsModule: typeof import('../store/settings.js') | null = null;
  let settings: SettingsStore | null = null;
  const getSettings = () => {
    if (!settingsModule) throw new Error('settings are only written after asking for the reviewer');
    return (settings ??= settingsModule.openSettings(env));
  };
  const setting = async (key: 'workspace' | 'criteria') => {
    try {
      return await readSetting(env, key);
    } catch (error) {
      // A broken settings file must not stop a reviewer who passed the flag.
      if (values[key] !== undefined) return undefined;
      throw error;
    }
  };

  const workspace = resolveWorkspace({ flag: values.workspace, setting: values.workspace ? undefined : await setting('workspace'), cwd: context.cwd });
  const criteria = await loadCriteria(values.criteria ?? (await setting('criteria')) ?? undefined);
  // resolveReviewer reads settings only without --reviewer and TOC_REVIEW_REVIEWER.
  const fromEnv = env.TOC_REVIEW_REVIEWER;
  const stored = values.reviewer === undefined && (fromEnv === undefined || fromEnv.trim() === '') ? await readSettings(env) : null;
  const reviewer = resolveReviewer({
    name: values.reviewer,
    handle: values.handle,
    env,
    settings: () => {
      if (!stored) throw new Error('settings were not read');
      return stored;
    },
  });
  if (!reviewer) settingsModule = await import('../store/settings.js');

  const stdout = context.stdout as NodeJS.WriteStream;
  const firstFrameOnly = env.TOC_REVIEW_EXIT_AFTER_FIRST_FRAME === '1';
  // `-`: the document comes on standard input, so keys come from the terminal itself.
  const piped = positionals[0] === STDIN_ARG && !process.stdin.isTTY;
  if (!firstFrameOnly && (!(piped || process.stdin.isTTY) || !stdout.isTTY)) {
    throw new UserError('review: needs an interactive terminal (for scripts use toc-review extract, score or export)');
  }

  // An issue (OWNER/REPO#N), an address or `-` opens its copy kept in the workspace, fetched
  // (or read from the pipe) first if need be.
  const documentPath = positionals[0] === undefined
    ? null
    : ((await keptCopyArgument(positionals[0], workspace, context, { fetch: true, command: 'review' })) ?? resolve(context.cwd, positionals[0]));
  const stdin = piped && !firstFrameOnly ? terminalKeys() : process.stdin;
  if (documentPath === null && !(await isDirectory(workspace))) {
    throw new UserError(`workspace ${sanitizeLine(workspace)} does not exist (create it, pass --workspace DIR, or open a document: toc-review <doc.md>)`);
  }

  // NO_COLOR: chalk (used by Ink and marked-terminal) does not read it, so turn colour off
  // before either is loaded.
  const color = !(env.NO_COLOR !== undefined && env.NO_COLOR !== '');
  if (!color) process.env.FORCE_COLOR = '0';
  // Ink draws only the final frame when CI or CONTINUOUS_INTEGRATION is set (read once, when
  // Ink loads); on a real terminal the reviewer needs every frame, so hide them from it.
  if (stdout.isTTY) {
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
  }
  // Opening a document: load the markdown renderer alongside, so the review screen's first
  // frame is drawn once, with markdown, rather than as plain text and then again.
  const markdownReady =
    documentPath !== null && reviewer
      ? import('../tui/markdown.js').then((m) => m.loadMarkdownRenderer({ color })).catch(() => null)
      : null;
  const [{ createStoreHost }, { runReviewUi }] = await Promise.all([import('../tui/store-host.js'), import('../tui/run.js')]);
  const host = createStoreHost({ workspace, criteria, criteriaExplicit: values.criteria !== undefined, reviewer, readOnly: values['read-only'] === true, settings: getSettings, env });

  // With a known reviewer, open the document now so a bad document or score file is a plain
  // one-line error rather than a screen.
  let start: Parameters<typeof runReviewUi>[0]['start'] = { kind: 'workspace' };
  if (documentPath !== null) {
    start = reviewer ? { kind: 'document', path: documentPath, review: await host.openReview(documentPath) } : { kind: 'document', path: documentPath };
  }
  try {
    await markdownReady;
    return await runReviewUi({ host, start, color, env, stdout, stdin, stderr: context.stderr as NodeJS.WriteStream });
  } finally {
    await host.closeAll();
  }
}
