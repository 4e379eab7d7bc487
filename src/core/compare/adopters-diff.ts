// Adopters added, removed and renamed between two extractions. Names are grouped by their
// organisation key (./names.ts), so a name found in both documents is never added or removed,
// and every name reported is one the extraction found in that document.
import type { Adopter } from '../evidence/extract-types.js';
import type { AdoptersDiff, NamedEntry, RenamedEntry } from './diff-types.js';
import { orgKey } from './names.js';

interface Group {
  name: string;
  names: Set<string>;
  lines: number[];
}

function groupByKey(adopters: readonly Adopter[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const adopter of adopters) {
    const key = orgKey(adopter.name) || adopter.name;
    let group = groups.get(key);
    if (!group) {
      group = { name: adopter.name, names: new Set(), lines: [] };
      groups.set(key, group);
    }
    group.names.add(adopter.name);
    if (!group.lines.includes(adopter.line)) group.lines.push(adopter.line);
  }
  return groups;
}

export function diffAdopters(before: readonly Adopter[], after: readonly Adopter[]): AdoptersDiff {
  const old = groupByKey(before);
  const now = groupByKey(after);
  const added: NamedEntry[] = [];
  const removed: NamedEntry[] = [];
  const renamed: RenamedEntry[] = [];
  const kept: NamedEntry[] = [];
  for (const [key, group] of now) {
    const earlier = old.get(key);
    if (!earlier) {
      added.push({ name: group.name, lines: { old: [], new: group.lines } });
      continue;
    }
    const lines = { old: earlier.lines, new: group.lines };
    // The same spelling anywhere in both is kept; only a wholly new spelling is a rename.
    const same = [...group.names].find((name) => earlier.names.has(name));
    if (same !== undefined) kept.push({ name: same, lines });
    else renamed.push({ name: group.name, oldName: earlier.name, lines });
  }
  for (const [key, group] of old) {
    if (!now.has(key)) removed.push({ name: group.name, lines: { old: group.lines, new: [] } });
  }
  return { added, removed, renamed, kept, count: { old: old.size, new: now.size } };
}
