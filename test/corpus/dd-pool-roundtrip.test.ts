// Real filled DDs of the development pool (facts only: the gold files name them), read with
// score --from-dd's reader and exported again with export --format dd: the export keeps every
// item of the template and carries the original DD's tick on every item the DD has. Skips, with
// a note, without the pool or the cncf/toc mirror (CI has neither).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCriteriaSet } from '../../src/core/criteria/criteria.js';
import { splitLines } from '../../src/core/document/lines.js';
import { markNotApplicable, newScoreFile, setItemNotes, setItemScore } from '../../src/core/scores/score-file.js';
import { buildSummary } from '../../src/core/summary/summary.js';
import { summaryToDd } from '../../src/core/templates/dd-export.js';
import { readDd } from '../../src/core/templates/dd-read.js';
import { templateMatches } from '../../src/core/templates/template-field.js';
import { importTemplate } from '../../src/core/templates/template-import.js';
import { parseTemplate } from '../../src/core/templates/template-parse.js';
import { importedSetToYaml } from '../../src/core/templates/template-yaml.js';

const POOL = '/tmp/toc-review-pool';
const GIT_DIR = process.env.TOC_REVIEW_TOC_MIRROR ?? '/work/.mirror/cncf+toc/repo';
const GOLD = join(import.meta.dirname, '../fixtures/template-gold');
const present = existsSync(POOL) && existsSync(GIT_DIR);
if (!present) console.warn(`dd-pool-roundtrip: skipped (needs ${POOL} and the cncf/toc mirror at ${GIT_DIR})`);

const T = '2026-03-01T10:00:00.000Z';

describe.skipIf(!present)('from-dd and export --format dd on the pool\'s filled DDs', () => {
  const golds = readdirSync(GOLD).filter((name) => name.endsWith('.json'));
  for (const name of golds) {
    it(name.replace(/\.json$/, ''), () => {
      const gold = JSON.parse(readFileSync(join(GOLD, name), 'utf8')) as { document: string; template: string; templateCommit: string };
      // The pool holds each project's folder at its top (projects/<project>/... in cncf/toc).
      const docPath = join(POOL, gold.document.replace(/^projects\//, ''));
      expect(existsSync(docPath), docPath).toBe(true);
      const template = execFileSync('git', ['--git-dir', GIT_DIR, 'show', `${gold.templateCommit}:${gold.template}`], { encoding: 'utf8' });
      const criteria = parseCriteriaSet(importedSetToYaml(importTemplate(parseTemplate(template), { path: gold.template }).set), gold.template);
      const lines = splitLines(readFileSync(docPath, 'utf8'));
      const original = templateMatches(lines, criteria.items)!;
      const reading = readDd(lines, criteria)!;
      expect(reading).not.toBeNull();

      let file = newScoreFile({ document: { path: 'dd.md', sha256: 'd'.repeat(64), title: lines[0] ?? '', origin: null }, criteria, reviewer: { name: 'Bea', handle: 'bea' }, now: T });
      for (const item of reading.items) {
        if (item.score === 'na') file = markNotApplicable(file, item.id, item.notes, T);
        else if (item.score !== null) file = setItemScore(file, item.id, item.score, T);
        if (item.notes !== '' && item.score !== 'na') file = setItemNotes(file, item.id, item.notes, T);
      }
      const exported = splitLines(summaryToDd(buildSummary(file, criteria, null, { date: '2026-03-05' }), criteria, { sourceReferences: false }));
      const again = templateMatches(exported, criteria.items)!;
      expect(reading.aligned).toBeGreaterThan(criteria.items.length / 2);
      for (const item of criteria.items) {
        expect(again.get(item.id), item.id).not.toBeNull();
        const was = original.get(item.id);
        // A tick the DD had is a tick the export has; an unticked item stays unticked.
        if (was) expect(again.get(item.id)!.checked, item.id).toBe(was.checked);
      }
    });
  }
});
