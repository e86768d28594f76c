import type { ItemLifecycle } from './itemHistory';
import type { OutcomeVerdict, TreatmentOutcome, TreatmentTally } from './types';

/** Retros compared on each side of a treatment: at most this many… */
export const OUTCOME_WINDOW = 3;
/** …and at least this many, else it is too early to tell. */
export const MIN_OUTCOME_WINDOW = 2;
/** A team needs this many dated retros before any verdict. */
export const MIN_TEAM_RETROS = 3;

/** What the outcome needs of each dated retro of a team, oldest first. */
export interface OutcomeRetro {
  file: string;
  findings: readonly { symptom: string; title: string; treatments: readonly string[] }[];
}

/**
 * Did a ticked treatment item help? For each item that reads as a treatment action and was
 * ticked in a dated retro: the symptoms the treatment answers (those of the team's findings
 * whose symptom lists it) are counted in the K retros up to and including the one where the
 * item was added ("before") and the K retros after the one where it was ticked ("after"),
 * K = min(3, retros available on each side). Verdict:
 * - too early to tell: the team has fewer than 3 dated retros, or K < 2;
 * - nothing to compare: no symptom it answers appeared before;
 * - faded: they appeared in at most half as many retros after as before;
 * - persisted: otherwise.
 */
export function treatmentOutcomes(team: string | null, retros: readonly OutcomeRetro[], items: readonly ItemLifecycle[]): TreatmentOutcome[] {
  const outcomes: TreatmentOutcome[] = [];
  for (const item of items) {
    const { treatment, ticked } = item;
    if (treatment === null || ticked === null || ticked.retro < 0 || ticked.date === null || item.added.date === null) continue;
    const added = item.added.retro;
    const window = Math.min(OUTCOME_WINDOW, added + 1, retros.length - 1 - ticked.retro);
    const tooFew = retros.length < MIN_TEAM_RETROS || window < MIN_OUTCOME_WINDOW;
    const before = tooFew ? [] : retros.slice(added + 1 - window, added + 1);
    const after = tooFew ? [] : retros.slice(ticked.retro + 1, ticked.retro + 1 + window);
    const symptoms = new Map<string, { symptom: string; title: string; before: number; after: number }>();
    const count = (side: readonly OutcomeRetro[], key: 'before' | 'after') => {
      let retrosWithAny = 0;
      for (const retro of side) {
        const seen = new Set<string>();
        for (const finding of retro.findings) {
          if (!finding.treatments.includes(treatment.treatment) || seen.has(finding.symptom)) continue;
          seen.add(finding.symptom);
          let entry = symptoms.get(finding.symptom);
          if (!entry) symptoms.set(finding.symptom, (entry = { symptom: finding.symptom, title: finding.title, before: 0, after: 0 }));
          entry[key] += 1;
        }
        if (seen.size) retrosWithAny += 1;
      }
      return retrosWithAny;
    };
    const beforeCount = count(before, 'before');
    const afterCount = count(after, 'after');
    const verdict: OutcomeVerdict = tooFew ? 'too-early' : beforeCount === 0 ? 'nothing-to-compare' : afterCount * 2 <= beforeCount ? 'faded' : 'persisted';
    outcomes.push({
      team,
      treatment: { id: treatment.treatment, title: treatment.title },
      text: item.text,
      added: { file: item.added.file, date: item.added.date, line: item.added.line },
      ticked: { file: ticked.file, date: ticked.date, line: ticked.line },
      window: tooFew ? 0 : window,
      before: beforeCount,
      after: afterCount,
      symptoms: [...symptoms.values()].sort((a, b) => b.before - a.before || a.after - b.after || (a.symptom < b.symptom ? -1 : 1)),
      verdict,
      explanation: explain(verdict, { retros: retros.length, addedAt: added + 1, since: retros.length - 1 - ticked.retro, window, before: beforeCount, after: afterCount }),
    });
  }
  return outcomes;
}

/** The verdict's reason in plain words, with the counts it rests on. */
function explain(verdict: OutcomeVerdict, n: { retros: number; addedAt: number; since: number; window: number; before: number; after: number }): string {
  const counts = `appeared in ${n.before} of ${n.window} retros up to the one that added it, ${n.after} of ${n.window} after the one that ticked it`;
  switch (verdict) {
    case 'faded':
      return `The symptoms it answers ${counts}.`;
    case 'persisted':
      return `The symptoms it answers ${counts}.`;
    case 'nothing-to-compare':
      return `None of the symptoms it answers appeared in the ${n.window} retros up to the one that added it${n.after ? `; they appeared in ${n.after} of ${n.window} after the one that ticked it` : ''}.`;
    case 'too-early':
      if (n.retros < MIN_TEAM_RETROS) return `The team has ${retrosText(n.retros)} so far; ${MIN_TEAM_RETROS} are needed.`;
      if (n.since < MIN_OUTCOME_WINDOW) return `${n.since === 0 ? 'No retro' : `Only ${retrosText(n.since)}`} since it was ticked; ${MIN_OUTCOME_WINDOW} are needed on each side.`;
      return `Only ${retrosText(n.addedAt)} up to the one that added it; ${MIN_OUTCOME_WINDOW} are needed on each side.`;
  }
}

function retrosText(n: number): string {
  return `${n} dated retro${n === 1 ? '' : 's'}`;
}

/** Treatments by how often their ticked items were followed by fading symptoms: most often first. */
export function tallyOutcomes(outcomes: readonly TreatmentOutcome[]): TreatmentTally[] {
  const byId = new Map<string, TreatmentTally>();
  for (const outcome of outcomes) {
    let tally = byId.get(outcome.treatment.id);
    if (!tally) byId.set(outcome.treatment.id, (tally = { id: outcome.treatment.id, title: outcome.treatment.title, faded: 0, persisted: 0, tooEarly: 0, nothingToCompare: 0, teams: [] }));
    if (outcome.verdict === 'faded') tally.faded += 1;
    else if (outcome.verdict === 'persisted') tally.persisted += 1;
    else if (outcome.verdict === 'too-early') tally.tooEarly += 1;
    else tally.nothingToCompare += 1;
    if (!tally.teams.includes(outcome.team)) tally.teams.push(outcome.team);
  }
  const share = (tally: TreatmentTally) => (tally.faded + tally.persisted === 0 ? 0 : tally.faded / (tally.faded + tally.persisted));
  return [...byId.values()].sort((a, b) => b.faded - a.faded || share(b) - share(a) || a.persisted - b.persisted || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
