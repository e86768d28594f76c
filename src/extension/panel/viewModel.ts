/**
 * Turns the core's analysis into the panel's view state (src/shared/panelProtocol.ts). Pure: no
 * `vscode` import, so the webview tests build their states with exactly this code.
 */
import { whyFlagged } from '../../core/explain';
import type { RetroAnalysis } from '../../core/analyze';
import { STAGE_ILLNESS, type DocumentStage } from '../../core/types';
import { teamKey } from '../../core/retroSet/retroSet';
import { clip, LIMITS, type FindingView, type FollowThrough, type RetroView, type Trend, type TrendPoint, type TreatmentView } from '../../shared/panelProtocol';

/** A `- [ ] item` line, ticked or not (the form the add-action-item edit writes and checks). */
const CHECKBOX_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])\s+\[[ xX]\]\s+(.*?)\s*$/;

export interface RetroViewInput {
  documentUri: string;
  fileName: string;
  /** The core's `teamOf` for this retro. */
  team: string | null;
  analysis: RetroAnalysis;
  trend: Trend;
  /** What it carries from the team's earlier retros (see followThroughView.ts). */
  followThrough: FollowThrough;
}

export function toRetroView({ documentUri, fileName, team, analysis, trend, followThrough }: RetroViewInput): RetroView {
  const { diagnosis, document } = analysis;
  const existing = existingActionItems(document.text);
  const titles = new Map(analysis.findings.map((finding) => [finding.symptom, finding.title]));
  const findings: FindingView[] = analysis.findings.slice(0, LIMITS.findings).map((finding) => ({
    symptom: clip(finding.symptom, LIMITS.name),
    title: clip(finding.title, LIMITS.name),
    stage: finding.stage,
    side: finding.side,
    text: clip(finding.text, LIMITS.quote),
    message: clip(finding.message, LIMITS.prose),
    confidence: Math.min(1, Math.max(0, finding.confidence)),
    ...withWhy(finding),
    range: {
      start: { line: finding.range.start.line, character: finding.range.start.character },
      end: { line: finding.range.end.line, character: finding.range.end.character },
    },
  }));
  const treatments: TreatmentView[] = diagnosis.treatments.slice(0, LIMITS.treatments).map((treatment) => ({
    id: clip(treatment.id, LIMITS.name),
    title: clip(treatment.title, LIMITS.name),
    summary: clip(treatment.summary, LIMITS.prose),
    relevance: Math.max(0, treatment.relevance),
    answers: treatment.answers.slice(0, LIMITS.findings).map((id) => clip(titles.get(id) ?? id, LIMITS.name)),
    actions: treatment.actions
      .filter((action) => action.trim() !== '' && action.length <= LIMITS.action)
      .slice(0, LIMITS.actions)
      .map((action) => ({ text: action, added: existing.has(normaliseItem(action)) })),
  }));
  return {
    documentUri,
    fileName: clip(fileName, LIMITS.name),
    team: team === null ? null : clip(team, LIMITS.name),
    date: document.date,
    diagnosis: {
      stage: diagnosis.stage,
      illness: STAGE_ILLNESS[diagnosis.stage],
      score: Math.round(Math.min(100, Math.max(0, diagnosis.score))),
      explanation: clip(diagnosis.explanation, LIMITS.prose),
      byStage: { ...diagnosis.byStage },
      sides: { ...diagnosis.sides },
    },
    findings,
    omittedFindings: Math.max(0, analysis.findings.length - findings.length),
    hints: analysis.hints.length,
    treatments,
    trend,
    followThrough,
  };
}

/** The normalised texts of the document's checkbox items, to mark treatments already added. */
export function existingActionItems(text: string): Set<string> {
  const items = new Set<string>();
  for (const line of text.split(/\r\n|\n|\r/)) {
    const match = CHECKBOX_ITEM.exec(line);
    if (match) items.add(normaliseItem(match[1] as string));
  }
  return items;
}

function normaliseItem(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** One retro of the team, as the trend needs it. */
export interface TrendRecord {
  uri: string;
  label: string;
  date: string | null;
  /** As the workspace's retro set places it (front matter `team`, a folder, or the file name). */
  team: string | null;
  stage: DocumentStage;
  score: number;
}

/**
 * The trend of the current retro against the same team's earlier retros, oldest first, the
 * current one last. "Earlier" and "same team" are the core's rule for the written-back section
 * (`sectionHistoryOf`): same team (any capitalisation), a date strictly before this retro's. Undated retros cannot be placed
 * and are only counted. Only the most recent LIMITS.trendPoints are kept.
 */
export function buildTrend(current: TrendRecord, others: readonly TrendRecord[]): Trend {
  if (current.team === null) {
    return { status: 'none', reason: 'Add "team: <name>" to the front matter (or keep the team\u2019s retros in a folder named after it) to compare this retro with the team\u2019s earlier ones.' };
  }
  if (current.date === null) {
    return { status: 'none', reason: 'This retro has no date ("date:" in the front matter or a date in the file name), so it cannot be placed among the team\u2019s retros.' };
  }
  const currentDate = current.date;
  const team = others.filter((record) => record.uri !== current.uri && teamKey(record.team) === teamKey(current.team));
  const earlier = team
    .filter((record): record is TrendRecord & { date: string } => record.date !== null && record.date < currentDate)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.label.localeCompare(b.label)));
  const undated = team.filter((record) => record.date === null).length;
  const toPoint = (record: TrendRecord, isCurrent: boolean): TrendPoint => ({
    uri: clip(record.uri, LIMITS.uri),
    label: clip(record.label, LIMITS.name),
    date: record.date,
    stage: record.stage,
    score: Math.round(Math.min(100, Math.max(0, record.score))),
    current: isCurrent,
  });
  const points = [...earlier.map((record) => toPoint(record, false)), toPoint(current, true)].slice(-LIMITS.trendPoints);
  return { status: 'ready', team: clip(current.team, LIMITS.name), points, undated };
}

function withWhy(finding: RetroAnalysis['findings'][number]): { why?: string } {
  const why = whyFlagged(finding);
  return why === undefined ? {} : { why: clip(why, LIMITS.prose) };
}
