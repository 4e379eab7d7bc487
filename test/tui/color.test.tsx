// NO_COLOR: with colour off no SGR colour code reaches the terminal, even where the terminal
// supports colour and even inside rendered markdown. With colour on, the same screen has some
// (so the check can fail).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { memoryHost, openedReview, renderApp, waitFor, withFullColour } from './helpers.js';

// Foreground/background colour parameters in an SGR sequence (30-49 incl. 38;5/38;2, 90-107).
const COLOUR_SGR = /\u001B\[(?:[0-9;]*;)?(?:3[0-9]|4[0-9]|9[0-7]|10[0-7])(?:;[0-9;]*)?m/;

withFullColour();
afterEach(() => cleanup());

async function frameWith(color: boolean): Promise<string> {
  const { review } = await openedReview();
  const app = renderApp({ host: memoryHost({ [review.sourcePath]: review }), start: { kind: 'document', path: review.sourcePath, review }, color });
  // Wait for rendered markdown (the gutter plus marked-terminal output).
  await waitFor(() => expect(app.lastFrame()).toContain('Passage 1/2'));
  await new Promise((r) => setTimeout(r, 200));
  return app.lastFrame()!;
}

describe('colour', () => {
  it('emits no colour codes when colour is off', async () => {
    expect(await frameWith(false)).not.toMatch(COLOUR_SGR);
  });

  it('does colour when colour is on', async () => {
    expect(await frameWith(true)).toMatch(COLOUR_SGR);
  });
});
