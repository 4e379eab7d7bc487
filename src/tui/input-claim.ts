// Several components listen to the same keypress (the review screen and the editor or viewer
// open inside it) and Ink calls them in subscription order, which changes as they re-render.
// The first handler that acts on a key claims it; the others see the claim and ignore it, so a
// key that closes the notes editor is not also taken as a review-screen command. Ink hands every
// listener the same `key` object for one keypress, which makes it the identity of the event.
const claimed = new WeakSet<object>();

export function claim(key: object): void {
  claimed.add(key);
}

export function isClaimed(key: object): boolean {
  return claimed.has(key);
}
