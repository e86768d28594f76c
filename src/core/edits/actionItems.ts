import type { Catalog } from '../catalog/schema';
import type { Finding } from '../types';
import { readRetro } from '../markdown/reader';
import { applyEdit, lineEndingOf, type TextEdit } from './textEdit';

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

/**
 * One edit that adds every action not already there (in order, each once), as `addActionItemEdit`
 * would one by one: "fix all" is one undo. Null when all are there already.
 */
export function addActionItemsEdit(source: string, actions: readonly string[]): TextEdit | null {
  const original = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  let text = original;
  for (const action of actions) {
    const edit = addActionItemEdit(text, action);
    if (edit) text = applyEdit(text, edit);
  }
  if (text === original) return null;
  // Everything added lies between the longest common head and tail of the two texts.
  let head = 0;
  const shorter = Math.min(text.length, original.length);
  while (head < shorter && text.charCodeAt(head) === original.charCodeAt(head)) head++;
  let tail = 0;
  while (tail < shorter - head && text.charCodeAt(text.length - 1 - tail) === original.charCodeAt(original.length - 1 - tail)) tail++;
  return { offset: head, length: original.length - head - tail, newText: text.slice(head, text.length - tail) };
}

/**
 * "Add action items for every symptom": for each symptom found, in document order, the first
 * action of its best treatment (the one its quick fix prefers), each treatment once.
 */
export function actionsForEverySymptom(findings: readonly Pick<Finding, 'treatments'>[], catalog: Pick<Catalog, 'treatments'>): string[] {
  const seen = new Set<string>();
  const actions: string[] = [];
  for (const finding of findings) {
    const best = finding.treatments[0];
    if (best === undefined || seen.has(best)) continue;
    seen.add(best);
    const action = catalog.treatments.find((treatment) => treatment.id === best)?.actions[0];
    if (action) actions.push(action);
  }
  return actions;
}
