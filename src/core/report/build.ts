import type { RetroAnalysis } from '../analyze';
import { DOMINANT_SIDE_SHARE, type SideBalance } from '../diagnosis';
import { parseIsoDate } from '../markdown/frontMatter';
import { DOCUMENT_STAGES, stageRank, type DocumentStage } from '../types';
import { builtInCatalog } from '../catalog';
import { checklistItems } from './checklist';
import { itemLifecycles, type ItemLifecycle } from './itemHistory';
import { tallyOutcomes, treatmentOutcomes } from './outcomes';
import type { TreatmentText } from './treatmentItems';
import { summarise } from './summary';
import { placeRetros, type Placement } from './teams';
import {
  DEFAULT_STALE_AFTER_DAYS,
  type Direction,
  type FollowUp,
  type OrganisationView,
  type RecurringSymptom,
  type ReportInput,
  type ReportRetro,
  type SideTotals,
  type TeamReport,
  type TeamStanding,
  type TreatmentReach,
  type WorkspaceReport,
  type WorkspaceReportOptions,
} from './types';

/** A score drop (or rise) this large counts as a change even when the stage stays. */
export const SCORE_STEP = 5;
const DAY_MS = 86_400_000;

interface Entry {
  file: string;
  analysis: RetroAnalysis;
  placement: Placement;
  retro: ReportRetro;
  /** Position in the workspace's retro order: dated oldest first, then undated; file breaks ties. */
  order: number;
}

/**
 * The workspace report: teams with their stage over time, recurring symptoms, open
 * follow-ups and the organisation view. Pure and deterministic: the input's order does not
 * matter, and no clock is read (ages count to `options.asOf`, else to the newest retro date).
 */
export function buildWorkspaceReport(retros: readonly ReportInput[], options: WorkspaceReportOptions = {}): WorkspaceReport {
  if (options.asOf !== undefined && parseIsoDate(options.asOf) !== options.asOf) {
    throw new RangeError(`asOf must be a date as YYYY-MM-DD, not "${options.asOf}"`);
  }
  const inputs = uniqueByFile(retros);
  const placements = placementsOf(inputs);
  const entries: Entry[] = inputs
    .map(({ file, analysis }, index) => {
      const placement = placements[index] as Placement;
      const { diagnosis } = analysis;
      const retro: ReportRetro = {
        file,
        date: placement.date,
        dateSource: placement.dateSource,
        teamSource: placement.teamSource,
        stage: diagnosis.stage,
        score: diagnosis.score,
        findings: analysis.findings.length,
        sides: { business: diagnosis.sides.business, it: diagnosis.sides.it, both: diagnosis.sides.both },
      };
      return { file, analysis, placement, retro, order: 0 };
    })
    .sort((a, b) => compare(dateKey(a.retro.date), dateKey(b.retro.date)) || compare(a.file, b.file));
  entries.forEach((entry, index) => (entry.order = index));

  const staleAfterDays = options.staleAfterDays ?? DEFAULT_STALE_AFTER_DAYS;
  if (!Number.isFinite(staleAfterDays) || staleAfterDays < 0) throw new RangeError(`staleAfterDays must be a number of days, not ${staleAfterDays}`);
  const asOf = options.asOf ?? newestDay(entries);
  const treatments = treatmentTexts(options.treatments ?? builtInCatalog().treatments, entries);
  const teams = groupTeams(entries).map((group) => teamReport(group.name, group.entries, { asOf, staleAfterDays, treatments }));
  const followUps = teams.flatMap((team) => team.followUps).sort(compareFollowUps);
  const partial = {
    asOf,
    staleAfterDays,
    retros: entries.length,
    teams,
    recurring: recurringSymptoms(entries),
    followUps,
    organisation: organisationView(teams),
  };
  return { ...partial, summary: summarise(partial) };
}

/**
 * The treatments to recognise action items by: the given ones, with the actions of every
 * recommended treatment in the retros' diagnoses added (a team file may reword them).
 */
function treatmentTexts(given: readonly TreatmentText[], entries: readonly Entry[]): TreatmentText[] {
  const byId = new Map<string, { id: string; title: string; actions: string[] }>(given.map((treatment) => [treatment.id, { id: treatment.id, title: treatment.title, actions: [...treatment.actions] }]));
  for (const entry of entries) {
    for (const treatment of entry.analysis.diagnosis.treatments) {
      let known = byId.get(treatment.id);
      if (!known) byId.set(treatment.id, (known = { id: treatment.id, title: treatment.title, actions: [] }));
      for (const action of treatment.actions) if (!known.actions.includes(action)) known.actions.push(action);
    }
  }
  return [...byId.values()];
}

/** The retro set's placements where given; the others placed among themselves. */
function placementsOf(inputs: readonly ReportInput[]): Placement[] {
  const unplaced = inputs.filter((input) => input.placement === undefined);
  const placed = placeRetros(unplaced.map(({ file, analysis }) => ({ file, frontMatterTeam: analysis.document.team, frontMatterDate: analysis.document.frontMatter.fields.date })));
  let next = 0;
  return inputs.map((input) => input.placement ?? (placed[next++] as Placement));
}

/** Forward slashes, no leading "./"; a file given twice is kept once (the text sorting first, so order cannot matter). */
function uniqueByFile(retros: readonly ReportInput[]): ReportInput[] {
  const normalised = retros
    .map((input) => ({ ...input, file: input.file.replace(/\\/g, '/').replace(/^(\.\/)+/, '') }))
    .sort((a, b) => compare(a.file, b.file) || compare(a.analysis.document.text, b.analysis.document.text));
  return normalised.filter((input, index) => index === 0 || (normalised[index - 1] as ReportInput).file !== input.file);
}

/** Code-unit order: the same on every machine and locale, unlike localeCompare. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Undated sorts after every date; a period (2026-03) sorts before the days in it. */
function dateKey(date: string | null): string {
  return date ?? '~';
}

/** The first day of a date or period: 2026-03 → 2026-03-01, 2026 → 2026-01-01. */
function firstDay(date: string): string {
  return date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
}

function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS;
}

function newestDay(entries: readonly Entry[]): string | null {
  let newest: string | null = null;
  for (const entry of entries) {
    if (entry.retro.date === null) continue;
    const day = firstDay(entry.retro.date);
    if (newest === null || day > newest) newest = day;
  }
  return newest;
}

/**
 * Retros grouped by team, case-insensitively; a team is shown as its most used spelling, on a
 * tie the newest retro's (a renamed team shows its current name). Sorted by name, no team last.
 */
function groupTeams(entries: readonly Entry[]): { name: string | null; entries: Entry[] }[] {
  const groups = new Map<string | null, { spellings: Map<string, { uses: number; last: number }>; entries: Entry[] }>();
  for (const entry of entries) {
    const team = entry.placement.team;
    const key = team === null ? null : team.toLowerCase();
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { spellings: new Map(), entries: [] }));
    group.entries.push(entry);
    if (team !== null) group.spellings.set(team, { uses: (group.spellings.get(team)?.uses ?? 0) + 1, last: entry.order });
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : compare(a, b)))
    .map(([key, group]) => ({
      name: key === null ? null : ([...group.spellings.entries()].sort(([, a], [, b]) => b.uses - a.uses || b.last - a.last)[0] as [string, unknown])[0],
      entries: group.entries,
    }));
}

interface TeamContext {
  asOf: string | null;
  staleAfterDays: number;
  treatments: readonly TreatmentText[];
}

function teamReport(name: string | null, entries: readonly Entry[], context: TeamContext): TeamReport {
  const dated = entries.filter((entry) => entry.retro.date !== null);
  const undated = entries.filter((entry) => entry.retro.date === null);
  const points = dated.map((entry) => entry.retro);
  const latestEntry = (dated[dated.length - 1] ?? undated[undated.length - 1]) as Entry;
  const checklist = (entry: Entry) => ({ file: entry.file, date: entry.retro.date, items: checklistItems(entry.analysis.document) });
  const items = itemLifecycles(dated.map(checklist), undated.map(checklist), context.treatments);
  return {
    name,
    retros: points,
    undated: undated.map((entry) => entry.retro),
    latest: latestEntry.retro,
    direction: directionOf(points),
    worsenedInARow: worsenedInARow(points),
    balance: sideTotals(entries),
    recurring: recurringSymptoms(entries),
    followUps: followUpsOf(name, items, dated[dated.length - 1]?.file, context),
    outcomes: treatmentOutcomes(name, dated.map((entry) => ({ file: entry.file, findings: entry.analysis.findings })), items),
    treatments: latestEntry.analysis.diagnosis.treatments.slice(0, 3).map(({ id, title }) => ({ id, title })),
  };
}

/** +1 when `next` is worse than `previous` (a worse stage, or a score at least SCORE_STEP lower), -1 when better, else 0. */
export function stepBetween(previous: Pick<ReportRetro, 'stage' | 'score'>, next: Pick<ReportRetro, 'stage' | 'score'>): -1 | 0 | 1 {
  const byStage = stageRank(next.stage) - stageRank(previous.stage);
  if (byStage !== 0) return byStage > 0 ? 1 : -1;
  if (next.score <= previous.score - SCORE_STEP) return 1;
  if (next.score >= previous.score + SCORE_STEP) return -1;
  return 0;
}

/**
 * The direction of a team, from its dated retros (oldest first):
 * - `worsening` when the latest retro is worse than the one before (a worse stage, or the same
 *   stage with a score at least 5 lower), or when, over the last three, the score fell at each
 *   step by at least 5 in all without the stage ever improving (a slow slide);
 * - `recovering` likewise the other way;
 * - `steady` otherwise; null with fewer than two dated retros.
 */
export function directionOf(points: readonly Pick<ReportRetro, 'stage' | 'score'>[]): Direction | null {
  const n = points.length;
  if (n < 2) return null;
  const [a, b, c] = [points[n - 3], points[n - 2], points[n - 1]] as const;
  const last = stepBetween(b as ReportRetro, c as ReportRetro);
  if (last !== 0) return last > 0 ? 'worsening' : 'recovering';
  if (!a || !b || !c) return 'steady';
  const ranks = [stageRank(a.stage), stageRank(b.stage), stageRank(c.stage)] as const;
  if (a.score > b.score && b.score > c.score && a.score - c.score >= SCORE_STEP && ranks[1] >= ranks[0] && ranks[2] >= ranks[1]) return 'worsening';
  if (a.score < b.score && b.score < c.score && c.score - a.score >= SCORE_STEP && ranks[1] <= ranks[0] && ranks[2] <= ranks[1]) return 'recovering';
  return 'steady';
}

/** How many retros in a row, ending with the latest, were each worse than the one before. */
export function worsenedInARow(points: readonly Pick<ReportRetro, 'stage' | 'score'>[]): number {
  let count = 0;
  for (let index = points.length - 1; index > 0; index--) {
    if (stepBetween(points[index - 1] as ReportRetro, points[index] as ReportRetro) !== 1) break;
    count += 1;
  }
  return count;
}

function sideTotals(entries: readonly Entry[]): SideTotals {
  let business = 0;
  let it = 0;
  let both = 0;
  for (const { retro } of entries) {
    business += retro.sides.business;
    it += retro.sides.it;
    both += retro.sides.both;
  }
  const total = business + it + both;
  let balance: SideBalance = 'none';
  if (total > 0) balance = business >= DOMINANT_SIDE_SHARE * total ? 'business' : it >= DOMINANT_SIDE_SHARE * total ? 'it' : 'both';
  return { business, it, both, balance };
}

/** Symptoms found in two or more of the given retros, most widespread first, each with every place it appears. */
function recurringSymptoms(entries: readonly Entry[]): RecurringSymptom[] {
  const bySymptom = new Map<string, { symptom: RecurringSymptom; lastOrder: number; teams: Set<string | null> }>();
  const ordered = [...entries].sort((a, b) => a.order - b.order);
  for (const entry of ordered) {
    const findings = [...entry.analysis.findings].sort((a, b) => a.startOffset - b.startOffset || a.endOffset - b.endOffset || compare(a.symptom, b.symptom));
    for (const finding of findings) {
      let found = bySymptom.get(finding.symptom);
      if (!found) {
        const { symptom, title, stage, side } = finding;
        bySymptom.set(finding.symptom, (found = { symptom: { symptom, title, stage, side, retros: 0, teams: [], occurrences: [] }, lastOrder: -1, teams: new Set() }));
      }
      if (found.lastOrder !== entry.order) {
        found.lastOrder = entry.order;
        found.symptom.retros += 1;
        found.teams.add(entry.placement.team);
      }
      found.symptom.occurrences.push({
        file: entry.file,
        team: entry.placement.team,
        date: entry.retro.date,
        line: finding.range.start.line + 1,
        column: finding.range.start.character + 1,
        text: finding.text,
      });
    }
  }
  return [...bySymptom.values()]
    .filter((found) => found.symptom.retros >= 2)
    .map((found) => ({ ...found.symptom, teams: [...found.teams].sort(compareTeams) }))
    .sort((a, b) => b.retros - a.retros || stageRank(b.stage) - stageRank(a.stage) || compare(a.symptom, b.symptom));
}

function compareTeams(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return compare(a.toLowerCase(), b.toLowerCase()) || compare(a, b);
}

/**
 * Checkboxes left open (see itemLifecycles for when two retros list the same item): an item
 * counts from the first retro that lists it, until a later one lists it ticked. Ticks in undated
 * retros count too (their place in time is unknown, a tick is a tick), but their open items are
 * not follow-ups: nothing is known to come after them. Items first listed in the latest retro
 * are its plan, not yet a follow-up.
 */
function followUpsOf(team: string | null, items: readonly ItemLifecycle[], latestFile: string | undefined, context: TeamContext): FollowUp[] {
  const { asOf, staleAfterDays } = context;
  return items
    .filter((item) => item.ticked === null && item.added.date !== null && item.added.file !== latestFile)
    .map((item) => {
      const date = item.added.date as string;
      const openDays = asOf === null ? null : Math.max(0, dayNumber(asOf) - dayNumber(firstDay(date)));
      return {
        team,
        file: item.added.file,
        date,
        line: item.added.line,
        text: item.text,
        source: item.source,
        openDays,
        stillOpenIn: item.stillOpenIn,
        stale: openDays !== null && openDays > staleAfterDays,
        treatment: item.treatment && { id: item.treatment.treatment, title: item.treatment.title },
      };
    })
    .sort(compareFollowUps);
}

/** Oldest first; then by date, team, file and line. */
function compareFollowUps(a: FollowUp, b: FollowUp): number {
  return (
    (b.openDays ?? -1) - (a.openDays ?? -1) ||
    compare(a.date, b.date) ||
    compareTeams(a.team, b.team) ||
    compare(a.file, b.file) ||
    a.line - b.line
  );
}

function organisationView(teams: readonly TeamReport[]): OrganisationView {
  const stageCounts = Object.fromEntries(DOCUMENT_STAGES.map((stage) => [stage, 0])) as Record<DocumentStage, number>;
  for (const team of teams) stageCounts[team.latest.stage] += 1;
  const ranking: TeamStanding[] = teams
    .map((team) => ({ team: team.name, stage: team.latest.stage, score: team.latest.score, direction: team.direction, worsenedInARow: team.worsenedInARow }))
    .sort((a, b) => stageRank(b.stage) - stageRank(a.stage) || a.score - b.score || compareTeams(a.team, b.team));

  // Teams arrive sorted by name, so each treatment's team list is too.
  const reach = new Map<string, { title: string; teamNames: (string | null)[]; positions: number }>();
  for (const team of teams) {
    team.treatments.forEach((treatment, position) => {
      let found = reach.get(treatment.id);
      if (!found) reach.set(treatment.id, (found = { title: treatment.title, teamNames: [], positions: 0 }));
      found.teamNames.push(team.name);
      found.positions += position;
    });
  }
  const treatments: TreatmentReach[] = [...reach.entries()]
    .sort(([idA, a], [idB, b]) => b.teamNames.length - a.teamNames.length || a.positions - b.positions || compare(idA, idB))
    .map(([id, found]) => ({ id, title: found.title, teams: found.teamNames.length, teamNames: found.teamNames }));
  return { stageCounts, ranking, treatments, outcomes: tallyOutcomes(teams.flatMap((team) => team.outcomes)) };
}
