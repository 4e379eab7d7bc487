// Reading the vendored corpus (seeds and gold answers) in core tests.
import { readFileSync } from 'node:fs';

export const CORPUS = ['kube-ovn-2022-annual', 'openkruise-sandbox-annual', 'karmada-2022-annual', 'kubevirt-incubation-commit-page', 'kubevirt-incubation-draft'] as const;

export interface Gold {
  adopters: string[];
  adopters_claimed_count: number | null;
  maintainers: Array<{ name: string; handle: string | null; affiliation: string | null }>;
  maintainer_orgs: string[];
  sections: Record<'production_users' | 'committer_health' | 'commit_flow' | 'versioning', [number, number] | null>;
}

export function seedText(name: string): string {
  return readFileSync(new URL(`../fixtures/corpus/seeds/${name}.md`, import.meta.url), 'utf8');
}

export function gold(name: string): Gold {
  return JSON.parse(readFileSync(new URL(`../fixtures/corpus/gold/${name}.json`, import.meta.url), 'utf8')) as Gold;
}
