// Run the CLI in-process with captured output, for command tests.
import { main } from '../../src/cli.js';
import type { CommandContext } from '../../src/commands/context.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: CommandContext['stdin'] } = {}): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const context: CommandContext = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: options.env ?? { ...process.env },
    cwd: options.cwd ?? process.cwd(),
    ...(options.stdin ? { stdin: options.stdin } : {}),
  };
  const code = await main(args, context);
  return { code, stdout, stderr };
}
