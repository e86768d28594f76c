import { ACTION_HEADING } from '../edits/actionItems';
import { SECTION_BEGIN_LINE as BEGIN_LINE, SECTION_END_LINE as END_LINE } from '../markdown/healthMarkers';
import type { RetroDocument } from '../markdown/reader';
import type { FollowUpSource } from './types';

/** A checkbox item of a retro: in its written-back health section or under an action-items heading. */
export interface ChecklistItem {
  /** 0-based line. */
  line: number;
  /** As written, without a "(carried over from …)" note. */
  text: string;
  /** Normalised text: the same item in two retros has the same key. */
  key: string;
  done: boolean;
  source: FollowUpSource;
}

const CHECKBOX_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[([ xX])\]\s+(.*?)\s*$/;
const CARRIED_NOTE = /\s*\(carried over from [^)]*\)\s*$/i;
/** A hand-written carry-over: "Carried over: …", "Carried over from sprint 21: …", "Carried over again: …". */
const CARRIED_PREFIX = /^carried over\b[^:]{0,40}:\s*/i;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]|$)/;

/** Normalised item text: carried-over notes, case, spacing and a final full stop do not matter. */
export function itemKey(text: string): string {
  return text.replace(CARRIED_NOTE, '').replace(/\s+/g, ' ').trim().replace(CARRIED_PREFIX, '').replace(/[.;,]+$/, '').toLowerCase();
}

export function checklistItems(document: RetroDocument): ChecklistItem[] {
  const { lines } = document;
  const items: ChecklistItem[] = [];
  const inSection = new Uint8Array(lines.lineCount);

  // Health sections: the begin marker nearest each end marker, as the section writer reads them.
  let begin = -1;
  const hasSection = document.text.includes('retro-health:end');
  for (let line = 0; hasSection && line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (BEGIN_LINE.test(content)) begin = line;
    else if (begin !== -1 && END_LINE.test(content)) {
      for (let l = begin; l <= line; l++) {
        inSection[l] = 1;
        const item = checkbox(lines.lineText(l), l, 'health-section');
        if (item) items.push(item);
      }
      begin = -1;
    }
  }

  // Action-item sections run from their heading to the next heading of the same or a higher level.
  // Only list items the reader saw as prose count, so a checkbox in a code block is not one.
  let actionLevel = 0;
  for (const segment of document.segments) {
    if (segment.kind === 'heading') {
      const line = lines.positionAt(segment.start).line;
      const level = headingLevel(lines.lineText(line), segment.text);
      if (actionLevel !== 0 && level <= actionLevel) actionLevel = 0;
      if (actionLevel === 0 && ACTION_HEADING.test(headingTitle(segment.text))) actionLevel = level;
    } else if (segment.kind === 'paragraph' && actionLevel !== 0) {
      const line = lines.positionAt(segment.start).line;
      if (inSection[line]) continue;
      const item = checkbox(lines.lineText(line), line, 'action-items');
      if (item) items.push(item);
    }
  }
  return items.sort((a, b) => a.line - b.line);
}

function checkbox(content: string, line: number, source: FollowUpSource): ChecklistItem | null {
  const match = CHECKBOX_ITEM.exec(content);
  if (!match) return null;
  const text = (match[2] as string).replace(CARRIED_NOTE, '');
  const key = itemKey(text);
  return key === '' ? null : { line, text, key, done: match[1] !== ' ', source };
}

function headingTitle(maskedHeading: string): string {
  return maskedHeading.replace(/^[\s>]*#{1,6}[ \t]*/, '').trim();
}

/** ATX level from the line; a setext heading is 1 under `===`, else 2. */
function headingLevel(line: string, segmentText: string): number {
  const atx = ATX_HEADING.exec(line.replace(/^[\s>]*/, ''));
  if (atx) return (atx[1] as string).length;
  return /\n\s*=+\s*$/.test(segmentText) ? 1 : 2;
}
