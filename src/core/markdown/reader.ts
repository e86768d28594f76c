import MarkdownIt, { type Env as MarkdownEnv, type Token as MarkdownToken } from 'markdown-it';
import { dateFromFileName, frontMatterFlag, parseIsoDate, readFrontMatter, type FrontMatter } from './frontMatter';
import { findInlineMasks, normaliseLabel, type InlineContext, type MaskRange } from './inlineMask';
import { SECTION_BEGIN_LINE, SECTION_END_LINE } from './healthMarkers';
import { BlockEvent, EVENT_SIZE, scanBlocks } from './blockScanner';
import { LineIndex } from './positions';
import { readSuppressions, type Suppressions } from './suppressions';

export type SegmentKind = 'paragraph' | 'heading' | 'table-cell';

/** A run of prose that may hold symptoms; `text` is the source slice with non-prose blanked. */
export interface ProseSegment {
  kind: SegmentKind;
  /** Offsets into RetroDocument.text, end exclusive. */
  start: number;
  end: number;
  /** Same length as the source slice, so an index into it is an offset from `start`. */
  text: string;
  /** Texts of the enclosing headings, outermost first. */
  headings: string[];
  /** For a table cell, its column's header text. */
  columnHeader?: string;
}

export interface RetroDocument {
  /** The document text without a BOM: offsets and columns count from here, as VS Code does. */
  text: string;
  hasBom: boolean;
  lines: LineIndex;
  frontMatter: FrontMatter;
  date: string | null;
  team: string | null;
  /** True when front matter says `retro: true`. */
  declaresRetro: boolean;
  segments: ProseSegment[];
  suppressions: Suppressions;
}

export interface ReadOptions {
  fileName?: string;
}

/** One block-quote marker at the start of a line. */
const QUOTE_MARKER = /^[ \t]{0,3}>[ \t]?/;

/**
 * Only markdown-it's block structure is read (inline prose is masked by our own scanner), so its
 * inline parsing, linkifier and typographer are switched off: they were a third of the reading time.
 */
const markdownParser = new MarkdownIt({ html: true }).disable(['inline', 'linkify', 'replacements', 'smartquotes', 'text_join']);

export function readRetro(source: string, options: ReadOptions = {}): RetroDocument {
  return readWith(source, options, 'auto') as RetroDocument;
}

/**
 * readRetro with its block reader chosen, for tests and benchmarks: 'scanner' is null when the block
 * scanner defers the document; 'markdown-it' always parses with markdown-it.
 */
export function readRetroWith(source: string, options: ReadOptions, blocks: 'scanner' | 'markdown-it'): RetroDocument | null {
  return readWith(source, options, blocks);
}

/** The block events markdown-it gives for a source as the reader would pass it (tests compare them with the scanner's). */
export function markdownItEventsOf(blockSource: string): number[] {
  return markdownItBlockEvents(markdownParser.parse(blockSource, {}));
}

function readWith(source: string, options: ReadOptions, blocks: 'auto' | 'scanner' | 'markdown-it'): RetroDocument | null {
  const hasBom = source.charCodeAt(0) === 0xfeff;
  const text = hasBom ? source.slice(1) : source;
  const lines = new LineIndex(text);
  const frontMatter = readFrontMatter(text);
  const excludedLines = healthSectionLines(lines);
  for (let line = 0; line < frontMatter.lineCount; line++) excludedLines.add(line);

  // The block scanner reads most retros; markdown-it the rest (and fills env.references with the
  // document's link reference definitions, which the scanner defers).
  let events = blocks === 'markdown-it' ? null : scanBlocks(text, lines.lineStarts, excludedLines);
  let references: string[] = [];
  if (!events) {
    if (blocks === 'scanner') return null;
    const env: MarkdownEnv = {};
    events = markdownItBlockEvents(markdownParser.parse(blankLines(text, lines, excludedLines), env));
    references = Object.keys(env.references ?? {}).map(normaliseLabel);
  }
  const inline: InlineContext = { references: new Set(references) };
  const referencesKey = references.sort().join('\n');
  const segments: ProseSegment[] = [];
  const codeLines = new Set<number>(excludedLines);
  const headings: { level: number; text: string }[] = [];
  let headerCells: string[] = [];
  let quoteDepth = 0;
  const reader = { text, lines, inline, referencesKey, quoteDepth: () => quoteDepth };

  for (let index = 0; index < events.length; index += EVENT_SIZE) {
    const kind = events[index] as number;
    const map: [number, number] = [events[index + 1] as number, events[index + 2] as number];
    if (kind === BlockEvent.quoteOpen) quoteDepth += 1;
    else if (kind === BlockEvent.quoteClose) quoteDepth -= 1;
    else if (kind === BlockEvent.code) {
      for (let line = map[0]; line < map[1]; line++) codeLines.add(line);
    } else if (kind === BlockEvent.tableHead) {
      headerCells = [];
      const cells = tableCells(reader, map[0], headings, headerCells);
      headerCells = cells.map((cell) => cell.text.trim());
      segments.push(...cells);
    } else if (kind === BlockEvent.tableRow) {
      segments.push(...tableCells(reader, map[0], headings, headerCells));
    } else if (kind === BlockEvent.heading) {
      const level = events[index + 3] as number;
      const segment = blockSegment(reader, map, 'heading', headings);
      while (headings.length && (headings[headings.length - 1] as { level: number }).level >= level) headings.pop();
      headings.push({ level, text: headingText(segment.text) });
      segments.push({ ...segment, headings: headings.slice(0, -1).map((heading) => heading.text) });
    } else if (kind === BlockEvent.paragraph) {
      segments.push(blockSegment(reader, map, 'paragraph', headings));
    }
  }

  return {
    text,
    hasBom,
    lines,
    frontMatter,
    date: parseIsoDate(frontMatter.fields.date) ?? dateFromFileName(options.fileName),
    team: frontMatter.fields.team?.trim() || null,
    declaresRetro: frontMatterFlag(frontMatter.fields.retro) === true,
    segments,
    suppressions: readSuppressions(lines, codeLines),
  };
}

/** markdown-it's tokens as the block scanner's events (see blockScanner.ts): what the reader uses of them. */
function markdownItBlockEvents(tokens: MarkdownToken[]): number[] {
  const events: number[] = [];
  let inTableHead = false;
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as MarkdownToken;
    const map = token.map;
    if (token.type === 'blockquote_open') events.push(BlockEvent.quoteOpen, 0, 0, 0);
    else if (token.type === 'blockquote_close') events.push(BlockEvent.quoteClose, 0, 0, 0);
    else if (token.type === 'thead_open') inTableHead = true;
    else if (token.type === 'thead_close') inTableHead = false;
    if (!map) continue;
    if (token.type === 'fence' || token.type === 'code_block') events.push(BlockEvent.code, map[0], map[1], 0);
    else if (token.type === 'tr_open') events.push(inTableHead ? BlockEvent.tableHead : BlockEvent.tableRow, map[0], map[1], 0);
    else if (token.type === 'inline') {
      const previous = tokens[index - 1];
      if (previous?.type === 'heading_open') events.push(BlockEvent.heading, map[0], map[1], Number(previous.tag.slice(1)));
      else if (previous?.type === 'paragraph_open') events.push(BlockEvent.paragraph, map[0], map[1], 0);
    }
  }
  return events;
}

interface BlockReader {
  text: string;
  lines: LineIndex;
  inline: InlineContext;
  /** The document's link reference labels, as one string: masks depend on them. */
  referencesKey: string;
  quoteDepth: () => number;
}

/**
 * Blocks' prose with non-prose blanked, by their source: after a keystroke the whole document is
 * read again but one block changed, so the others are looked up, not scanned. Bounded.
 */
const maskedBlocks = new Map<string, { quoteDepth: number; referencesKey: string; masked: string }>();
const MAX_MASKED_BLOCKS = 5000;

/** Forgets remembered blocks (benchmarks use it to measure cold reading). */
export function forgetReadBlocks(): void {
  maskedBlocks.clear();
}

function maskedBlock(reader: BlockReader, raw: string): string {
  const quoteDepth = reader.quoteDepth();
  const known = maskedBlocks.get(raw);
  if (known && known.quoteDepth === quoteDepth && known.referencesKey === reader.referencesKey) return known.masked;
  // Block-quote markers are container syntax: blank them before scanning inlines, so "<five\n> for" is no tag.
  const source = blankQuoteMarkers(raw, quoteDepth);
  const masked = applyMasks(source, findInlineMasks(source, reader.inline));
  if (maskedBlocks.size >= MAX_MASKED_BLOCKS) maskedBlocks.clear();
  maskedBlocks.set(raw, { quoteDepth, referencesKey: reader.referencesKey, masked });
  return masked;
}

function blockSegment(reader: BlockReader, map: [number, number], kind: SegmentKind, headings: { text: string }[]): ProseSegment {
  const { text, lines } = reader;
  const start = lines.lineStarts[map[0]] as number;
  const end = lines.lineEnd(map[1] - 1);
  return { kind, start, end, text: maskedBlock(reader, text.slice(start, end)), headings: headings.map((h) => h.text) };
}

/** Replaces up to `depth` leading '>' markers on every line with spaces (same length, line breaks kept). */
function blankQuoteMarkers(source: string, depth: number): string {
  if (depth === 0) return source;
  return source.replace(/[^\r\n]+/g, (line) => {
    let rest = line;
    let blanked = 0;
    for (let level = 0; level < depth; level++) {
      const marker = QUOTE_MARKER.exec(rest);
      if (!marker) break;
      blanked += marker[0].length;
      rest = rest.slice(marker[0].length);
    }
    return ' '.repeat(blanked) + rest;
  });
}

function tableCells(reader: BlockReader, line: number, headings: { text: string }[], headerCells: string[]): ProseSegment[] {
  const { text, lines } = reader;
  const lineStart = lines.lineStarts[line] as number;
  const row = blankQuoteMarkers(text.slice(lineStart, lines.lineEnd(line)), reader.quoteDepth());
  const cells: ProseSegment[] = [];
  for (const [cellStart, cellEnd] of splitTableRow(row)) {
    const source = row.slice(cellStart, cellEnd);
    const column = cells.length;
    cells.push({
      kind: 'table-cell',
      start: lineStart + cellStart,
      end: lineStart + cellEnd,
      text: applyMasks(source, findInlineMasks(source, reader.inline)),
      headings: headings.map((h) => h.text),
      ...(headerCells[column] ? { columnHeader: headerCells[column] } : {}),
    });
  }
  return cells;
}

/** Cell ranges of a GFM table row: split on unescaped pipes (even inside code, as GFM does). */
function splitTableRow(row: string): MaskRange[] {
  const pipes: number[] = [];
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\') i += 1;
    else if (row[i] === '|') pipes.push(i);
  }
  const bounds = [-1, ...pipes, row.length];
  const cells: MaskRange[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const start = (bounds[i] as number) + 1;
    const end = bounds[i + 1] as number;
    const isOuterEdge = (i === 0 || i + 2 === bounds.length) && row.slice(start, end).trim() === '';
    if (!isOuterEdge) cells.push([start, end]);
  }
  return cells;
}

function applyMasks(source: string, masks: MaskRange[]): string {
  if (masks.length === 0) return source;
  let result = '';
  let cursor = 0;
  for (const [start, end] of masks) {
    result += source.slice(cursor, start) + source.slice(start, end).replace(/[^\r\n]/g, ' ');
    cursor = end;
  }
  return result + source.slice(cursor);
}

function headingText(maskedSource: string): string {
  return maskedSource
    .replace(/^(?:[\s>]*(?:[-+*]|\d{1,9}[.)])[ \t]+)*[\s>]*#{1,6}[ \t]*/, '')
    .replace(/[ \t]+#+[ \t]*$/, '')
    .replace(/\r?\n[=-]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Line numbers inside `<!-- retro-health:begin -->` … `<!-- retro-health:end -->`, markers included. */
function healthSectionLines(lines: LineIndex): Set<number> {
  const excluded = new Set<number>();
  if (!lines.text.includes('retro-health:begin')) return excluded;
  let begin = -1;
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (SECTION_BEGIN_LINE.test(content)) begin = line;
    else if (begin !== -1 && SECTION_END_LINE.test(content)) {
      for (let l = begin; l <= line; l++) excluded.add(l);
      begin = -1;
    }
  }
  return excluded;
}

/**
 * The text with the given lines emptied, so markdown-it's line numbers stay those of the document.
 * Each run of excluded lines becomes as many empty lines; the rest is sliced through untouched
 * (markdown-it reads \r\n, \r and \n alike).
 */
function blankLines(text: string, lines: LineIndex, excluded: Set<number>): string {
  if (excluded.size === 0) return text;
  const parts: string[] = [];
  let kept = 0;
  const sorted = [...excluded].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; ) {
    const first = sorted[i] as number;
    let last = first;
    while (i + 1 < sorted.length && sorted[i + 1] === last + 1) last = sorted[++i] as number;
    i++;
    const from = lines.lineStarts[first] as number;
    const isLastLine = last + 1 >= lines.lineCount;
    // \r\n, not \n: after a lone \r, a \n would merge with it into one line break.
    parts.push(text.slice(kept, from), '\r\n'.repeat(isLastLine ? last - first : last - first + 1));
    kept = isLastLine ? text.length : (lines.lineStarts[last + 1] as number);
  }
  parts.push(text.slice(kept));
  return parts.join('');
}
