// The workspace list's predecessor picker as pure state: for one document, the choices
// (automatic, none, each other document) and which one is highlighted. The screen carries out
// the choice (host.setPredecessor); this only says what is on offer and what follows a key.
import type { PredecessorChoices } from '../../core/compare/predecessor.js';

export interface PickerOption {
  label: string;
  /** A document's name, null for none, undefined for back to the automatic match. */
  value: string | null | undefined;
}

export interface PickerState {
  /** The document whose predecessor is being chosen (WorkspaceEntry.name). */
  target: string;
  options: PickerOption[];
  selected: number;
}

/** The picker for `target`, opened at its current choice. `matched` is what automatic finds. */
export function openPicker(target: string, names: readonly string[], choices: PredecessorChoices, matched: string | null): PickerState {
  const options: PickerOption[] = [
    { label: `automatic (${matched === null ? 'no earlier document of this project found' : matched})`, value: undefined },
    { label: 'none: do not compare', value: null },
    ...names.filter((name) => name !== target).map((name) => ({ label: name, value: name })),
  ];
  let selected = 0;
  if (Object.hasOwn(choices, target)) {
    const chosen = choices[target];
    const index = options.findIndex((o, i) => i > 0 && o.value === chosen);
    selected = index < 0 ? 0 : index;
  }
  return { target, options, selected };
}

export function movePicker(state: PickerState, delta: number): PickerState {
  const selected = Math.max(0, Math.min(state.options.length - 1, state.selected + delta));
  return selected === state.selected ? state : { ...state, selected };
}

/** What the choice does, for the status line. */
export function choiceText(target: string, option: PickerOption): string {
  if (option.value === undefined) return `${target}: predecessor back to automatic`;
  if (option.value === null) return `${target}: no predecessor`;
  return `${target}: compared with ${option.value}`;
}
