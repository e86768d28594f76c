import type { RetroAnalysis } from '../analyze';
import { teamKey } from '../retroSet/retroSet';
import { buildWorkspaceReport } from './build';
import { VERDICT_TEXT } from './markdown';
import type { Placement } from './teams';
import type { TreatmentText } from './treatmentItems';
import type { FollowUp, OutcomeVerdict, TreatmentOutcome } from './types';

/** A retro of the team, as the follow-through needs it. */
export interface TeamRetroInput {
  /** Any id the caller can open again (a workspace-relative path, a URI); the result names retros by it. */
  file: string;
  analysis: RetroAnalysis;
  /** Team and date as the workspace's retro set places the retro. */
  placement: Pick<Placement, 'team' | 'date'>;
}

export interface FollowThroughOptions {
  /** An item open longer than this many days is stale (default: the report's). */
  staleAfterDays?: number;
  /** The treatments whose action items are recognised (default: the report's). */
  treatments?: readonly TreatmentText[];
}

/** A checklist item from an earlier retro, still open as of this one. */
export interface CarriedOverItem extends Omit<FollowUp, 'team'> {
  /** This retro lists it again, still open (carried over, perhaps reworded). */
  listedAgain: boolean;
}

interface AttemptBase {
  treatment: { id: string; title: string };
  /** As first written. */
  text: string;
  /** The earlier retro that first listed it, and the 1-based line there. */
  added: { file: string; date: string; line: number };
  /** What happened, in plain words: "ticked 2026-02-18 · faded: in 3 of 3 retros before, 0 of 3 after". */
  summary: string;
}

/** A treatment action item an earlier retro added against a symptom, and what became of it. */
export type TreatmentAttempt =
  | (AttemptBase & {
      status: 'ticked';
      ticked: { file: string; date: string; line: number };
      verdict: OutcomeVerdict;
      /** Retros compared on each side (0 when too early to tell), and how many of them showed a symptom it answers. */
      window: number;
      before: number;
      after: number;
      /** This symptom's own counts within the same windows, when it was seen on either side. */
      thisSymptom: { before: number; after: number } | null;
    })
  | (AttemptBase & { status: 'open'; openDays: number | null; stale: boolean });

/** A symptom of this retro and every treatment the team tried against it in earlier retros. */
export interface SymptomAttempts {
  symptom: string;
  title: string;
  /** Oldest first. */
  attempts: TreatmentAttempt[];
}

export type RetroFollowThrough =
  | { placed: false; reason: 'no-team' | 'undated' }
  | {
      placed: true;
      /** The day ages count to: this retro's. */
      asOf: string | null;
      staleAfterDays: number;
      /** The team's dated retros before this one. */
      earlierRetros: number;
      /** Oldest first. */
      carriedOver: CarriedOverItem[];
      /** One per symptom found in this retro, in the order first found. */
      triedBefore: SymptomAttempts[];
    };

/**
 * What a retro inherits from its team's earlier retros: the checklist items still open, and for
 * each of its symptoms, the treatments tried against it before with what happened. It is the
 * workspace report of the team as of this retro (the same item-following, outcome and staleness
 * rules), so the panel, the CLI and the report never disagree. "Earlier" is the section writer's
 * and the trend's rule: same team, dated strictly before this retro.
 */
export function retroFollowThrough(current: TeamRetroInput, teamRetros: readonly TeamRetroInput[], options: FollowThroughOptions = {}): RetroFollowThrough {
  const { team, date } = current.placement;
  if (team === null) return { placed: false, reason: 'no-team' };
  if (date === null) return { placed: false, reason: 'undated' };
  const earlier = teamRetros.filter((retro) => retro.file !== current.file && teamKey(retro.placement.team) === teamKey(team) && retro.placement.date !== null && retro.placement.date < date);
  const asTeam = (retro: TeamRetroInput) => ({ file: retro.file, analysis: retro.analysis, placement: { ...retro.placement, team, dateSource: null, teamSource: 'none' as const } });
  const report = buildWorkspaceReport([...earlier, current].map(asTeam), {
    ...(options.staleAfterDays !== undefined && { staleAfterDays: options.staleAfterDays }),
    ...(options.treatments && { treatments: options.treatments }),
  });
  const teamReport = report.teams[0];
  const carriedOver: CarriedOverItem[] = (teamReport?.followUps ?? [])
    .map(({ team: _team, ...item }) => ({ ...item, listedAgain: item.stillOpenIn.includes(current.file) }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.line - b.line));
  const ticked = (teamReport?.outcomes ?? []).filter((outcome) => outcome.added.file !== current.file);
  const open = carriedOver.filter((item) => item.treatment !== null);

  const triedBefore: SymptomAttempts[] = [];
  for (const finding of current.analysis.findings) {
    if (triedBefore.some((entry) => entry.symptom === finding.symptom)) continue;
    const answers = (id: string) => finding.treatments.includes(id);
    const attempts: TreatmentAttempt[] = [
      ...ticked.filter((outcome) => answers(outcome.treatment.id)).map((outcome) => tickedAttempt(outcome, finding.symptom)),
      ...open.filter((item) => answers((item.treatment as { id: string }).id)).map((item) => openAttempt(item, report.staleAfterDays)),
    ].sort((a, b) => (a.added.date < b.added.date ? -1 : a.added.date > b.added.date ? 1 : a.added.line - b.added.line));
    triedBefore.push({ symptom: finding.symptom, title: finding.title, attempts });
  }
  return { placed: true, asOf: report.asOf, staleAfterDays: report.staleAfterDays, earlierRetros: earlier.length, carriedOver, triedBefore };
}

function tickedAttempt(outcome: TreatmentOutcome, symptom: string): TreatmentAttempt {
  const counts = outcome.symptoms.find((entry) => entry.symptom === symptom);
  return {
    status: 'ticked',
    treatment: outcome.treatment,
    text: outcome.text,
    added: outcome.added,
    ticked: outcome.ticked,
    verdict: outcome.verdict,
    window: outcome.window,
    before: outcome.before,
    after: outcome.after,
    thisSymptom: counts ? { before: counts.before, after: counts.after } : null,
    summary: `${outcome.added.file === outcome.ticked.file ? 'added and ticked' : 'ticked'} ${outcome.ticked.date} · ${VERDICT_TEXT[outcome.verdict]}: ${verdictReason(outcome)}`,
  };
}

function openAttempt(item: CarriedOverItem, staleAfterDays: number): TreatmentAttempt {
  const age = item.openDays === null ? 'still open' : `still open, ${item.openDays} day${item.openDays === 1 ? '' : 's'}`;
  return {
    status: 'open',
    treatment: item.treatment as { id: string; title: string },
    text: item.text,
    added: { file: item.file, date: item.date, line: item.line },
    openDays: item.openDays,
    stale: item.stale,
    summary: item.stale ? `${age} (stale: over ${staleAfterDays} days)` : age,
  };
}

/** The counts a verdict rests on, short: "in 3 of 3 retros before, 0 of 3 after"; too early: why. */
function verdictReason(outcome: TreatmentOutcome): string {
  if (outcome.verdict === 'too-early') {
    const reason = outcome.explanation.replace(/\.$/, '');
    return reason.charAt(0).toLowerCase() + reason.slice(1);
  }
  return `in ${outcome.before} of ${outcome.window} retros before, ${outcome.after} of ${outcome.window} after`;
}
