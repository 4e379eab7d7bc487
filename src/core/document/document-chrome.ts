// Web-page chrome around pasted markdown. Reviewers sometimes save a GitHub page (a commit, a
// pull request diff) instead of the raw file, so the markdown sits between navigation text, a
// commit message and a diff header above, and a comment box below. Detected generically from
// the shapes such captures share, never from a particular document.

/** 1-based inclusive range of the markdown; 1..lineCount when there is no chrome. */
export interface ContentRange {
  startLine: number;
  endLine: number;
}

// "@@ -0,0 +1,164 @@": the new file's lines follow, as many as the hunk says.
const HUNK = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/;
const PAGE_START = /^(?:skip to (?:main )?content|jump to bottom)\s*$/i;
const PAGE_END = [
  /^\d+ comments? on (?:commit|pull request|this)\b/i,
  /^please sign in to comment\.?\s*$/i,
  /^you can[’']t perform that action at this time\.?\s*$/i,
  /^©\s*\d{4} github\b/i,
  /^footer navigation\s*$/i,
];
/** How far from each end page chrome is looked for. */
const SCAN = 400;

function isAtxHeading(line: string): boolean {
  return /^ {0,3}#{1,6}(?:[ \t]|$)/.test(line);
}

export function detectContent(lines: string[]): ContentRange {
  const count = lines.length;
  let startLine = 1;
  let endLine = count;
  if (count === 0) return { startLine: 1, endLine: 0 };

  let sawHeading = false;
  let pageCapture = false;
  for (let i = 0; i < Math.min(count, SCAN); i++) {
    const line = lines[i]!;
    if (!pageCapture && i < 5 && PAGE_START.test(line.trim())) pageCapture = true;
    const hunk = sawHeading ? null : HUNK.exec(line);
    if (hunk) {
      // Markdown before the hunk would have a heading; chrome has none.
      startLine = i + 2;
      const length = hunk[2] === undefined ? 1 : Number(hunk[2]);
      endLine = Math.min(count, startLine + Math.max(length, 1) - 1);
      pageCapture = true;
      break;
    }
    if (isAtxHeading(line)) {
      sawHeading = true;
      // A captured page without a diff: the markdown starts at its first heading.
      if (pageCapture) {
        startLine = i + 1;
        break;
      }
    }
  }
  if (pageCapture) {
    for (let i = Math.max(startLine - 1, count - SCAN); i < endLine; i++) {
      if (PAGE_END.some((re) => re.test(lines[i]!.trim()))) {
        endLine = i;
        break;
      }
    }
  }
  // Trim blank lines at the edges of a cut-out range (a plain file keeps 1..lineCount).
  if (pageCapture) {
    while (startLine < endLine && lines[startLine - 1]!.trim() === '') startLine++;
    while (endLine > startLine && lines[endLine - 1]!.trim() === '') endLine--;
  }
  return { startLine, endLine };
}
