import type { RetroAnalysis } from '../core/analyze';
import { whyFlagged } from '../core/explain';
import type { RecommendedTreatment } from '../core/diagnosis';
import { DOCUMENT_STAGES, STAGES, stageRank, type DocumentStage, type Side, type Stage } from '../core/types';
import type { FileProblem } from './files';
import type { WorkspaceReport } from '../core/report';

/** The CLI's JSON shape; every formatter renders this one model. */
export interface ReportFinding {
  symptom: string;
  title: string;
  stage: Stage;
  side: Side;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
  message: string;
  treatments: string[];
  confidence: number;
  /** Who found it: the article's wording (phrase), a rule's paraphrase (concept), the sentence model, or the team's verdict. */
  via: 'phrase' | 'concept' | 'model' | 'team';
  /** Why, for a model or team finding. */
  why?: string;
}

export interface ReportDocument {
  file: string;
  date: string | null;
  team: string | null;
  stage: DocumentStage;
  score: number;
  explanation: string;
  sides: { business: number; it: number; both: number; balance: string };
  findings: ReportFinding[];
  treatments: Pick<RecommendedTreatment, 'id' | 'title' | 'actions' | 'relevance'>[];
}

export interface Report {
  tool: 'retro-health';
  version: string;
  documents: ReportDocument[];
  errors: FileProblem[];
  summary: { documents: number; findings: number; worstStage: DocumentStage; byStage: Record<Stage, number> };
  /** The workspace report over these documents: teams, trends, recurring symptoms, follow-ups. */
  report?: WorkspaceReport;
}

export function toReportDocument(file: string, analysis: RetroAnalysis): ReportDocument {
  const { diagnosis } = analysis;
  return {
    file,
    date: analysis.document.date,
    team: analysis.document.team,
    stage: diagnosis.stage,
    score: diagnosis.score,
    explanation: diagnosis.explanation,
    sides: diagnosis.sides,
    findings: analysis.findings.map((finding) => ({
      symptom: finding.symptom,
      title: finding.title,
      stage: finding.stage,
      side: finding.side,
      line: finding.range.start.line + 1,
      column: finding.range.start.character + 1,
      endLine: finding.range.end.line + 1,
      endColumn: finding.range.end.character + 1,
      text: finding.text,
      message: finding.message,
      treatments: finding.treatments,
      confidence: finding.confidence,
      via: finding.via,
      ...(whyFlagged(finding) !== undefined && { why: whyFlagged(finding) }),
    })),
    treatments: diagnosis.treatments.map(({ id, title, actions, relevance }) => ({ id, title, actions, relevance })),
  };
}

export function buildReport(version: string, documents: ReportDocument[], errors: FileProblem[]): Report {
  const byStage = Object.fromEntries(STAGES.map((stage) => [stage, 0])) as Record<Stage, number>;
  let findings = 0;
  let worst: DocumentStage = 'healthy';
  for (const document of documents) {
    for (const finding of document.findings) byStage[finding.stage] += 1;
    findings += document.findings.length;
    if (stageRank(document.stage) > stageRank(worst)) worst = document.stage;
  }
  return { tool: 'retro-health', version, documents, errors, summary: { documents: documents.length, findings, worstStage: worst, byStage } };
}

export function isStage(value: string): value is DocumentStage {
  return (DOCUMENT_STAGES as readonly string[]).includes(value);
}
