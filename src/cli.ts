// Argument parsing and dispatch only. Command modules are imported lazily so that a command
// loads just what it needs (no React or Ink for `extract`, `export`, `panel`, `--version`).
import { UsageError, UserError } from './core/errors.js';
import { sanitizeLine, quoted } from './core/sanitize.js';
import { defaultContext, type CommandContext, type CommandModule } from './commands/context.js';
import { packageVersion } from './store/package-root.js';
import { setNoticeSink } from './store/notices.js';

interface CommandEntry {
  summary: string;
  load: () => Promise<CommandModule>;
}

const COMMANDS: Record<string, CommandEntry> = {
  review: { summary: 'open the review UI on a workspace or a document (the default)', load: () => import('./commands/review.js') },
  extract: { summary: 'print the evidence found in a document (--json for scripts)', load: () => import('./commands/extract.js') },
  diff: { summary: 'what changed between two documents or two score files', load: () => import('./commands/diff.js') },
  triage: { summary: 'one row per document of a queue: kind, suggestions, counts, gaps, links', load: () => import('./commands/triage.js') },
  score: { summary: 'set scores and notes without the UI', load: () => import('./commands/score.js') },
  export: { summary: 'export a scored summary as markdown or JSON', load: () => import('./commands/export.js') },
  panel: { summary: "combine several reviewers' score files", load: () => import('./commands/panel.js') },
  validate: { summary: 'check score files against the schema', load: () => import('./commands/validate.js') },
  criteria: { summary: 'list and show criteria sets', load: () => import('./commands/criteria.js') },
  config: { summary: 'get and set settings (reviewer, criteria, workspace)', load: () => import('./commands/config.js') },
};

export const USAGE = `Usage: toc-review [command] [options]

Review an open source project's self-report against maturity criteria.
With no command, opens the review UI on ./reviews (or on the document given).

Commands:
${Object.entries(COMMANDS)
  .map(([name, entry]) => `  ${name.padEnd(10)}${entry.summary}`)
  .join('\n')}

Options:
  -h, --help     show help (also: toc-review <command> --help)
  -v, --version  show the version
  --debug        show stack traces on errors

Run 'toc-review <command> --help' for a command's options.`;

function isCommand(name: string | undefined): boolean {
  return name !== undefined && Object.hasOwn(COMMANDS, name);
}

export async function main(argv: string[], context: CommandContext = defaultContext()): Promise<number> {
  setNoticeSink((text) => context.stderr.write(text));
  const debug = argv.includes('--debug');
  try {
    const [first, ...rest] = argv;
    if (first === '--version' || first === '-v') {
      if (rest.length > 0) throw new UsageError(`${first} takes no arguments (got "${sanitizeLine(rest[0]!)}")`);
      context.stdout.write(`${packageVersion()}\n`);
      return 0;
    }
    if (first === '--help' || first === '-h' || first === 'help') {
      if (first === 'help' && isCommand(rest[0])) {
        context.stdout.write(`${(await COMMANDS[rest[0]!]!.load()).help}\n`);
      } else {
        context.stdout.write(`${USAGE}\n`);
      }
      return 0;
    }
    // No command, an option, or a path: the review UI.
    let name = 'review';
    let args = argv;
    if (first !== undefined && isCommand(first)) {
      name = first;
      args = rest;
    } else if (first !== undefined && !first.startsWith('-') && !/[./\\]/.test(first)) {
      throw new UsageError(`unknown command ${quoted(first)}`);
    }
    const command = await COMMANDS[name]!.load();
    if (args.includes('--help') || args.includes('-h')) {
      context.stdout.write(`${command.help}\n`);
      return 0;
    }
    return await command.run(args, context);
  } catch (error) {
    if (error instanceof UserError) {
      context.stderr.write(`toc-review: ${sanitizeLine(error.message)}\n`);
      if (error instanceof UsageError) context.stderr.write(`${USAGE.split('\n')[0]}  (toc-review --help for more)\n`);
      if (debug && error.stack) context.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    const message = error instanceof Error ? error.message : String(error);
    context.stderr.write(`toc-review: internal error: ${sanitizeLine(message)}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug && error instanceof Error && error.stack) context.stderr.write(`${error.stack}\n`);
    return 1;
  }
}
