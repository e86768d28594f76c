import type { RetroAnalysis } from '../analyze';
import { SECTION_BEGIN, SECTION_BEGIN_LINE as BEGIN_LINE, SECTION_END, SECTION_END_LINE as END_LINE } from '../markdown/healthMarkers';
import { readRetro } from '../markdown/reader';
import { lineEndingOf, type TextEdit } from '../edits/textEdit';
import { STAGE_ILLNESS, type DocumentStage } from '../types';

export { SECTION_BEGIN, SECTION_END } from '../markdown/healthMarkers';
const CHECKBOX = /^\s*[-*+]\s+\[([ xX])\]\s+(.*?)\s*$/;
const CARRIED = /\s*\(carried over from [^)]*\)\s*$/;

/** One earlier retro of the same team, for the trend line. */
export interface TrendPoint {
  date: string | null;
  stage: DocumentStage;
  score: number;
}

export interface HealthSectionInput {
  analysis: RetroAnalysis;
  team?: string | null;
  /** The team's earlier retros, oldest first (this one excluded). */
  trend?: TrendPoint[];
  /** Still-open treatment items of the team's previous retro. */
  carriedOver?: { date: string | null; items: string[] };
}

/** A section whose markers do not pair up; writing is refused so nothing is lost. */
export class DamagedSectionError extends Error {}

/**
 * Why the markers are unusable, or null when there is none or exactly one well-formed pair:
 * a missing marker, an end before its begin, or two sections.
 */
export function damagedSectionReason(text: string): string | null {
  const { lines } = readRetro(text);
  const begins: number[] = [];
  const ends: number[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (BEGIN_LINE.test(content)) begins.push(line + 1);
    else if (END_LINE.test(content)) ends.push(line + 1);
  }
  if (begins.length === 0 && ends.length === 0) return null;
  if (begins.length > 1 || ends.length > 1) return `there are ${Math.max(begins.length, ends.length)} relationship-health sections (markers on lines ${[...begins, ...ends].sort((a, b) => a - b).join(', ')}); keep one`;
  if (begins.length === 0) return `the end marker on line ${ends[0]} has no ${SECTION_BEGIN} above it`;
  if (ends.length === 0) return `the begin marker on line ${begins[0]} has no ${SECTION_END} below it`;
  if ((ends[0] as number) < (begins[0] as number)) return `the markers are reversed: ${SECTION_END} on line ${ends[0]} comes before ${SECTION_BEGIN} on line ${begins[0]}`;
  return null;
}

/** Offsets of the whole section, from the start of the begin marker's line to the end of the end marker's line. */
export function locateHealthSection(text: string): { start: number; end: number } | null {
  const { lines } = readRetro(text);
  // The begin marker nearest the end marker wins, so a stray unmatched begin above is left alone.
  let begin = -1;
  for (let line = 0; line < lines.lineCount; line++) {
    const content = lines.lineText(line);
    if (BEGIN_LINE.test(content)) begin = line;
    else if (begin !== -1 && END_LINE.test(content)) return { start: lines.lineStarts[begin] as number, end: lines.lineEnd(line) };
  }
  return null;
}

/** Checklist items inside the section: text (without the carried-over note) -> ticked. */
export function sectionItems(text: string): Map<string, boolean> {
  const found = locateHealthSection(text);
  const items = new Map<string, boolean>();
  if (!found) return items;
  for (const line of text.slice(found.start, found.end).split(/\r\n|\n|\r/)) {
    const match = CHECKBOX.exec(line);
    if (match) items.set(normalise((match[2] as string).replace(CARRIED, '')), match[1] !== ' ');
  }
  return items;
}

/** Items still open in the section, as written (for carrying over to the next retro). */
export function openSectionItems(text: string): string[] {
  const found = locateHealthSection(text);
  if (!found) return [];
  return text
    .slice(found.start, found.end)
    .split(/\r\n|\n|\r/)
    .map((line) => CHECKBOX.exec(line))
    .filter((match): match is RegExpExecArray => match !== null && match[1] === ' ')
    .map((match) => (match[2] as string).replace(CARRIED, ''));
}

/**
 * The edit that inserts the section at the end, or replaces it in place. Null when the
 * document already holds exactly this section: writing twice changes nothing. Throws
 * DamagedSectionError, touching nothing, when the markers do not pair up.
 */
export function healthSectionEdit(source: string, input: HealthSectionInput): TextEdit | null {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const damage = damagedSectionReason(text);
  if (damage) throw new DamagedSectionError(`The relationship-health section is damaged: ${damage}. Fix the markers; nothing was changed.`);
  const eol = lineEndingOf(text);
  const existing = locateHealthSection(text);
  const ticked = sectionItems(text);
  if (existing) {
    // Findings below the section move when it grows or shrinks: render once to learn by how much.
    const oldLines = lineCount(text.slice(existing.start, existing.end));
    const draft = renderHealthSection(input, ticked, eol, 0, existing.start, text);
    const shift = lineCount(draft) - oldLines;
    const section = renderHealthSection(input, ticked, eol, shift, existing.start, text);
    if (text.slice(existing.start, existing.end) === section) return null;
    return { offset: existing.start, length: existing.end - existing.start, newText: section };
  }
  const section = renderHealthSection(input, ticked, eol, 0, text.length, text);
  const endsWithBreak = /(\r\n|\n|\r)$/.test(text);
  const lead = text.length === 0 ? '' : endsWithBreak ? eol : eol + eol;
  return { offset: text.length, length: 0, newText: `${lead}${section}${endsWithBreak ? eol : ''}` };
}

function renderHealthSection(input: HealthSectionInput, ticked: Map<string, boolean>, eol: string, shift: number, sectionOffset: number, text: string): string {
  const { diagnosis, findings } = input.analysis;
  const out: string[] = [SECTION_BEGIN, '## Relationship health', ''];
  out.push(`**Stage:** ${diagnosis.stage} (${STAGE_ILLNESS[diagnosis.stage]}) · **Score:** ${diagnosis.score}/100`, '', diagnosis.explanation, '');
  if (findings.length) {
    out.push('**Symptoms**', '');
    for (const finding of findings) {
      const below = finding.startOffset > sectionOffset && sectionOffset < text.length;
      const line = finding.range.start.line + 1 + (below ? shift : 0);
      out.push(`- Line ${line}: ${finding.title} (${finding.stage}, ${finding.side}): “${inline(finding.text)}”`);
    }
    out.push('');
    const { business, it, both } = diagnosis.sides;
    out.push(`**Balance:** business ${business} · IT ${it} · both ${both}`, '');
  }
  const trend = [...(input.trend ?? []), { date: input.analysis.document.date, stage: diagnosis.stage, score: diagnosis.score }];
  if (trend.length > 1) {
    const team = input.team ? ` (team ${inline(input.team)})` : '';
    out.push(`**Trend${team}:** ${trend.map((point) => `${point.date ?? 'undated'} ${point.stage} ${point.score}`).join(' → ')}`, '');
  }
  const plan = planItems(input);
  if (plan.length) {
    out.push('**Treatment plan**', '');
    for (const item of plan) out.push(`- [${ticked.get(normalise(item.text)) ? 'x' : ' '}] ${item.text}${item.from !== undefined ? ` (carried over from ${item.from ?? 'an undated retro'})` : ''}`);
    out.push('');
  }
  out.push(SECTION_END);
  return out.join(eol);
}

interface PlanItem {
  text: string;
  /** For a carried-over item, the date of the retro it came from. */
  from?: string | null;
}

/** The first action of each recommended treatment (top three), then the previous retro's open items. */
function planItems(input: HealthSectionInput): PlanItem[] {
  const items: PlanItem[] = [];
  const seen = new Set<string>();
  for (const treatment of input.analysis.diagnosis.treatments.slice(0, 3)) {
    const action = treatment.actions[0];
    if (action && !seen.has(normalise(action))) {
      seen.add(normalise(action));
      items.push({ text: `${action} (${treatment.title})` });
      seen.add(normalise(`${action} (${treatment.title})`));
    }
  }
  for (const text of input.carriedOver?.items ?? []) {
    if (seen.has(normalise(text))) continue;
    seen.add(normalise(text));
    items.push({ text, from: input.carriedOver?.date ?? null });
  }
  return items;
}

function inline(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[<>]/g, (char) => (char === '<' ? '&lt;' : '&gt;'));
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

function lineCount(text: string): number {
  return text.split(/\r\n|\n|\r/).length;
}
