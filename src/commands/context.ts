// What every command gets: its arguments and the process's streams and environment, passed in
// so tests can run commands in-process.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../core/errors.js';

export interface Output {
  write(text: string): unknown;
  /** Present on real terminals. */
  isTTY?: boolean;
}

export interface CommandContext {
  stdout: Output;
  stderr: Output;
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Where `-` reads a document from (process.stdin unless a test passes its own). */
  stdin?: AsyncIterable<Buffer | string> & { isTTY?: boolean };
}

export interface CommandModule {
  /** Full help text for `toc-review <command> --help`. */
  help: string;
  run(args: string[], context: CommandContext): Promise<number>;
}

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/**
 * util.parseArgs with strict checking, turned into one-line usage errors. Every command also
 * accepts --help (-h) and --debug.
 */
export function parseCommandArgs<T extends OptionsConfig>(command: string, args: string[], options: T) {
  try {
    return parseArgs({
      args,
      options: { ...options, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // Node's messages run on with advice about '--'; the first sentence is the reason.
    const message = (error instanceof Error ? error.message : String(error)).split('\n')[0]!.replace(/\. To specify .*$/, '');
    throw new UsageError(`${command}: ${message.replace(/^Unknown option/, 'unknown option')} (see: toc-review ${command} --help)`);
  }
}

export function defaultContext(): CommandContext {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), stdin: process.stdin };
}
