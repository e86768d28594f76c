import { readRetro } from './markdown/reader';
import { sentenceRanges, tokenize, type Token } from './matcher/tokenize';
import { stemOf } from './model/features';

/**
 * A team's verdict on one sentence, kept in `.retro-health.json` as a labelled example:
 * "not a symptom" (symptom null) or "this is <symptom>". The team's analysis honours it for that
 * sentence wherever it appears again, in any inflection ("calls" / "called").
 */
export interface TeamVerdict {
  text: string;
  symptom: string | null;
}

/** The key two sentences share when they say the same words: stems, in order, case and punctuation aside. */
export function verdictKey(words: readonly string[]): string {
  return words.map(stemOf).join(' ');
}

export function verdictKeyOfText(text: string): string {
  return verdictKey(tokenize(text).map((token) => token.norm));
}

/** Verdicts by key; a later verdict on the same sentence overrules an earlier one. */
export function verdictIndex(verdicts: readonly TeamVerdict[]): Map<string, TeamVerdict> {
  const index = new Map<string, TeamVerdict>();
  for (const verdict of verdicts) {
    const key = verdictKeyOfText(verdict.text);
    if (key !== '') index.set(key, verdict);
  }
  return index;
}

/** The prose sentence around an offset of a retro, as the analysis splits it; null outside prose. */
export function sentenceAt(source: string, offset: number): { start: number; end: number; text: string } | null {
  const document = readRetro(source);
  const bom = document.hasBom ? 1 : 0;
  const at = offset - bom;
  const segment = document.segments.find((s) => s.start <= at && at <= s.end);
  if (!segment) return null;
  const tokens = tokenize(segment.text);
  const ranges = sentenceRanges(tokens);
  const range = ranges.find(({ to }) => at <= segment.start + (tokens[to - 1] as Token).end) ?? ranges[ranges.length - 1];
  if (!range) return null;
  const start = segment.start + (tokens[range.from] as Token).start;
  const end = segment.start + (tokens[range.to - 1] as Token).end;
  return { start: start + bom, end: end + bom, text: document.text.slice(start, end) };
}
