import type { RetroAnalysis } from '../analyze';
import type { Placement } from './teams';
import type { SideBalance } from '../diagnosis';
import type { DocumentStage, Side, Stage } from '../types';
import type { TreatmentText } from './treatmentItems';

/** One analysed retro of the workspace. */
export interface ReportInput {
  /** Workspace-relative path with forward slashes; links in the markdown report point here. */
  file: string;
  analysis: RetroAnalysis;
  /** Team and date as the workspace's retro set places the file; else placed among the report's inputs. */
  placement?: Placement;
}

export interface WorkspaceReportOptions {
  /** YYYY-MM-DD, the day ages are counted to; default: the newest retro date. */
  asOf?: string;
  /** A follow-up open longer than this many days is stale (default DEFAULT_STALE_AFTER_DAYS). */
  staleAfterDays?: number;
  /**
   * The treatments whose action items are recognised (default: the built-in catalog's); the
   * actions of the treatments the retros' own diagnoses recommend (a team file's wording) count too.
   */
  treatments?: readonly TreatmentText[];
}

/** retroHealth.staleAfterDays's default: six weeks, three two-week sprints. */
export const DEFAULT_STALE_AFTER_DAYS = 42;

/** Where a retro's team came from, strongest first. */
export type TeamSource = 'front-matter' | 'file-name' | 'folder' | 'none';
/** Where a retro's date came from; a folder gives only a period (`2026-03/` → 2026-03). */
export type DateSource = 'front-matter' | 'file-name' | 'folder';

/**
 * A team's latest retro compared with the one or two before it (see `directionOf`):
 * `worsening`, `recovering`, or `steady`.
 */
export type Direction = 'worsening' | 'steady' | 'recovering';

export interface SideTotals {
  business: number;
  it: number;
  both: number;
  /** Whose voice dominates, by the same rule as one retro's diagnosis. */
  balance: SideBalance;
}

/** One retro as the report sees it: a point of its team's stage-over-time line. */
export interface ReportRetro {
  file: string;
  /** YYYY-MM-DD; or YYYY-MM / YYYY when only a dated folder tells; null when undated. */
  date: string | null;
  dateSource: DateSource | null;
  teamSource: TeamSource;
  stage: DocumentStage;
  score: number;
  findings: number;
  sides: { business: number; it: number; both: number };
}

/** Where a symptom was found: 1-based line and column, as the CLI prints them. */
export interface SymptomOccurrence {
  file: string;
  team: string | null;
  date: string | null;
  line: number;
  column: number;
  /** The matched source text, as written. */
  text: string;
}

/** A symptom found in two or more retros. */
export interface RecurringSymptom {
  symptom: string;
  title: string;
  stage: Stage;
  side: Side;
  /** How many distinct retros it appears in. */
  retros: number;
  /** Teams it appears in, sorted (null: retros with no team, last). */
  teams: (string | null)[];
  /** Every place it appears, in retro order (dated oldest first, then undated), then line and column. */
  occurrences: SymptomOccurrence[];
}

export type FollowUpSource = 'health-section' | 'action-items';

/** A checkbox left open in an earlier retro and not ticked in any later one of its team. */
export interface FollowUp {
  team: string | null;
  /** The retro that first listed it. */
  file: string;
  date: string;
  /** 1-based line in that retro. */
  line: number;
  /** As written there (a "carried over from …" note removed). */
  text: string;
  source: FollowUpSource;
  /** Days from `date` to the report's asOf (a folder period counts from its first day); never negative. */
  openDays: number | null;
  /** Later retros of the team that list it still open (carried over, perhaps reworded), oldest first. */
  stillOpenIn: string[];
  /** Open longer than the report's staleAfterDays. */
  stale: boolean;
  /** The treatment whose action it reads as, or null. */
  treatment: { id: string; title: string } | null;
}

/**
 * faded: the symptoms it answers appeared in at most half as many retros after as before;
 * persisted: they did not; too-early: too few retros to compare; nothing-to-compare: none appeared before.
 */
export type OutcomeVerdict = 'faded' | 'persisted' | 'too-early' | 'nothing-to-compare';

/** A ticked treatment action item and what happened to the symptoms it answers (see treatmentOutcomes). */
export interface TreatmentOutcome {
  team: string | null;
  treatment: { id: string; title: string };
  /** As first written. */
  text: string;
  /** The retro that first listed it, and the 1-based line there. */
  added: { file: string; date: string; line: number };
  /** The retro that first listed it ticked (the same retro when it was added ticked). */
  ticked: { file: string; date: string; line: number };
  /** Retros compared on each side; 0 when too early to tell. */
  window: number;
  /** Of the `window` retros up to and including the one that added it: how many show a symptom it answers. */
  before: number;
  /** Of the `window` retros after the one that ticked it: how many show a symptom it answers. */
  after: number;
  /** Each answered symptom seen on either side, with its retro counts; most frequent before first. */
  symptoms: { symptom: string; title: string; before: number; after: number }[];
  verdict: OutcomeVerdict;
  /** The verdict's reason in plain words, with the counts. */
  explanation: string;
}

/** How one treatment's ticked items fared across the workspace. */
export interface TreatmentTally {
  id: string;
  title: string;
  faded: number;
  persisted: number;
  tooEarly: number;
  nothingToCompare: number;
  /** Teams with a ticked item of it, sorted (no team last). */
  teams: (string | null)[];
}

export interface TeamReport {
  /** null: the retros whose team could not be told, kept together as one sequence. */
  name: string | null;
  /** Dated retros, oldest first: the stage-over-time points. */
  retros: ReportRetro[];
  /** Retros without any date, by file. */
  undated: ReportRetro[];
  /** The newest dated retro; when none is dated, the last undated one by file. */
  latest: ReportRetro;
  /** From the last two or three dated retros; null with fewer than two. */
  direction: Direction | null;
  /** Consecutive worsening steps ending at the latest dated retro. */
  worsenedInARow: number;
  /** Side split summed over all the team's retros. */
  balance: SideTotals;
  /** Symptoms in two or more of this team's retros. */
  recurring: RecurringSymptom[];
  followUps: FollowUp[];
  /** Ticked treatment action items, in the order they were added: did the symptoms fade? */
  outcomes: TreatmentOutcome[];
  /** The latest retro's top three treatments. */
  treatments: { id: string; title: string }[];
}

export interface TeamStanding {
  team: string | null;
  stage: DocumentStage;
  score: number;
  direction: Direction | null;
  worsenedInARow: number;
}

export interface TreatmentReach {
  id: string;
  title: string;
  /** How many teams' latest diagnosis has it in its top three. */
  teams: number;
  teamNames: (string | null)[];
}

export interface OrganisationView {
  /** Teams per stage of their latest retro. */
  stageCounts: Record<DocumentStage, number>;
  /** Worst off first: stage (worst first), then score (lowest first), then name. */
  ranking: TeamStanding[];
  /** Treatments that would help the most teams first. */
  treatments: TreatmentReach[];
  /** Treatments whose ticked items were followed by fading symptoms most often first. */
  outcomes: TreatmentTally[];
}

export interface WorkspaceReport {
  /** The day ages are counted to; null when no retro is dated and none was given. */
  asOf: string | null;
  /** Follow-ups open longer than this many days are stale. */
  staleAfterDays: number;
  retros: number;
  /** Sorted by name; the no-team group last. */
  teams: TeamReport[];
  /** Across the workspace: symptoms in two or more retros, most widespread first. */
  recurring: RecurringSymptom[];
  /** Across the workspace: oldest first. */
  followUps: FollowUp[];
  organisation: OrganisationView;
  /** One paragraph in plain words (not markdown). */
  summary: string;
}
