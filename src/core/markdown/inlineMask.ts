/**
 * Finds the parts of a block's inline source that are not prose: code spans, raw HTML and
 * comments, autolinks, bare URLs, link destinations, reference labels and images.
 * markdown-it gives blocks line ranges only, so we scan the source ourselves, following
 * CommonMark's rules for the constructs that matter; every scan is linear in the block.
 */
export type MaskRange = [start: number, end: number];

const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>/y;
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,;:!?'")\]]/y;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** Raw HTML tags are short; bounding the slice keeps a pathological '<' from scanning far. */
const MAX_TAG_LENGTH = 2000;

export function findInlineMasks(source: string): MaskRange[] {
  const masks: MaskRange[] = [];
  const codeSpans = new CodeSpanFinder(source);
  let i = 0;
  const n = source.length;
  while (i < n) {
    const ch = source[i] as string;
    if (ch === '\\' && i + 1 < n && ASCII_PUNCTUATION.test(source[i + 1] as string)) {
      i += 2;
      continue;
    }
    if (ch === '`') {
      const span = codeSpans.spanAt(i);
      if (span) masks.push(span);
      i = span ? span[1] : codeSpans.runEnd(i);
      continue;
    }
    if (ch === '<') {
      const end = htmlOrAutolinkEnd(source, i);
      if (end > i) {
        masks.push([i, end]);
        i = end;
        continue;
      }
    }
    if (ch === '!' && source[i + 1] === '[') {
      const close = matchingBracket(source, i + 1);
      if (close !== -1 && source[close + 1] === '(') {
        const destinationEnd = matchingParen(source, close + 1);
        if (destinationEnd !== -1) {
          masks.push([i, destinationEnd + 1]);
          i = destinationEnd + 1;
          continue;
        }
      }
    }
    if (ch === ']' && source[i + 1] === '(') {
      const destinationEnd = matchingParen(source, i + 1);
      if (destinationEnd !== -1) {
        masks.push([i + 1, destinationEnd + 1]);
        i = destinationEnd + 1;
        continue;
      }
    }
    if (ch === ']' && source[i + 1] === '[') {
      const labelEnd = source.indexOf(']', i + 2);
      if (labelEnd !== -1 && labelEnd - i < 1000 && !source.slice(i + 2, labelEnd).includes('[')) {
        masks.push([i + 1, labelEnd + 1]);
        i = labelEnd + 1;
        continue;
      }
    }
    if ((ch === 'h' || ch === 'w') && (i === 0 || /[\s(*_~]/.test(source[i - 1] as string))) {
      BARE_URL.lastIndex = i;
      if (BARE_URL.test(source)) {
        masks.push([i, BARE_URL.lastIndex]);
        i = BARE_URL.lastIndex;
        continue;
      }
    }
    i += 1;
  }
  return masks;
}

function htmlOrAutolinkEnd(source: string, start: number): number {
  if (source.startsWith('<!--', start)) {
    const close = source.indexOf('-->', start + 4);
    return close === -1 ? start : close + 3;
  }
  const window = source.slice(start, start + MAX_TAG_LENGTH);
  for (const pattern of [AUTOLINK, HTML_TAG]) {
    pattern.lastIndex = 0;
    if (pattern.test(window)) return start + pattern.lastIndex;
  }
  return start;
}

/** Index of the ']' closing the '[' at `open`, honouring nesting and escapes, or -1. */
function matchingBracket(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length && i - open < 1000; i++) {
    const ch = source[i];
    if (ch === '\\') i += 1;
    else if (ch === '[') depth += 1;
    else if (ch === ']' && --depth === 0) return i;
  }
  return -1;
}

/** Index of the ')' closing the '(' at `open`; link destinations allow balanced parentheses. */
function matchingParen(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length && i - open < 2000; i++) {
    const ch = source[i];
    if (ch === '\\') i += 1;
    else if (ch === '(') depth += 1;
    else if (ch === ')' && --depth === 0) return i;
    else if (ch === '\n' && source[i + 1] === '\n') return -1;
  }
  return -1;
}

/**
 * CommonMark code spans: a run of N backticks opens, the next run of exactly N closes.
 * Runs are indexed once, so finding each closer is amortised O(1).
 */
class CodeSpanFinder {
  private readonly runs: { start: number; length: number }[] = [];
  private readonly runIndexByStart = new Map<number, number>();
  private readonly nextRunOfLength = new Map<number, number[]>();
  private readonly cursorByLength = new Map<number, number>();

  constructor(private readonly source: string) {
    for (let i = 0; i < source.length; ) {
      if (source[i] !== '`') {
        i += 1;
        continue;
      }
      let end = i;
      while (source[end] === '`') end += 1;
      const escaped = i > 0 && source[i - 1] === '\\' && !isEscaped(source, i - 1);
      const start = escaped ? i + 1 : i;
      if (end > start) {
        this.runIndexByStart.set(start, this.runs.length);
        this.runs.push({ start, length: end - start });
        const list = this.nextRunOfLength.get(end - start) ?? [];
        list.push(this.runs.length - 1);
        this.nextRunOfLength.set(end - start, list);
      }
      i = end;
    }
  }

  runEnd(position: number): number {
    let end = position;
    while (this.source[end] === '`') end += 1;
    return end;
  }

  spanAt(position: number): [number, number] | null {
    const runIndex = this.runIndexByStart.get(position);
    if (runIndex === undefined) return null;
    const run = this.runs[runIndex] as { start: number; length: number };
    const sameLength = this.nextRunOfLength.get(run.length) as number[];
    let cursor = this.cursorByLength.get(run.length) ?? 0;
    while (cursor < sameLength.length && (sameLength[cursor] as number) <= runIndex) cursor += 1;
    this.cursorByLength.set(run.length, cursor);
    const closerIndex = sameLength[cursor];
    if (closerIndex === undefined) return null;
    const closer = this.runs[closerIndex] as { start: number; length: number };
    return [run.start, closer.start + closer.length];
  }
}

function isEscaped(source: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && source[i] === '\\'; i--) backslashes += 1;
  return backslashes % 2 === 1;
}
