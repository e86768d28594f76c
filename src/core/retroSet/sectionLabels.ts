import { readFrontMatter } from '../markdown/frontMatter';

const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/;
const SETEXT_UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** A line that is only bold text: "**What went well**", "__Actions:__". */
const BOLD_LINE = /^ {0,3}(?:[-*+][ \t]+)?(\*\*|__)([^*_]{2,60}?):?\1:?[ \t]*$/;
/** A short line ending in a colon, as plain-text retros label their lists: "What went well:". */
const COLON_LINE = /^ {0,3}([A-Za-z][^:|#`]{1,50}):[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const TABLE_SEPARATOR = /^ {0,3}\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)+\|?[ \t]*$/;
/** Labels are looked for in the first lines only: enough for any retro, cheap for a huge file. */
const MAX_LINES = 2000;

/**
 * The section labels of a markdown text, in order: headings (ATX and setext), lines that are
 * only bold text or end in a colon, and a table's header cells. Front matter and fenced code
 * are skipped. A light line scan: this runs on every markdown file of a workspace.
 */
export function sectionLabels(text: string): string[] {
  const body = text.replace(/^\uFEFF/, '');
  const lines = body.split(/\r?\n/, MAX_LINES);
  const labels: string[] = [];
  let fence: string | null = null;
  for (let index = readFrontMatter(body).lineCount; index < lines.length; index++) {
    const line = lines[index] as string;
    const fenceMatch = FENCE.exec(line);
    if (fence !== null) {
      if (fenceMatch && (fenceMatch[1] as string)[0] === fence[0] && (fenceMatch[1] as string).length >= fence.length) fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1] as string;
      continue;
    }
    const next = lines[index + 1];
    const label = ATX_HEADING.exec(line)?.[1] ?? BOLD_LINE.exec(line)?.[2] ?? COLON_LINE.exec(line)?.[1];
    if (label !== undefined) labels.push(label);
    else if (next !== undefined && line.trim() !== '' && !line.includes('|') && SETEXT_UNDERLINE.test(next)) labels.push(line.trim());
    else if (next !== undefined && line.includes('|') && TABLE_SEPARATOR.test(next)) labels.push(...tableCells(line));
  }
  return labels;
}

function tableCells(row: string): string[] {
  return row
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => cell.trim())
    .filter((cell) => cell !== '');
}
