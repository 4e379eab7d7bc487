// `toc-review config get|set|unset|path`: the settings file (conf). TOC_REVIEW_CONFIG_DIR moves it.
import { UsageError } from '../core/errors.js';
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
  criteria         default criteria set: a shipped id or a YAML file path
  workspace        default workspace folder (else ./reviews)

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
      const current = settings.get(checkKey(key, 'get'));
      if (values.json) context.stdout.write(`${toTerminalJson(current ?? null, 0)}\n`);
      else if (current !== undefined) context.stdout.write(`${sanitizeLine(current)}\n`);
      // Unset: nothing printed, exit 1, like `git config`, so scripts can test for it.
      return current === undefined ? 1 : 0;
    }
    case 'set': {
      if (extra.length) tooMany(3);
      const k = checkKey(key, 'set');
      if (value === undefined) throw new UsageError(`config set ${k}: give a value`);
      settings.set(k, value);
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
