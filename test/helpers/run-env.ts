// Environments for command tests that fetch: each run gets its own settings folder with its
// workspace (where fetched copies are kept) inside, so everything a run writes can be searched
// (for a leaked token, say) and no run reads another's copy. GITHUB_TOKEN is dropped unless the
// run sets it, and PATH is the caller's (an empty folder keeps `gh` from being found).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunEnvironments {
  envFor(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  /** The workspace folder of an environment made by envFor. */
  wsOf(env: NodeJS.ProcessEnv): string;
}

/** `parent` and `base` are read at each run (they are usually set in beforeAll). */
export function runEnvironments(parent: () => string, base: () => NodeJS.ProcessEnv): RunEnvironments {
  let runs = 0;
  return {
    envFor(extra = {}) {
      const config = join(parent(), `config-${runs++}`);
      mkdirSync(join(config, 'ws'), { recursive: true });
      writeFileSync(join(config, 'config.json'), JSON.stringify({ workspace: join(config, 'ws') }));
      const env: NodeJS.ProcessEnv = { ...process.env, TOC_REVIEW_CONFIG_DIR: config, ...base(), ...extra };
      if (!('GITHUB_TOKEN' in extra)) delete env.GITHUB_TOKEN;
      return env;
    },
    wsOf: (env) => join(env.TOC_REVIEW_CONFIG_DIR!, 'ws'),
  };
}
