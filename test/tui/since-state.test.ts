// The pure state behind the predecessor picker and the review's since toggle.
import { describe, expect, it } from 'vitest';
import { choiceText, movePicker, openPicker } from '../../src/tui/state/predecessor-picker.js';
import { initialSinceView, needsLoad, sinceViewReducer } from '../../src/tui/state/since-view.js';

describe('predecessor picker', () => {
  const names = ['a-2023.md', 'a-2024.md', 'b.md'];

  it('offers automatic, none and every other document, opened at the current choice', () => {
    const fresh = openPicker('a-2024.md', names, {}, 'a-2023.md');
    expect(fresh.options.map((o) => o.value)).toEqual([undefined, null, 'a-2023.md', 'b.md']);
    expect(fresh.options[0]!.label).toBe('automatic (a-2023.md)');
    expect(fresh.selected).toBe(0);
    expect(openPicker('a-2024.md', names, { 'a-2024.md': null }, null).selected).toBe(1);
    expect(openPicker('a-2024.md', names, { 'a-2024.md': 'b.md' }, null).selected).toBe(3);
    // A kept choice naming a document that is gone opens at automatic.
    expect(openPicker('a-2024.md', names, { 'a-2024.md': 'gone.md' }, null).selected).toBe(0);
    expect(openPicker('b.md', names, {}, null).options[0]!.label).toBe('automatic (no earlier document of this project found)');
  });

  it('moves within the choices and says what a choice does', () => {
    const picker = openPicker('a-2024.md', names, {}, null);
    expect(movePicker(picker, -1)).toBe(picker);
    expect(movePicker(picker, 10).selected).toBe(3);
    expect(choiceText('a-2024.md', picker.options[0]!)).toBe('a-2024.md: predecessor back to automatic');
    expect(choiceText('a-2024.md', picker.options[1]!)).toBe('a-2024.md: no predecessor');
    expect(choiceText('a-2024.md', picker.options[2]!)).toBe('a-2024.md: compared with a-2023.md');
  });
});

describe('since toggle', () => {
  it('starts the comparison the first time only and keeps what it found', () => {
    const on = sinceViewReducer(initialSinceView, { type: 'toggle' });
    expect(on).toMatchObject({ on: true, load: 'loading' });
    expect(needsLoad(initialSinceView, on)).toBe(true);
    const done = sinceViewReducer(on, { type: 'loaded', result: { kind: 'none', reason: 'none here' } });
    const off = sinceViewReducer(done, { type: 'toggle' });
    const again = sinceViewReducer(off, { type: 'toggle' });
    expect(again).toMatchObject({ on: true, load: 'done', result: { kind: 'none', reason: 'none here' } });
    expect(needsLoad(off, again)).toBe(false);
    // Turned off while computing: turning it on again does not ask twice.
    const offWhileLoading = sinceViewReducer(on, { type: 'toggle' });
    expect(needsLoad(offWhileLoading, sinceViewReducer(offWhileLoading, { type: 'toggle' }))).toBe(false);
    expect(sinceViewReducer(on, { type: 'failed', error: 'x: cannot be read' })).toMatchObject({ load: 'failed', error: 'x: cannot be read' });
  });
});
