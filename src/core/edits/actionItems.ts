import { readRetro } from '../markdown/reader';
import { lineEndingOf, type TextEdit } from './textEdit';

/** Headings teams use for the list of things they will do. */
export const ACTION_HEADING = /^(?:[^\p{L}\p{N}]*\s*)?(action items?|actions|next steps|to ?dos?|follow[- ]?ups?)\b/iu;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;
const CHECKBOX_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\]\s+(.*?)\s*$/;

/**
 * The edit that adds `- [ ] action` under the document's action-items heading (any level),
 * or a new "## Action items" section at the end when there is none. Null when the same
 * item is already there, ticked or not. Keeps the document's line endings and its final
 * newline (or its absence).
 */
export function addActionItemEdit(source: string, action: string): TextEdit | null {
  const document = readRetro(source);
  const { text, lines } = document;
  const eol = lineEndingOf(text);
  const wanted = normaliseItem(action);
  for (let line = 0; line < lines.lineCount; line++) {
    const item = CHECKBOX_ITEM.exec(lines.lineText(line));
    if (item && normaliseItem(item[1] as string) === wanted) return null;
  }
  const item = `- [ ] ${action}`;
  const heading = document.segments.find((segment) => segment.kind === 'heading' && ACTION_HEADING.test(headingTitle(segment.text)));
  if (!heading) {
    const endsWithBreak = /(\r\n|\n|\r)$/.test(text);
    const lead = text.length === 0 ? '' : endsWithBreak ? eol : eol + eol;
    const trail = endsWithBreak ? eol : '';
    return { offset: text.length, length: 0, newText: `${lead}## Action items${eol}${eol}${item}${trail}` };
  }
  const headingLine = lines.positionAt(heading.start).line;
  const level = headingLevel(lines.lineText(headingLine));
  // The section runs to the next heading of the same or a higher level.
  let sectionEnd = lines.lineCount;
  for (const segment of document.segments) {
    if (segment.kind !== 'heading' || segment.start <= heading.start) continue;
    const line = lines.positionAt(segment.start).line;
    if (headingLevel(lines.lineText(line)) <= level) {
      sectionEnd = line;
      break;
    }
  }
  let lastContent = lines.positionAt(heading.end).line;
  for (let line = sectionEnd - 1; line > lastContent; line--) {
    if (lines.lineText(line).trim() !== '') {
      lastContent = line;
      break;
    }
  }
  const offset = lines.lineEnd(lastContent);
  const isHeadingLine = lastContent === lines.positionAt(heading.end).line;
  return { offset, length: 0, newText: isHeadingLine ? `${eol}${eol}${item}` : `${eol}${item}` };
}

function headingTitle(maskedHeading: string): string {
  return maskedHeading.replace(/^[\s>]*#{1,6}[ \t]*/, '').trim();
}

/** ATX level from the line; setext headings count as level 1–2 (treated as 2). */
function headingLevel(line: string): number {
  const atx = ATX_HEADING.exec(line.replace(/^[\s>]*/, ''));
  return atx ? (atx[1] as string).length : 2;
}

function normaliseItem(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}
