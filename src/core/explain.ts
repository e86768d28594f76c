import type { Finding } from './types';

/** Why a finding was made, in one sentence a reader can check against the text; undefined for rule findings (their wording is the reason). */
export function whyFlagged(finding: Pick<Finding, 'via' | 'evidence'>): string | undefined {
  if (finding.via === 'team') return 'Your team labelled this sentence as this symptom in .retro-health.json.';
  if (finding.via !== 'model') return undefined;
  if (!finding.evidence?.length) return 'Found by the trained sentence model.';
  return `Found by the trained sentence model; the words that weighed most: ${finding.evidence.map((words) => `“${words}”`).join(', ')}.`;
}
