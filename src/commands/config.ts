// `toc-review config get|set|unset|path`: the settings file (conf). TOC_REVIEW_CONFIG_DIR moves it.
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError, UserError } from '../core/errors.js';
import { isShippedCriteria, loadCriteria } from '../store/criteria-files.js';
import { sanitizeLine, toTerminalJson, quoted } from '../core/sanitize.js';
import { isSettingKey, openSettings, SETTING_KEYS, type SettingKey } from '../store/settings.js';
import { parseCommandArgs, type CommandContext } from './context.js';

export const help = `Usage: toc-review config get [KEY] [--json]
       toc-review config set KEY VALUE
       toc-review config unset KEY
       toc-review config path

Settings used when a command is not told otherwise:
  reviewer.name    your name, recorded in score files ("Ada Lovelace")
  reviewer.handle  your score file's name (default: a slug of the name, "ada-lovelace")
  criteria         default criteria set: a shipped id or a YAML file (checked when set;
                   a file is stored as an absolute path)
  workspace        default workspace folder (else ./reviews); must exist, stored absolute

The reviewer for a command is --reviewer NAME (with --handle), else env TOC_REVIEW_REVIEWER,
else these settings. The settings file lives in your config folder; env TOC_REVIEW_CONFIG_DIR
points it elsewhere.

Options:
  --json      (get) print JSON
  -h, --help  show this help`;

function checkKey(key: string | undefined, action: string): SettingKey {
  if (key === undefined) throw new UsageError(`config ${action}: give a setting (${SETTING_KEYS.join(', ')})`);
  if (!isSettingKey(key)) throw new UsageError(`config ${action}: unknown setting ${quoted(key)} (settings: ${SETTING_KEYS.join(', ')})`);
  return key;
}

/**
 * The value to store, checked now rather than failing later in another command: a criteria set
 * must load (a shipped id, or a file, stored as an absolute path) and a workspace must be an
 * existing folder (stored absolute, so it means the same from any folder).
 */
async function checkedValue(key: SettingKey, value: string, cwd: string): Promise<string> {
  const trimmed = value.trim();
  if (key === 'criteria' && trimmed !== '') {
    if (isShippedCriteria(trimmed)) return trimmed;
    const path = resolve(cwd, trimmed);
    await loadCriteria(existsSync(path) ? path : trimmed);
    return path;
  }
  if (key === 'workspace' && trimmed !== '') {
    const path = resolve(cwd, trimmed);
    const info = await stat(path).catch(() => null);
    if (!info) throw new UserError(`config set workspace: ${sanitizeLine(path)}: no such folder (create it first)`);
    if (!info.isDirectory()) throw new UserError(`config set workspace: ${sanitizeLine(path)}: not a folder`);
    return path;
  }
  return value;
}

export async function run(args: string[], context: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('config', args, { json: { type: 'boolean' } });
  const [action, key, value, ...extra] = positionals;
  const tooMany = (n: number) => {
    const rest = positionals.slice(n);
    if (rest.length) throw new UsageError(`config ${action}: unexpected argument ${quoted(rest[0]!)}`);
  };
  if (action === undefined) throw new UsageError('config: give an action: get, set, unset or path (see: toc-review config --help)');
  const settings = openSettings(context.env);

  switch (action) {
    case 'path':
      tooMany(1);
      context.stdout.write(`${settings.path}\n`);
      return 0;
    case 'get': {
      tooMany(2);
      if (key === undefined) {
        const all = Object.fromEntries(SETTING_KEYS.map((k) => [k, settings.get(k) ?? null]));
        if (values.json) context.stdout.write(`${toTerminalJson(all)}\n`);
        else for (const [k, v] of Object.entries(all)) context.stdout.write(`${k}=${sanitizeLine(v ?? '')}\n`);
        return 0;
      }
      const k = checkKey(key, 'get');
      const current = settings.get(k);
      if (values.json) context.stdout.write(`${toTerminalJson(current ?? null, 0)}\n`);
      else if (current !== undefined) context.stdout.write(`${sanitizeLine(current)}\n`);
      // Unset: nothing on stdout and exit 1, like `git config`, so scripts can test for it; a
      // line on stderr says why for a person.
      if (current === undefined) context.stderr.write(`toc-review: config: ${k} is not set (set it with: toc-review config set ${k} VALUE)\n`);
      return current === undefined ? 1 : 0;
    }
    case 'set': {
      if (extra.length) tooMany(3);
      const k = checkKey(key, 'set');
      if (value === undefined) throw new UsageError(`config set ${k}: give a value`);
      settings.get(k); // a broken settings file is reported before the value is looked at
      settings.set(k, await checkedValue(k, value, context.cwd));
      return 0;
    }
    case 'unset':
      tooMany(2);
      settings.unset(checkKey(key, 'unset'));
      return 0;
    default:
      throw new UsageError(`config: unknown action ${quoted(action)} (use get, set, unset or path)`);
  }
}
