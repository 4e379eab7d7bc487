// The links a document offers as evidence and what is wrong with them without asking the
// network: unfilled placeholders ($LINK, an empty "()"), and links into another project's
// repository inside the passages given as evidence (a copied paragraph, a wrong org). Pure; the
// HTTP check of the remaining links is store/links/check-links.ts.
import type { DocumentModel } from '../document/document-types.js';
import type { ExtractResult } from '../evidence/extract-types.js';

export type LinkProblemKind = 'placeholder' | 'unresolved' | 'other-project';

export interface LinkProblem {
  line: number;
  url: string;
  kind: LinkProblemKind;
  /** One line for a person: what is wrong ("returned 404", "placeholder $LINK"). */
  detail: string;
  /** The criterion whose evidence holds the line, when one does. */
  criterion: string | null;
}

export interface EvidenceLink {
  line: number;
  url: string;
  criterion: string | null;
}

const MD_LINK = /\[([^\]]*)\]\(\s*([^)\s]*)[^)]*\)/g;
const BARE_URL = /\b(?:https?):\/\/[^\s<>()[\]"'`|]+/gi;
const PLACEHOLDER_TARGET = /^(?:|#|\$[A-Z_]+|<[^>]*>|\.\.\.|…|link|url|todo|tbd|xxx)$/i;
const PLACEHOLDER_TEXT = /\$(?:LINK|URL|LIST|NAME|EMAIL|SLACK|PROJECT)\b/g;

/** Criterion ids by line: the criteria whose evidence passages cover each line. */
function criteriaByLine(result: ExtractResult): Map<number, string> {
  const byLine = new Map<number, string>();
  for (const criterion of result.criteria) {
    for (const passage of criterion.evidence) {
      for (let n = passage.startLine; n <= passage.endLine; n++) if (!byLine.has(n)) byLine.set(n, criterion.id);
    }
  }
  return byLine;
}

function trimUrl(url: string): string {
  return url.replace(/[.,;:!?*_]+$/, '');
}

/** Placeholders anywhere in the markdown content, and every http(s) link inside an evidence passage. */
export function scanLinks(doc: DocumentModel, result: ExtractResult): { links: EvidenceLink[]; placeholders: LinkProblem[] } {
  const byLine = criteriaByLine(result);
  const links: EvidenceLink[] = [];
  const placeholders: LinkProblem[] = [];
  let fence = false;
  for (let n = doc.content.startLine; n <= doc.content.endLine; n++) {
    const line = doc.lines[n - 1] ?? '';
    if (/^\s*(?:```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const criterion = byLine.get(n) ?? null;
    const seen = new Set<string>();
    for (const match of line.matchAll(MD_LINK)) {
      const target = match[2]!.trim();
      if (PLACEHOLDER_TARGET.test(target)) {
        placeholders.push({ line: n, url: target, kind: 'placeholder', detail: target === '' ? `empty link target in "[${match[1]}]()"` : `placeholder link target "${target}"`, criterion });
        seen.add(target);
      }
    }
    for (const match of line.matchAll(PLACEHOLDER_TEXT)) {
      if (seen.has(match[0])) continue;
      seen.add(match[0]);
      placeholders.push({ line: n, url: match[0], kind: 'placeholder', detail: `placeholder ${match[0]} not filled in`, criterion });
    }
    if (criterion === null) continue;
    const urls = new Set<string>();
    for (const match of line.matchAll(BARE_URL)) urls.add(trimUrl(match[0]));
    for (const url of urls) links.push({ line: n, url, criterion });
  }
  return { links, placeholders };
}

/** "owner" of a github.com/owner/repo link, lower case; null for other hosts and GitHub's own pages. */
export function githubOwner(url: string): { owner: string; repo: string } | null {
  const match = /^https?:\/\/(?:www\.)?github\.com\/([\w.-]+)\/([\w.-]+)/i.exec(url);
  if (!match) return null;
  const owner = match[1]!.toLowerCase();
  if (/^(?:orgs|sponsors|features|topics|settings|marketplace|apps|search|about|pricing|login|notifications)$/.test(owner)) return null;
  return { owner, repo: match[2]!.toLowerCase().replace(/\.git$/, '') };
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The GitHub owners that are the project's own: those named like the project, and the owner
 * the document links to most. The CNCF's own organisations are never another project.
 */
export function ownOwners(doc: DocumentModel, project: string): Set<string> {
  const counts = new Map<string, number>();
  for (let n = doc.content.startLine; n <= doc.content.endLine; n++) {
    for (const match of (doc.lines[n - 1] ?? '').matchAll(BARE_URL)) {
      const gh = githubOwner(match[0]);
      if (gh) counts.set(gh.owner, (counts.get(gh.owner) ?? 0) + 1);
    }
  }
  const name = squash(project);
  const own = new Set<string>(['cncf', 'cncf-tags']);
  let top: [string, number] | null = null;
  for (const [owner, count] of counts) {
    const o = squash(owner);
    if (name.length >= 3 && o.length >= 3 && (o.includes(name) || name.includes(o))) own.add(owner);
    if (!top || count > top[1]) top = [owner, count];
  }
  if (top) own.add(top[0]);
  return own;
}

/** Evidence links into a repository of an owner that is not the project's. */
export function otherProjectLinks(links: EvidenceLink[], own: ReadonlySet<string>): LinkProblem[] {
  const problems: LinkProblem[] = [];
  for (const link of links) {
    const gh = githubOwner(link.url);
    if (!gh || own.has(gh.owner) || own.has(gh.repo)) continue;
    problems.push({ line: link.line, url: link.url, kind: 'other-project', detail: `links to another project's repository (${gh.owner}/${gh.repo})`, criterion: link.criterion });
  }
  return problems;
}

/** A link problem as a gap line, the form criteria gaps take. */
export function linkGapText(problem: LinkProblem): string {
  return `line ${problem.line}: ${problem.kind === 'placeholder' ? problem.detail : `${problem.url} ${problem.detail}`}`;
}

/**
 * What is wrong with a document's evidence links without asking the network (placeholders,
 * other projects' repositories, in line order), and the links left for a network check.
 */
export function offlineLinkProblems(doc: DocumentModel, result: ExtractResult, project: string): { problems: LinkProblem[]; toAsk: EvidenceLink[] } {
  const { links, placeholders } = scanLinks(doc, result);
  const other = otherProjectLinks(links, ownOwners(doc, project));
  // A link already flagged as another project's is not asked about too.
  const flagged = new Set(other.map((p) => `${p.line} ${p.url}`));
  return { problems: [...placeholders, ...other].sort((a, b) => a.line - b.line), toAsk: links.filter((l) => !flagged.has(`${l.line} ${l.url}`)) };
}

/** The extraction with link problems as gaps of their criterion, and all of them in `links`. */
export function withLinkGaps(result: ExtractResult, problems: LinkProblem[]): ExtractResult & { links: LinkProblem[] } {
  const criteria = result.criteria.map((c) => {
    const mine = problems.filter((p) => p.criterion === c.id).map(linkGapText);
    return mine.length > 0 ? { ...c, gaps: [...c.gaps, ...mine] } : c;
  });
  return { ...result, criteria, links: problems };
}
