/**
 * Words of prose as normalised tokens that remember where they came from.
 * Contractions expand ("doesn't" -> does not), curly apostrophes straighten, case folds,
 * except that the all-caps department "IT" stays distinct from the pronoun "it".
 */
export interface Token {
  /** Normalised form matched against patterns. */
  norm: string;
  /** Offsets into the scanned text; expanded tokens share their word's range. */
  start: number;
  end: number;
  /** True when a sentence ends right after this token. */
  sentenceEnd: boolean;
  /** True when a clause ends right after this token (; : — – or a sentence end). */
  clauseEnd: boolean;
  /** True when any punctuation pause (a comma too) follows this token: negation does not reach across it. */
  pauseAfter: boolean;
}

/** The department, written "IT"; patterns spell it "IT" too. */
export const IT_DEPARTMENT = 'IT';

/** Words, plus arrows: "floor lead → BA → analyst → us" is a chain people draw in notes. */
const WORD = /[\p{L}\p{N}]+(?:['\u2019\u02bc\u2018][\p{L}]+)*|\u2192|->/gu;
export const ARROW = '\u2192';
const APOSTROPHES = /[\u2019\u02bc\u2018]/g;
/** A clause ends at ; : ( — – or ", but", and where a quotation closes: quoted speech is a clause of its own. */
const CLAUSE_BREAK = /^(?:[\u201d"]|["'\u201d\u2019)]*\s*(?:[;:(\u2014\u2013]|--|-\s|,\s*but\b))/;
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'mr', 'mrs', 'ms', 'dr', 'approx', 'cf', 'no']);

const IRREGULAR_CONTRACTIONS: Record<string, string[]> = {
  "won't": ['will', 'not'],
  "can't": ['can', 'not'],
  "shan't": ['shall', 'not'],
  "ain't": ['is', 'not'],
  cannot: ['can', 'not'],
  "let's": ['let', 'us'],
  "y'all": ['you', 'all'],
};

/** Apostrophe-less spellings people type in chat-style notes. */
const BARE_CONTRACTIONS: Record<string, string[]> = {
  dont: ['do', 'not'],
  doesnt: ['does', 'not'],
  didnt: ['did', 'not'],
  cant: ['can', 'not'],
  isnt: ['is', 'not'],
  arent: ['are', 'not'],
  wasnt: ['was', 'not'],
  werent: ['were', 'not'],
  havent: ['have', 'not'],
  hasnt: ['has', 'not'],
  hadnt: ['had', 'not'],
  wouldnt: ['would', 'not'],
  shouldnt: ['should', 'not'],
  couldnt: ['could', 'not'],
  ive: ['i', 'have'],
  weve: ['we', 'have'],
  theyve: ['they', 'have'],
  youre: ['you', 'are'],
  theyre: ['they', 'are'],
};

const SUFFIX_EXPANSIONS: [suffix: string, expansion: string][] = [
  ["n't", 'not'],
  ["'ve", 'have'],
  ["'ll", 'will'],
  ["'re", 'are'],
  ["'m", 'am'],
  ["'d", 'would'],
];

/** Pronouns whose "'s" is "is"; for other words it is a possessive and dropped. */
const S_MEANS_IS = new Set(['it', 'that', 'there', 'what', 'he', 'she', 'who', 'here', 'where', 'everything', 'nothing', 'everyone']);

export function expandWord(word: string): string[] {
  if (word === '->') return [ARROW];
  if (word === 'IT' || (word.startsWith('IT') && /^IT'[sS]$/.test(word))) return [IT_DEPARTMENT];
  const lower = word.toLowerCase();
  const irregular = IRREGULAR_CONTRACTIONS[lower] ?? BARE_CONTRACTIONS[lower];
  if (irregular) return irregular;
  if (!lower.includes("'")) return [lower];
  for (const [suffix, expansion] of SUFFIX_EXPANSIONS) {
    if (lower.endsWith(suffix) && lower.length > suffix.length) return [lower.slice(0, -suffix.length), expansion];
  }
  if (lower.endsWith("'s")) {
    const base = lower.slice(0, -2);
    return S_MEANS_IS.has(base) ? [base, 'is'] : [base];
  }
  return [lower.replace(/'/g, '')];
}

/** Words recur: remember each spelling's normal forms (bounded, so a huge odd file cannot grow it forever). */
const normsBySpelling = new Map<string, readonly string[]>();
const MAX_REMEMBERED_SPELLINGS = 50_000;

function normsOf(raw: string): readonly string[] {
  let norms = normsBySpelling.get(raw);
  if (norms) return norms;
  const word = raw.length > 1 && /[\u2019\u02bc\u2018]/.test(raw) ? raw.replace(APOSTROPHES, "'") : raw;
  norms = expandWord(word);
  if (normsBySpelling.size >= MAX_REMEMBERED_SPELLINGS) normsBySpelling.clear();
  normsBySpelling.set(raw, norms);
  return norms;
}

/** WORD anchored at one position, for the characters the ASCII scan below does not decide. */
const WORD_AT = new RegExp(WORD.source, 'uy');

/** Where nextWord found the last word: reused, so scanning a word allocates nothing. */
const found = { start: 0, end: 0 };

/**
 * The next word at or after `from`, as WORD would find it, into `found`; false at the end. Plain
 * ASCII words are scanned by hand (most of any retro), anything else goes through the
 * Unicode-aware pattern.
 */
function nextWord(text: string, from: number): boolean {
  const length = text.length;
  for (let i = from; i < length; i++) {
    const code = text.charCodeAt(i);
    if (isWordStart(code)) {
      let end = i + 1;
      while (end < length && isWordStart(text.charCodeAt(end))) end++;
      const after = text.charCodeAt(end);
      if (end >= length || (after < 128 && after !== 39)) {
        found.start = i;
        found.end = end;
        return true;
      }
    } else if (code < 128 && code !== 45) {
      continue; // ASCII punctuation and spaces start no word; '-' may start "->"
    }
    WORD_AT.lastIndex = i;
    const match = WORD_AT.exec(text);
    if (match) {
      found.start = i;
      found.end = i + match[0].length;
      return true;
    }
  }
  return false;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (let from = 0; nextWord(text, from); ) {
    const { start, end } = found;
    from = end;
    const raw = text.slice(start, end);
    for (const norm of normsOf(raw)) tokens.push({ norm, start, end, sentenceEnd: false, clauseEnd: false, pauseAfter: false });
    const last = tokens[tokens.length - 1];
    // Most words are followed by a space and another word: nothing ends there.
    if (text.charCodeAt(end) === 32 && isWordStart(text.charCodeAt(end + 1))) continue;
    if (last && endsSentence(text, end, raw)) last.sentenceEnd = last.clauseEnd = true;
    else if (last && CLAUSE_BREAK.test(text.slice(end, end + 4))) last.clauseEnd = true;
    if (last) last.pauseAfter = last.clauseEnd || /^["'\u201d\u2019)]*\s*,/.test(text.slice(end, end + 3));
  }
  const last = tokens[tokens.length - 1];
  if (last) last.sentenceEnd = last.clauseEnd = true;
  return tokens;
}

/** The sentences of a token list, as [from, to) token ranges (the last token always ends one). */
export function sentenceRanges(tokens: readonly Token[]): { from: number; to: number }[] {
  const ranges: { from: number; to: number }[] = [];
  let from = 0;
  tokens.forEach((token, i) => {
    if (!token.sentenceEnd) return;
    ranges.push({ from, to: i + 1 });
    from = i + 1;
  });
  return ranges;
}

function isWordStart(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** A sentence ends at . ! ? (or several) followed by space or the end, unless the word is an abbreviation. */
function endsSentence(text: string, wordEnd: number, word: string): boolean {
  let i = wordEnd;
  while (i < text.length && /["'\u201d\u2019)*_\]]/.test(text[i] as string)) i += 1;
  const mark = text[i];
  if (mark !== '.' && mark !== '!' && mark !== '?') return false;
  if (mark === '.' && (word.length === 1 || ABBREVIATIONS.has(word.toLowerCase()))) return false;
  while (i < text.length && /[.!?"'\u201d\u2019)*_\]]/.test(text[i] as string)) i += 1;
  return i >= text.length || /\s/.test(text[i] as string);
}
