import type { Catalog, Treatment, TreatmentId } from './catalog/schema';
import { STAGES, stageRank, type DocumentStage, type Finding, type Side, type Stage } from './types';

/** A stage counts as evidenced by one finding this sure, or by several adding up to the total below. */
const CLEAR_EVIDENCE = 0.7;
const CUMULATIVE_EVIDENCE = 1.2;

/** Score bands per stage; more and later findings push a document down its band. */
const SCORE_BAND: Record<DocumentStage, [low: number, high: number]> = {
  healthy: [90, 100],
  early: [70, 89],
  middle: [45, 69],
  advanced: [20, 44],
  end: [0, 19],
};
const STAGE_WEIGHT: Record<Stage, number> = { early: 1, middle: 2, advanced: 3, end: 4 };

export type SideBalance = 'none' | 'business' | 'it' | 'both';

export interface SideSplit {
  business: number;
  it: number;
  both: number;
  /** Whose voice dominates the findings: one side blaming, or both. */
  balance: SideBalance;
}

export interface RecommendedTreatment {
  id: TreatmentId;
  title: string;
  summary: string;
  actions: string[];
  relevance: number;
  /** Symptom ids this treatment answers in the document. */
  answers: string[];
}

export interface Diagnosis {
  stage: DocumentStage;
  score: number;
  explanation: string;
  byStage: Record<Stage, number>;
  sides: SideSplit;
  treatments: RecommendedTreatment[];
}

export function diagnose(findings: readonly Finding[], catalog: Catalog): Diagnosis {
  const byStage = { early: 0, middle: 0, advanced: 0, end: 0 } as Record<Stage, number>;
  for (const finding of findings) byStage[finding.stage] += 1;
  const stage = worstEvidencedStage(findings);
  const sides = splitSides(findings);
  return {
    stage,
    score: score(stage, findings),
    explanation: explain(stage, findings, sides, catalog),
    byStage,
    sides,
    treatments: recommendTreatments(stage, findings, catalog),
  };
}

function worstEvidencedStage(findings: readonly Finding[]): DocumentStage {
  for (const stage of [...STAGES].reverse()) {
    const atStage = findings.filter((finding) => finding.stage === stage);
    const strongest = Math.max(0, ...atStage.map((finding) => finding.confidence));
    const total = atStage.reduce((sum, finding) => sum + finding.confidence, 0);
    if (strongest >= CLEAR_EVIDENCE || total >= CUMULATIVE_EVIDENCE) return stage;
  }
  return 'healthy';
}

function score(stage: DocumentStage, findings: readonly Finding[]): number {
  const [low, high] = SCORE_BAND[stage];
  if (stage === 'healthy') return Math.max(low, high - 2 * findings.length);
  const burden = findings.reduce((sum, finding) => sum + STAGE_WEIGHT[finding.stage] * finding.confidence, 0);
  const depth = 1 - Math.exp(-Math.max(0, burden - 1) / 6);
  return Math.round(high - depth * (high - low));
}

/** One side dominates when it voices this share of the findings (a retro's diagnosis and a team's in the report). */
export const DOMINANT_SIDE_SHARE = 0.75;

function splitSides(findings: readonly Finding[]): SideSplit {
  const count = (side: Side) => findings.filter((finding) => finding.side === side).length;
  const split = { business: count('business'), it: count('it'), both: count('both') };
  const total = split.business + split.it + split.both;
  let balance: SideBalance = 'none';
  if (total > 0) {
    if (split.business >= DOMINANT_SIDE_SHARE * total) balance = 'business';
    else if (split.it >= DOMINANT_SIDE_SHARE * total) balance = 'it';
    else balance = 'both';
  }
  return { ...split, balance };
}

function recommendTreatments(stage: DocumentStage, findings: readonly Finding[], catalog: Catalog): RecommendedTreatment[] {
  if (stage === 'healthy' && findings.length === 0) return [];
  const relevance = new Map<TreatmentId, { score: number; answers: Set<string> }>();
  const entry = (id: TreatmentId) => {
    let value = relevance.get(id);
    if (!value) relevance.set(id, (value = { score: 0, answers: new Set() }));
    return value;
  };
  for (const finding of findings) {
    finding.treatments.forEach((id, position) => {
      const value = entry(id as TreatmentId);
      value.score += finding.confidence / (1 + position);
      value.answers.add(finding.symptom);
    });
  }
  if (stage !== 'healthy') {
    for (const treatment of catalog.treatments) if (treatment.stages.includes(stage)) entry(treatment.id).score += 0.3;
  }
  const byId = new Map<TreatmentId, Treatment>(catalog.treatments.map((treatment) => [treatment.id, treatment]));
  return [...relevance.entries()]
    .map(([id, value]) => {
      const treatment = byId.get(id) as Treatment;
      return {
        id,
        title: treatment.title,
        summary: treatment.summary,
        actions: treatment.actions,
        relevance: Math.round(value.score * 100) / 100,
        answers: [...value.answers],
      };
    })
    .sort((a, b) => b.relevance - a.relevance || (byId.get(a.id)?.order ?? 0) - (byId.get(b.id)?.order ?? 0));
}

function explain(stage: DocumentStage, findings: readonly Finding[], sides: SideSplit, catalog: Catalog): string {
  if (findings.length === 0) return 'No sign of strain between IT and the business.';
  if (stage === 'healthy') return `Only weak hints of strain (${findings.length}); nothing clearly evidenced.`;
  const worst = [...findings].sort((a, b) => stageRank(b.stage) - stageRank(a.stage) || b.confidence - a.confidence)[0] as Finding;
  const title = catalog.symptoms.find((symptom) => symptom.id === worst.symptom)?.title ?? worst.symptom;
  const voices: Record<SideBalance, string> = {
    none: '',
    business: 'the complaints come from the business side',
    it: 'the complaints come from the IT side',
    both: 'both sides are blaming each other',
  };
  const plural = findings.length === 1 ? 'symptom' : 'symptoms';
  const lead = /^[A-Z][a-z]/.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
  return `${findings.length} ${plural}, the most serious: ${lead}; ${voices[sides.balance]}.`;
}
