// Reads the written training corpus (corpus/writers/<writer>/{positives,negatives,retros}) into
// sentence examples, through the same reader and tokenizer the runtime uses, and drops near-duplicates.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { readRetro } from '../src/core/markdown/reader';
import { sentenceRanges, tokenize, type Token } from '../src/core/matcher/tokenize';
import { sentenceFeatures, stemOf } from '../src/core/model/features';

export interface Example {
  writer: string;
  /** positives/<symptom>, negatives/<family> or retros/<file>. */
  source: string;
  kind: 'positive' | 'negative' | 'retro';
  /** The symptom id for a positive; null otherwise. */
  symptom: string | null;
  /** About the IT–business relationship (a symptom or a same-topic non-symptom)? */
  relevant: boolean;
  text: string;
  hashes: number[];
  /** One side visibly speaks of the other (see SentenceFeatures.anchored). */
  anchored: boolean;
}

/** Negative families that are not about the relationship at all. */
const OFF_TOPIC_FAMILIES = new Set(['team-internal', 'other-senses']);
const MIN_TOKENS = 3;

export const CORPUS_DIR = join(__dirname, '..', 'corpus', 'writers');
/** The writer whose files training and tuning never see: the honest figure. */
export const TEST_WRITER = 'w8-heldout-mixed';

export function writers(dir = CORPUS_DIR): string[] {
  // A writer of ordinary retros only has no positives/ (git keeps no empty folder).
  return readdirSync(dir)
    .filter((name) => ['positives', 'negatives', 'retros'].some((part) => existsSync(join(dir, name, part))))
    .sort();
}

/** Text lines of a corpus list file: its `# ` header and blank lines skipped. */
export function exampleLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('# '));
}

function listFiles(dir: string, ext: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(ext)).sort() : [];
}

/** One example per list line: the line read as markdown (so bullets and quotes go as they do at runtime). */
function lineExample(writer: string, source: string, kind: Example['kind'], symptom: string | null, relevant: boolean, line: string): Example | null {
  const document = readRetro(line);
  const tokens: Token[] = [];
  let text = '';
  for (const segment of document.segments) {
    // Offsets of later segments shift by what came before, so quotation marks are still found.
    for (const token of tokenize(segment.text)) tokens.push({ ...token, start: token.start + text.length, end: token.end + text.length });
    text += `${segment.text} `;
  }
  if (tokens.length < MIN_TOKENS) return null;
  const { hashes, anchored } = sentenceFeatures(tokens, 0, tokens.length, text);
  return { writer, source, kind, symptom, relevant, text: text.trim(), hashes, anchored };
}

/** Every sentence of a whole written retro is a negative: ordinary team life. */
function retroExamples(writer: string, source: string, markdown: string): Example[] {
  const examples: Example[] = [];
  for (const segment of readRetro(markdown).segments) {
    const tokens = tokenize(segment.text);
    for (const { from, to } of sentenceRanges(tokens)) {
      if (to - from < MIN_TOKENS) continue;
      const text = segment.text.slice((tokens[from] as Token).start, (tokens[to - 1] as Token).end);
      const { hashes, anchored } = sentenceFeatures(tokens, from, to, segment.text);
      examples.push({ writer, source, kind: 'retro', symptom: null, relevant: false, text, hashes, anchored });
    }
  }
  return examples;
}

export interface Corpus {
  examples: Example[];
  symptoms: string[];
  /** Examples dropped as exact or near duplicates of an earlier one. */
  duplicates: number;
}

export function loadCorpus(symptoms: readonly string[], dir = CORPUS_DIR): Corpus {
  const raw: Example[] = [];
  const known = new Set(symptoms);
  for (const writer of writers(dir)) {
    const base = join(dir, writer);
    for (const file of listFiles(join(base, 'positives'), '.txt')) {
      const symptom = file.slice(0, -4);
      if (!known.has(symptom)) throw new Error(`${writer}/positives/${file}: no symptom "${symptom}" in the catalog`);
      for (const line of exampleLines(join(base, 'positives', file))) {
        const example = lineExample(writer, `positives/${symptom}`, 'positive', symptom, true, line);
        if (example) raw.push(example);
      }
    }
    for (const file of listFiles(join(base, 'negatives'), '.txt')) {
      const family = file.slice(0, -4);
      for (const line of exampleLines(join(base, 'negatives', file))) {
        const example = lineExample(writer, `negatives/${family}`, 'negative', null, !OFF_TOPIC_FAMILIES.has(family), line);
        if (example) raw.push(example);
      }
    }
    for (const file of listFiles(join(base, 'retros'), '.md')) raw.push(...retroExamples(writer, `retros/${file}`, readFileSync(join(base, 'retros', file), 'utf8')));
  }
  const examples = withoutNearDuplicates(raw);
  return { examples, symptoms: [...symptoms], duplicates: raw.length - examples.length };
}

const NEAR_DUPLICATE = 0.8;

/**
 * Drops an example whose words repeat an earlier one's: the same normalised text anywhere, or
 * (for list lines) a stem set at least 80% the same as an earlier line's with the same label.
 * Retro sentences are only checked for exact repeats: headings like "What went well" recur by design.
 */
function withoutNearDuplicates(examples: Example[]): Example[] {
  const seen = new Set<string>();
  const byLabel = new Map<string, Set<string>[]>();
  const kept: Example[] = [];
  for (const example of examples) {
    const stems = tokenize(example.text).map((token) => stemOf(token.norm));
    const key = `${example.symptom ?? '-'}|${stems.join(' ')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (example.kind !== 'retro') {
      const label = example.symptom ?? example.source;
      const set = new Set(stems);
      const earlier = byLabel.get(label) ?? [];
      if (earlier.some((other) => jaccard(set, other) >= NEAR_DUPLICATE)) continue;
      earlier.push(set);
      byLabel.set(label, earlier);
    }
    kept.push(example);
  }
  return kept;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return shared / (a.size + b.size - shared);
}
