// Reading a fetched answer's body up to the document limit and no further: refused at once when
// its Content-Length says it is over, else counted chunk by chunk, so an endless or lying server
// cannot fill memory. One budget can span several answers (an issue and its pages of comments).

/** The one wording of "over the document limit", for every source. */
export function overDocumentLimit(shown: string, maxBytes: number): string {
  return `${shown}: over the ${(maxBytes / 1024 / 1024).toFixed(1)} MB document limit (set TOC_REVIEW_MAX_DOC_MB to raise it)`;
}

export async function readCappedBody(response: Response, budget: { left: number }, tooLarge: () => Error): Promise<Buffer> {
  if (Number(response.headers.get('content-length')) > budget.left) {
    await response.body?.cancel();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  for await (const chunk of response.body ?? []) {
    budget.left -= chunk.length;
    if (budget.left < 0) throw tooLarge();
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
