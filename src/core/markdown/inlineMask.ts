/**
 * Finds the parts of a block's inline source that are not prose: code spans, raw HTML and
 * comments, autolinks, bare URLs, link destinations and titles, defined reference labels and
 * images. markdown-it gives blocks line ranges only, so we scan the source ourselves,
 * following CommonMark's rules for the constructs that matter; each scan is linear.
 */
export type MaskRange = [start: number, end: number];

export interface InlineContext {
  /** Normalised labels of the document's link reference definitions. */
  references?: ReadonlySet<string>;
}

const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>/y;
const AUTOLINK = /<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[\w.!#$%&'*+/=?^`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/y;
const BARE_URL = /(?:https?:\/\/|www\.)[^\s<>]*[^\s<>.,;:!?'")\]]/y;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
/** Raw HTML constructs are short; bounding the slice keeps a stray '<' from scanning far. */
const MAX_TAG_LENGTH = 2000;
const MAX_LINK_LENGTH = 2000;

export function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Every construct below starts with one of these; most prose paragraphs hold none. */
const MAY_HOLD_MARKUP = /[\\`<[\]]|https?:\/\/|www\./i;

export function findInlineMasks(source: string, context: InlineContext = {}): MaskRange[] {
  if (!MAY_HOLD_MARKUP.test(source)) return [];
  const masks: MaskRange[] = [];
  const codeSpans = new CodeSpanFinder(source);
  /** Unmatched '[' (and '![') positions: a ']' only ends a link text when it closes one. */
  const openBrackets: { at: number; image: boolean }[] = [];
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
    if (ch === '[') {
      openBrackets.push({ at: i, image: source[i - 1] === '!' && !isEscaped(source, i - 1) });
      i += 1;
      continue;
    }
    if (ch === ']') {
      const opener = openBrackets.pop();
      if (opener) {
        const end = linkTail(source, i, context);
        if (end > i + 1) {
          // An image's alt text is not prose we report on; a link's text is.
          masks.push(opener.image ? [opener.at - 1, end] : [i + 1, end]);
          if (!opener.image) openBrackets.length = 0; // links do not nest
          i = end;
          continue;
        }
      }
      i += 1;
      continue;
    }
    if ((ch === 'h' ? source.startsWith('http', i) : ch === 'w' && source.startsWith('www.', i)) && (i === 0 || /[\s(*_~]/.test(source[i - 1] as string))) {
      BARE_URL.lastIndex = i;
      if (BARE_URL.test(source)) {
        masks.push([i, BARE_URL.lastIndex]);
        i = BARE_URL.lastIndex;
        continue;
      }
    }
    i += 1;
  }
  return mergeMasks(masks);
}

/** After a closing ']': an inline destination "(dest "title")" or a defined "[label]"; returns its end, or close+1. */
function linkTail(source: string, close: number, context: InlineContext): number {
  const next = source[close + 1];
  if (next === '(') return inlineDestinationEnd(source, close + 1);
  if (next === '[' && context.references) {
    const labelEnd = source.indexOf(']', close + 2);
    if (labelEnd !== -1 && labelEnd - close < 1000 && context.references.has(normaliseLabel(source.slice(close + 2, labelEnd)))) return labelEnd + 1;
  }
  return close + 1;
}

/** CommonMark inline link tail "( dest? title? )" starting at '('; returns the index after ')', or open if invalid. */
function inlineDestinationEnd(source: string, open: number): number {
  const limit = Math.min(source.length, open + MAX_LINK_LENGTH);
  let i = skipSpace(source, open + 1, limit);
  if (source[i] === '<') {
    const close = source.indexOf('>', i + 1);
    if (close === -1 || close > limit || source.slice(i + 1, close).includes('\n')) return open;
    i = close + 1;
  } else {
    let depth = 0;
    while (i < limit) {
      const ch = source[i] as string;
      if (ch === '\\' && i + 1 < limit) i += 2;
      else if (/\s/.test(ch) || ch.charCodeAt(0) < 32) break;
      else if (ch === '(') {
        depth += 1;
        i += 1;
      } else if (ch === ')') {
        if (depth === 0) break;
        depth -= 1;
        i += 1;
      } else i += 1;
    }
    if (depth !== 0) return open;
  }
  const afterDestination = i;
  i = skipSpace(source, i, limit);
  const quote = source[i];
  if ((quote === '"' || quote === "'" || quote === '(') && i > afterDestination) {
    const closer = quote === '(' ? ')' : quote;
    let j = i + 1;
    while (j < limit && source[j] !== closer) j += source[j] === '\\' ? 2 : 1;
    if (j >= limit) return open;
    i = skipSpace(source, j + 1, limit);
  }
  return source[i] === ')' ? i + 1 : open;
}

function skipSpace(source: string, from: number, limit: number): number {
  let i = from;
  while (i < limit && /[ \t\r\n]/.test(source[i] as string)) i += 1;
  return i;
}

function htmlOrAutolinkEnd(source: string, start: number): number {
  if (source.startsWith('<!--', start)) {
    if (source.startsWith('<!-->', start)) return start + 5;
    if (source.startsWith('<!--->', start)) return start + 6;
    const close = source.indexOf('-->', start + 4);
    return close === -1 ? start : close + 3;
  }
  if (source.startsWith('<![CDATA[', start)) return endAfter(source, start, ']]>');
  if (source.startsWith('<?', start)) return endAfter(source, start, '?>');
  if (/^<![A-Za-z]/.test(source.slice(start, start + 3))) return endAfter(source, start, '>');
  const window = source.slice(start, start + MAX_TAG_LENGTH);
  for (const pattern of [AUTOLINK, HTML_TAG]) {
    pattern.lastIndex = 0;
    if (pattern.test(window)) return start + pattern.lastIndex;
  }
  return start;
}

function endAfter(source: string, start: number, terminator: string): number {
  const close = source.indexOf(terminator, start + 2);
  return close === -1 || close - start > MAX_TAG_LENGTH ? start : close + terminator.length;
}

function mergeMasks(masks: MaskRange[]): MaskRange[] {
  masks.sort((a, b) => a[0] - b[0]);
  const merged: MaskRange[] = [];
  for (const mask of masks) {
    const last = merged[merged.length - 1];
    if (last && mask[0] <= last[1]) last[1] = Math.max(last[1], mask[1]);
    else merged.push([mask[0], mask[1]]);
  }
  return merged;
}

/**
 * CommonMark code spans: an unescaped run of N backticks opens, the next run of exactly N
 * closes (backslashes do not escape inside code). Runs are indexed once; finding a closer
 * is a binary search.
 */
class CodeSpanFinder {
  private readonly runStartsByLength = new Map<number, number[]>();

  constructor(private readonly source: string) {
    for (let i = source.indexOf('`'); i !== -1; ) {
      const end = this.runEnd(i);
      const starts = this.runStartsByLength.get(end - i) ?? [];
      starts.push(i);
      this.runStartsByLength.set(end - i, starts);
      i = source.indexOf('`', end);
    }
  }

  runEnd(position: number): number {
    let end = position;
    while (this.source[end] === '`') end += 1;
    return end;
  }

  /** The code span opened by the run starting at `position` (the caller has ruled out an escape). */
  spanAt(position: number): [number, number] | null {
    const length = this.runEnd(position) - position;
    const starts = this.runStartsByLength.get(length);
    if (!starts) return null;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((starts[mid] as number) < position + length) low = mid + 1;
      else high = mid;
    }
    const closer = starts[low];
    return closer === undefined ? null : [position, closer + length];
  }
}

function isEscaped(source: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && source[i] === '\\'; i--) backslashes += 1;
  return backslashes % 2 === 1;
}
