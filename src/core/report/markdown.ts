import { DOCUMENT_STAGES, STAGE_ILLNESS, type DocumentStage } from '../types';
import { teamLabel } from './summary';
import type { Direction, FollowUp, OutcomeVerdict, RecurringSymptom, SideTotals, TeamReport, TeamStanding, TreatmentOutcome, TreatmentTally, WorkspaceReport } from './types';
import { MIN_OUTCOME_WINDOW, MIN_TEAM_RETROS, OUTCOME_WINDOW } from './outcomes';

/** The file name the editor's "Export report as Markdown" writes. */
export const REPORT_FILE_NAME = 'retro-health-report.md';
/** Points shown on a team's stage-over-time line; earlier ones are counted, not listed. */
const MAX_TREND_POINTS = 12;
/** Quoted retro text is cut to this many characters. */
const MAX_QUOTE = 140;

/**
 * The workspace report as a markdown document (what `report --format markdown` prints and the
 * editor exports). Every string that comes from a retro, a file name or the team file is
 * escaped, so it can neither break the tables nor add headings, links or HTML.
 */
export function renderReportMarkdown(report: WorkspaceReport): string {
  const out: string[] = ['# Retro Health: workspace report', ''];
  const scope = [report.asOf ? `As of ${report.asOf}` : 'No dated retros', plural(report.retros, 'retro'), plural(report.teams.length, 'team')];
  out.push(`_${scope.join(' · ')}_`, '', escapeMarkdown(report.summary), '');

  out.push('## Teams', '');
  if (report.teams.length === 0) out.push('No retros found.', '');
  else {
    out.push('| Team | Retros | Latest stage | Score | Direction | Balance |', '|---|---:|---|---:|---|---|');
    for (const team of report.teams) {
      const retros = team.retros.length + team.undated.length;
      out.push(`| ${escapeMarkdown(teamLabel(team.name))} | ${retros} | ${stageText(team.latest.stage)} | ${team.latest.score} | ${directionText(team.direction, team.worsenedInARow)} | ${balanceText(team.balance)} |`);
    }
    out.push('');
  }

  if (report.teams.length) {
    out.push('## Stage over time', '');
    for (const team of report.teams) out.push(`- **${escapeMarkdown(teamLabel(team.name))}:** ${trendLine(team)}`);
    out.push('');
  }

  out.push('## Recurring symptoms', '');
  if (report.recurring.length === 0) out.push('No symptom appears in more than one retro.', '');
  else {
    for (const symptom of report.recurring) out.push(...recurringLines(symptom));
    out.push('');
    const byTeam = report.teams.filter((team) => team.recurring.length > 0);
    if (byTeam.length) {
      out.push('Within each team:', '');
      for (const team of byTeam) {
        const list = team.recurring.map((symptom) => `${escapeMarkdown(symptom.title)} (${symptom.retros} retros)`).join(', ');
        out.push(`- **${escapeMarkdown(teamLabel(team.name))}:** ${list}`);
      }
      out.push('');
    }
  }

  out.push('## Open follow-ups', '');
  if (report.followUps.length === 0) out.push('No checklist item from an earlier retro is left open.', '');
  else {
    out.push('| Open for | Team | Item | From |', '|---:|---|---|---|');
    for (const item of report.followUps) out.push(followUpRow(item, report.staleAfterDays));
    out.push('');
  }

  out.push(...renderDidItHelp(report));

  out.push('## Organisation', '');
  const counts = report.organisation.stageCounts;
  const stages = DOCUMENT_STAGES.map((stage) => `${stageText(stage)} ${counts[stage]}`);
  out.push(`**Teams by stage now:** ${stages.join(' · ')}`, '');
  if (report.organisation.ranking.length) {
    out.push('**Worst off first**', '');
    report.organisation.ranking.forEach((standing, index) => out.push(`${index + 1}. ${standingText(standing)}`));
    out.push('');
  }
  if (report.organisation.treatments.length) {
    out.push('**Treatments that would help the most teams**', '');
    report.organisation.treatments.forEach((treatment, index) => {
      const teams = treatment.teamNames.map((name) => escapeMarkdown(teamLabel(name))).join(', ');
      out.push(`${index + 1}. ${escapeMarkdown(treatment.title)}: ${plural(treatment.teams, 'team')} (${teams})`);
    });
    out.push('');
  }
  if (report.organisation.outcomes.length) {
    out.push('**Treatments followed by fading symptoms most often**', '');
    report.organisation.outcomes.forEach((tally, index) => out.push(`${index + 1}. ${tallyText(tally)}`));
    out.push('');
  }

  out.push(
    '---',
    '',
    '_Direction compares a team’s latest dated retro with the one before: worsening at a worse stage or a score at least 5 lower, recovering the other way, steady otherwise; over the last three, a score falling (or rising) at each step by 5 or more in all counts too. Ages count from the retro’s date to the report’s date._',
  );
  return out.join('\n') + '\n';
}

/**
 * Retro text made inert for markdown: one line, and every character that could start
 * emphasis, code, a link, HTML, an entity, math, a heading or a table cell is backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\`*_{}[\]<>#|~&$!]/g, (char) => `\\${char}`)
    .replace(/^[-+=]/, (marker) => `\\${marker}`)
    .replace(/^(\d+)([.)])/, (_, digits: string, marker: string) => `${digits}\\${marker}`);
}

/** A relative link to a line of a retro: [file:line](file#Lline), the path percent-encoded. */
export function lineLink(file: string, line: number): string {
  const target = file
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/[()']/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
  return `[${escapeMarkdown(`${file}:${line}`)}](${target}#L${line})`;
}

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= MAX_QUOTE) return `“${escapeMarkdown(flat)}”`;
  let cut = MAX_QUOTE;
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(flat.charAt(cut - 1))) cut -= 1;
  return `“${escapeMarkdown(flat.slice(0, cut))}…”`;
}

function stageText(stage: DocumentStage): string {
  return stage === 'healthy' ? 'healthy' : `${stage} (${STAGE_ILLNESS[stage]})`;
}

function directionText(direction: Direction | null, worsenedInARow: number, none = '—'): string {
  if (direction === null) return none;
  return worsenedInARow >= 2 ? `${direction}, ${worsenedInARow} in a row` : direction;
}

function balanceText(balance: SideTotals): string {
  const lead = balance.balance === 'none' ? 'no complaints' : balance.balance === 'both' ? 'both ways' : balance.balance === 'it' ? 'mostly IT' : 'mostly business';
  return `${lead} (business ${balance.business} · IT ${balance.it} · both ${balance.both})`;
}

function trendLine(team: TeamReport): string {
  const shown = team.retros.slice(-MAX_TREND_POINTS);
  const hidden = team.retros.length - shown.length;
  const parts: string[] = [];
  if (shown.length) {
    const line = shown.map((retro) => `${retro.date} ${retro.stage} ${retro.score}`).join(' → ');
    parts.push(hidden > 0 ? `(${plural(hidden, 'earlier retro')}) → ${line}` : line);
  }
  if (team.undated.length) {
    parts.push(`undated: ${team.undated.map((retro) => `${escapeMarkdown(retro.file)} ${retro.stage} ${retro.score}`).join(', ')}`);
  }
  return parts.join(' · ');
}

function recurringLines(symptom: RecurringSymptom): string[] {
  const teams = symptom.teams.map((team) => escapeMarkdown(teamLabel(team))).join(', ');
  const lines = [`- **${escapeMarkdown(symptom.title)}** (${symptom.stage}, ${symptom.side}), ${plural(symptom.retros, 'retro')}, ${plural(symptom.teams.length, 'team')}: ${teams}`];
  for (const occurrence of symptom.occurrences) lines.push(`  - ${lineLink(occurrence.file, occurrence.line)} ${quote(occurrence.text)}`);
  return lines;
}

/** The verdicts in plain words. */
export const VERDICT_TEXT: Record<OutcomeVerdict, string> = { faded: 'faded', persisted: 'persisted', 'too-early': 'too early to tell', 'nothing-to-compare': 'nothing to compare' };

/**
 * "Did it help?": per team, each ticked treatment action item with its verdict, the retros
 * that added and ticked it, and the counts; then the team's treatment items still open.
 */
export function renderDidItHelp(report: WorkspaceReport): string[] {
  const out = ['## Did it help?', ''];
  out.push(
    `_Each treatment action item a team ticked, and how many of the team’s dated retros show a symptom that treatment answers: the retros up to and including the one that added the item against the same number after the one that ticked it (up to ${OUTCOME_WINDOW}, at least ${MIN_OUTCOME_WINDOW}; a team needs ${MIN_TEAM_RETROS} dated retros). Faded: in at most half as many retros after as before._`,
    '',
  );
  const teams = report.teams.filter((team) => team.outcomes.length > 0 || team.followUps.some((item) => item.treatment !== null));
  if (teams.length === 0) return [...out, 'No treatment action item has been added and ticked yet.', ''];
  for (const team of teams) {
    out.push(`### ${escapeMarkdown(teamLabel(team.name))}`, '');
    if (team.outcomes.length === 0) out.push('No treatment action item ticked yet.');
    for (const outcome of team.outcomes) out.push(...outcomeLines(outcome));
    const open = team.followUps.filter((item) => item.treatment !== null);
    if (open.length) {
      out.push('', 'Still open:', '');
      for (const item of open) {
        const age = item.openDays === null ? '' : `, open ${plural(item.openDays, 'day')}${item.stale ? ` (stale: over ${plural(report.staleAfterDays, 'day')})` : ''}`;
        out.push(`- ${escapeMarkdown((item.treatment as { title: string }).title)}: ${quote(item.text)}, added ${lineLink(item.file, item.line)} (${item.date})${age}`);
      }
    }
    out.push('');
  }
  return out;
}

function outcomeLines(outcome: TreatmentOutcome): string[] {
  const sameRetro = outcome.added.file === outcome.ticked.file;
  const when = sameRetro
    ? `added and ticked in ${lineLink(outcome.ticked.file, outcome.ticked.line)} (${outcome.ticked.date})`
    : `added ${lineLink(outcome.added.file, outcome.added.line)} (${outcome.added.date}), ticked ${lineLink(outcome.ticked.file, outcome.ticked.line)} (${outcome.ticked.date})`;
  const lines = [`- **${escapeMarkdown(outcome.treatment.title)}: ${VERDICT_TEXT[outcome.verdict]}.** ${quote(outcome.text)}, ${when}.`, `  ${escapeMarkdown(outcome.explanation)}`];
  if (outcome.window > 0 && outcome.symptoms.length) {
    const each = outcome.symptoms.map((symptom) => `${escapeMarkdown(symptom.title)} ${symptom.before} → ${symptom.after}`).join(' · ');
    lines[1] += ` By symptom (retros before → after): ${each}.`;
  }
  return lines;
}

function tallyText(tally: TreatmentTally): string {
  const rest = [tally.persisted ? `persisted ${tally.persisted}` : '', tally.tooEarly ? `too early to tell ${tally.tooEarly}` : '', tally.nothingToCompare ? `nothing to compare ${tally.nothingToCompare}` : ''].filter(Boolean);
  const total = tally.faded + tally.persisted + tally.tooEarly + tally.nothingToCompare;
  const teams = tally.teams.map((name) => escapeMarkdown(teamLabel(name))).join(', ');
  return `${escapeMarkdown(tally.title)}: faded after ${tally.faded} of ${plural(total, 'ticked item')}${rest.length ? ` (${rest.join(', ')})` : ''} — ${teams}`;
}

function followUpRow(item: FollowUp, staleAfterDays: number): string {
  const age = item.openDays === null ? '—' : `${plural(item.openDays, 'day')}${item.stale ? `, stale (over ${staleAfterDays})` : ''}`;
  const carried = item.stillOpenIn.length ? `, still open in ${plural(item.stillOpenIn.length, 'later retro')}` : '';
  const where = `${lineLink(item.file, item.line)} (${item.date}${item.source === 'health-section' ? ', health section' : ''}${carried})`;
  return `| ${age} | ${escapeMarkdown(teamLabel(item.team))} | ${escapeMarkdown(item.text)} | ${where} |`;
}

function standingText(standing: TeamStanding): string {
  return `**${escapeMarkdown(teamLabel(standing.team))}**: ${stageText(standing.stage)}, ${standing.score}/100, ${directionText(standing.direction, standing.worsenedInARow, 'too few dated retros for a direction')}`;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
