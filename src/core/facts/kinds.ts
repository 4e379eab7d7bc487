// The fact kinds, as the one list everything iterates. Kept apart from the registry
// (./registry.ts) so that loading a criteria file, which validates `hints.facts` against this
// list, does not load the extractors: `extract` skips those on a cached answer.
// A new kind goes here, in extract-types.ts's FactItems, and in the registry; the type check
// fails until all three agree.
export const FACT_KINDS = ['adopters', 'maintainers', 'metrics', 'versioning'] as const;
export type FactKind = (typeof FACT_KINDS)[number];
