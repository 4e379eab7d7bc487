// Reading one setting without loading conf (and the JSON-schema validator it brings): the hot
// path of commands that only read, like `extract`. Same file as SettingsStore (conf's location
// rules), same accepted values; anything unusual (unreadable or broken file, a value that is not
// a clean string) is handed to SettingsStore, whose errors are the canonical ones.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where SettingsStore keeps its file: conf's `cwd` when redirected, else env-paths' config dir. */
export function settingsFilePath(env: NodeJS.ProcessEnv): string {
  const dir = env.TOC_REVIEW_CONFIG_DIR;
  if (dir) return resolve(dir, 'config.json');
  // env-paths('toc-review', { suffix: '' }).config, which reads the process environment.
  const name = 'toc-review';
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Preferences', name, 'config.json');
  if (process.platform === 'win32') return join(process.env.APPDATA || join(homedir(), 'AppData', 'Roaming'), name, 'Config', 'config.json');
  return join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), name, 'config.json');
}

/** The value of a plain (non-reviewer) setting, or undefined when unset; as SettingsStore.get. */
export async function readSetting(env: NodeJS.ProcessEnv, key: 'criteria' | 'workspace'): Promise<string | undefined> {
  const full = async () => (await import('./settings.js')).openSettings(env).get(key);
  let text: string;
  try {
    text = readFileSync(settingsFilePath(env), 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : full();
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return full();
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return full();
  const value = (data as Record<string, unknown>)[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && value.trim() !== '' && !/[\x00-\x1f\x7f]/.test(value.trim())) return value.trim();
  return full();
}
