// The one way toc-review splits a document into numbered lines. Every line number a reviewer
// sees or stores (extract, citations, quotes, relocation, export links) comes from here, so they
// all agree with each other and with git, grep -n and GitHub's #L anchors: a line ends at LF;
// the CR of a CRLF is dropped; a lone CR is an ordinary character inside a line (CommonMark
// would end a line there, but then line numbers would not match the file as every other tool
// shows it). A final newline adds no line; a leading BOM is not text.

/** Lines of a text without their terminators (1-based line N is element N-1). */
export function splitLines(text: string): string[] {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text === '') return [];
  const lines = text.split('\n');
  // Only a CR right before an LF is part of a line end; a last line without LF keeps its CR.
  const endsWithNewline = lines[lines.length - 1] === '';
  if (endsWithNewline) lines.pop();
  const terminated = endsWithNewline ? lines.length : lines.length - 1;
  for (let i = 0; i < terminated; i++) {
    const line = lines[i]!;
    if (line.charCodeAt(line.length - 1) === 13) lines[i] = line.slice(0, -1);
  }
  return lines;
}
