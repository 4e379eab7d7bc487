// Maintainers: people the document lists as maintainers or committers, with GitHub handle and
// affiliation where given. Read from tables (columns vary in name and order: "Maintainer |
// GitHub ID | Affiliation", "Name | Company | GitHub"), and from lists ("Name (@handle),
// Company", "[Name](https://github.com/handle) - Company"). Reviewer and approver lists are
// left out unless the document calls them maintainers. A link to a MAINTAINERS file or empty
// bullets give no maintainers.
import type { Maintainer, Reasoned } from '../evidence/extract-types.js';
import type { Block, DocumentModel, ListItem, Section, Table } from '../document/document-types.js';
import { sectionPaths, walkItems } from '../document/doc-query.js';
import { stripInline } from '../document/inline.js';
import { sentences } from './adopters.js';
import { embeddedTables } from './embedded-tables.js';

export const MAINTAINER_WORDS = /maintainer|committer|core team|owners?\b|steering|tsc\b/i;
const OTHER_ROLES = /reviewer|approver|emeritus|former|alumni|contributor|member|advisor|sponsor|editor|speaker|author|mentor/i;
/** A column saying what each person is ("Role": Maintainer, Contributor, Project Lead). */
const ROLE_COLUMN = /^(?:roles?|position|status|type)$/i;
/** Words that mark a list or table as the people who used to hold the role, when another says "current". */
const EARLIER_SET = /\b(?:initial|original|founding|previous|past|former|emeritus|retired)\b/i;
/** A country after an affiliation ("Futurewei, USA"): where the company sits, not part of it. */
const COUNTRY_SUFFIX = /,\s*(?:USA|U\.S\.A?\.?|US|United States|China|India|Japan|Germany|UK|United Kingdom|France|Canada|Israel|Korea|South Korea|Brazil|Spain|Italy|Netherlands|Switzerland|Sweden|Singapore|Australia)$/i;

const HANDLE_COLUMN = /github|handle|user ?name|login|\bid\b|account/i;
const AFFILIATION_COLUMN = /affiliation|company|compan|organi[sz]ation|employer|\borg\b|employ|vendor/i;
const NAME_COLUMN = /name|maintainer|committer|person|member|who/i;
const GITHUB_LINK = /https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/?(?=[)\s"'>]|$)/i;
const AT_HANDLE = /(?:^|[\s(\[,])@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\b/;

/** GitHub id from a cell or item: a github.com link target wins over the shown text (it is what the link resolves to). */
export function parseHandle(text: string): string | null {
  const link = GITHUB_LINK.exec(text);
  if (link) return link[1]!;
  const at = AT_HANDLE.exec(text);
  if (at) return at[1]!;
  const plain = stripInline(text).replace(/^@/, '').trim();
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(plain) ? plain : null;
}

function cleanText(text: string): string | null {
  const plain = stripInline(text).replace(/^[\s,;:\-–—]+|[\s,;:\-–—]+$/g, '').trim().replace(COUNTRY_SUFFIX, '');
  return plain === '' || /^(?:n\/a|-|—|none|tbd|\?)$/i.test(plain) ? null : plain;
}

/** Person-like: a few words, no URL, not a sentence. */
function looksLikeName(name: string): boolean {
  if (name.length > 60 || /https?:|www\.|\.md\b/i.test(name)) return false;
  const words = name.split(/\s+/);
  if (words.length > 5) return false;
  // "3 contributors NOT from …", "Number of stars", "A Technical Steering Committee provides …":
  // a count, a label or a sentence, not a person.
  if (/^\d/.test(name) || /^(?:a|an|number|total|all|some|most)\b/i.test(name)) return false;
  if (words.length > 1 && words.some((w) => /^(?:of|from|not|and|provides|became|become|who|with|for|to)$/i.test(w))) return false;
  return !/\b(?:is|are|was|were|has|have|the|our|we|see|can|will|list|file|maintainers?)\b/i.test(name);
}

/** Column roles of a table from its header: which column is the name, the handle, the affiliation. */
export function tableColumns(header: string[]): { name: number; handle: number; affiliation: number } {
  const plain = header.map((h) => stripInline(h));
  const taken = new Set<number>();
  const pick = (re: RegExp) => {
    const index = plain.findIndex((h, k) => !taken.has(k) && re.test(h));
    if (index >= 0) taken.add(index);
    return index;
  };
  // Handle first: "GitHub Username" also contains "name".
  const handle = pick(HANDLE_COLUMN);
  const affiliation = pick(AFFILIATION_COLUMN);
  let name = pick(NAME_COLUMN);
  if (name < 0) name = plain.findIndex((_, k) => !taken.has(k));
  return { name, handle, affiliation };
}

/** A row or item marking someone who no longer holds the role. */
const PAST_ROLE = /\b(?:emeritus|former(?:ly)?|inactive|retired|stepped down|alumni)\b/i;

/** Index of a role column whose cells name maintainers in some row, or -1. */
function maintainerRoleColumn(table: Table): number {
  const index = table.header.findIndex((h) => ROLE_COLUMN.test(stripInline(h).trim()));
  if (index < 0) return -1;
  return table.rows.some((row) => MAINTAINER_WORDS.test(stripInline(row.cells[index] ?? ''))) ? index : -1;
}

function fromTable(table: Table, out: Maintainer[]): void {
  const cols = tableColumns(table.header);
  if (cols.name < 0) return;
  const roleColumn = table.header.findIndex((h) => ROLE_COLUMN.test(stripInline(h).trim()));
  for (const row of table.rows) {
    // A role column decides row by row: "Contributor" rows are not maintainers, "Project Lead" rows are.
    if (roleColumn >= 0) {
      const role = stripInline(row.cells[roleColumn] ?? '');
      if (OTHER_ROLES.test(role) && !MAINTAINER_WORDS.test(role)) continue;
    }
    // "Status: Emeritus" in any column other than the affiliation ("formerly Skype" there is a past employer).
    if (row.cells.some((cell, k) => k !== cols.affiliation && PAST_ROLE.test(stripInline(cell)))) continue;
    const nameCell = row.cells[cols.name] ?? '';
    const handle = cols.handle >= 0 ? parseHandle(row.cells[cols.handle] ?? '') : parseHandle(nameCell);
    // A role in parentheses ("Madelyn Olson (Chair)") is not part of the name.
    let name = cleanText(nameCell.replace(/\(?@[A-Za-z0-9-]+\)?/g, '').replace(/\s*\([^()]*\)\s*$/, ''));
    // Listed by handle only ("—" in the name column): the handle stands for the name.
    if (name === null && handle !== null && cols.handle >= 0) name = handle;
    if (name === null || !looksLikeName(name)) continue;
    const affiliation = cols.affiliation >= 0 ? cleanText(row.cells[cols.affiliation] ?? '') : null;
    name = name.replace(/\s*\(\s*\)\s*/g, ' ').trim();
    out.push({ name, handle, affiliation, line: row.line });
  }
}

/**
 * One list item as a maintainer: "Name (@handle), Company", "Name, Company (@handle)",
 * "[Name](https://github.com/handle) - Company", "Name (Company)", "@handle (Name, Company)".
 */
const EMAIL = /<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?/g;

export function maintainerFromItem(text: string, line: number): Maintainer | null {
  // E-mail addresses ("(jane@example.com)") are contact details, not a handle or an affiliation.
  const first = text.split('\n')[0]!.replace(EMAIL, ' ').trim();
  if (first === '') return null;
  const handle = parseHandle(first.replace(/^\[[^\]]*\]\((?!https?:\/\/(?:www\.)?github\.com)[^)]*\)/i, ''));
  // Drop the handle and any GitHub link wrapper, keeping the link text.
  let rest = first
    .replace(/\[([^\[\]]*)\]\(https?:\/\/(?:www\.)?github\.com\/[^)]*\)/gi, (_m, label: string) => (label.trim().startsWith('@') ? '' : label))
    // "(@handle, Company)": the handle goes, the parenthesis with the company stays.
    .replace(/\(\s*@[A-Za-z0-9-]+\s*[,;]\s*/g, '(')
    .replace(/\(?\s*@[A-Za-z0-9-]+\s*\)?/g, ' ');
  rest = stripInline(rest).replace(/\(\s*\)/g, ' ').replace(/\s+/g, ' ').trim();
  if (rest === '' || /^https?:/i.test(rest)) return null;
  let name: string;
  let affiliation: string | null = null;
  const paren = /^([^(,]+?)\s*\(([^()]+)\)\s*[,;:\-–—]?\s*(.*)$/.exec(rest);
  if (paren) {
    name = paren[1]!.trim();
    const inside = paren[2]!.split(/\s*,\s*/);
    // "Name (Org) - [repo](…)", "Name (Org) - **New since last review**": after a dash, links or
    // emphasis are a note about the person, and the parenthesis holds the affiliation.
    const note = /^[^(]*\([^()]+\)\s*[-–—]\s*(?:\[|\*|_)/.test(first);
    affiliation = cleanText((note ? '' : paren[3]) || inside[inside.length - 1]!);
  } else {
    const parts = rest.split(/\s*(?:,|;|\s[-–—|]\s|:\s|\bfrom\b|\bat\b)\s*/).map((p) => p.trim()).filter((p) => p !== '');
    name = parts[0] ?? '';
    affiliation = parts.length > 1 ? cleanText(parts[1]!) : null;
  }
  name = name.replace(/^[\s\-–—*]+|[\s,;:\-–—]+$/g, '').trim();
  if (name === '' || !looksLikeName(name)) return null;
  if (affiliation !== null && (affiliation.split(/\s+/).length > 6 || /https?:/i.test(affiliation))) affiliation = null;
  return { name, handle, affiliation, line };
}

/**
 * An item that heads a group of people rather than naming one, with the people as its
 * sub-bullets: "Various committers from Acme", "Maintainers at Acme:", "Acme:". Gives the group's
 * organisation (null when the label names none).
 */
const GROUP_OF_ROLE =
  /^(?:(?:various|several|other|additional|more|the|our|all|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?(?:\w+\s+)?(?:maintainers|committers|members|people|engineers|developers)\s+(?:from|at|of|with|employed by)\s+(.+?)\s*:?$/i;

export function groupLabel(item: ListItem): { organisation: string | null } | null {
  if (item.children.length === 0 || item.text.includes('\n')) return null;
  const plain = stripInline(item.text).trim();
  const role = GROUP_OF_ROLE.exec(plain);
  if (role) return { organisation: cleanText(role[1]!) };
  // "Acme:" over its people: a short capitalised label ending in a colon.
  if (/^\p{Lu}[\p{L}\p{N}.&' -]{0,40}:$/u.test(plain) && !MAINTAINER_WORDS.test(plain) && !OTHER_ROLES.test(plain)) return { organisation: cleanText(plain) };
  return null;
}

/**
 * Items of a list that only organisations introduce ("3 maintainers from 2 different
 * organizations:") are people only when they look like people: a handle or a parenthesised
 * affiliation ("Jane Roe (Acme)"); "IBM, MIT, Red Hat" lists the organisations themselves.
 */
function personShaped(text: string): boolean {
  const first = text.split('\n')[0]!;
  return parseHandle(first) !== null || /^[^(,]{3,60}\([^()]+\)/.test(stripInline(first).trim());
}

function fromList(items: ListItem[], out: Maintainer[], peopleOnly = false): void {
  const groups = new Map<ListItem, string | null>();
  const candidates = walkItems(items).filter((e) => {
    if (e.item.empty || PAST_ROLE.test(stripInline(e.item.text))) return false;
    const group = groupLabel(e.item);
    if (group) groups.set(e.item, group.organisation);
    return group === null;
  });
  const found: Maintainer[] = [];
  for (const e of candidates) {
    if (peopleOnly && !personShaped(e.item.text)) continue;
    const m = maintainerFromItem(e.item.text, e.item.line);
    if (!m) continue;
    // People under a group label share its organisation when they give none of their own.
    const organisation = e.parent && groups.has(e.parent) ? groups.get(e.parent)! : null;
    if (m.affiliation === null && organisation !== null) m.affiliation = organisation;
    found.push(m);
  }
  // A list of sentences about maintainers is not a list of maintainers.
  if (found.length === 0 || found.length * 2 < candidates.length) return;
  for (const m of found) out.push(m);
}

function previousText(section: Section, block: Block): string {
  const index = section.blocks.indexOf(block);
  const prev = index > 0 ? section.blocks[index - 1] : undefined;
  return prev && prev.kind === 'paragraph' ? stripInline(prev.text) : '';
}

/** The words that say what a block lists: its section's heading path and the paragraph before it. */
function contextOf(headings: string[], section: Section, block: Block): { heading: string; intro: string } {
  return { heading: headings.join(' / '), intro: previousText(section, block) };
}

/** An intro that announces organisations ("9 maintainers, from 7 different organisations:"). */
const ORGANISATIONS_INTRO = /\b(?:organi[sz]ations?|compan(?:y|ies)|employers|institutions|affiliations)\s*:\s*$/i;

function roleOfContext(text: string): 'maintainers' | 'organisations' | 'other' | 'none' {
  const lastSentence = text.split(/(?<=[.!?])\s+/).filter((s) => s.trim() !== '').pop() ?? '';
  // The list after it may name organisations, not people.
  if (ORGANISATIONS_INTRO.test(lastSentence)) return MAINTAINER_WORDS.test(lastSentence) ? 'organisations' : 'other';
  const maintainers = MAINTAINER_WORDS.test(lastSentence);
  const other = OTHER_ROLES.test(lastSentence.replace(/maintainers?/gi, ''));
  if (maintainers && !other) return 'maintainers';
  // "… will promote more contributors to be maintainers": both roles named, so the sentence does
  // not say which one the list holds; the heading decides.
  if (maintainers) return 'none';
  if (other) return 'other';
  return 'none';
}

/**
 * The opening paragraph of a list item asks for or labels maintainers ("* How many maintainers
 * do you have, and which organizations are they from?", "- Maintainers:"), with the people as
 * its sub-bullets.
 */
export function isMaintainerQuestion(text: string): boolean {
  const opening = stripInline(text.split('\n\n')[0]!).trim();
  return (opening.includes('?') || opening.endsWith(':')) && MAINTAINER_WORDS.test(opening) && !OTHER_ROLES.test(opening.replace(/maintainers?/gi, ''));
}

/** "… joined the maintainers team", "… became maintainers", "… were added as maintainers". */
const JOINED_ROLE =
  /\b(?:joined|join|became|become|(?:were|was) (?:added|promoted|elected|appointed|made)|(?:have|has) been (?:added|promoted|elected|appointed))\b[^.;]{0,40}?\bmaintainers?\b/i;
const GITHUB_PERSON = /\[([^\[\]]+)\]\(https?:\/\/(?:www\.)?github\.com\/([A-Za-z0-9][A-Za-z0-9-]{0,38})\/?\)/g;
/** "- all at Acme -", "(both from Acme)": one affiliation for everyone named. */
const ALL_AT = /\b(?:all|both)\s+(?:at|from|of|with|work(?:ing)?\s+(?:at|for))\s+(\p{Lu}[^,;.()\-–—]*?)\s*(?:[-–—,;)]|$|\s(?:joined|became|were|have|has)\b)/u;
/** "Full Name (Org)": two to four capitalised words and an optional parenthesis. */
const PROSE_PERSON = /^(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})\s*(?:\(([^()]+)\))?$/u;

/**
 * Maintainers named in a sentence of prose under a maintainers heading: "[Jane Roe (jroe)](https://github.com/jroe)
 * and [Ann Poe (apoe)](https://github.com/apoe) - all at Acme - joined the maintainers team", or
 * "There we have 2 more maintainers: Jane Roe (Acme) and Ann Poe (independent)." First names alone
 * ("Carolyn, Vaughn and Jennifer") repeat people listed elsewhere and are not read.
 */
export function maintainersInSentence(sentence: string, line: number): Maintainer[] {
  if (!/maintainer/i.test(sentence)) return [];
  const text = sentence.replace(EMAIL, ' ');
  const joined = JOINED_ROLE.exec(text);
  if (joined && text.includes('github.com')) {
    const before = text.slice(0, joined.index);
    const all = ALL_AT.exec(stripInline(before));
    const affiliation = all ? cleanText(all[1]!) : null;
    const out: Maintainer[] = [];
    for (const m of before.matchAll(GITHUB_PERSON)) {
      const name = stripInline(m[1]!).replace(/\s*\([^()]*\)\s*$/, '').replace(/^@/, '').trim();
      if (name === '' || !looksLikeName(name)) continue;
      out.push({ name, handle: m[2]!, affiliation, line });
    }
    return out;
  }
  const plain = stripInline(text).trim().replace(/[.!]+$/, '');
  const colon = /\bmaintainers?\s*:\s*/i.exec(plain);
  if (!colon || OTHER_ROLES.test(plain.slice(0, colon.index).replace(/maintainers?/gi, ''))) return [];
  const parts = plain.slice(colon.index + colon[0].length).split(/\s*,\s*(?:and\s+)?|\s+and\s+/).filter((p) => p !== '');
  const people = parts.map((p) => PROSE_PERSON.exec(p.trim()));
  if (people.length === 0 || people.some((m) => m === null)) return [];
  return people.map((m) => ({ name: m![1]!, handle: null, affiliation: m![2] ? cleanText(m![2]) : null, line }));
}

/**
 * Maintainer tables hidden from the model: indented under list items ("- **Initial
 * maintainers**" over a table) or inside a code fence, in a section about maintainers.
 */
function fromEmbeddedTables(doc: DocumentModel, block: Block, out: Maintainer[]): void {
  for (const table of embeddedTables(doc.lines, block.line, block.endLine)) {
    const header = table.header.map((h) => stripInline(h)).join(' ');
    if (OTHER_ROLES.test(header) && !MAINTAINER_WORDS.test(header) && maintainerRoleColumn(table) < 0) continue;
    // A table of people: a name or handle column must be there.
    const cols = tableColumns(table.header);
    if (cols.handle < 0 && !/name|maintainer|committer/i.test(header)) continue;
    fromTable(table, out);
  }
}

/** The reasons, in one place: what structure found a maintainer. */
export const MAINTAINER_REASONS = {
  sentence: 'sentence under a maintainers heading (name with a GitHub link or handle)',
  codeTable: 'table inside a code block under a maintainers heading',
  table: 'table of maintainers (read by its name, handle and affiliation columns)',
  listTable: 'table written inside a maintainers list',
  list: 'list of maintainers (by its heading or introduction)',
  organisations: 'people listed under their organisations',
  question: 'sub-items of a maintainers question',
} as const;

export function extractMaintainers(doc: DocumentModel): Array<Maintainer & Reasoned> {
  const found: Array<Maintainer & Reasoned> = [];
  /** Runs one reader and keeps what it found with the reason it was found. */
  const take = (reason: string, read: (out: Maintainer[]) => void) => {
    const got: Maintainer[] = [];
    read(got);
    for (const m of got) found.push({ ...m, reason });
  };
  // The text before the first heading counts too.
  for (const { section, ancestors } of [{ section: doc.root, ancestors: [] as Section[] }, ...sectionPaths(doc)]) {
    const headings = [...ancestors, section].map((s) => stripInline(s.heading));
    const ownHeading = headings[headings.length - 1] ?? '';
    const headingRole = MAINTAINER_WORDS.test(ownHeading) && !OTHER_ROLES.test(ownHeading) ? 'maintainers' : OTHER_ROLES.test(ownHeading) ? 'other' : 'none';
    const underMaintainerHeading = headings.some((h) => MAINTAINER_WORDS.test(h) && !OTHER_ROLES.test(h));
    // "Current maintainers" beside "Initial maintainers": the earlier set is history, not the list.
    const intros = section.blocks.map((b) => previousText(section, b));
    const currentNamed = intros.some((t) => /\bcurrent\b/i.test(t) && MAINTAINER_WORDS.test(t));
    for (const block of section.blocks) {
      if (currentNamed && (block.kind === 'table' || block.kind === 'list') && EARLIER_SET.test(previousText(section, block))) continue;
      if (block.kind === 'paragraph' && underMaintainerHeading) {
        take(MAINTAINER_REASONS.sentence, (out) => {
          for (const sentence of sentences(block.text, block.line)) out.push(...maintainersInSentence(sentence.text, sentence.line));
        });
        continue;
      }
      if (block.kind === 'code' && underMaintainerHeading) {
        take(MAINTAINER_REASONS.codeTable, (out) => fromEmbeddedTables(doc, block, out));
        continue;
      }
      if (block.kind !== 'table' && block.kind !== 'list') continue;
      const { intro } = contextOf(headings, section, block);
      const introRole = roleOfContext(intro);
      if (block.kind === 'table') {
        const header = block.header.map((h) => stripInline(h)).join(' ');
        const headerRole = MAINTAINER_WORDS.test(header) ? 'maintainers' : OTHER_ROLES.test(header) ? 'other' : 'none';
        const role = maintainerRoleColumn(block) >= 0 ? 'maintainers' : headerRole !== 'none' ? headerRole : introRole !== 'none' ? introRole : headingRole;
        if (role === 'maintainers') take(MAINTAINER_REASONS.table, (out) => fromTable(block, out));
      } else {
        const role = introRole !== 'none' ? introRole : headingRole;
        if (role === 'maintainers' && block.items.some((item) => /^\s*\|.*\|/m.test(item.text))) take(MAINTAINER_REASONS.listTable, (out) => fromEmbeddedTables(doc, block, out));
        else if (role === 'maintainers') take(MAINTAINER_REASONS.list, (out) => fromList(block.items, out));
        else if (role === 'organisations') take(MAINTAINER_REASONS.organisations, (out) => fromList(block.items, out, true));
        else if (role === 'none') {
          for (const item of block.items) if (item.children.length > 0 && isMaintainerQuestion(item.text)) take(MAINTAINER_REASONS.question, (out) => fromList(item.children, out));
        }
      }
    }
  }
  const seen = new Set<string>();
  return found.filter((m) => {
    const key = m.handle ? `@${m.handle.toLowerCase()}` : m.name.toLowerCase();
    const nameKey = m.name.toLowerCase();
    if (seen.has(key) || seen.has(nameKey)) return false;
    seen.add(key);
    seen.add(nameKey);
    return true;
  });
}

/** Distinct affiliations in order of first appearance (null affiliations left out). */
export function maintainerOrganisations(maintainers: Maintainer[]): string[] {
  const seen = new Map<string, string>();
  for (const m of maintainers) {
    if (m.affiliation === null) continue;
    const key = m.affiliation.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
    if (!seen.has(key)) seen.set(key, m.affiliation);
  }
  return [...seen.values()];
}

const COUNT_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20,
};
const STATED_COUNT =
  /\b(\d{1,4}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|twenty)\s+(?:(?:active|core|current|project|official|listed|total)\s+){0,2}(maintainers|committers)\b/gi;

/**
 * A maintainer count stated in prose ("OpenFGA has 19 active maintainers", "seven maintainers
 * from five organizations"), or null. Changes ("3 new maintainers", "added 2 maintainers") are
 * not the team's size.
 */
export function extractMaintainersStatedCount(doc: DocumentModel): { count: number; line: number } | null {
  for (const section of [doc.root, ...doc.sections]) {
    for (const block of section.blocks) {
      const units: Array<{ text: string; line: number }> =
        block.kind === 'paragraph'
          ? block.text.split('\n').map((text, k) => ({ text, line: block.line + k }))
          : block.kind === 'list'
            ? walkItems(block.items).map(({ item }) => ({ text: item.text.split('\n')[0]!, line: item.line }))
            : [];
      for (const unit of units) {
        const plain = stripInline(unit.text);
        for (const m of plain.matchAll(STATED_COUNT)) {
          const before = plain.slice(Math.max(0, m.index - 24), m.index);
          if (/\b(?:new|added|add|promoted|became|become|more|former|emeritus|of|to)\s+$/i.test(before)) continue;
          const raw = m[1]!.toLowerCase();
          const count = /^\d/.test(raw) ? Number(raw) : COUNT_WORDS[raw];
          if (count !== undefined && count > 0) return { count, line: unit.line };
        }
      }
    }
  }
  return null;
}
