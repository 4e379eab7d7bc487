// The conf-free settings reader must agree with SettingsStore: same file, same values, and
// the same errors for files it does not read itself.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSetting, readSettings, settingsFilePath } from '../../src/store/settings-read.js';
import { openSettings } from '../../src/store/settings.js';

let dir = '';
let savedXdg: string | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'toc-settings-read-'));
  savedXdg = process.env.XDG_CONFIG_HOME;
});

afterEach(() => {
  if (savedXdg === undefined) delete process.env.XDG_CONFIG_HOME;
  else process.env.XDG_CONFIG_HOME = savedXdg;
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ TOC_REVIEW_CONFIG_DIR: dir });

async function outcome(read: () => unknown): Promise<{ value?: unknown; error?: string }> {
  try {
    return { value: await read() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

describe('settingsFilePath', () => {
  it('is the file SettingsStore uses when redirected', () => {
    expect(settingsFilePath(env())).toBe(openSettings(env()).path);
  });

  it.runIf(process.platform === 'linux')('is the file SettingsStore uses by default (XDG_CONFIG_HOME)', () => {
    process.env.XDG_CONFIG_HOME = join(dir, 'xdg');
    expect(settingsFilePath({})).toBe(openSettings({}).path);
  });
});

describe('readSetting', () => {
  it('reads nothing when there is no settings file', async () => {
    expect(await readSetting(env(), 'criteria')).toBeUndefined();
  });

  it('reads what SettingsStore wrote', async () => {
    const store = openSettings(env());
    store.set('criteria', 'cncf-incubation');
    store.set('workspace', '/tmp/some reviews');
    expect(await readSetting(env(), 'criteria')).toBe('cncf-incubation');
    expect(await readSetting(env(), 'workspace')).toBe('/tmp/some reviews');
  });

  const files: Array<[string, string]> = [
    ['a padded value', JSON.stringify({ criteria: '  my-set  ' })],
    ['an unset key next to others', JSON.stringify({ reviewer: { name: 'Ada' } })],
    ['a number', JSON.stringify({ criteria: 3 })],
    ['an empty string', JSON.stringify({ criteria: '   ' })],
    ['a control character', JSON.stringify({ criteria: 'a\u001b[31mb' })],
    ['broken JSON', '{"criteria": "x"'],
    ['a JSON array', '["criteria"]'],
    ['JSON null', 'null'],
  ];
  files.push(
    ['a full reviewer', JSON.stringify({ reviewer: { name: ' Ada Lovelace ', handle: 'ada' }, criteria: 'x', workspace: '/w' })],
    ['a bad handle', JSON.stringify({ reviewer: { name: 'Ada', handle: 'Not A Slug' } })],
    ['a reviewer that is a string', JSON.stringify({ reviewer: 'Ada' })],
    ['a reviewer that is null', JSON.stringify({ reviewer: null, criteria: 'x' })],
    ['a name too long', JSON.stringify({ reviewer: { name: 'a'.repeat(201) } })],
  );
  for (const [what, text] of files) {
    it(`agrees with SettingsStore on ${what}`, async () => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'config.json'), text);
      for (const key of ['criteria', 'workspace', 'reviewer.name', 'reviewer.handle'] as const) {
        const fast = await outcome(() => readSetting(env(), key));
        const full = await outcome(() => openSettings(env()).get(key));
        expect(fast, key).toEqual(full);
      }
      expect(await outcome(() => readSettings(env()))).toEqual(await outcome(() => openSettings(env()).all()));
    });
  }

  it('reads every setting like SettingsStore.all when there is no file', async () => {
    expect(await readSettings(env())).toEqual(openSettings(env()).all());
  });
});
