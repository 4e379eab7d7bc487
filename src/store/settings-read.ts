// Reading settings without loading conf (and the JSON-schema validator it brings): the hot
// path of commands that only read, like `extract` and the review screen's start. Same file as
// SettingsStore (conf's location rules), same validation; anything unusual (unreadable or
// broken file, an odd shape, a value that does not validate) is handed to SettingsStore, whose
// errors are the canonical ones.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkSettingValue, type SettingKey, type Settings } from './settings-values.js';

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

const isPlainObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The file's data when it is plainly readable, null when there is no file, 'full' otherwise. */
function readData(path: string): Record<string, unknown> | null | 'full' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'full';
  }
  try {
    const data: unknown = JSON.parse(text);
    return isPlainObject(data) ? data : 'full';
  } catch {
    return 'full';
  }
}

/** One key's value from plain data, or 'full' when its shape needs SettingsStore's judgement. */
function quickValue(data: Record<string, unknown> | null, key: SettingKey, path: string): string | undefined | 'full' {
  if (data === null) return undefined;
  let value: unknown = data;
  for (const part of key.split('.')) {
    if (value === undefined) break;
    if (!isPlainObject(value)) return 'full';
    value = value[part];
  }
  if (value === undefined) return undefined;
  try {
    return checkSettingValue(key, value, path);
  } catch {
    return 'full';
  }
}

/** A setting's value, or undefined when unset; as SettingsStore.get. */
export async function readSetting(env: NodeJS.ProcessEnv, key: SettingKey): Promise<string | undefined> {
  const path = settingsFilePath(env);
  const data = readData(path);
  const value = data === 'full' ? 'full' : quickValue(data, key, path);
  if (value !== 'full') return value;
  return (await import('./settings.js')).openSettings(env).get(key);
}

/** Every setting; as SettingsStore.all. */
export async function readSettings(env: NodeJS.ProcessEnv): Promise<Settings> {
  const path = settingsFilePath(env);
  const data = readData(path);
  const keys: SettingKey[] = ['reviewer.name', 'reviewer.handle', 'criteria', 'workspace'];
  const values = data === 'full' ? null : keys.map((key) => quickValue(data, key, path));
  if (values === null || values.includes('full')) return (await import('./settings.js')).openSettings(env).all();
  const [name, handle, criteria, workspace] = values as Array<string | undefined>;
  return { reviewer: { name, handle }, criteria, workspace };
}
