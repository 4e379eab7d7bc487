import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSettings, resolveReviewer, type Settings } from '../../src/store/settings.js';
import { tempDir } from '../helpers/score-fixtures.js';

const none = (): Settings => ({ reviewer: {} });
const env = (extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({ ...extra });

describe('resolveReviewer', () => {
  it('prefers --reviewer (handle slugged from the name unless --handle), then env, then settings', () => {
    const settings = (): Settings => ({ reviewer: { name: 'Set Tings', handle: 'st' } });
    expect(resolveReviewer({ name: 'Ada Lovelace', env: env({ TOC_REVIEW_REVIEWER: 'Env' }), settings })).toEqual({ name: 'Ada Lovelace', handle: 'ada-lovelace' });
    expect(resolveReviewer({ name: 'Ada Lovelace', handle: 'ada', env: env(), settings })).toEqual({ name: 'Ada Lovelace', handle: 'ada' });
    expect(resolveReviewer({ env: env({ TOC_REVIEW_REVIEWER: 'Grace Hopper' }), settings })).toEqual({ name: 'Grace Hopper', handle: 'grace-hopper' });
    expect(resolveReviewer({ env: env(), settings })).toEqual({ name: 'Set Tings', handle: 'st' });
    expect(resolveReviewer({ env: env(), settings: none })).toBeNull();
  });

  it('does not read settings when the flag or env decides', () => {
    const settings = () => {
      throw new Error('settings read');
    };
    expect(resolveReviewer({ name: 'Ada', env: env(), settings })?.handle).toBe('ada');
    expect(resolveReviewer({ env: env({ TOC_REVIEW_REVIEWER: 'Bo' }), settings })?.handle).toBe('bo');
  });

  it('derives a handle from any name (hash-based when no letter can be spelled), and refuses handles that are not slugs', () => {
    expect(resolveReviewer({ name: '???', env: env(), settings: none })?.handle).toMatch(/^reviewer-[0-9a-f]{4}$/);
    expect(resolveReviewer({ name: '山田', env: env(), settings: none })?.handle).toMatch(/^reviewer-[0-9a-f]{4}$/);
    expect(() => resolveReviewer({ name: 'Ada', handle: 'A/B', env: env(), settings: none })).toThrow(/reviewer\.handle: "A\/B" must be a slug/);
  });
});

describe('SettingsStore', () => {
  it('lives in TOC_REVIEW_CONFIG_DIR and validates what it stores', () => {
    const dir = join(tempDir('toc-settings-'), 'cfg');
    const store = openSettings({ TOC_REVIEW_CONFIG_DIR: dir });
    expect(store.path).toBe(join(dir, 'config.json'));
    expect(store.set('reviewer.name', '  Ada  ')).toBe('Ada');
    expect(() => store.set('workspace', '')).toThrow(/workspace: must not be empty/);
    expect(() => store.set('reviewer.name', 'a\u001b[2Jb')).toThrow(/must not contain control characters/);
    expect(openSettings({ TOC_REVIEW_CONFIG_DIR: dir }).all()).toEqual({ reviewer: { name: 'Ada', handle: undefined }, criteria: undefined, workspace: undefined });
  });
});
