// Maintainers joined, left and changed between two extractions. One person is matched across
// the two documents by GitHub handle, then by name (accents, order and case ignored), then by a
// one- or two-letter spelling slip when the handles do not say otherwise. A matched person whose
// affiliation, handle or spelling differs is "changed", never "left" plus "joined".
import type { Maintainer } from '../evidence/extract-types.js';
import type { MaintainerChange, MaintainerEntry, MaintainersDiff, OrganisationShare } from './diff-types.js';
import { handleKey, orgKey, personKey, similarPersonKeys } from './names.js';

interface Person {
  name: string;
  handle: string | null;
  affiliation: string | null;
  lines: number[];
  nameKey: string;
  /** Every spelling's key, when the document writes the person more than one way. */
  nameKeys: Set<string>;
  handleKey: string | null;
}

/** One entry per person of a document (a maintainer listed twice, in a table and a list, is one). */
function people(maintainers: readonly Maintainer[]): Person[] {
  const out: Person[] = [];
  for (const m of maintainers) {
    const nameKey = personKey(m.name);
    const hKey = handleKey(m.handle);
    const same = out.find((p) => (hKey !== null && p.handleKey === hKey) || (p.nameKey === nameKey && (hKey === null || p.handleKey === null || p.handleKey === hKey)));
    if (same) {
      if (!same.lines.includes(m.line)) same.lines.push(m.line);
      same.nameKeys.add(nameKey);
      same.handle ??= m.handle;
      same.handleKey ??= hKey;
      same.affiliation ??= m.affiliation;
      continue;
    }
    out.push({ name: m.name, handle: m.handle, affiliation: m.affiliation, lines: [m.line], nameKey, nameKeys: new Set([nameKey]), handleKey: hKey });
  }
  return out;
}

type Rule = (a: Person, b: Person) => boolean;

const RULES: Rule[] = [
  (a, b) => a.handleKey !== null && a.handleKey === b.handleKey,
  (a, b) => a.nameKey !== '' && a.nameKey === b.nameKey,
  // A spelling slip only where the handles do not name two different accounts.
  (a, b) => !(a.handleKey !== null && b.handleKey !== null && a.handleKey !== b.handleKey) && similarPersonKeys(a.nameKey, b.nameKey),
];

function entry(person: Person, lines: MaintainerEntry['lines']): MaintainerEntry {
  return { name: person.name, handle: person.handle, affiliation: person.affiliation, lines };
}

function changesBetween(a: Person, b: Person): MaintainerChange['changes'] {
  const changes: MaintainerChange['changes'] = [];
  if (a.name !== b.name) changes.push({ field: 'name', old: a.name, new: b.name });
  if (a.handleKey !== b.handleKey && a.handle !== null && b.handle !== null) changes.push({ field: 'handle', old: a.handle, new: b.handle });
  // An affiliation one document leaves out is not a change of company.
  if (a.affiliation !== null && b.affiliation !== null && orgKey(a.affiliation) !== orgKey(b.affiliation)) {
    changes.push({ field: 'affiliation', old: a.affiliation, new: b.affiliation });
  }
  return changes;
}

export function diffMaintainers(before: readonly Maintainer[], after: readonly Maintainer[]): MaintainersDiff {
  const old = people(before);
  const now = people(after);
  const matchOf = new Map<Person, Person>();
  const taken = new Set<Person>();
  // Strongest rule first over everyone, so a handle match is never stolen by a fuzzy name.
  for (const rule of RULES) {
    for (const b of now) {
      if (matchOf.has(b)) continue;
      const a = old.find((candidate) => !taken.has(candidate) && rule(candidate, b));
      if (a) {
        matchOf.set(b, a);
        taken.add(a);
      }
    }
  }
  // One person written two ways in one document ("Michal" with a handle, "Michael" without)
  // may meet only one entry of the other: the other spelling joins that match by its name.
  const matchOfOld = new Map([...matchOf].map(([b, a]) => [a, b]));
  const extra = new Map<Person, number[]>();
  const attach = (person: Person, counterparts: Person[], partnerOf: (p: Person) => Person | undefined): boolean => {
    const same = counterparts.find((other) => [...person.nameKeys].some((key) => other.nameKeys.has(key)) && partnerOf(other) !== undefined);
    if (!same) return false;
    const partner = partnerOf(same)!;
    extra.set(partner, [...(extra.get(partner) ?? []), ...person.lines]);
    return true;
  };
  const looseNew = now.filter((b) => !matchOf.has(b) && !attach(b, old, (a) => matchOfOld.get(a)));
  const looseOld = old.filter((a) => !taken.has(a) && !attach(a, now, (b) => matchOf.get(b)));
  const joined: MaintainerEntry[] = [];
  const changed: MaintainerChange[] = [];
  const stayed: MaintainerEntry[] = [];
  for (const b of now) {
    const a = matchOf.get(b);
    if (!a) {
      if (looseNew.includes(b)) joined.push(entry(b, { old: [], new: b.lines }));
      continue;
    }
    const lines = { old: [...a.lines, ...(extra.get(a) ?? [])], new: [...b.lines, ...(extra.get(b) ?? [])] };
    const changes = changesBetween(a, b);
    if (changes.length > 0) changed.push({ ...entry(b, lines), changes });
    else stayed.push(entry(b, lines));
  }
  const left = looseOld.map((a) => entry(a, { old: a.lines, new: [] }));
  return { joined, left, changed, stayed, count: { old: old.length, new: now.length }, organisations: organisationShares(old, now) };
}

/** Each organisation's share of the listed maintainers in each document, largest (after) first. */
function organisationShares(old: Person[], now: Person[]): OrganisationShare[] {
  const shares = new Map<string, OrganisationShare>();
  const add = (people: Person[], side: 'old' | 'new') => {
    for (const person of people) {
      if (person.affiliation === null) continue;
      const key = orgKey(person.affiliation) || person.affiliation;
      let share = shares.get(key);
      if (!share) {
        share = { name: person.affiliation, old: { count: 0, share: 0 }, new: { count: 0, share: 0 }, lines: { old: [], new: [] } };
        shares.set(key, share);
      }
      share[side].count++;
      share.lines[side].push(...person.lines);
      if (side === 'new') share.name = share.new.count === 1 ? person.affiliation : share.name;
    }
    for (const share of shares.values()) share[side].share = people.length === 0 ? 0 : Math.round((share[side].count / people.length) * 1000) / 10;
  };
  add(old, 'old');
  add(now, 'new');
  return [...shares.values()].sort((x, y) => y.new.count - x.new.count || y.old.count - x.old.count || x.name.localeCompare(y.name));
}
