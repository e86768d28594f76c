import type { RetroAnalysis } from '../analyze';
import type { Placement } from './teams';
import type { SideBalance } from '../diagnosis';
import type { DocumentStage, Side, Stage } from '../types';

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
}

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
  /** Later retros of the team that list it still open (carried over), oldest first. */
  stillOpenIn: string[];
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
}

export interface WorkspaceReport {
  /** The day ages are counted to; null when no retro is dated and none was given. */
  asOf: string | null;
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
