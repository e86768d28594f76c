import { stageRank, STAGE_ILLNESS, type DocumentStage } from '../types';
import type { WorkspaceReport } from './types';

/** How many names a sentence lists before "and N more". */
const MAX_NAMES = 3;

export function teamLabel(name: string | null): string {
  return name ?? '(no team)';
}

/** One paragraph in plain words: how many teams are unwell, who is sliding, what recurs, what is left undone. */
export function summarise(report: Omit<WorkspaceReport, 'summary'>): string {
  const { teams } = report;
  if (report.retros === 0) return 'No retros to report on.';
  const sentences: string[] = [];

  const dates = teams.flatMap((team) => team.retros.map((retro) => retro.date as string)).sort();
  const span = dates.length ? `, ${dates[0]} to ${dates[dates.length - 1]}` : ', none of them dated';
  sentences.push(`${count(report.retros, 'retro')} from ${count(teams.length, 'team')}${span}.`);

  const ranking = report.organisation.ranking;
  const worst = ranking[0] as (typeof ranking)[number];
  const sliding = ranking.filter((standing) => standing.worsenedInARow >= 2).sort((a, b) => b.worsenedInARow - a.worsenedInARow);
  const worsening = ranking.filter((standing) => standing.direction === 'worsening').map((standing) => teamLabel(standing.team));
  if (teams.length === 1) {
    const trend = worst.worsenedInARow >= 2 ? ` and has worsened for ${worst.worsenedInARow} retros in a row` : worst.direction === 'worsening' ? ' and is getting worse' : '';
    sentences.push(`${teamLabel(worst.team)} ${condition(worst.stage)} (score ${worst.score}/100)${trend}.`);
  } else {
    const unwell = ranking.filter((standing) => stageRank(standing.stage) >= stageRank('middle')).length;
    let health =
      unwell === 0
        ? `None of the ${teams.length} teams is at the flu stage or worse`
        : `${unwell} of ${teams.length} teams ${unwell === 1 ? 'is' : 'are'} at the flu stage or worse`;
    if (sliding.length) {
      const [first, ...rest] = sliding as [(typeof sliding)[number], ...typeof sliding];
      const others = rest.slice(0, MAX_NAMES - 1).map((standing) => `${teamLabel(standing.team)} for ${standing.worsenedInARow}`);
      const more = rest.length > MAX_NAMES - 1 ? ` and ${count(rest.length - (MAX_NAMES - 1), 'other team')}` : '';
      health += `; ${teamLabel(first.team)} has worsened for ${first.worsenedInARow} retros in a row${others.length ? `, ${others.join(', ')}` : ''}${more}`;
    } else if (worsening.length) {
      health += `; ${names(worsening)} ${worsening.length === 1 ? 'is' : 'are'} getting worse`;
    }
    sentences.push(`${health}.`);
    if (worst.stage !== 'healthy') sentences.push(`The worst off is ${teamLabel(worst.team)}, which ${condition(worst.stage)} (score ${worst.score}/100).`);
  }

  const recovering = ranking.filter((standing) => standing.direction === 'recovering').map((standing) => teamLabel(standing.team));
  if (recovering.length) sentences.push(`${names(recovering)} ${recovering.length === 1 ? 'is' : 'are'} recovering.`);

  const recurring = report.recurring[0];
  if (recurring) {
    const across = recurring.teams.length > 1 ? ` across ${recurring.teams.length} teams` : '';
    sentences.push(`The most widespread recurring symptom is “${recurring.title}”, in ${recurring.retros} retros${across}.`);
  }

  const oldest = report.followUps[0];
  if (oldest) {
    const open = report.followUps.length;
    const age = oldest.openDays === null ? '' : `, the oldest for ${count(oldest.openDays, 'day')} (${teamLabel(oldest.team)})`;
    sentences.push(`${count(open, 'action item')} from earlier retros ${open === 1 ? 'is' : 'are'} still open${age}.`);
  }
  return sentences.join(' ');
}

/** "has the flu", "is healthy": what a team has, in the article's words. */
function condition(stage: DocumentStage): string {
  if (stage === 'healthy') return 'is healthy';
  if (stage === 'end') return 'has reached death and reincarnation';
  return `has ${STAGE_ILLNESS[stage]}`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "a", "a and b", "a, b and c", "a, b, c and 2 more". */
function names(list: readonly string[]): string {
  const shown = list.slice(0, MAX_NAMES);
  const more = list.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
