// An issue or pull request as one markdown document: its title as the `# ` heading on line 1, a
// blank line, then the body exactly as GitHub holds it, so a file saved that way reads the same
// (same bytes, same line numbers). Comments, when asked for, follow the body, each under its own
// `## Comment by @login on YYYY-MM-DD` heading: they become sections that evidence can point at,
// and the body's lines keep their numbers.

export interface IssueComment {
  /** The author's login; null for a deleted account. */
  author: string | null;
  /** ISO time the comment was made. */
  createdAt: string;
  body: string | null;
}

export interface IssueContent {
  title: string;
  body: string | null;
  /** Absent without --comments. */
  comments?: readonly IssueComment[];
}

/** A heading must stay on one line: a title is one line on GitHub, but the API is not trusted. */
function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}

export function commentHeading(comment: IssueComment): string {
  // GitHub shows a deleted account as "ghost".
  const login = oneLine(comment.author ?? 'ghost') || 'ghost';
  return `## Comment by @${login} on ${comment.createdAt.slice(0, 10)}`;
}

export function issueDocumentText(issue: IssueContent): string {
  const head = `# ${oneLine(issue.title)}\n\n${issue.body ?? ''}`;
  if (!issue.comments || issue.comments.length === 0) return head;
  const parts = [head.trimEnd()];
  for (const comment of issue.comments) {
    const body = (comment.body ?? '').trimEnd();
    parts.push(body ? `${commentHeading(comment)}\n\n${body}` : commentHeading(comment));
  }
  return `${parts.join('\n\n')}\n`;
}
