import type { FollowUp, TeamReport, WorkspaceReport } from '../../core/report';
import { renderReportMarkdown } from '../../core/report';
import type { Report } from '../model';

/**
 * `--format github`: workflow commands that GitHub Actions shows as annotations on the files
 * (one `::warning` per symptom, per stale follow-up and per team whose latest retro got worse),
 * and the workspace report as markdown for the job summary.
 */
export function formatGithub(result: Report, report: WorkspaceReport): { annotations: string; summary: string } {
  const lines: string[] = [];
  for (const document of result.documents) {
    for (const finding of document.findings) {
      lines.push(
        warning(
          { file: document.file, line: finding.line, endLine: finding.endLine, col: finding.column, endColumn: finding.endColumn, title: `Retro Health: ${finding.title} (${finding.stage})` },
          `${finding.message} “${finding.text}”`,
        ),
      );
    }
  }
  for (const team of report.teams) {
    const worse = latestStepWorse(team);
    if (worse) lines.push(warning({ file: team.latest.file, line: 1, title: `Retro Health: ${teamName(team.name)} got worse` }, worse));
  }
  for (const item of report.followUps.filter((entry) => entry.stale)) {
    lines.push(warning({ file: item.file, line: item.line, title: 'Retro Health: stale action item' }, staleText(item, report.staleAfterDays)));
  }
  return { annotations: lines.map((line) => `${line}\n`).join(''), summary: renderReportMarkdown(report) };
}

/** "payments: 2026-02-13 end 12, after 2026-01-30 advanced 30" when the latest dated retro is worse than the one before. */
export function latestStepWorse(team: TeamReport): string | null {
  if (team.worsenedInARow < 1) return null;
  const [previous, latest] = team.retros.slice(-2) as [TeamReport['retros'][number], TeamReport['retros'][number]];
  return `${teamName(team.name)}: ${latest.date} ${latest.stage} ${latest.score}/100, after ${previous.date} ${previous.stage} ${previous.score}/100`;
}

export function staleText(item: FollowUp, staleAfterDays: number): string {
  return `“${item.text}” (${teamName(item.team)}) has been open for ${item.openDays} days, more than ${staleAfterDays}.`;
}

function teamName(name: string | null): string {
  return name ?? '(no team)';
}

/** One `::warning` command: properties and message escaped as GitHub's workflow-command parser expects. */
export function warning(properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::warning ${props}::${escapeData(message)}`;
}

/** A command's message: `%`, CR and LF are percent-encoded. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value: as a message, and `:` and `,` too, which end a property. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
