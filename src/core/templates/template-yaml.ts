// An imported set as the YAML file `criteria import` writes: a header saying where it came from,
// then the set in the criteria file format (docs/criteria.md). Pure.
import { Document, isPair, isScalar, visit } from 'yaml';
import type { ImportedSet } from './template-import.js';

export function importedSetToYaml(set: ImportedSet): string {
  const header = [
    `# Criteria set imported by \`toc-review criteria import\` from ${set.items[0]?.source.template ?? 'a template'}.`,
    '# Item ids are kept when the template is imported again (with --previous, or into this file).',
  ].join('\n');
  // Plain key order of the criteria format; long lines folded by the YAML writer.
  const doc = new Document(
    {
      id: set.id,
      title: set.title,
      version: set.version,
      description: set.description,
      scale: set.scale,
      items: set.items.map((item) => ({
        id: item.id,
        title: item.title,
        question: item.question,
        ...(item.guidance ? { guidance: item.guidance } : {}),
        required: item.required,
        ...(item.group ? { group: item.group } : {}),
        source: item.source,
        hints: item.hints,
      })),
    },
  );
  // Hint lists on one line each ([adopter, production]), as the shipped sets write them.
  visit(doc, {
    Seq(_key, node, path) {
      const parent = path[path.length - 1];
      if (isPair(parent) && isScalar(parent.key) && ['headings', 'keywords', 'facts'].includes(String(parent.key.value))) node.flow = true;
    },
  });
  return `${header}\n${doc.toString({ lineWidth: 100, flowCollectionPadding: false })}`;
}
