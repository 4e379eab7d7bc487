// Placeholder while the extract command is being built; replaced by its real module.
import { UserError } from '../core/errors.js';
import type { CommandContext } from './context.js';

export const help = 'Usage: toc-review extract (not available yet)';

export async function run(_args: string[], _context: CommandContext): Promise<number> {
  throw new UserError('extract: not available yet');
}
