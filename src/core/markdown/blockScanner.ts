/**
 * The block structure readRetro needs (headings, paragraphs, table rows, code, block quotes), found
 * without markdown-it's token stream. It follows markdown-it's block rules (CommonMark + GFM tables,
 * `html: true`) line for line, on its per-line indent marks, but keeps no tokens: it writes compact
 * events. Where reproducing markdown-it exactly would take more than it is worth it defers: it returns
 * null and the caller parses the whole document with markdown-it instead. It defers on
 *  - a tab among a line's leading container characters (spaces, `>`, list markers), whose column
 *    arithmetic (tab stops, markdown-it's bsCount) is not modelled;
 *  - a block that starts with `[` and may be a link reference definition (a `]:` follows before the
 *    next blank line): the definitions' labels matter to the masks and their grammar is long;
 *  - containers nested 50 deep (markdown-it stops parsing at its nesting limit).
 * Everything else (lists, lazy continuation lines, block quotes in lists, setext headings, tables,
 * fenced and indented code, HTML blocks, \r\n and lone \r line ends) is read as markdown-it reads it.
 * test/unit/blockScanner.test.ts checks that claim against markdown-it on generated documents.
 */

import { computeLineStarts } from './positions';

/** Event kinds; an event is EVENT_SIZE numbers: kind, first line, end line (exclusive), heading level (0 where unused, and both lines 0 for quotes). */
export const BlockEvent = {
  quoteOpen: 1,
  quoteClose: 2,
  /** A fenced or indented code block. */
  code: 3,
  /** A table's header row (one line; a new table starts). */
  tableHead: 4,
  /** A table body row (one line). */
  tableRow: 5,
  /** An ATX or setext heading's text lines (a setext underline is not included, as in markdown-it's inline map). */
  heading: 6,
  paragraph: 7,
} as const;

export const EVENT_SIZE = 4;

/** markdown-it's default maxNesting is 100; a document nested this deep is left to markdown-it. */
const MAX_LEVEL = 50;

class Unsupported {}
const UNSUPPORTED = new Unsupported();

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;

function isSpace(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** Characters of a line's container prefix: indentation, quote and list markers. A tab among them is deferred. */
function isPrefixChar(code: number): boolean {
  return code === SPACE || code === 0x3e /* > */ || code === 0x2d /* - */ || code === 0x2a /* * */ || code === 0x2b /* + */ || code === 0x2e /* . */ || code === 0x29 /* ) */ || (code >= 0x30 && code <= 0x39);
}

// HTML block starts and ends, as markdown-it's html_block rule has them (src/common/html_blocks.ts, html_re.ts).
const HTML_BLOCK_NAMES =
  'address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul';
const OPEN_TAG = `<[A-Za-z][A-Za-z0-9\\-]*(?:\\s+[a-zA-Z_:][a-zA-Z0-9:._-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)*\\s*\\/?>`;
const CLOSE_TAG = '<\\/[A-Za-z][A-Za-z0-9\\-]*\\s*>';
/** [start, end, may interrupt a paragraph]. */
const HTML_SEQUENCES: ReadonlyArray<readonly [RegExp, RegExp, boolean]> = [
  [/^<(script|pre|style|textarea)(?=(\s|>|$))/i, /<\/(script|pre|style|textarea)>/i, true],
  [/^<!--/, /-->/, true],
  [/^<\?/, /\?>/, true],
  [/^<![A-Za-z]/, />/, true],
  [/^<!\[CDATA\[/, /\]\]>/, true],
  [new RegExp(`^</?(${HTML_BLOCK_NAMES})(?=(\\s|/?>|$))`, 'i'), /^$/, true],
  [new RegExp(`^(?:${OPEN_TAG}|${CLOSE_TAG})\\s*$`), /^$/, false],
];

const MAX_AUTOCOMPLETED_CELLS = 65536;

/**
 * The block events of `text` as markdown-it reads it with the `excluded` lines emptied (readRetro
 * empties its front matter and health section so), or null when the scanner defers the document to
 * markdown-it. `lineStarts` are the text's line starts (positions.ts), computed when not given.
 */
export function scanBlocks(text: string, lineStarts: readonly number[] = computeLineStarts(text), excluded?: ReadonlySet<number>): number[] | null {
  try {
    const scan = new BlockScan(text, lineStarts, excluded);
    scan.tokenize(0, scan.lineMax);
    return scan.events;
  } catch (error) {
    if (error === UNSUPPORTED) return null;
    throw error;
  }
}

/**
 * markdown-it's StateBlock, without tokens: per-line marks in typed arrays, the rules as methods.
 * An excluded line is empty (its end mark is its start) but its text is still there: no rule reads
 * a character at or past a line's end mark (markdown-it would find the line break there).
 */
class BlockScan {
  readonly events: number[] = [];
  /** Line starts (after any container prefix consumed so far), ends (before the line break), indent chars, indent columns. */
  readonly bMarks: Int32Array;
  readonly eMarks: Int32Array;
  readonly tShift: Int32Array;
  readonly sCount: Int32Array;
  lineMax = 0;
  blkIndent = 0;
  listIndent = -1;
  /** Only "inside a paragraph" changes a rule's behaviour (the list rule's). */
  inParagraph = false;
  line = 0;
  level = 0;

  constructor(
    readonly src: string,
    lineStarts: readonly number[],
    excluded: ReadonlySet<number> | undefined,
  ) {
    const len = src.length;
    // markdown-it has no line after a final line break, nor a last line of only spaces and tabs
    // without one (a quirk of StateBlock's constructor); an excluded last line is emptied, so none either.
    let count = lineStarts.length;
    const lastStart = lineStarts[count - 1] as number;
    let isBlankTail = excluded?.has(count - 1) ?? false;
    if (!isBlankTail) {
      isBlankTail = true;
      for (let pos = lastStart; pos < len && isBlankTail; pos++) isBlankTail = isSpace(src.charCodeAt(pos));
    }
    if (isBlankTail) count--;
    this.bMarks = new Int32Array(count + 1);
    this.eMarks = new Int32Array(count + 1);
    this.tShift = new Int32Array(count + 1);
    this.sCount = new Int32Array(count + 1);
    for (let line = 0; line < count; line++) {
      const start = lineStarts[line] as number;
      this.bMarks[line] = start;
      if (excluded?.has(line)) {
        this.eMarks[line] = start;
        continue;
      }
      const next = lineStarts[line + 1];
      let end = next === undefined ? len : next - 1;
      if (next !== undefined && src.charCodeAt(end) === LF && src.charCodeAt(end - 1) === CR) end--;
      this.eMarks[line] = end;
      let pos = start;
      while (pos < end && src.charCodeAt(pos) === SPACE) pos++;
      this.tShift[line] = pos - start;
      this.sCount[line] = pos - start;
      // Tab stops are not modelled: defer a tab in the indentation or among the container markers after it.
      for (; pos < end; pos++) {
        const ch = src.charCodeAt(pos);
        if (ch === TAB) throw UNSUPPORTED;
        if (!isPrefixChar(ch)) break;
      }
    }
    this.bMarks[count] = len;
    this.eMarks[count] = len;
    this.lineMax = count;
  }

  private emit(kind: number, startLine: number, endLine: number, level: number): void {
    this.events.push(kind, startLine, endLine, level);
  }

  private isEmpty(line: number): boolean {
    return (this.bMarks[line] as number) + (this.tShift[line] as number) >= (this.eMarks[line] as number);
  }

  private skipEmptyLines(from: number): number {
    for (const max = this.lineMax; from < max; from++) if (!this.isEmpty(from)) break;
    return from;
  }

  private skipSpaces(pos: number): number {
    const src = this.src;
    for (const max = src.length; pos < max; pos++) if (!isSpace(src.charCodeAt(pos))) break;
    return pos;
  }

  private skipChars(pos: number, code: number): number {
    const src = this.src;
    for (const max = src.length; pos < max; pos++) if (src.charCodeAt(pos) !== code) break;
    return pos;
  }

  /** The line's content after its indent, as markdown-it's table rule reads it. */
  private lineContent(line: number): string {
    return this.src.slice((this.bMarks[line] as number) + (this.tShift[line] as number), this.eMarks[line]);
  }

  private indentOf(line: number): number {
    return this.sCount[line] as number;
  }

  tokenize(startLine: number, endLine: number): void {
    let line = startLine;
    while (line < endLine) {
      this.line = line = this.skipEmptyLines(line);
      if (line >= endLine) break;
      if (this.indentOf(line) < this.blkIndent) break;
      if (this.level >= MAX_LEVEL) throw UNSUPPORTED;
      // The block rules in markdown-it's order; paragraph always matches.
      if (
        !this.table(line, endLine, false) &&
        !this.code(line, endLine) &&
        !this.fence(line, endLine, false) &&
        !this.blockquote(line, endLine, false) &&
        !this.hr(line, false) &&
        !this.list(line, endLine, false) &&
        !this.reference(line) &&
        !this.htmlBlock(line, endLine, false) &&
        !this.heading(line, false) &&
        !this.lheading(line, endLine)
      ) {
        this.paragraph(line, endLine);
      }
      line = this.line;
      if (line < endLine && this.isEmpty(line)) {
        line++;
        this.line = line;
      }
    }
  }

  /** The rules that may end a paragraph (markdown-it's "paragraph" alt chain). */
  private endsParagraph(line: number, endLine: number): boolean {
    return this.table(line, endLine, true) || this.fence(line, endLine, true) || this.blockquote(line, endLine, true) || this.hr(line, true) || this.list(line, endLine, true) || this.htmlBlock(line, endLine, true) || this.heading(line, true);
  }

  /** The rules that may end a block quote or a table body (the "blockquote" alt chain). */
  private endsQuote(line: number, endLine: number): boolean {
    return this.fence(line, endLine, true) || this.blockquote(line, endLine, true) || this.hr(line, true) || this.list(line, endLine, true) || this.htmlBlock(line, endLine, true) || this.heading(line, true);
  }

  /** The rules that may end a list (the "list" alt chain). */
  private endsList(line: number, endLine: number): boolean {
    return this.fence(line, endLine, true) || this.blockquote(line, endLine, true) || this.hr(line, true);
  }

  private table(startLine: number, endLine: number, silent: boolean): boolean {
    const { src, eMarks, blkIndent } = this;
    if (startLine + 2 > endLine) return false;
    let nextLine = startLine + 1;
    if (this.indentOf(nextLine) < blkIndent) return false;
    if (this.indentOf(nextLine) - blkIndent >= 4) return false;
    const delimiterStart = (this.bMarks[nextLine] as number) + (this.tShift[nextLine] as number);
    const max = eMarks[nextLine] as number;
    let pos = delimiterStart;
    if (pos >= max) return false;
    const firstCh = src.charCodeAt(pos++);
    if (firstCh !== 0x7c && firstCh !== 0x2d && firstCh !== 0x3a) return false;
    if (pos >= max) return false;
    const secondCh = src.charCodeAt(pos++);
    if (secondCh !== 0x7c && secondCh !== 0x2d && secondCh !== 0x3a && !isSpace(secondCh)) return false;
    if (firstCh === 0x2d && isSpace(secondCh)) return false;
    for (; pos < max; pos++) {
      const ch = src.charCodeAt(pos);
      if (ch !== 0x7c && ch !== 0x2d && ch !== 0x3a && !isSpace(ch)) return false;
    }
    const alignCount = delimiterColumns(src, delimiterStart, max);
    if (alignCount < 0) return false;
    const header = this.lineContent(startLine).trim();
    if (header.indexOf('|') === -1) return false;
    if (this.indentOf(startLine) - blkIndent >= 4) return false;
    const columnCount = cellCount(header);
    if (columnCount === 0 || columnCount !== alignCount) return false;
    if (silent) return true;

    const wasInParagraph = this.inParagraph;
    this.inParagraph = false;
    this.emit(BlockEvent.tableHead, startLine, startLine + 1, 0);
    let autocompletedCells = 0;
    for (nextLine = startLine + 2; nextLine < endLine; nextLine++) {
      if (this.indentOf(nextLine) < blkIndent) break;
      if (this.endsQuote(nextLine, endLine)) break;
      const row = this.lineContent(nextLine).trim();
      if (!row) break;
      if (this.indentOf(nextLine) - blkIndent >= 4) break;
      autocompletedCells += columnCount - cellCount(row);
      if (autocompletedCells > MAX_AUTOCOMPLETED_CELLS) break;
      this.emit(BlockEvent.tableRow, nextLine, nextLine + 1, 0);
    }
    this.inParagraph = wasInParagraph;
    this.line = nextLine;
    return true;
  }

  private code(startLine: number, endLine: number): boolean {
    if (this.indentOf(startLine) - this.blkIndent < 4) return false;
    let nextLine = startLine + 1;
    let last = nextLine;
    while (nextLine < endLine) {
      if (this.isEmpty(nextLine)) {
        nextLine++;
        continue;
      }
      if (this.indentOf(nextLine) - this.blkIndent >= 4) {
        nextLine++;
        last = nextLine;
        continue;
      }
      break;
    }
    this.line = last;
    this.emit(BlockEvent.code, startLine, last, 0);
    return true;
  }

  private fence(startLine: number, endLine: number, silent: boolean): boolean {
    const { src, bMarks, tShift, eMarks, blkIndent } = this;
    let pos = (bMarks[startLine] as number) + (tShift[startLine] as number);
    let max = eMarks[startLine] as number;
    if (this.indentOf(startLine) - blkIndent >= 4) return false;
    if (pos + 3 > max) return false;
    const marker = src.charCodeAt(pos);
    if (marker !== 0x7e && marker !== 0x60) return false;
    let mem = pos;
    pos = this.skipChars(pos, marker);
    const len = pos - mem;
    if (len < 3) return false;
    if (marker === 0x60) for (let i = pos; i < max; i++) if (src.charCodeAt(i) === 0x60) return false;
    if (silent) return true;
    let nextLine = startLine;
    let haveEndMarker = false;
    for (;;) {
      nextLine++;
      if (nextLine >= endLine) break;
      pos = mem = (bMarks[nextLine] as number) + (tShift[nextLine] as number);
      max = eMarks[nextLine] as number;
      if (pos < max && this.indentOf(nextLine) < blkIndent) break;
      if (pos >= max || src.charCodeAt(pos) !== marker) continue;
      if (this.indentOf(nextLine) - blkIndent >= 4) continue;
      pos = this.skipChars(pos, marker);
      if (pos - mem < len) continue;
      pos = this.skipSpaces(pos);
      if (pos < max) continue;
      haveEndMarker = true;
      break;
    }
    this.line = nextLine + (haveEndMarker ? 1 : 0);
    this.emit(BlockEvent.code, startLine, this.line, 0);
    return true;
  }

  private blockquote(startLine: number, endLine: number, silent: boolean): boolean {
    const { src, bMarks, tShift, eMarks, sCount } = this;
    let pos = (bMarks[startLine] as number) + (tShift[startLine] as number);
    const oldLineMax = this.lineMax;
    if (this.indentOf(startLine) - this.blkIndent >= 4) return false;
    if (pos >= (eMarks[startLine] as number) || src.charCodeAt(pos) !== 0x3e) return false;
    if (silent) return true;
    // Lines whose marks the quote rewrites, from startLine on, with their old marks to restore.
    const oldBMarks: number[] = [];
    const oldSCount: number[] = [];
    const oldTShift: number[] = [];
    const wasInParagraph = this.inParagraph;
    this.inParagraph = false;
    let lastLineEmpty = false;
    let nextLine: number;
    for (nextLine = startLine; nextLine < endLine; nextLine++) {
      const isOutdented = this.indentOf(nextLine) < this.blkIndent;
      pos = (bMarks[nextLine] as number) + (tShift[nextLine] as number);
      const max = eMarks[nextLine] as number;
      if (pos >= max) break;
      if (src.charCodeAt(pos++) === 0x3e && !isOutdented) {
        // No tab can follow: a tab among the prefix characters was deferred.
        let initial = (sCount[nextLine] as number) + 1;
        if (src.charCodeAt(pos) === SPACE) {
          pos++;
          initial++;
        }
        let offset = initial;
        oldBMarks.push(bMarks[nextLine] as number);
        bMarks[nextLine] = pos;
        while (pos < max && src.charCodeAt(pos) === SPACE) {
          offset++;
          pos++;
        }
        if (pos < max && src.charCodeAt(pos) === TAB) throw UNSUPPORTED;
        lastLineEmpty = pos >= max;
        oldSCount.push(sCount[nextLine] as number);
        sCount[nextLine] = offset - initial;
        oldTShift.push(tShift[nextLine] as number);
        tShift[nextLine] = pos - (bMarks[nextLine] as number);
        continue;
      }
      if (lastLineEmpty) break;
      if (this.endsQuote(nextLine, endLine)) {
        this.lineMax = nextLine;
        if (this.blkIndent !== 0) {
          oldBMarks.push(bMarks[nextLine] as number);
          oldTShift.push(tShift[nextLine] as number);
          oldSCount.push(sCount[nextLine] as number);
          sCount[nextLine] = (sCount[nextLine] as number) - this.blkIndent;
        }
        break;
      }
      // A lazy continuation line.
      oldBMarks.push(bMarks[nextLine] as number);
      oldTShift.push(tShift[nextLine] as number);
      oldSCount.push(sCount[nextLine] as number);
      sCount[nextLine] = -1;
    }
    const oldIndent = this.blkIndent;
    this.blkIndent = 0;
    this.emit(BlockEvent.quoteOpen, 0, 0, 0);
    this.level++;
    this.tokenize(startLine, nextLine);
    this.level--;
    this.emit(BlockEvent.quoteClose, 0, 0, 0);
    this.lineMax = oldLineMax;
    this.inParagraph = wasInParagraph;
    for (let i = 0; i < oldTShift.length; i++) {
      bMarks[i + startLine] = oldBMarks[i] as number;
      tShift[i + startLine] = oldTShift[i] as number;
      sCount[i + startLine] = oldSCount[i] as number;
    }
    this.blkIndent = oldIndent;
    return true;
  }

  private hr(startLine: number, silent: boolean): boolean {
    const { src } = this;
    const max = this.eMarks[startLine] as number;
    if (this.indentOf(startLine) - this.blkIndent >= 4) return false;
    let pos = (this.bMarks[startLine] as number) + (this.tShift[startLine] as number);
    if (pos >= max) return false;
    const marker = src.charCodeAt(pos++);
    if (marker !== 0x2a && marker !== 0x2d && marker !== 0x5f) return false;
    let count = 1;
    while (pos < max) {
      const ch = src.charCodeAt(pos++);
      if (ch !== marker && !isSpace(ch)) return false;
      if (ch === marker) count++;
    }
    if (count < 3) return false;
    if (silent) return true;
    this.line = startLine + 1;
    return true;
  }

  private skipBulletListMarker(line: number): number {
    const max = this.eMarks[line] as number;
    let pos = (this.bMarks[line] as number) + (this.tShift[line] as number);
    if (pos >= max) return -1;
    const marker = this.src.charCodeAt(pos++);
    if (marker !== 0x2a && marker !== 0x2d && marker !== 0x2b) return -1;
    if (pos < max && !isSpace(this.src.charCodeAt(pos))) return -1;
    return pos;
  }

  private skipOrderedListMarker(line: number): number {
    const { src } = this;
    const start = (this.bMarks[line] as number) + (this.tShift[line] as number);
    const max = this.eMarks[line] as number;
    let pos = start;
    if (pos + 1 >= max) return -1;
    let ch = src.charCodeAt(pos++);
    if (ch < 0x30 || ch > 0x39) return -1;
    for (;;) {
      if (pos >= max) return -1;
      ch = src.charCodeAt(pos++);
      if (ch >= 0x30 && ch <= 0x39) {
        if (pos - start >= 10) return -1;
        continue;
      }
      if (ch === 0x29 || ch === 0x2e) break;
      return -1;
    }
    if (pos < max && !isSpace(src.charCodeAt(pos))) return -1;
    return pos;
  }

  private list(startLine: number, endLine: number, silent: boolean): boolean {
    const { src, bMarks, tShift, eMarks, sCount } = this;
    let nextLine = startLine;
    if (this.indentOf(nextLine) - this.blkIndent >= 4) return false;
    if (this.listIndent >= 0 && this.indentOf(nextLine) - this.listIndent >= 4 && this.indentOf(nextLine) < this.blkIndent) return false;
    const isTerminatingParagraph = silent && this.inParagraph && this.indentOf(nextLine) >= this.blkIndent;
    let isOrdered: boolean;
    let posAfterMarker = this.skipOrderedListMarker(nextLine);
    if (posAfterMarker >= 0) {
      isOrdered = true;
      const start = (bMarks[nextLine] as number) + (tShift[nextLine] as number);
      if (isTerminatingParagraph && Number(src.slice(start, posAfterMarker - 1)) !== 1) return false;
    } else if ((posAfterMarker = this.skipBulletListMarker(nextLine)) >= 0) {
      isOrdered = false;
    } else return false;
    if (isTerminatingParagraph && this.skipSpaces(posAfterMarker) >= (eMarks[nextLine] as number)) return false;
    if (silent) return true;

    const markerCharCode = src.charCodeAt(posAfterMarker - 1);
    const wasInParagraph = this.inParagraph;
    this.inParagraph = false;
    this.level++;
    while (nextLine < endLine) {
      let pos = posAfterMarker;
      const max = eMarks[nextLine] as number;
      const initial = (sCount[nextLine] as number) + posAfterMarker - ((bMarks[nextLine] as number) + (tShift[nextLine] as number));
      let offset = initial;
      while (pos < max) {
        const ch = src.charCodeAt(pos);
        if (ch === TAB) throw UNSUPPORTED;
        if (ch !== SPACE) break;
        offset++;
        pos++;
      }
      const contentStart = pos;
      let indentAfterMarker = contentStart >= max ? 1 : offset - initial;
      if (indentAfterMarker > 4) indentAfterMarker = 1;
      const indent = initial + indentAfterMarker;
      const oldTShift = tShift[nextLine] as number;
      const oldSCount = sCount[nextLine] as number;
      const oldListIndent = this.listIndent;
      this.listIndent = this.blkIndent;
      this.blkIndent = indent;
      tShift[nextLine] = contentStart - (bMarks[nextLine] as number);
      sCount[nextLine] = offset;
      this.level++;
      if (contentStart >= max && this.isEmpty(nextLine + 1)) this.line = Math.min(this.line + 2, endLine);
      else this.tokenize(nextLine, endLine);
      this.level--;
      this.blkIndent = this.listIndent;
      this.listIndent = oldListIndent;
      tShift[nextLine] = oldTShift;
      sCount[nextLine] = oldSCount;
      nextLine = this.line;
      if (nextLine >= endLine) break;
      if (this.indentOf(nextLine) < this.blkIndent) break;
      if (this.indentOf(nextLine) - this.blkIndent >= 4) break;
      if (this.endsList(nextLine, endLine)) break;
      posAfterMarker = isOrdered ? this.skipOrderedListMarker(nextLine) : this.skipBulletListMarker(nextLine);
      if (posAfterMarker < 0) break;
      if (markerCharCode !== src.charCodeAt(posAfterMarker - 1)) break;
    }
    this.level--;
    this.line = nextLine;
    this.inParagraph = wasInParagraph;
    return true;
  }

  /**
   * A link reference definition is not modelled: if one may start here, defer. It may only if a
   * `]` directly followed by `:` closes the label before any other bracket, within the block.
   */
  private reference(startLine: number): boolean {
    const { src } = this;
    let pos = (this.bMarks[startLine] as number) + (this.tShift[startLine] as number);
    if (this.indentOf(startLine) - this.blkIndent >= 4) return false;
    if (src.charCodeAt(pos) !== 0x5b) return false;
    // Read on through the following lines (a superset of what the rule reads) until a blank line.
    let lineHasContent = true;
    for (pos++; pos < src.length; pos++) {
      const ch = src.charCodeAt(pos);
      if (ch === 0x5b) return false;
      if (ch === 0x5d) {
        if (src.charCodeAt(pos + 1) === 0x3a) throw UNSUPPORTED;
        return false;
      }
      if (ch === LF || ch === CR) {
        if (!lineHasContent) return false;
        lineHasContent = false;
        if (ch === CR && src.charCodeAt(pos + 1) === LF) pos++;
      } else if (ch === 0x5c) {
        pos++;
        lineHasContent = true;
      } else if (!isSpace(ch)) {
        lineHasContent = true;
      }
    }
    return false;
  }

  private htmlBlock(startLine: number, endLine: number, silent: boolean): boolean {
    const { src, bMarks, tShift, eMarks } = this;
    let pos = (bMarks[startLine] as number) + (tShift[startLine] as number);
    if (this.indentOf(startLine) - this.blkIndent >= 4) return false;
    if (pos >= (eMarks[startLine] as number) || src.charCodeAt(pos) !== 0x3c) return false;
    let lineText = htmlLine(src, pos, eMarks[startLine] as number);
    let sequence: readonly [RegExp, RegExp, boolean] | undefined;
    for (const candidate of HTML_SEQUENCES) {
      if (candidate[0].test(lineText)) {
        sequence = candidate;
        break;
      }
    }
    if (!sequence) return false;
    if (silent) return sequence[2];
    let nextLine = startLine + 1;
    const endsOnBlankLine = sequence[1].test('');
    if (!sequence[1].test(lineText)) {
      for (; nextLine < endLine; nextLine++) {
        if (this.indentOf(nextLine) < this.blkIndent && (endsOnBlankLine || !this.isEmpty(nextLine))) break;
        pos = (bMarks[nextLine] as number) + (tShift[nextLine] as number);
        lineText = htmlLine(src, pos, eMarks[nextLine] as number);
        if (sequence[1].test(lineText)) {
          if (lineText.length !== 0) nextLine++;
          break;
        }
      }
    }
    this.line = nextLine;
    return true;
  }

  private heading(startLine: number, silent: boolean): boolean {
    const { src } = this;
    let pos = (this.bMarks[startLine] as number) + (this.tShift[startLine] as number);
    const max = this.eMarks[startLine] as number;
    if (this.indentOf(startLine) - this.blkIndent >= 4) return false;
    let ch = src.charCodeAt(pos);
    if (ch !== 0x23 || pos >= max) return false;
    let level = 1;
    ch = src.charCodeAt(++pos);
    while (ch === 0x23 && pos < max && level <= 6) {
      level++;
      ch = src.charCodeAt(++pos);
    }
    if (level > 6 || (pos < max && !isSpace(ch))) return false;
    if (silent) return true;
    this.line = startLine + 1;
    this.emit(BlockEvent.heading, startLine, startLine + 1, level);
    return true;
  }

  private lheading(startLine: number, endLine: number): boolean {
    const { src, bMarks, tShift, eMarks } = this;
    if (this.indentOf(startLine) - this.blkIndent >= 4) return false;
    const wasInParagraph = this.inParagraph;
    this.inParagraph = true;
    let level = 0;
    let nextLine = startLine + 1;
    for (; nextLine < endLine && !this.isEmpty(nextLine); nextLine++) {
      if (this.indentOf(nextLine) - this.blkIndent > 3) continue;
      if (this.indentOf(nextLine) >= this.blkIndent) {
        let pos = (bMarks[nextLine] as number) + (tShift[nextLine] as number);
        const max = eMarks[nextLine] as number;
        if (pos < max) {
          const marker = src.charCodeAt(pos);
          if (marker === 0x2d || marker === 0x3d) {
            pos = this.skipSpaces(this.skipChars(pos, marker));
            if (pos >= max) {
              level = marker === 0x3d ? 1 : 2;
              break;
            }
          }
        }
      }
      if (this.indentOf(nextLine) < 0) continue;
      if (this.endsParagraph(nextLine, endLine)) break;
    }
    this.inParagraph = wasInParagraph;
    if (!level) return false;
    this.line = nextLine + 1;
    this.emit(BlockEvent.heading, startLine, nextLine, level);
    return true;
  }

  private paragraph(startLine: number, endLine: number): void {
    const wasInParagraph = this.inParagraph;
    this.inParagraph = true;
    let nextLine = startLine + 1;
    for (; nextLine < endLine && !this.isEmpty(nextLine); nextLine++) {
      if (this.indentOf(nextLine) - this.blkIndent > 3) continue;
      if (this.indentOf(nextLine) < 0) continue;
      if (this.endsParagraph(nextLine, endLine)) break;
    }
    this.line = nextLine;
    this.emit(BlockEvent.paragraph, startLine, nextLine, 0);
    this.inParagraph = wasInParagraph;
  }
}

/** A line as markdown-it's HTML block patterns see it: it has replaced NUL by U+FFFD (which an unquoted attribute value may hold). */
function htmlLine(src: string, start: number, end: number): string {
  const line = src.slice(start, end);
  return line.indexOf('\0') === -1 ? line : line.replace(/\0/g, '\uFFFD');
}

/**
 * The number of columns a table's delimiter row declares (markdown-it splits it on every `|`; an
 * empty first or last piece is no column), or -1 when a piece is not `:?-+:?`. The row holds only
 * `|`, `-`, `:`, spaces and tabs.
 */
function delimiterColumns(src: string, start: number, end: number): number {
  let columns = 0;
  let pieceStart = start;
  let index = 0;
  for (let pos = start; pos <= end; pos++) {
    if (pos < end && src.charCodeAt(pos) !== 0x7c) continue;
    let from = pieceStart;
    let to = pos;
    while (from < to && isSpace(src.charCodeAt(from))) from++;
    while (to > from && isSpace(src.charCodeAt(to - 1))) to--;
    const isLast = pos === end;
    if (from === to) {
      if (index !== 0 && !isLast) return -1;
    } else {
      if (src.charCodeAt(from) === 0x3a) from++;
      if (to > from && src.charCodeAt(to - 1) === 0x3a) to--;
      if (from === to) return -1;
      for (let i = from; i < to; i++) if (src.charCodeAt(i) !== 0x2d) return -1;
      columns++;
    }
    index++;
    pieceStart = pos + 1;
  }
  return columns;
}

/** How many cells markdown-it's table rule reads in a trimmed row: pieces between unescaped `|`, an empty first and last piece dropped. */
function cellCount(row: string): number {
  let pipes = 0;
  for (let i = 0; i < row.length; i++) if (row.charCodeAt(i) === 0x7c && row.charCodeAt(i - 1) !== 0x5c) pipes++;
  let count = pipes + 1;
  if (row.length === 0 || row.charCodeAt(0) === 0x7c) count--;
  const lastIsEmpty = pipes > 0 && row.charCodeAt(row.length - 1) === 0x7c && row.charCodeAt(row.length - 2) !== 0x5c;
  if (count > 0 && lastIsEmpty) count--;
  return count;
}
