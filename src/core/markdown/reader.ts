import MarkdownIt, { type Token as MarkdownToken } from 'markdown-it';
import { dateFromFileName, parseIsoDate, readFrontMatter, type FrontMatter } from './frontMatter';
import { findInlineMasks, type MaskRange } from './inlineMask';
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

const HEALTH_SECTION_BEGIN = /<!--\s*retro-health:begin\s*-->/;
const HEALTH_SECTION_END = /<!--\s*retro-health:end\s*-->/;

const markdownParser = new MarkdownIt({ html: true });

export function readRetro(source: string, options: ReadOptions = {}): RetroDocument {
  const hasBom = source.charCodeAt(0) === 0xfeff;
  const text = hasBom ? source.slice(1) : source;
  const lines = new LineIndex(text);
  const frontMatter = readFrontMatter(text);
  const excludedLines = healthSectionLines(lines);
  for (let line = 0; line < frontMatter.lineCount; line++) excludedLines.add(line);

  const tokens = markdownParser.parse(blankLines(text, lines, excludedLines), {});
  const segments: ProseSegment[] = [];
  const codeLines = new Set<number>(excludedLines);
  const headings: { level: number; text: string }[] = [];
  let headerCells: string[] = [];
  let inTableHead = false;

  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as MarkdownToken;
    const map = token.map;
    if ((token.type === 'fence' || token.type === 'code_block' || token.type === 'html_block') && map) {
      if (token.type !== 'html_block') for (let line = map[0]; line < map[1]; line++) codeLines.add(line);
      continue;
    }
    if (token.type === 'thead_open') inTableHead = true;
    if (token.type === 'thead_close') inTableHead = false;
    if (token.type === 'table_open') headerCells = [];
    if (token.type === 'tr_open' && map) {
      const cells = tableCells(text, lines, map[0], headings, inTableHead ? [] : headerCells);
      if (inTableHead) headerCells = cells.map((cell) => cell.text.trim());
      segments.push(...cells);
      continue;
    }
    if (token.type !== 'inline' || !map) continue;
    const previous = tokens[index - 1];
    if (previous?.type === 'heading_open') {
      const level = Number(previous.tag.slice(1));
      const segment = blockSegment(text, lines, map, 'heading', headings);
      while (headings.length && (headings[headings.length - 1] as { level: number }).level >= level) headings.pop();
      headings.push({ level, text: headingText(segment.text) });
      segments.push({ ...segment, headings: headings.slice(0, -1).map((heading) => heading.text) });
    } else if (previous?.type === 'paragraph_open') {
      segments.push(blockSegment(text, lines, map, 'paragraph', headings));
    }
  }

  return {
    text,
    hasBom,
    lines,
    frontMatter,
    date: parseIsoDate(frontMatter.fields.date) ?? dateFromFileName(options.fileName),
    team: frontMatter.fields.team?.trim() || null,
    declaresRetro: /^(true|yes|on)$/i.test(frontMatter.fields.retro ?? ''),
    segments,
    suppressions: readSuppressions(lines, codeLines),
  };
}

function blockSegment(
  text: string,
  lines: LineIndex,
  map: [number, number],
  kind: SegmentKind,
  headings: { text: string }[],
): ProseSegment {
  const start = lines.lineStarts[map[0]] as number;
  const end = lines.lineEnd(map[1] - 1);
  const source = text.slice(start, end);
  return { kind, start, end, text: applyMasks(source, findInlineMasks(source)), headings: headings.map((h) => h.text) };
}

function tableCells(
  text: string,
  lines: LineIndex,
  line: number,
  headings: { text: string }[],
  headerCells: string[],
): ProseSegment[] {
  const lineStart = lines.lineStarts[line] as number;
  const row = text.slice(lineStart, lines.lineEnd(line));
  const cells: ProseSegment[] = [];
  for (const [cellStart, cellEnd] of splitTableRow(row)) {
    const source = row.slice(cellStart, cellEnd);
    const column = cells.length;
    cells.push({
      kind: 'table-cell',
      start: lineStart + cellStart,
      end: lineStart + cellEnd,
      text: applyMasks(source, findInlineMasks(source)),
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
    .replace(/^[\s>]*#{1,6}[ \t]*/, '')
    .replace(/[ \t]+#+[ \t]*$/, '')
    .replace(/\r?\n[=-]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Line numbers inside `<!-- retro-health:begin -->` … `<!-- retro-health:end -->`, markers included. */
function healthSectionLines(lines: LineIndex): Set<number> {
  const excluded = new Set<number>();
  let begin = -1;
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (begin === -1 && HEALTH_SECTION_BEGIN.test(content)) begin = line;
    if (begin !== -1 && HEALTH_SECTION_END.test(content)) {
      for (let l = begin; l <= line; l++) excluded.add(l);
      begin = -1;
    }
  }
  return excluded;
}

/** The text with the given lines emptied, so markdown-it's line numbers stay those of the document. */
function blankLines(text: string, lines: LineIndex, excluded: Set<number>): string {
  if (excluded.size === 0) return text;
  const parts: string[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    parts.push(excluded.has(line) ? '' : lines.lineText(line));
  }
  return parts.join('\n');
}
