// Which document arguments are web addresses, and the address to read them from: a GitHub
// `blob/` page is HTML around the file, so it is read from raw.githubusercontent.com instead.

export function isHttpUrl(arg: string): boolean {
  return /^https?:\/\//i.test(arg);
}

/** github.com/OWNER/REPO/blob/REF/PATH -> raw.githubusercontent.com/OWNER/REPO/REF/PATH; others unchanged. */
export function rawUrlFor(url: string): string {
  const match = /^https?:\/\/(?:www\.)?github\.com\/([^/]+)\/([^/]+)\/blob\/(.+?)(?:[?#].*)?$/i.exec(url);
  return match ? `https://raw.githubusercontent.com/${match[1]}/${match[2]}/${match[3]}` : url;
}
