// Scores the CLI's JSON report against a labelled set (labels.json beside the retros).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportFinding } from '../../src/cli/model';

interface Label {
  line: number;
  quote: string;
}
interface SymptomLabel extends Label {
  symptom: string;
  stage: string;
  side: string;
  kind: 'verbatim' | 'paraphrase';
}
interface NegativeLabel extends Label {
  family: string;
}
interface DocumentLabels {
  stage: string;
  symptoms: SymptomLabel[];
  negatives: NegativeLabel[];
}
/** A finding as `retro-health report --format json` prints it. */
export type { ReportFinding };
export interface ReportDocument {
  file: string;
  stage: string;
  findings: ReportFinding[];
}

type Pair = [hit: number, total: number];

export interface Score {
  documents: number;
  counts: { verbatim: Pair; paraphrase: Pair; rightStage: Pair; rightSymptom: Pair; negatives: Pair };
  flagsOnSymptoms: number;
  flagsOnNegatives: number;
  flagsOnHealthy: number;
  unlabelledFlags: number;
  stageByExpected: Record<string, Pair>;
  misses: string[];
  falseFlags: string[];
}

export const ratio = ([hit, total]: Pair): number => (total ? hit / total : 1);

export function precision(score: Score): number {
  return score.flagsOnSymptoms / Math.max(1, score.flagsOnSymptoms + score.flagsOnNegatives + score.flagsOnHealthy);
}

export function stageAccuracy(score: Score): number {
  const total = Object.values(score.stageByExpected).reduce<Pair>((sum, [hit, all]) => [sum[0] + hit, sum[1] + all], [0, 0]);
  return ratio(total);
}

export function scoreReport(dir: string, documents: ReportDocument[]): Score {
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')).documents as Record<string, DocumentLabels>;
  const byFile = new Map(documents.map((document) => [document.file.replace(/\\/g, '/').split('/').pop() as string, document]));
  const lineOf = (file: string, line: number) => readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)[line - 1] ?? '';
  const rangeOf = (file: string, label: Label) => {
    const column = lineOf(file, label.line).indexOf(label.quote);
    return { line: label.line, start: column + 1, end: column + 1 + label.quote.length };
  };
  const overlaps = (finding: ReportFinding, range: { line: number; start: number; end: number }) => {
    const before = finding.endLine < range.line || (finding.endLine === range.line && finding.endColumn <= range.start);
    const after = finding.line > range.line || (finding.line === range.line && finding.column >= range.end);
    return !before && !after;
  };
  const score: Score = {
    documents: Object.keys(labels).length,
    counts: { verbatim: [0, 0], paraphrase: [0, 0], rightStage: [0, 0], rightSymptom: [0, 0], negatives: [0, 0] },
    flagsOnSymptoms: 0,
    flagsOnNegatives: 0,
    flagsOnHealthy: 0,
    unlabelledFlags: 0,
    stageByExpected: {},
    misses: [],
    falseFlags: [],
  };
  const count = (pair: Pair, hit: boolean) => {
    pair[1] += 1;
    if (hit) pair[0] += 1;
  };
  for (const [file, expected] of Object.entries(labels)) {
    const document = byFile.get(file);
    if (!document) throw new Error(`missing from the report: ${file}`);
    const used = new Set<ReportFinding>();
    for (const label of expected.symptoms) {
      const hits = document.findings.filter((finding) => overlaps(finding, rangeOf(file, label)));
      hits.forEach((hit) => used.add(hit));
      count(score.counts[label.kind], hits.length > 0);
      count(score.counts.rightStage, hits.some((hit) => hit.stage === label.stage));
      count(score.counts.rightSymptom, hits.some((hit) => hit.symptom === label.symptom));
      if (hits.length === 0) score.misses.push(`${file}:${label.line}  [${label.symptom}, ${label.kind}]  ${label.quote}`);
      else if (!hits.some((hit) => hit.stage === label.stage)) score.misses.push(`${file}:${label.line}  wrong stage ${hits.map((h) => h.symptom).join(',')} ≠ ${label.symptom}`);
    }
    score.flagsOnSymptoms += used.size;
    for (const negative of expected.negatives) {
      const hits = document.findings.filter((finding) => overlaps(finding, rangeOf(file, negative)));
      count(score.counts.negatives, hits.length > 0);
      score.flagsOnNegatives += hits.length;
      hits.forEach((hit) => used.add(hit));
      if (hits.length) score.falseFlags.push(`${file}:${negative.line}  [negative: ${negative.family}] ${hits.map((h) => h.symptom).join(',')}  “${hits.map((h) => h.text).join(' / ')}”`);
    }
    for (const finding of document.findings) {
      if (used.has(finding)) continue;
      if (expected.symptoms.length === 0 && expected.stage === 'healthy') score.flagsOnHealthy += 1;
      else score.unlabelledFlags += 1;
      score.falseFlags.push(`${file}:${finding.line}  [${expected.symptoms.length ? 'unlabelled' : 'healthy doc'}] ${finding.symptom} (${finding.confidence})  “${finding.text.replace(/\s+/g, ' ')}”`);
    }
    const stage = (score.stageByExpected[expected.stage] ??= [0, 0]);
    count(stage, document.stage === expected.stage);
    if (document.stage !== expected.stage) score.misses.push(`${file}  document stage ${document.stage} ≠ expected ${expected.stage}`);
  }
  return score;
}
