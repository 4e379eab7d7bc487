// Adopters: organisations the document itself names as production users, adopters, end users or
// case studies. Read from the lists, tables and sentences of adoption sections (bold names with
// descriptions, plain bullets, table rows, "such as A, B and C"), then from usage sentences
// elsewhere ("10 organizations use X ... (such as Red Hat and SUSE)"). Integrations are not
// adopters. Names are cleaned as a reviewer would write them: markdown and a trailing
// parenthetical such as "(China)" removed, deduplicated case-insensitively, structured lists first.
import type { Adopter, Reasoned } from '../evidence/extract-types.js';
import type { Block, DocumentModel, ListItem, Section, Table } from '../document/document-types.js';
import { sectionPaths, walkItems, type SectionPath } from '../document/doc-query.js';
import { stripInline } from '../document/inline.js';

export const ADOPTER_HEADING =
  /adopt|end[- ]?users?|production (?:users?|usage|use|deployments?)|in production|case[- ]stud|who(?:'s| is)? using|who uses|customers|\busers\b|user stories|references/i;
const NOT_ADOPTER_HEADING = /integrat|partner|contribut|maintain|committer|roadmap|goal|feature|vendor|distribution|provider/i;
const USAGE_CUE = /\b(?:use[sd]?|using|adopt\w*|in production|production|customers?|end[- ]?users?|users|deploy\w*|run(?:s|ning)?|rel(?:y|ies) on)\b/i;
const GENERIC_NAME =
  /^(?:adopters?|adopters\.md|users?|end[- ]?users?|list|here|link|this|website|more|others?|case stud(?:y|ies)|and more|etc\.?|tbd|todo|n\/a|none|see .*|the full list.*|full list.*|more info.*|read more.*|companies|organi[sz]ations)$/i;

interface Found {
  name: string;
  line: number;
  /** Why it was taken (the `reason` of `extract --json`). */
  reason: string;
}

/** The reasons, in one place: what structure or rule found an adopter. */
export const ADOPTER_REASONS = {
  heading: 'subsection heading under an adoption section (one subsection per adopter)',
  list: 'list in an adoption section',
  table: 'table in an adoption section (its organisation or name column)',
  questionList: 'sub-items of an adoption question or an adopters label',
  introList: 'list introduced as adopters',
  listed: 'names listed after "such as" / "including" in a sentence about use',
  subject: 'sentence naming it an adopter or user',
  usesProject: 'sentence saying it uses the project',
  outside: ' (outside adoption sections)',
} as const;

/** Whether a section (or one it sits in) is about adopters and not about integrations. */
export function isAdopterSection(path: SectionPath): boolean {
  const heading = stripInline(path.section.heading);
  if (NOT_ADOPTER_HEADING.test(heading)) return false;
  if (ADOPTER_HEADING.test(heading)) return true;
  return path.ancestors.some((a) => ADOPTER_HEADING.test(stripInline(a.heading)) && !NOT_ADOPTER_HEADING.test(stripInline(a.heading)));
}

/** A name as a reviewer would list it, or null when the text is not a name. */
export function cleanOrgName(raw: string): string | null {
  let name = stripInline(raw).trim();
  // Trailing "(China)", "(US)", "(internal use)": qualifiers, not part of the name.
  for (let k = 0; k < 2; k++) name = name.replace(/\s*[(（][^()（）]*[)）]\s*$/, '');
  name = name.replace(/['’]s$/, '').replace(/^["'“‘]+|["'”’]+$/g, '');
  name = name.replace(/[\s:;,.!\-–—]+$/, '').replace(/^(?:and|the)\s+/i, '').trim();
  // "Department of Defense with 100k devs", "Acme has 200 clusters": the name, not its figures.
  name = name.replace(/\s+(?:with|has|have|runs|running|using|uses|at)\s+[~≈]?\p{N}.*$/u, '').trim();
  // A chat channel or a handle ("#proj-dev", "@acme") is not an organisation.
  if (/^[#@]/.test(name)) return null;
  if (name === '' || name.length > 60) return null;
  if (/https?:|www\.|\.md$/i.test(name)) return null;
  if (!/[\p{L}\p{N}]/u.test(name)) return null;
  if (GENERIC_NAME.test(name)) return null;
  if (EVENT_NAME.test(name)) return null;
  if (name.split(/\s+/).length > 6) return null;
  return name;
}

/** A conference, talk or event ("KubeCon EU 2022", "Wasm Day 2021"), not an organisation. */
const EVENT_NAME = /\b(?:19|20)\d\d$|\b(?:KubeCon|CloudNativeCon|Summit|Conference|Meetup|Webinar|Day|Days|Hackathon|Workshop)\b/;

/** The organisation a list item names: a leading bold or link label, or a short item, or "Name: description". */
/**
 * A description that says the entry integrates the project rather than uses it: "Integrates X
 * into its CLI", "Supports X signatures", "Builds a plugin for X", "X plugin for …".
 */
const INTEGRATION_USE =
  /^(?:[Ii]ntegrat\w*|(?:[Ss]upports?|[Ss]upporting|[Aa]dds? support for) (?=\p{Lu})|[Bb]uilds? (?:a |an |the )?(?:\S+ ){0,8}(?:[Pp]lug-?in|integration|connector|driver)|[Pp]rovides? (?:a |an )?(?:plug-?in|integration|connector|driver))/u;

export function describesIntegration(description: string): boolean {
  const plain = stripInline(description).replace(/^[\s:\-–—,|]+/, '').trim();
  return INTEGRATION_USE.test(plain);
}

/** What an adopter entry goes on to say its subject did or is: "is using", "shared", "runs". */
const ENTRY_VERB =
  /^(?:is|are|was|were|has|have|had|uses?|used|using|runs?|running|started|shared|presented|described|deploys?|deployed|adopted|relies|recently|also|and their|chose|migrated|operates?|built)\b/i;

export function nameFromItem(text: string): string | null {
  // A trailing backslash is a markdown hard line break ("[Acme](url) \\" then a description).
  const first = text.split('\n')[0]!.trim().replace(/\s*\\$/, '');
  if (first === '') return null;
  const bold = /^(?:\*\*|__)(.+?)(?:\*\*|__)/.exec(first) ?? /^\[(?:\*\*|__)(.+?)(?:\*\*|__)\]/.exec(first);
  if (bold) return cleanOrgName(bold[1]!);
  const link = /^\[([^\[\]]+)\]\([^()]*\)/.exec(first);
  if (link) {
    const rest = stripInline(first.slice(link[0].length)).trim();
    // "[Acme](url)" or "[Acme](url): how they use it".
    if (rest === '' || /^[:\-–—(,]/.test(rest)) return describesIntegration(rest) ? null : cleanOrgName(link[1]!);
    // "[Acme](url) is using it in production", "[Acme](url) shared their story": the label is
    // the subject of what follows, when it reads as a name and the rest says what it did.
    if (ENTRY_VERB.test(rest) && isProperName(link[1]!) && !describesIntegration(rest)) return cleanOrgName(link[1]!);
    return null;
  }
  const plain = stripInline(first);
  const sep = /\s[-–—]\s|:\s|\s[(（]|,\s|\s\|\s/.exec(plain);
  const head = sep ? plain.slice(0, sep.index) : plain;
  // "German Ministry of Migration and Refugees": six capitalised words can be one name.
  if (head.split(/\s+/).length > (isProperName(head) ? 6 : 5)) return null;
  // "Several unnamed organizations are evaluating …", "Many others": a gesture, not a name
  // ("Other Bank", all capitalised, may be one).
  if (VAGUE_TAIL.test(head) && /\s\p{Ll}/u.test(head)) return null;
  // Sentence fragments are not names.
  if (/\b(?:is|are|was|were|has|have|we|our|using|uses|use|will|can|see|for)\b/i.test(head) && !sep) return null;
  // Several plain words read as a name only when capitalised ("Red Hat", "Bank of Foo"), not as
  // a phrase ("Ecosystem overview").
  if (!isProperName(head)) return null;
  return cleanOrgName(head);
}

/** Capitalised words (or a digit or CJK start), small connectors aside; one word of any case. */
export function isProperName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  if (words.length === 1) return true;
  // A handle beside the name ("Northwind GmbH @northwind") does not make it a phrase.
  return words.every((w) => /^[\p{Lu}\p{N}\p{Lo}(\[]/u.test(w) || /^(?:of|de|du|la|for|and|the|&|[-–—])$/.test(w) || /^@[\w-]+$/.test(w));
}

/**
 * A one-line label that groups the names below it ("China:", "Financial services:"). An entry
 * whose description ends with ":" before its own sub-bullets ("[Acme](url) \\ They use it in
 * these scenarios:") is an adopter, and its sub-bullets are not.
 */
function isGroupLabel(item: ListItem): boolean {
  return item.children.length > 0 && !item.text.includes('\n') && /:\s*$/.test(stripInline(item.text));
}

function itemsToScan(items: ListItem[]): ListItem[] {
  const out: ListItem[] = [];
  for (const { item, depth, parent } of walkItems(items)) {
    if (depth === 0 && isGroupLabel(item)) continue;
    if (depth > 0 && !(parent && isGroupLabel(parent) && parent.children.includes(item))) continue;
    // "Existing implementations of the spec:", "Companies experimenting with it:": not adopters.
    if (depth > 0 && parent && NOT_ADOPTERS_INTRO.test(stripInline(parent.text))) continue;
    out.push(item);
  }
  return out;
}

/**
 * A lower-case category word that ends a label grouping names: "telecom industry: A, B, C;",
 * "cloud providers: A, B". Such a label names no organisation itself.
 */
const CATEGORY_LABEL =
  /\b(?:industr(?:y|ies)|sectors?|verticals?|segments?|markets?|fields?|domains?|providers|vendors|companies|enterprises|organi[sz]ations|institutions|banks|startups|universities|users|customers|adopters|operators|carriers)$/i;

/**
 * The names of a "label: A, B, C" item whose label is a category ("telecom industry: ChinaMobile,
 * ChinaUnicom, Huawei;"), or null when the item is not one. Two or more names are needed unless
 * the label ends in a category word ("artificial intelligence industry: iFLYTEK.").
 */
export function namesFromCategoryItem(text: string): string[] | null {
  const first = stripInline(text.split('\n')[0]!).trim();
  const colon = first.indexOf(': ');
  if (colon <= 0 || colon > 48) return null;
  const label = first.slice(0, colon).trim();
  const categoryWord = CATEGORY_LABEL.test(label);
  // A category label is lower-case ("telecom industry") or ends in a category word ("Cloud providers").
  if (!categoryWord && !/^\p{Ll}/u.test(label)) return null;
  if (label.split(/\s+/).length > 5) return null;
  const parts = first
    .slice(colon + 2)
    .replace(/[\s;.]+$/, '')
    .split(/\s*[,;]\s*|\s+and\s+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length === 0 || (parts.length < 2 && !categoryWord)) return null;
  if (parts.length > 1 && VAGUE_TAIL.test(parts[parts.length - 1]!)) parts.pop();
  const names: string[] = [];
  for (const part of parts) {
    // Every part a short name, not a phrase ("runs it on 300 clusters").
    if (part.split(/\s+/).length > 4 || /\b(?:is|are|was|were|has|have|uses?|using|runs?|for|with|we|our|it)\b/i.test(part)) return null;
    const name = cleanOrgName(part);
    if (!name) return null;
    names.push(name);
  }
  return names;
}

/** The list's adopters into `out`; false when it does not read as a list of names. */
function fromList(items: ListItem[], out: Found[], reason: string): boolean {
  const candidates = itemsToScan(items).filter((item) => !item.empty);
  const named = candidates.map((item) => {
    const grouped = namesFromCategoryItem(item.text);
    if (grouped) return { item, names: grouped };
    const name = nameFromItem(item.text);
    return { item, names: name === null ? [] : [name] };
  });
  const hits = named.filter((n) => n.names.length > 0);
  // A list of sentences with one short item is not an adopter list.
  if (hits.length === 0 || hits.length * 2 < candidates.length) return false;
  for (const { item, names } of hits) for (const name of names) out.push({ name, line: item.line, reason });
  return true;
}

const NAME_COLUMN = /organi[sz]ation|company|adopter|end[- ]?user|user|customer|name|who/i;

/** A cell holding a figure ("1436", "~2,000", "56 (+250%)"), not a year ("2021"). */
const FIGURE_CELL = /^\s*[~≈<>]?\s*\d/;
const YEAR_CELL = /^\s*(?:19|20)\d\d\s*$/;

function fromTable(table: Table, out: Found[]): void {
  let column = table.header.findIndex((h) => NAME_COLUMN.test(stripInline(h)));
  if (column < 0) {
    // A table of figures ("| Slack members | 1436 | 2466 |") labels its rows with what is
    // counted, not with who uses the project.
    const figures = table.rows.filter((row) =>
      row.cells.some((cell, k) => {
        const plain = stripInline(cell);
        return k > 0 && FIGURE_CELL.test(plain) && !YEAR_CELL.test(plain);
      }),
    );
    if (figures.length * 2 > table.rows.length) return;
    column = 0;
  }
  // A use-case column whose cell says the row integrates the project ("Integrate X in Y",
  // "Support X signatures") names an integration, not an adopter.
  const useColumn = table.header.findIndex((h, k) => k !== column && /use[- ]?case|usage|scenario|how/i.test(stripInline(h)));
  for (const row of table.rows) {
    if (useColumn >= 0 && describesIntegration(row.cells[useColumn] ?? '')) continue;
    const name = cleanOrgName(row.cells[column] ?? '');
    if (name) out.push({ name, line: row.line, reason: ADOPTER_REASONS.table });
  }
}

const LIST_CUE = /\b(?:such as|including|includes?|like|namely|are|by)\s+|:\s+/gi;

/**
 * The list after a cue, up to the end of its clause: a sentence end, ";", ": ", or a ")" that
 * closes a parenthesis opened before the cue ("(such as A and B) and …"). Parentheticals inside
 * the list are skipped ("Google (YouTube, Workspace), Adobe").
 */
function listSpan(tail: string): string {
  let depth = 0;
  let out = '';
  for (let i = 0; i < tail.length; i++) {
    const c = tail[i]!;
    const next = tail[i + 1];
    if (c === '(' || c === '（') depth++;
    else if (c === ')' || c === '）') {
      if (depth === 0) break;
      depth--;
    } else if (depth === 0) {
      if (c === ';' || ((c === '.' || c === ':') && (next === undefined || /\s/.test(next)))) break;
      out += c;
    }
  }
  return out;
}

/**
 * Nouns that make "X such as A and B" a list of technologies rather than organisations:
 * "popular technologies such as Prometheus and Kafka", "compliance rules such as CIS".
 */
const NOT_ORG_NOUN =
  /\b(?:technolog(?:y|ies)|tools?|projects?|frameworks?|languages?|platforms?|features?|rules?|proposals?|types?|specs?|specifications?|standards?|protocols?|integrations?|runtimes?|databases?|plug-?ins?|librar(?:y|ies)|apis?|formats?|clouds?|distributions?|operating systems?)\s*,?\s*$/i;
/** A closing part that only gestures at more ("and several large banks", "and many others", "etc."). */
const VAGUE_TAIL = /^(?:several|many|numerous|various|other|others|more|some|a few|a number of|dozens|hundreds|thousands|lots|etc)\b/i;
/** A count, not a name: "Adopters: 40+", "users: 80%". A bare number ("360") may be a name. */
const COUNT_PART = /^[~≈<>]?\s*\p{N}[\p{N}.,]*\s*[kKmM]?[+%]$/u;

/**
 * Outside an adoption section, a list in prose names adopters only when its clause has spoken of
 * them first: "companies such as A and B", "10 organizations use X, some (such as A)";
 * "modules such as A" or "more like ArgoCD (… for Flux users)" do not.
 */
const ORG_NOUN_BEFORE_CUE =
  /\b(?:companies|organi[sz]ations|enterprises|adopters|users|customers|businesses|firms|banks|institutions|operators|carriers|universities|agencies|governments|clients)\b/i;

/**
 * Names in "… such as A, B and C" / "users include A, B, C" inside one sentence of prose. With
 * `needsOrgNoun` (prose outside adoption sections) the cue must follow a noun for adopters.
 */
export function namesInSentence(sentence: string, needsOrgNoun = false): string[] {
  const plain = stripInline(sentence);
  if (!USAGE_CUE.test(plain) || /integrat/i.test(plain)) return [];
  const names: string[] = [];
  for (const cue of plain.matchAll(LIST_CUE)) {
    const start = cue.index + cue[0].length;
    const span = listSpan(plain.slice(start, start + 400));
    // The use must be spoken of in the list's own clause: "types are supported, namely: A, B;
    // … for users" lists features.
    const clauseStart = plain.lastIndexOf(';', cue.index) + 1;
    const clauseEnd = plain.indexOf(';', start + span.length);
    if (!USAGE_CUE.test(plain.slice(clauseStart, clauseEnd < 0 ? plain.length : clauseEnd))) continue;
    if (NOT_ORG_NOUN.test(plain.slice(Math.max(clauseStart, cue.index - 40), cue.index))) continue;
    if (needsOrgNoun && !ORG_NOUN_BEFORE_CUE.test(plain.slice(clauseStart, cue.index))) continue;
    const parts = span
      .split(/,\s*|\s+and\s+|\s*&\s*|\s+or\s+/)
      .map((p) => p.trim().replace(/^(?:and|or)\s+/i, ''))
      .filter((p) => p !== '');
    if (parts.length > 1 && VAGUE_TAIL.test(parts[parts.length - 1]!)) parts.pop();
    if (parts.length === 0) continue;
    // Every part must look like a proper name, or the span is ordinary prose.
    const ok = parts.every((p) => {
      if (COUNT_PART.test(p)) return false;
      const words = p.split(/\s+/);
      if (words.length > 4 || /^(?:The|A|An|We|Our|It|This|These|Some|Many|Most|All)\b/.test(p)) return false;
      // Every word capitalised (or a digit/CJK start), small connectors aside: "Bank of Foo".
      // A count ("3 significant end users") is not a name; a lone number ("360") may be.
      if (words.length > 1 && /^\p{N}+$/u.test(words[0]!)) return false;
      return words.every((w) => /^[\p{Lu}\p{N}\p{Lo}]/u.test(w) || /^(?:of|de|du|la|for|and|the)$/.test(w));
    });
    if (!ok) continue;
    for (const p of parts) {
      const name = cleanOrgName(p);
      if (name) names.push(name);
    }
  }
  return names;
}

/** Sentences of a raw paragraph with the 1-based line each starts on. */
export function sentences(text: string, firstLine: number): Array<{ text: string; line: number }> {
  const out: Array<{ text: string; line: number }> = [];
  // A dot not followed by a space ("Trip.com", "v1.0") does not end a sentence.
  const re = /(?:[^.!?\n]|[.!?](?!\s|$))*(?:[.!?]+(?=\s|$)|\n|$)/g;
  let line = firstLine;
  let pending = '';
  // Tracked rather than tested with pending.trim(): a paragraph with no full stop grows
  // `pending` line by line, and trimming it each time was quadratic.
  let pendingBlank = true;
  let pendingLine = firstLine;
  for (const m of text.matchAll(re)) {
    if (m[0] === '') {
      if (m.index >= text.length) break;
      continue;
    }
    if (pendingBlank) pendingLine = line;
    const piece = m[0];
    if (pendingBlank && piece.trim() !== '') pendingBlank = false;
    if (piece.endsWith('\n')) {
      pending += `${piece.slice(0, -1)} `;
      line++;
      continue;
    }
    pending += piece;
    out.push({ text: pending.trim(), line: pendingLine });
    pending = '';
    pendingBlank = true;
  }
  if (pending.trim() !== '') out.push({ text: pending.trim(), line: pendingLine });
  return out;
}

/**
 * A sentence whose subject is named as an adopter: "Acme continues to be our largest adopter",
 * "Globex is our first production user", "Initech remains one of our biggest end users".
 */
const SUBJECT_ADOPTER =
  /^((?:\p{Lu}[\p{L}\p{N}.&'’-]*)(?:\s+(?:\p{Lu}[\p{L}\p{N}.&'’-]*|of|de|and|&))*?)\s+(?:is|was|has been|continues to be|remains|became|is now)\s+(?:one of\s+)?(?:our|the project's)\s+(?:\w+\s+){0,2}?(?:adopters?|end[- ]?users?|production users?|users?|customers?)\b/u;
const NOT_SUBJECT = /^(?:The|This|That|These|Those|It|We|Our|Its|There|Here|One|Each|Every|Another|Such|A|An|They|Their|Who|Which|What|He|She|You|I|Everyone|Someone|Anyone|Users|Customers|Companies|Adopters|Organi[sz]ations)\b/;

export function subjectAdopter(sentence: string): string | null {
  const plain = stripInline(sentence).trim();
  // Cheap pre-check before the regex: the sentence must speak of adopters, users or customers.
  if (!/adopter|user|customer/i.test(plain)) return null;
  const m = SUBJECT_ADOPTER.exec(plain);
  if (!m || NOT_SUBJECT.test(m[1]!) || m[1]!.split(/\s+/).length > 4) return null;
  return cleanOrgName(m[1]!);
}

/** How prose is read: the project's own name words, and whether it lies outside adoption sections. */
interface ProseContext {
  projectWords: ReadonlySet<string>;
  elsewhere: boolean;
}

function namesInProseSentence(text: string, context: ProseContext): Array<{ name: string; reason: string }> {
  const where = context.elsewhere ? ADOPTER_REASONS.outside : '';
  const found = namesInSentence(text, context.elsewhere).map((name) => ({ name, reason: ADOPTER_REASONS.listed + where }));
  const subject = subjectAdopter(text);
  if (subject) found.unshift({ name: subject, reason: ADOPTER_REASONS.subject + where });
  const user = userOfProject(text, context.projectWords);
  if (user) found.unshift({ name: user, reason: ADOPTER_REASONS.usesProject + where });
  return found;
}

function fromProse(block: Block, out: Found[], context: ProseContext): void {
  const units = block.kind === 'paragraph' ? sentences(block.text, block.line) : block.kind === 'list' ? walkItems(block.items).flatMap(({ item }) => sentences(item.text, item.line)) : [];
  for (const s of units) for (const { name, reason } of namesInProseSentence(s.text, context)) out.push({ name, line: s.line, reason });
}

/** Title words that are not the project's name ("Thanos Incubation Stage Proposal" -> thanos). */
const TITLE_GENERIC =
  /^(?:annual|review|reviews|proposal|incubation|incubating|graduation|graduated|sandbox|stage|state|cncf|project|projects|the|of|for|and|to|application|due|diligence|dd|self|assessment|report|moving|level|update|\d+)$/;

/** The lower-cased words of the document's title that name its project. */
export function projectWordsOf(title: string): Set<string> {
  const words = stripInline(title)
    .toLowerCase()
    .split(/[\s:|,()/]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length >= 2 && !TITLE_GENERIC.test(w));
  return new Set(words);
}

const USE_VERB = String.raw`(?:is|are) (?:now |also |already )?using|(?:has|have) been using|uses|is running|runs|(?:has|have) adopted|is deploying|deploys|relies on`;
const NAME_RUN = String.raw`(\p{Lu}[\p{L}\p{N}.&'’-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}.&'’-]*|of|de|&))*)`;
/** "Acme is using Proj", "The Qubes OS project uses Proj": a capitalised subject before the verb. */
const SUBJECT_USES = new RegExp(String.raw`${NAME_RUN}(?:\s+(?:project|team|company|group))?\s+(?:${USE_VERB})\s+([\p{L}\p{N}][\p{L}\p{N}._-]*)`, 'u');
/** "[ximalaya](url) is using Proj": a linked subject, whatever its case. */
const LINKED_USES = new RegExp(String.raw`\[([^\[\]]{1,60})\]\([^()]*\)(?:\s+(?:project|team|company|group))?\s+(?:${USE_VERB})\s+\[?([\p{L}\p{N}][\p{L}\p{N}._-]*)`, 'u');
/** Words at least one of USE_VERB and USED_IN_PRODUCTION_BY contains, lower-cased. */
const USE_WORDS = ['using', 'uses', 'runs', 'running', 'adopted', 'deploy', 'relies', 'production'];
/** "Proj is used in production by the Absa Group". */
const USED_IN_PRODUCTION_BY = new RegExp(String.raw`\bused in production (?:by|at) (?:the )?${NAME_RUN}`, 'u');

/**
 * An organisation the sentence says uses the project itself (the verb's object is the project's
 * name from the title), or that runs it in production; null otherwise. "WeBank is evaluating
 * Proj" and "Proj uses Prometheus" name no adopter.
 */
export function userOfProject(sentence: string, projectWords: ReadonlySet<string>): string | null {
  if (projectWords.size === 0) return null;
  const plain = stripInline(sentence);
  // Every pattern needs one of these words: most sentences skip the regexes (run on each one).
  const lower = plain.toLowerCase();
  if (!USE_WORDS.some((word) => lower.includes(word))) return null;
  const isProject = (word: string) => projectWords.has(word.toLowerCase().replace(/[^\p{L}\p{N}-]+$/u, '').replace(/['’]s$/, ''));
  const linked = LINKED_USES.exec(sentence);
  let name: string | null = null;
  if (linked && isProject(linked[2]!)) name = linked[1]!;
  if (name === null) {
    const m = SUBJECT_USES.exec(plain);
    // "[BIGO](url) It uses Proj": the pronoun restarts the sentence after the name.
    if (m && isProject(m[2]!)) name = m[1]!.replace(/^(?:The|A|An)\s+/, '').replace(/\s+(?:It|They|We|He|She|This|That)$/, '');
  }
  if (name === null) {
    const m = USED_IN_PRODUCTION_BY.exec(plain);
    if (m) name = m[1]!;
  }
  if (name === null || NOT_SUBJECT.test(name) || name.split(/\s+/).length > 4) return null;
  if (name.toLowerCase().split(/\s+/).some((w) => projectWords.has(w))) return null;
  return cleanOrgName(name);
}

export function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const ADOPTER_CUE = /\b(?:adopters?|adoptions|adopted by|end[- ]?users?|users|customers|in production|production (?:users|deployments)|(?:companies|organi[sz]ations) (?:using|that use|running))\b/i;

/**
 * A paragraph that introduces a list of adopters: it ends with ":" and its last sentence speaks
 * of use ("Significant users include:"), or an earlier one does and the last only announces
 * examples ("… adopters can be found here. Highlighted examples include:").
 */
/** "Proj allows users to:", "lets users …", "users can:": what users can do, not who they are. */
const CAPABILITY = /\b(?:allows?|enables?|lets|helps?|permits?|empowers?)\s+(?:\w+\s+){0,2}?users\b|\busers\s+(?:to|can|could|may|will|are able to)\b/i;

function isAdopterIntro(text: string): boolean {
  const plain = stripInline(text).trim();
  if (!plain.endsWith(':') || plain.length > 400) return false;
  const last = plain.split(/[.!?]\s+/).pop() ?? '';
  if (CAPABILITY.test(last) || NOT_ADOPTERS_INTRO.test(last)) return false;
  if (ADOPTER_CUE.test(last)) return true;
  // "… components that empower users to configure it. This includes:" lists components.
  if (CAPABILITY.test(plain)) return false;
  // "… successful adopters … Some of them shared their stories:" points back at them.
  return ADOPTER_CUE.test(plain) && /\b(?:examples?|includes?|including|such as|following|below|highlight\w*|(?:some|many|several|a few) of (?:them|those|these))\b/i.test(last);
}

/**
 * The sentence before a list (or a label above sub-items) saying they are not adopters: talks,
 * videos and posts; implementations and integrations; companies only evaluating or experimenting.
 */
const NOT_ADOPTERS_INTRO =
  /\b(?:talks?|videos?|presentations?|recordings?|blog ?posts?|articles?|podcasts?|webinars?|channels?|implementations?|integrations?|plug-?ins?|tools|platforms|experimenting|evaluating|evaluations?|trialing|trialling|trying|piloting|proofs? of concept|PoCs?|interested|considering)\b/i;

/**
 * A list introduced as collaborations with other projects ("has expanded its collaboration with
 * many open-source projects. Some of these projects now …:") names projects, not adopters. A list
 * of companies that "deployed X or integrated X into their products" still names adopters.
 */
function isProjectsIntro(text: string): boolean {
  const plain = stripInline(text);
  if (NOT_ADOPTERS_INTRO.test(plain.trim().split(/(?<=[.!?])\s+/).pop() ?? '')) return true;
  // "integrations with other software stacks including:" (the noun; a company that "integrated X
  // into its products" is still an adopter).
  if (/\bcollaborat\w*\b|\bintegrations?\b/i.test(plain)) return true;
  const last = plain.trim().split(/(?<=[.!?])\s+/).pop() ?? '';
  return /^(?:\S+\s+){0,3}projects\b/i.test(last);
}

/**
 * The CNCF production-use criterion restated as a bullet ("Document that it is being used
 * successfully in production by at least three independent end users …"): its sub-bullets answer it.
 */
const ADOPTION_CRITERION = /\b(?:used|use|usage)\b[^.?]{0,40}\bin production\b[^.?]{0,80}\bend[- ]?users?\b/i;

/**
 * The opening paragraph of a list item asks about adoption ("What do you know about adoption …?")
 * or restates the production-use criterion.
 */
export function isAdopterQuestion(text: string): boolean {
  const question = stripInline(text.split('\n\n')[0]!);
  if (ADOPTION_CRITERION.test(question)) return true;
  return question.includes('?') && ADOPTER_HEADING.test(question) && !NOT_ADOPTER_HEADING.test(question);
}

const TOPICAL_HEADING =
  /^(?:overview|summary|introduction|background|others?|more|examples?|highlights?|details|notes?|use cases?|usage|deployments?|testimonials?|quotes?|references|list|users|adopters|customers|companies|organi[sz]ations)$/i;
/**
 * A heading naming a group of adopters, not one: it ends in a plural category noun ("Projects",
 * "Evaluating Organizations", "Financial Institutions", "Other Companies").
 */
const CATEGORY_HEADING =
  /\b(?:projects|organi[sz]ations|companies|enterprises|institutions|vendors|startups|universities|banks|teams|groups|adopters|users|customers|partners|products|services|platforms|others)$/i;

/**
 * The organisation a subsection heading names ("1. Canonical", "Acme Corp", "Acme: 1000
 * clusters"), or null for a topical heading ("How teams use it", "Overview").
 */
export function nameFromHeading(heading: string): string | null {
  let text = stripInline(heading).replace(/^(?:#?\d+[.)]?|[-*•])\s+/, '');
  const sep = /\s*(?::|\s[-–—|])\s/.exec(text);
  if (sep) text = text.slice(0, sep.index);
  if (ADOPTER_HEADING.test(text) || NOT_ADOPTER_HEADING.test(text) || TOPICAL_HEADING.test(text.trim()) || CATEGORY_HEADING.test(text.trim())) return null;
  const words = text.trim().split(/\s+/);
  if (words.length > 4) return null;
  if (!words.every((w) => /^[\p{Lu}\p{N}\p{Lo}]/u.test(w) || /^(?:of|de|du|la|for|and|the|&)$/.test(w))) return null;
  return cleanOrgName(text);
}

const NUMBERED_HEADING = /^\s*#?\d+[.)]?\s+\S/;

/**
 * Subsections of an adoption section that each name one adopter (case studies under their own
 * headings): their headings are the adopters, their bodies only describe them. Empty unless
 * most subsections read as names, or all are numbered.
 */
function namedSubsections(section: Section): Array<{ section: Section; name: string }> {
  const kids = section.children;
  const named = kids.map((k) => ({ section: k, name: nameFromHeading(k.heading) })).filter((n): n is { section: Section; name: string } => n.name !== null);
  const numbered = kids.length > 0 && kids.every((k) => NUMBERED_HEADING.test(stripInline(k.heading)));
  if (named.length === 0) return [];
  if ((named.length >= 2 && named.length * 3 >= kids.length * 2) || numbered) return named;
  return [];
}

function withDescendants(section: Section, into: Set<Section>): void {
  const stack = [section];
  while (stack.length > 0) {
    const s = stack.pop()!;
    into.add(s);
    for (const child of s.children) stack.push(child);
  }
}

export function extractAdopters(doc: DocumentModel): Array<Adopter & Reasoned> {
  const projectWords = projectWordsOf(doc.title);
  const inSection: ProseContext = { projectWords, elsewhere: false };
  const structured: Found[] = [];
  const prose: Found[] = [];
  const inAdopterSection = new Set<Block>();
  const paths = sectionPaths(doc).filter(isAdopterSection);
  // Sections that describe one named adopter: the heading counts, the body is not mined.
  const described = new Set<Section>();
  for (const { section } of paths) {
    if (described.has(section)) continue;
    for (const named of namedSubsections(section)) {
      structured.push({ name: named.name, line: named.section.line, reason: ADOPTER_REASONS.heading });
      withDescendants(named.section, described);
    }
  }
  for (const { section } of paths) {
    section.blocks.forEach((block, k) => {
      inAdopterSection.add(block);
      if (described.has(section)) return;
      if (block.kind === 'list') {
        const intro = k > 0 ? section.blocks[k - 1]! : null;
        if (intro?.kind === 'paragraph' && isProjectsIntro(intro.text)) return;
        // A list of sentences ("The driving company Acme is using Proj …") is read as prose.
        if (!fromList(block.items, structured, ADOPTER_REASONS.list)) fromProse(block, prose, inSection);
      }
      else if (block.kind === 'table') fromTable(block, structured);
      else fromProse(block, prose, inSection);
    });
  }
  // Template questions written as bullets, answered under them ("* What do you know about
  // adoption …?" with the adopters as sub-bullets).
  for (const section of [doc.root, ...doc.sections]) {
    if (described.has(section)) continue;
    for (const block of section.blocks) {
      if (block.kind !== 'list' || inAdopterSection.has(block)) continue;
      for (const item of block.items) if (item.children.length > 0 && (isAdopterQuestion(item.text) || isAdopterIntro(item.text))) fromList(item.children, structured, ADOPTER_REASONS.questionList);
    }
  }
  // Lists introduced as adopters anywhere else ("Significant users include:").
  for (const section of [doc.root, ...doc.sections]) {
    if (described.has(section)) continue;
    section.blocks.forEach((block, k) => {
      if (block.kind !== 'list' || inAdopterSection.has(block)) return;
      const intro = k > 0 ? section.blocks[k - 1]! : null;
      if (intro?.kind !== 'paragraph' || !isAdopterIntro(intro.text)) return;
      inAdopterSection.add(block);
      fromList(block.items, structured, ADOPTER_REASONS.introList);
    });
  }
  // Usage sentences anywhere else ("10 organizations use X, such as Red Hat and SUSE").
  const elsewhere: Found[] = [];
  for (const section of [doc.root, ...doc.sections]) {
    for (const block of section.blocks) if (!inAdopterSection.has(block)) fromProse(block, elsewhere, { projectWords, elsewhere: true });
  }
  const seen = new Set<string>();
  const result: Array<Adopter & Reasoned> = [];
  const byLine = (a: Found, b: Found) => a.line - b.line;
  for (const found of [...structured.sort(byLine), ...prose.sort(byLine), ...elsewhere.sort(byLine)]) {
    const key = nameKey(found.name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    result.push({ name: found.name, line: found.line, reason: found.reason });
  }
  return result;
}

const NUMBER_WORDS: Record<string, number> = {
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fifteen: 15, twenty: 20, thirty: 30, fifty: 50, hundred: 100, dozens: 24,
};
const CLAIM =
  /(\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|fifty)\+?\s+(?:[a-z][\w-]*\s+){0,2}(adopters|end[- ]?users|organi[sz]ations|companies|users|customers|enterprises)\b/gi;
/** Every noun CLAIM can end on contains one of these (lower-cased). */
const CLAIM_NOUNS = ['adopter', 'user', 'organi', 'compan', 'customer', 'enterprise'];
const CLAIM_USAGE = /^[^.;]{0,30}?\b(?:use|uses|using|adopt\w*|in production|running|run|deployed|rely)/i;

/** An adopter count stated in prose ("11 adopters … in production", "10 organizations use X"), or null. */
export function extractAdoptersClaimedCount(doc: DocumentModel): { count: number; line: number } | null {
  for (const section of [doc.root, ...doc.sections]) {
    for (const block of section.blocks) {
      const texts: Array<{ text: string; line: number }> =
        block.kind === 'paragraph'
          ? sentences(block.text, block.line)
          : block.kind === 'list'
            ? walkItems(block.items).flatMap(({ item }) => sentences(item.text, item.line))
            : [];
      for (const s of texts) {
        const plain = stripInline(s.text);
        // Most sentences name none of CLAIM's nouns: skip the regex, which has no literal to seek.
        const lower = plain.toLowerCase();
        if (!CLAIM_NOUNS.some((noun) => lower.includes(noun))) continue;
        for (const m of plain.matchAll(CLAIM)) {
          const before = plain.slice(Math.max(0, m.index - 12), m.index);
          // "in production by 3 significant end users", "at least three": the criterion, not a count.
          if (/\b(?:by|least|than|of|to|from)\s+$/i.test(before)) continue;
          const noun = m[2]!.toLowerCase();
          const after = plain.slice(m.index + m[0].length);
          const explicit = noun === 'adopters' || /end/.test(noun);
          if (!explicit && !CLAIM_USAGE.test(after)) continue;
          if (explicit && /\b(?:contribut|maintain)/i.test(after.slice(0, 40))) continue;
          const raw = m[1]!.toLowerCase();
          const count = /^\d/.test(raw) ? Number(raw.replace(/,/g, '')) : NUMBER_WORDS[raw];
          if (count !== undefined && Number.isFinite(count) && count > 0) return { count, line: s.line };
        }
      }
    }
  }
  return null;
}
