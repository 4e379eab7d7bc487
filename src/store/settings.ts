// User settings in conf: reviewer name and handle, default criteria set, workspace. The folder
// can be redirected with TOC_REVIEW_CONFIG_DIR (tests always do). Values are validated on read
// and write: the settings file is hand-editable, so it is not trusted either.
import { join } from 'node:path';
import Conf from 'conf';
import { UserError } from '../core/errors.js';
import { sanitizeLine } from '../core/sanitize.js';
import { checkSettingValue, type SettingKey, type Settings } from './settings-values.js';

// Keys, values and the reviewer live in settings-values.ts (no conf); kept importable from here.
export { SETTING_KEYS, isSettingKey, checkSettingValue, resolveReviewer } from './settings-values.js';
export type { SettingKey, Settings, ReviewerSources } from './settings-values.js';

export class SettingsStore {
  private readonly conf: Conf<Record<string, unknown>>;
  /** Set when the file on disk is not valid JSON: reads and writes then refuse (never overwrite it). */
  private readonly state: { broken: boolean } = { broken: false };

  constructor(env: NodeJS.ProcessEnv = process.env) {
    const dir = env.TOC_REVIEW_CONFIG_DIR;
    const state = this.state;
    try {
      this.conf = new Conf<Record<string, unknown>>({
        projectName: 'toc-review',
        projectSuffix: '',
        ...(dir ? { cwd: dir } : {}),
        // conf parses the file in its constructor; a broken file must not stop `config path`.
        deserialize: (text: string) => {
          try {
            state.broken = false;
            return JSON.parse(text) as Record<string, unknown>;
          } catch {
            state.broken = true;
            return {};
          }
        },
      });
    } catch (error) {
      throw settingsFileError(error, dir ? join(dir, 'config.json') : undefined);
    }
  }

  get path(): string {
    return this.conf.path;
  }

  private checkReadable(): void {
    // Reading the store re-parses the file, refreshing `broken`.
    void this.conf.store;
    if (this.state.broken) throw new UserError(`${sanitizeLine(this.conf.path)}: settings file is not valid JSON; fix it or delete it`);
  }

  /** A setting's value (validated), or undefined when unset. */
  get(key: SettingKey): string | undefined {
    let value: unknown;
    try {
      this.checkReadable();
      value = this.conf.get(key);
    } catch (error) {
      throw settingsFileError(error, this.conf.path);
    }
    return value === undefined ? undefined : checkSettingValue(key, value, this.conf.path);
  }

  set(key: SettingKey, value: string): string {
    const checked = checkSettingValue(key, value);
    try {
      this.checkReadable();
      this.conf.set(key, checked);
    } catch (error) {
      throw settingsFileError(error, this.conf.path);
    }
    return checked;
  }

  unset(key: SettingKey): void {
    try {
      this.checkReadable();
      this.conf.delete(key);
    } catch (error) {
      throw settingsFileError(error, this.conf.path);
    }
  }

  all(): Settings {
    return {
      reviewer: { name: this.get('reviewer.name'), handle: this.get('reviewer.handle') },
      criteria: this.get('criteria'),
      workspace: this.get('workspace'),
    };
  }
}

function settingsFileError(error: unknown, path: string | undefined): UserError {
  if (error instanceof UserError) return error;
  const where = sanitizeLine(path ?? 'the settings file (see: toc-review config path)');
  if (error instanceof SyntaxError) return new UserError(`${where}: settings file is not valid JSON; fix it or delete it`);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return new UserError(`${where}: cannot use the settings file (${code ?? sanitizeLine(String((error as Error)?.message ?? error))})`);
}

export function openSettings(env: NodeJS.ProcessEnv = process.env): SettingsStore {
  return new SettingsStore(env);
}
