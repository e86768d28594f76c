/**
 * The core's WorkspaceReport -> the report webview's view (src/shared/reportProtocol.ts),
 * clipped to the protocol's bounds. Pure: no `vscode` import, so the webview tests build their
 * states with exactly this code.
 */
import type { ReportRetro, TeamReport, TreatmentOutcome, WorkspaceReport } from '../../core/report';
import { clip, LIMITS } from '../../shared/panelProtocol';
import { REPORT_LIMITS, type OutcomeView, type ReportPoint, type ReportView, type TeamView } from '../../shared/reportProtocol';

const name = (value: string | null): string | null => (value === null ? null : clip(value, LIMITS.name));
const score = (value: number): number => Math.round(Math.min(100, Math.max(0, value)));
const positive = (value: number): number => Math.min(LIMITS.line, Math.max(1, Math.round(value)));

export function toReportView(report: WorkspaceReport): ReportView {
  const teams = report.teams.slice(0, REPORT_LIMITS.teams);
  const recurring = report.recurring.slice(0, REPORT_LIMITS.recurring);
  const followUps = report.followUps.slice(0, REPORT_LIMITS.followUps);
  return {
    asOf: report.asOf,
    staleAfterDays: Math.max(0, Math.round(report.staleAfterDays)),
    retros: report.retros,
    summary: clip(report.summary, REPORT_LIMITS.summary),
    teams: teams.map(toTeamView),
    omittedTeams: report.teams.length - teams.length,
    recurring: recurring.map((symptom) => {
      const occurrences = symptom.occurrences.slice(0, REPORT_LIMITS.occurrences);
      return {
        symptom: clip(symptom.symptom, LIMITS.name),
        title: clip(symptom.title, LIMITS.name),
        stage: symptom.stage,
        side: symptom.side,
        retros: symptom.retros,
        teams: symptom.teams.slice(0, REPORT_LIMITS.teamNames).map(name),
        occurrences: occurrences.map((occurrence) => ({
          file: clip(occurrence.file, LIMITS.uri),
          team: name(occurrence.team),
          date: occurrence.date,
          line: positive(occurrence.line),
          column: positive(occurrence.column),
          text: clip(occurrence.text, LIMITS.quote),
        })),
        omittedOccurrences: symptom.occurrences.length - occurrences.length,
      };
    }),
    omittedRecurring: report.recurring.length - recurring.length,
    followUps: followUps.map((item) => ({
      team: name(item.team),
      file: clip(item.file, LIMITS.uri),
      date: item.date,
      line: positive(item.line),
      text: clip(item.text, LIMITS.prose),
      openDays: item.openDays === null ? null : Math.max(0, Math.round(item.openDays)),
      stillOpenIn: item.stillOpenIn.slice(-REPORT_LIMITS.points).map((file) => clip(file, LIMITS.uri)),
      stale: item.stale,
      treatment: item.treatment && { id: clip(item.treatment.id, LIMITS.name), title: clip(item.treatment.title, LIMITS.name) },
    })),
    omittedFollowUps: report.followUps.length - followUps.length,
    organisation: {
      stageCounts: { ...report.organisation.stageCounts },
      ranking: report.organisation.ranking.slice(0, REPORT_LIMITS.teams).map((standing) => ({
        team: name(standing.team),
        stage: standing.stage,
        score: score(standing.score),
        direction: standing.direction,
        worsenedInARow: standing.worsenedInARow,
      })),
      treatments: report.organisation.treatments.slice(0, REPORT_LIMITS.treatments).map((treatment) => ({
        id: clip(treatment.id, LIMITS.name),
        title: clip(treatment.title, LIMITS.name),
        teams: treatment.teams,
        teamNames: treatment.teamNames.slice(0, REPORT_LIMITS.teamNames).map(name),
      })),
      outcomes: report.organisation.outcomes.slice(0, REPORT_LIMITS.treatments).map((tally) => ({
        id: clip(tally.id, LIMITS.name),
        title: clip(tally.title, LIMITS.name),
        faded: tally.faded,
        persisted: tally.persisted,
        tooEarly: tally.tooEarly,
        nothingToCompare: tally.nothingToCompare,
        teams: tally.teams.slice(0, REPORT_LIMITS.teamNames).map(name),
      })),
    },
  };
}

function toTeamView(team: TeamReport): TeamView {
  return {
    name: name(team.name),
    retros: team.retros.length + team.undated.length,
    points: team.retros.slice(-REPORT_LIMITS.points).map(toPoint),
    undated: team.undated.length,
    latest: toPoint(team.latest),
    direction: team.direction,
    worsenedInARow: team.worsenedInARow,
    balance: { ...team.balance },
    treatments: team.treatments.slice(0, REPORT_LIMITS.treatments).map((treatment) => ({ id: clip(treatment.id, LIMITS.name), title: clip(treatment.title, LIMITS.name) })),
    outcomes: team.outcomes.slice(-REPORT_LIMITS.outcomes).map(toOutcomeView),
    omittedOutcomes: Math.max(0, team.outcomes.length - REPORT_LIMITS.outcomes),
  };
}

function toOutcomeView(outcome: TreatmentOutcome): OutcomeView {
  const place = (at: TreatmentOutcome['added']) => ({ file: clip(at.file, LIMITS.uri), date: at.date, line: positive(at.line) });
  return {
    treatment: { id: clip(outcome.treatment.id, LIMITS.name), title: clip(outcome.treatment.title, LIMITS.name) },
    text: clip(outcome.text, LIMITS.prose),
    added: place(outcome.added),
    ticked: place(outcome.ticked),
    window: outcome.window,
    before: outcome.before,
    after: outcome.after,
    symptoms: outcome.symptoms.slice(0, REPORT_LIMITS.outcomeSymptoms).map((symptom) => ({ symptom: clip(symptom.symptom, LIMITS.name), title: clip(symptom.title, LIMITS.name), before: symptom.before, after: symptom.after })),
    verdict: outcome.verdict,
    explanation: clip(outcome.explanation, LIMITS.prose),
  };
}

function toPoint(retro: ReportRetro): ReportPoint {
  return { file: clip(retro.file, LIMITS.uri), date: retro.date, stage: retro.stage, score: score(retro.score), findings: retro.findings };
}

/** Every file the report refers to: the only ones the webview may ask to open. */
export function filesOf(report: WorkspaceReport): Set<string> {
  const files = new Set<string>();
  for (const team of report.teams) for (const retro of [...team.retros, ...team.undated]) files.add(retro.file);
  for (const symptom of report.recurring) for (const occurrence of symptom.occurrences) files.add(occurrence.file);
  for (const item of report.followUps) files.add(item.file);
  for (const team of report.teams) for (const outcome of team.outcomes) files.add(outcome.added.file).add(outcome.ticked.file);
  return files;
}
