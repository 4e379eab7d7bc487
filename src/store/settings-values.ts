// The settings' keys and values, and who the reviewer is: the part of settings that needs no
// conf, so commands that only read settings (and the review screen's start) can skip loading it.
import { UserError } from '../core/errors.js';
import { sanitizeLine, quoted } from '../core/sanitize.js';
import { deriveHandle, HANDLE_PATTERN } from '../core/scores/handle.js';
import type { Reviewer } from '../core/scores/score-file.js';

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
    throw new UserError(`${shown}: ${key}: ${quoted(trimmed)} must be a slug: lower-case letters, digits, ".", "_" or "-" (max 64), starting with a letter or digit`);
  }
  if (key === 'reviewer.name' && trimmed.length > 200) throw new UserError(`${shown}: ${key}: longer than 200 characters`);
  return trimmed;
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
  const finalHandle = handle ?? deriveHandle(cleanName);
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
