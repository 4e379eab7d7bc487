// Where the store reports things a command's user should know but that are not errors (a
// template imported on the fly). cli.ts points it at the command's stderr for each run.
let sink: (text: string) => void = (text) => process.stderr.write(text);

export function setNoticeSink(write: (text: string) => void): void {
  sink = write;
}

/** One line to stderr, prefixed like every toc-review message. */
export function notice(line: string): void {
  sink(`toc-review: ${line}\n`);
}
