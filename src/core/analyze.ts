import { builtInCatalog, type Catalog } from './catalog';
import { diagnose, type Diagnosis } from './diagnosis';
import { readRetro, type RetroDocument } from './markdown/reader';
import { isSuppressed } from './markdown/suppressions';
import { SymptomMatcher } from './matcher/matcher';
import type { TeamVerdict } from './verdicts';
import type { SentenceModel } from './model';
import { STAGE_ILLNESS, type Finding, type Side } from './types';

export interface AnalyzeOptions {
  fileName?: string;
  /** A compiled catalog; compile once and reuse it across documents. */
  matcher?: SymptomMatcher;
  /** Findings below this confidence are returned as hints, not findings. */
  minConfidence?: number;
  disabledSymptoms?: readonly string[];
}

export interface RetroAnalysis {
  document: RetroDocument;
  findings: Finding[];
  /** Possible symptoms below the confidence threshold. */
  hints: Finding[];
  diagnosis: Diagnosis;
}

export const DEFAULT_MIN_CONFIDENCE = 0.6;

let defaultMatcher: SymptomMatcher | undefined;

/** A compiled catalog with the team's verdicts and, unless `model` is null, the shipped sentence model. */
export function createMatcher(catalog: Catalog = builtInCatalog(), options: { verdicts?: readonly TeamVerdict[]; model?: SentenceModel | null } = {}): SymptomMatcher {
  return new SymptomMatcher(catalog, options);
}

export function analyzeRetro(source: string, options: AnalyzeOptions = {}): RetroAnalysis {
  const matcher = options.matcher ?? (defaultMatcher ??= createMatcher());
  const document = readRetro(source, options.fileName === undefined ? {} : { fileName: options.fileName });
  const disabled = new Set(options.disabledSymptoms ?? []);
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const all: Finding[] = [];
  for (const segment of document.segments) {
    for (const match of matcher.matchSegment(segment)) {
      const startOffset = segment.start + match.start;
      const endOffset = segment.start + match.end;
      const range = { start: document.lines.positionAt(startOffset), end: document.lines.positionAt(endOffset) };
      if (disabled.has(match.symptom.id) || isSuppressed(document.suppressions, match.symptom.id, range.start.line)) continue;
      all.push({
        symptom: match.symptom.id,
        title: match.symptom.title,
        stage: match.symptom.stage,
        side: match.symptom.side,
        startOffset,
        endOffset,
        range,
        text: document.text.slice(startOffset, endOffset),
        confidence: Math.round(match.confidence * 100) / 100,
        via: match.via,
        ...(match.evidence && { evidence: match.evidence.map(({ start, end }) => segment.text.slice(start, end)) }),
        message: findingMessage(match.symptom.title, match.symptom.stage, match.symptom.side),
        treatments: match.symptom.treatments,
      });
    }
  }
  // The model speaks up only where held-out writers showed it is right often enough (its report floor).
  const modelFloor = matcher.model?.header.reportFloor ?? 1;
  const isFinding = (finding: Finding) => finding.confidence >= minConfidence && (finding.via !== 'model' || finding.confidence >= modelFloor);
  const findings = all.filter(isFinding);
  const hints = all.filter((finding) => !isFinding(finding));
  return { document, findings, hints, diagnosis: diagnose(findings, matcher.catalog) };
}

const SIDE_VOICE: Record<Side, string> = {
  business: 'usually voiced by the business',
  it: 'usually voiced by IT',
  both: 'voiced by either side',
};

function findingMessage(title: string, stage: Finding['stage'], side: Side): string {
  const article = stage === 'middle' ? 'a' : 'an';
  return `${title}: ${article} ${stage}-stage sign (${STAGE_ILLNESS[stage]}), ${SIDE_VOICE[side]}.`;
}
