/**
 * YAML front matter: we only need a few top-level scalars (date, team, retro, title),
 * so a tolerant line reader is enough and keeps a YAML parser out of the bundle.
 */
export interface FrontMatter {
  /** Line count of the block including both fences; 0 when there is none. */
  lineCount: number;
  endOffset: number;
  fields: Record<string, string>;
}

const FENCE = /^---[ \t]*\r?$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*\r?$/;
const SCALAR_FIELD = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*\r?$/;
const MAX_FRONT_MATTER_LINES = 500;

/** The last text read and what it held: the retro set, its recogniser and the reader each ask about the same file in turn. */
let last: { text: string; frontMatter: FrontMatter } | undefined;

export function readFrontMatter(text: string): FrontMatter {
  if (last?.text !== text) last = { text, frontMatter: readFrontMatterUncached(text) };
  const { lineCount, endOffset, fields } = last.frontMatter;
  // A copy each time: callers own what they are given.
  return { lineCount, endOffset, fields: { ...fields } };
}

function readFrontMatterUncached(text: string): FrontMatter {
  const none: FrontMatter = { lineCount: 0, endOffset: 0, fields: {} };
  // Most retros have none: don't split the first 500 lines to find out.
  if (!text.startsWith('---')) return none;
  const lines = linesToClosingFence(text);
  const closing = lines.length - 1;
  if (closing < 1 || !FENCE.test(lines[0] as string) || !CLOSING_FENCE.test(lines[closing] as string)) return none;
  const fields: Record<string, string> = {};
  for (const line of lines.slice(1, closing)) {
    const match = SCALAR_FIELD.exec(line);
    if (match) fields[(match[1] as string).toLowerCase()] = unquote(stripComment(match[2] as string));
  }
  let endOffset = 0;
  for (let i = 0; i <= closing; i++) endOffset += (lines[i] as string).length + 1;
  return { lineCount: closing + 1, endOffset: Math.min(endOffset, text.length), fields };
}

/**
 * The text's first lines (as `split('\n')` gives them), up to the first closing fence after the
 * first line, MAX_FRONT_MATTER_LINES + 2 lines or the end: a retro's body is not split to read its front matter.
 */
function linesToClosingFence(text: string): string[] {
  const lines: string[] = [];
  for (let start = 0; lines.length < MAX_FRONT_MATTER_LINES + 2; ) {
    const newline = text.indexOf('\n', start);
    const line = newline === -1 ? text.slice(start) : text.slice(start, newline);
    lines.push(line);
    if (newline === -1 || (lines.length === 1 ? !FENCE.test(line) : CLOSING_FENCE.test(line))) break;
    start = newline + 1;
  }
  return lines;
}

/** Drops a trailing "# comment"; for a quoted value, everything after the closing quote. */
function stripComment(value: string): string {
  const quote = value[0];
  if (quote === '"' || quote === "'") {
    const close = value.indexOf(quote, 1);
    return close === -1 ? value : value.slice(0, close + 1);
  }
  const hash = value.search(/\s#/);
  return hash === -1 ? value : value.slice(0, hash).trimEnd();
}

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.endsWith(quote) && value.length >= 2) return value.slice(1, -1);
  return value;
}

/** A front matter flag: true / yes / on, false / no / off (any case); undefined for anything else. */
export function frontMatterFlag(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(?:true|yes|on)$/i.test(value)) return true;
  if (/^(?:false|no|off)$/i.test(value)) return false;
  return undefined;
}

/** A real calendar date as YYYY-MM-DD, or null. */
export function parseIsoDate(value: string | undefined): string | null {
  if (!value) return null;
  const match = /(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return null;
  const [iso, year, month, day] = match as unknown as [string, string, string, string];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  const valid = date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day);
  return valid ? iso : null;
}

export function dateFromFileName(fileName: string | undefined): string | null {
  if (!fileName) return null;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  return parseIsoDate(base);
}
