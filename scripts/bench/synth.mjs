// Deterministic synthetic review documents built from the corpus seeds: the same sections,
// tables and lists, reshuffled, renumbered and renamed, so every document is distinct text of
// realistic shape (nothing can be answered from a cache) and every run sees the same bytes.

/** mulberry32: a tiny seeded PRNG, good enough to shuffle text. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Split a markdown document into its preamble and chunks that each start at a heading. */
export function sections(text) {
  const lines = text.split('\n');
  const out = [];
  let current = [];
  let fence = false;
  for (const line of lines) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (!fence && /^#{1,6}\s/.test(line) && current.length > 0) {
      out.push(current.join('\n'));
      current = [];
    }
    current.push(line);
  }
  if (current.length > 0) out.push(current.join('\n'));
  return out;
}

const ORGS = ['Acme Cloud', 'Globex', 'Initech', 'Umbrella Labs', 'Stark Systems', 'Wayne Data', 'Hooli', 'Vandelay', 'Cyberdyne', 'Soylent Corp', 'Tyrell', 'Wonka Compute'];

/** Perturb the facts of a chunk: digits change, some capitalised names change. */
function mutate(chunk, next) {
  let text = chunk.replace(/\d+/g, (digits) => {
    const n = Number(digits);
    if (!Number.isSafeInteger(n) || digits.length > 6) return digits;
    return String(Math.max(0, Math.round(n * (0.5 + next()))));
  });
  text = text.replace(/\b(?:Inc|Ltd|Corp)\b/g, () => ORGS[Math.floor(next() * ORGS.length)]);
  return text;
}

/** One document of about `size` characters from the seeds' chunks, starting with a title. */
export function makeDocument(seeds, size, seed) {
  const next = rng(seed);
  const chunks = seeds.flatMap((text) => sections(text));
  const parts = [`# Synthetic project ${seed} annual review\n`];
  let length = parts[0].length;
  // Fill up to the size; a chunk that would overshoot by more than 5% is skipped (a few tries),
  // so the documents keep the seeds' sizes rather than growing past them.
  let misses = 0;
  while (length < size && misses < 20) {
    const chunk = mutate(chunks[Math.floor(next() * chunks.length)], next);
    if (length + chunk.length + 1 > size * 1.05 && length > size * 0.5) {
      misses++;
      continue;
    }
    parts.push(chunk);
    length += chunk.length + 1;
  }
  return parts.join('\n');
}

/**
 * `count` corpus-sized documents: the seeds themselves first, then variants whose sizes are the
 * seeds' sizes in turn, so the mix has the corpus's size distribution.
 */
export function corpusSizedDocuments(seeds, count) {
  const docs = seeds.slice(0, count);
  for (let i = docs.length; i < count; i++) {
    const size = seeds[i % seeds.length].length;
    docs.push(makeDocument(seeds, size, 1000 + i));
  }
  return docs;
}

/** One large document of at least `bytes` characters (the 1 MB and 10 MB cases). */
export function largeDocument(seeds, bytes, seed) {
  return makeDocument(seeds, bytes, seed);
}

/**
 * A filled DD of a grouped criteria set (the shipped 50-item graduation set in the bench): each
 * group's heading, Required/Suggested, every item ticked or not with an evaluation paragraph
 * taken from the seeds, so the review screen shows a template-shaped document with one aligned
 * block per item.
 */
export function filledDd(set, seeds, seed) {
  const next = rng(seed);
  const paragraphs = seeds.flatMap((text) => text.split('\n\n')).filter((p) => p.length > 80 && !/^[#|`-]/.test(p));
  const out = [`# Synthetic project ${seed} Graduation Due Diligence`, ''];
  let group;
  let required;
  for (const item of set.items) {
    if (item.group !== group) out.push(`## ${item.group}`, '');
    if (item.group !== group || item.required !== required) out.push(item.required ? '### Required' : '### Suggested', '');
    group = item.group;
    required = item.required;
    out.push(`- [${next() < 0.7 ? 'x' : ' '}] **${item.title}**`, '', mutate(paragraphs[Math.floor(next() * paragraphs.length)], next), '');
  }
  return out.join('\n');
}
