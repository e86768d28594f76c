import { readRetro } from './markdown/reader';
import { tokenize, type Token } from './matcher/tokenize';
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
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (!token.sentenceEnd) continue;
    const start = segment.start + (tokens[from] as Token).start;
    const end = segment.start + token.end;
    if (at <= end || i === tokens.length - 1) return { start: start + bom, end: end + bom, text: document.text.slice(start, end) };
    from = i + 1;
  }
  return null;
}
