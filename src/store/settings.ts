// User settings in conf: reviewer name and handle, default criteria set, workspace. The folder
// can be redirected with TOC_REVIEW_CONFIG_DIR (tests always do). Values are validated on read
// and write: the settings file is hand-editable, so it is not trusted either.
import { join } from 'node:path';
import Conf from 'conf';
import { UserError, UsageError } from '../core/errors.js';
import { sanitizeLine } from '../core/sanitize.js';
import { HANDLE_PATTERN, slugifyHandle, type Reviewer } from '../core/score-file.js';

export const SETTING_KEYS = ['reviewer.name', 'reviewer.handle', 'criteria', 'workspace'] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export interface Settings {
  reviewer: { name?: string; handle?: string };
  criteria?: string;
  workspace?: string;
}

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}

/** The value to store for a key, or a UserError saying what is wrong with it. */
export function checkSettingValue(key: SettingKey, value: unknown, where = 'settings'): string {
  const shown = sanitizeLine(where);
  if (typeof value !== 'string') throw new UserError(`${shown}: ${key}: must be a string`);
  const trimmed = value.trim();
  if (trimmed === '') throw new UserError(`${shown}: ${key}: must not be empty`);
  if (/[\x00-\x1f\x7f]/.test(trimmed)) throw new UserError(`${shown}: ${key}: must not contain control characters`);
  if (key === 'reviewer.handle' && !HANDLE_PATTERN.test(trimmed)) {
    throw new UserError(`${shown}: ${key}: "${sanitizeLine(trimmed)}" must be a slug: lower-case letters, digits, ".", "_" or "-" (max 64), starting with a letter or digit`);
  }
  if (key === 'reviewer.name' && trimmed.length > 200) throw new UserError(`${shown}: ${key}: longer than 200 characters`);
  return trimmed;
}

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

export interface ReviewerSources {
  /** --reviewer NAME */
  name?: string | undefined;
  /** --handle HANDLE */
  handle?: string | undefined;
  env: NodeJS.ProcessEnv;
  /** Lazily read, so a command given --reviewer never touches the settings file. */
  settings: () => Settings;
}

function reviewerFrom(name: string, handle: string | undefined, source: string): Reviewer {
  const cleanName = checkSettingValue('reviewer.name', name, source);
  const finalHandle = handle ?? slugifyHandle(cleanName);
  if (finalHandle === '') throw new UsageError(`${source}: cannot derive a handle from "${sanitizeLine(cleanName)}"; give one with --handle`);
  return { name: cleanName, handle: checkSettingValue('reviewer.handle', finalHandle, source) };
}

/**
 * Who is reviewing: --reviewer (handle from --handle or a slug of the name), else env
 * TOC_REVIEW_REVIEWER, else settings. Null when none is known.
 */
export function resolveReviewer(sources: ReviewerSources): Reviewer | null {
  if (sources.name !== undefined) return reviewerFrom(sources.name, sources.handle, '--reviewer');
  const fromEnv = sources.env.TOC_REVIEW_REVIEWER;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return reviewerFrom(fromEnv, sources.handle, 'TOC_REVIEW_REVIEWER');
  const settings = sources.settings();
  const name = settings.reviewer.name ?? sources.handle ?? settings.reviewer.handle;
  if (name === undefined) return null;
  return reviewerFrom(name, sources.handle ?? settings.reviewer.handle, 'settings');
}
