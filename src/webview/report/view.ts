/// <reference lib="dom" />
/** Renders the workspace report into DOM nodes. Every piece of retro text goes in as a text node (see ../dom.ts). */
import { STAGE_ILLNESS, stageRank, type DocumentStage } from '../../core/types';
import { h, icon, type Child } from '../dom';
import type { FollowUpView, OutcomeView, RecurringView, ReportState, ReportView, SortColumn, TeamView } from '../../shared/reportProtocol';
import { SORT_COLUMNS } from '../../shared/reportProtocol';
import { stageName, trendSvg } from '../trendChart';

export interface Sort {
  column: SortColumn;
  direction: 'ascending' | 'descending';
}

export interface ReportContext {
  sort: Sort;
  setSort(column: SortColumn): void;
  openFile(file: string, line: number, column?: number): void;
  exportMarkdown(): void;
  refresh(): void;
  exporting: boolean;
}

const COLUMN_NAME: Record<SortColumn, string> = { team: 'Team', retros: 'Retros', stage: 'Latest stage', score: 'Score', direction: 'Direction', balance: 'Balance' };
const NUMERIC: ReadonlySet<SortColumn> = new Set(['retros', 'score']);
const DIRECTION_RANK = { recovering: 0, steady: 1, worsening: 2 } as const;
const DIRECTION_ICON = { recovering: 'arrow-up', steady: 'arrow-right', worsening: 'arrow-down' } as const;
const BALANCE_RANK = { none: 0, business: 1, it: 2, both: 3 } as const;
const WORST_FIRST: readonly DocumentStage[] = ['end', 'advanced', 'middle', 'early', 'healthy'];

export const teamLabel = (name: string | null): string => name ?? '(no team)';

export function renderReportState(state: ReportState | undefined, context: ReportContext): Node[] {
  if (!state || state.status === 'loading') {
    return [h('p', { class: 'panel-message', attrs: { role: 'status' } }, icon('loading', 'codicon-modifier-spin'), ' Reading retros\u2026')];
  }
  switch (state.status) {
    case 'cancelled':
      return [message('cancelled', 'circle-slash', 'Reading the retros was cancelled.', refreshButton(context, 'Read the retros again'))];
    case 'error':
      return [h('div', { class: 'panel-message error', attrs: { role: 'alert' } }, h('p', {}, icon('error'), ' ', state.message), refreshButton(context, 'Try again'))];
    case 'empty':
      return [
        message(
          'empty',
          'search',
          'No retros found in this workspace. Retros are markdown files matched by the retroHealth.files setting (names with "retro", or under retros/), or with "retro: true" in their front matter.',
          refreshButton(context, 'Look again'),
        ),
      ];
    case 'ready':
      return renderReport(state.report, context);
  }
}

function message(kind: string, iconName: string, text: string, ...more: Child[]): HTMLElement {
  return h('div', { class: `panel-message ${kind}`, attrs: { role: 'status' } }, h('p', {}, icon(iconName), ' ', text), ...more);
}

function refreshButton(context: ReportContext, label: string): HTMLButtonElement {
  return h('button', { class: 'button', attrs: { type: 'button', 'data-focus-key': 'refresh' }, on: { click: () => context.refresh() } }, icon('refresh'), ` ${label}`);
}

function renderReport(report: ReportView, context: ReportContext): Node[] {
  return [
    renderHeader(report, context),
    renderTeams(report, context),
    renderOrganisation(report),
    renderTrends(report, context),
    renderRecurring(report, context),
    renderFollowUps(report, context),
    renderDidItHelp(report, context),
  ];
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function renderHeader(report: ReportView, context: ReportContext): HTMLElement {
  const scope = [report.asOf ? `As of ${report.asOf}` : 'No dated retros', plural(report.retros, 'retro'), plural(report.teams.length + report.omittedTeams, 'team')];
  return h(
    'header',
    { class: 'card report-summary' },
    h('h1', {}, icon('pulse'), ' Workspace health'),
    h('p', { class: 'meta muted' }, scope.join(' \u00b7 ')),
    h('p', { class: 'report-summary-text' }, report.summary),
    h(
      'div',
      { class: 'summary-actions' },
      h(
        'button',
        {
          class: 'button',
          attrs: { type: 'button', 'data-focus-key': 'export', 'aria-disabled': context.exporting ? 'true' : undefined },
          on: { click: () => context.exportMarkdown() },
        },
        icon(context.exporting ? 'loading' : 'markdown', context.exporting ? 'codicon-modifier-spin' : ''),
        ' Export report as Markdown',
      ),
      h('button', { class: 'button button-small', attrs: { type: 'button', 'data-focus-key': 'refresh' }, on: { click: () => context.refresh() } }, icon('refresh'), ' Refresh'),
    ),
  );
}

// ---- teams table --------------------------------------------------------------------------------

function directionText(team: { direction: TeamView['direction']; worsenedInARow: number }): string {
  if (team.direction === null) return '\u2014';
  return team.worsenedInARow >= 2 ? `${team.direction}, ${team.worsenedInARow} in a row` : team.direction;
}

function balanceText(balance: TeamView['balance']): string {
  const lead = { none: 'no complaints', both: 'both ways', it: 'mostly IT', business: 'mostly business' }[balance.balance];
  return `${lead} (business ${balance.business} \u00b7 IT ${balance.it} \u00b7 both ${balance.both})`;
}

function compareTeams(a: TeamView, b: TeamView, column: SortColumn): number {
  switch (column) {
    case 'team':
      return teamLabel(a.name).localeCompare(teamLabel(b.name));
    case 'retros':
      return a.retros - b.retros;
    case 'stage':
      return stageRank(a.latest.stage) - stageRank(b.latest.stage) || b.latest.score - a.latest.score;
    case 'score':
      return a.latest.score - b.latest.score;
    case 'direction':
      return (a.direction === null ? -1 : DIRECTION_RANK[a.direction]) - (b.direction === null ? -1 : DIRECTION_RANK[b.direction]) || a.worsenedInARow - b.worsenedInARow;
    case 'balance':
      return BALANCE_RANK[a.balance.balance] - BALANCE_RANK[b.balance.balance];
  }
}

export function sortTeams(teams: readonly TeamView[], sort: Sort): TeamView[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...teams].sort((a, b) => sign * compareTeams(a, b, sort.column) || teamLabel(a.name).localeCompare(teamLabel(b.name)));
}

function renderTeams(report: ReportView, context: ReportContext): HTMLElement {
  const { sort } = context;
  const header = SORT_COLUMNS.map((column) => {
    const active = sort.column === column;
    const next = active && sort.direction === 'ascending' ? 'descending' : 'ascending';
    return h(
      'th',
      { class: NUMERIC.has(column) ? 'numeric' : '', attrs: { scope: 'col', 'aria-sort': active ? sort.direction : undefined } },
      h(
        'button',
        {
          class: 'sort-button',
          attrs: { type: 'button', 'data-focus-key': `sort-${column}`, 'data-column': column, title: `Sort by ${COLUMN_NAME[column].toLowerCase()}, ${next}` },
          on: { click: () => context.setSort(column) },
        },
        COLUMN_NAME[column],
        icon(active ? (sort.direction === 'ascending' ? 'triangle-up' : 'triangle-down') : 'blank', 'sort-icon'),
      ),
    );
  });
  const rows = sortTeams(report.teams, sort).map((team) =>
    h(
      'tr',
      { attrs: { 'data-team': teamLabel(team.name) } },
      h('th', { attrs: { scope: 'row' } }, h('bdi', {}, teamLabel(team.name))),
      h('td', { class: 'numeric' }, team.retros),
      h('td', {}, h('span', { class: `dot stage-bg-${team.latest.stage}`, attrs: { 'aria-hidden': 'true' } }), ' ', stageText(team.latest.stage)),
      h('td', { class: 'numeric' }, team.latest.score),
      h('td', {}, team.direction ? icon(DIRECTION_ICON[team.direction], `direction-${team.direction}`) : null, ' ', directionText(team)),
      h('td', {}, balanceText(team.balance)),
    ),
  );
  return h(
    'section',
    { class: 'card teams', attrs: { 'aria-labelledby': 'teams-heading' } },
    h('h2', { attrs: { id: 'teams-heading' } }, icon('organization'), ` Teams (${report.teams.length})`),
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'team-table' },
        h('caption', { class: 'visually-hidden' }, `Teams, sorted by ${COLUMN_NAME[sort.column].toLowerCase()}, ${sort.direction}. Column headers are buttons that sort.`),
        h('thead', {}, h('tr', {}, ...header)),
        h('tbody', {}, ...rows),
      ),
    ),
    report.omittedTeams > 0 ? h('p', { class: 'muted' }, `${report.omittedTeams} more teams not shown (see the exported report).`) : null,
  );
}

function stageText(stage: DocumentStage): string {
  return stage === 'healthy' ? 'Healthy' : `${stageName(stage)} (${STAGE_ILLNESS[stage]})`;
}

// ---- organisation view ---------------------------------------------------------------------------

function renderOrganisation(report: ReportView): HTMLElement {
  const { organisation } = report;
  const total = WORST_FIRST.reduce((sum, stage) => sum + organisation.stageCounts[stage], 0);
  return h(
    'section',
    { class: 'card organisation', attrs: { 'aria-labelledby': 'organisation-heading' } },
    h('h2', { attrs: { id: 'organisation-heading' } }, icon('globe'), ' Organisation'),
    h('h3', {}, 'Teams per stage'),
    h(
      'ul',
      { class: 'stage-counts' },
      ...WORST_FIRST.map((stage) =>
        h(
          'li',
          { attrs: { 'data-stage': stage } },
          h('span', {}, h('span', { class: `dot stage-bg-${stage}`, attrs: { 'aria-hidden': 'true' } }), ` ${stageText(stage)}: `, h('strong', {}, organisation.stageCounts[stage])),
          countBar(stage, total ? organisation.stageCounts[stage] / total : 0),
        ),
      ),
    ),
    h('h3', {}, 'Worst off first'),
    h(
      'ol',
      { class: 'ranking' },
      ...organisation.ranking.map((standing) =>
        h('li', {}, h('bdi', { class: 'team-name' }, teamLabel(standing.team)), ` \u2014 ${stageText(standing.stage)}, score ${standing.score}`, standing.direction ? `, ${directionText(standing)}` : ''),
      ),
    ),
    h('h3', {}, 'Treatments that would help the most teams'),
    organisation.treatments.length
      ? h(
          'ol',
          { class: 'org-treatments' },
          ...organisation.treatments.map((treatment) =>
            h('li', {}, h('strong', {}, treatment.title), ` \u2014 ${plural(treatment.teams, 'team')}: `, h('bdi', {}, treatment.teamNames.map(teamLabel).join(', '))),
          ),
        )
      : h('p', { class: 'muted' }, 'No treatment to suggest: no team shows symptoms.'),
    organisation.outcomes.length ? h('h3', {}, 'Treatments followed by fading symptoms most often') : null,
    organisation.outcomes.length
      ? h(
          'ol',
          { class: 'org-outcomes' },
          ...organisation.outcomes.map((tally) => {
            const total = tally.faded + tally.persisted + tally.tooEarly + tally.nothingToCompare;
            const rest = [tally.persisted ? `persisted ${tally.persisted}` : '', tally.tooEarly ? `too early to tell ${tally.tooEarly}` : '', tally.nothingToCompare ? `nothing to compare ${tally.nothingToCompare}` : ''].filter(Boolean);
            return h(
              'li',
              { attrs: { 'data-treatment': tally.id } },
              h('strong', {}, tally.title),
              ` \u2014 faded after ${tally.faded} of ${plural(total, 'ticked item')}${rest.length ? ` (${rest.join(', ')})` : ''}: `,
              h('bdi', {}, tally.teams.map(teamLabel).join(', ')),
            );
          }),
        )
      : null,
  );
}

function countBar(stage: DocumentStage, share: number): HTMLElement {
  const fill = h('span', { class: `count-fill stage-bg-${stage}` });
  // CSSOM, not a style attribute: allowed by the CSP.
  fill.style.width = `${Math.round(share * 100)}%`;
  return h('span', { class: 'count-bar', attrs: { 'aria-hidden': 'true' } }, fill);
}

// ---- stage over time --------------------------------------------------------------------------------

function fileButton(file: string, line: number, context: ReportContext, column?: number, label?: Child): HTMLButtonElement {
  const where = column === undefined ? `${file}:${line}` : `${file}:${line}:${column}`;
  return h(
    'button',
    {
      class: 'link file-ref',
      attrs: { type: 'button', 'data-focus-key': `open-${where}`, 'data-file': file, 'data-line': String(line), title: `Open ${file} at line ${line}` },
      on: { click: () => context.openFile(file, line, column) },
    },
    label ?? h('bdi', {}, where),
  );
}

function renderTrends(report: ReportView, context: ReportContext): HTMLElement {
  return h(
    'section',
    { class: 'card trends', attrs: { 'aria-labelledby': 'trends-heading' } },
    h('h2', { attrs: { id: 'trends-heading' } }, icon('graph-line'), ' Stage over time'),
    ...report.teams.map((team, index) => renderTeamTrend(team, index, context)),
  );
}

function trendText(team: TeamView): string {
  const { points } = team;
  const label = teamLabel(team.name);
  if (points.length === 0) return `${label}: no dated retros (${plural(team.undated, 'undated retro')}).`;
  const first = points[0] as TeamView['points'][number];
  const last = points[points.length - 1] as TeamView['points'][number];
  const span = points.length > 1 ? ` from ${first.date} to ${last.date}` : ` on ${last.date}`;
  const direction = team.direction ? `, ${directionText(team)}` : '';
  return `${label}: ${plural(points.length, 'dated retro')}${span}; latest ${stageText(last.stage)}, score ${last.score}${direction}.`;
}

function renderTeamTrend(team: TeamView, index: number, context: ReportContext): HTMLElement {
  const summaryId = `team-trend-${index}`;
  const points = team.points.map((point) => ({ label: point.file.split('/').pop() ?? point.file, date: point.date, stage: point.stage, score: point.score }));
  const rows = [...team.points, ...(team.undated > 0 && team.points.length === 0 ? [team.latest] : [])].map((point) =>
    h('tr', {}, h('td', {}, point.date ?? '\u2014'), h('td', {}, fileButton(point.file, 1, context, undefined, h('bdi', {}, point.file))), h('td', {}, stageName(point.stage)), h('td', { class: 'numeric' }, point.score)),
  );
  return h(
    'div',
    { class: 'team-trend', attrs: { 'data-team': teamLabel(team.name) } },
    h('h3', {}, h('bdi', {}, teamLabel(team.name))),
    h('p', { class: 'trend-summary', attrs: { id: summaryId } }, trendText(team)),
    points.length >= 2 ? trendSvg(points, summaryId) : null,
    h(
      'table',
      { class: 'trend-points' },
      h('caption', { class: 'visually-hidden' }, `Retros of ${teamLabel(team.name)}, oldest first`),
      h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Date'), h('th', { attrs: { scope: 'col' } }, 'Retro'), h('th', { attrs: { scope: 'col' } }, 'Stage'), h('th', { attrs: { scope: 'col', class: 'numeric' } }, 'Score'))),
      h('tbody', {}, ...rows),
    ),
    team.undated > 0 && team.points.length > 0 ? h('p', { class: 'muted' }, `${plural(team.undated, 'undated retro')} left off the line.`) : null,
  );
}

// ---- recurring symptoms and follow-ups -------------------------------------------------------------------

function renderRecurring(report: ReportView, context: ReportContext): HTMLElement {
  const section = h(
    'section',
    { class: 'card recurring', attrs: { 'aria-labelledby': 'recurring-heading' } },
    h('h2', { attrs: { id: 'recurring-heading' } }, icon('history'), ` Recurring symptoms (${report.recurring.length + report.omittedRecurring})`),
  );
  if (report.recurring.length === 0) {
    section.append(h('p', { class: 'muted' }, 'No symptom appears in more than one retro.'));
    return section;
  }
  section.append(h('ul', { class: 'recurring-list' }, ...report.recurring.map((symptom) => recurringItem(symptom, context))));
  if (report.omittedRecurring > 0) section.append(h('p', { class: 'muted' }, `${report.omittedRecurring} more not shown (see the exported report).`));
  return section;
}

function recurringItem(symptom: RecurringView, context: ReportContext): HTMLLIElement {
  return h(
    'li',
    { class: `recurring-item stage-border-${symptom.stage}`, attrs: { 'data-symptom': symptom.symptom } },
    h('h3', {}, h('span', { class: `dot stage-bg-${symptom.stage}`, attrs: { 'aria-hidden': 'true' } }), ' ', symptom.title),
    h('p', { class: 'muted' }, `${stageText(symptom.stage)} \u00b7 ${plural(symptom.retros, 'retro')} \u00b7 teams: `, h('bdi', {}, symptom.teams.map(teamLabel).join(', '))),
    h(
      'ul',
      { class: 'occurrences' },
      ...symptom.occurrences.map((occurrence) =>
        h('li', {}, fileButton(occurrence.file, occurrence.line, context, occurrence.column), ' ', h('q', { class: 'finding-quote' }, occurrence.text)),
      ),
    ),
    symptom.omittedOccurrences > 0 ? h('p', { class: 'muted' }, `${symptom.omittedOccurrences} more places not shown.`) : null,
  );
}

function age(item: FollowUpView): string {
  return item.openDays === null ? '\u2014' : plural(item.openDays, 'day');
}

function staleBadge(item: FollowUpView, staleAfterDays: number): HTMLElement | null {
  return item.stale ? h('span', { class: 'stale-badge', attrs: { title: `Open for more than ${plural(staleAfterDays, 'day')}` } }, icon('warning'), ' stale') : null;
}

function renderFollowUps(report: ReportView, context: ReportContext): HTMLElement {
  const section = h(
    'section',
    { class: 'card follow-ups', attrs: { 'aria-labelledby': 'follow-ups-heading' } },
    h('h2', { attrs: { id: 'follow-ups-heading' } }, icon('checklist'), ` Open follow-ups (${report.followUps.length + report.omittedFollowUps})`),
  );
  if (report.followUps.length === 0) {
    section.append(h('p', { class: 'muted' }, 'No checklist item from an earlier retro is left open.'));
    return section;
  }
  const rows = report.followUps.map((item) =>
    h(
      'tr',
      {},
      h('td', { class: 'numeric' }, age(item), item.stale ? h('br') : null, staleBadge(item, report.staleAfterDays)),
      h('td', {}, h('bdi', {}, teamLabel(item.team))),
      h('td', { class: 'follow-up-text' }, item.text, item.stillOpenIn.length ? h('span', { class: 'muted' }, ` (still open in ${plural(item.stillOpenIn.length, 'later retro')})`) : null),
      h('td', {}, fileButton(item.file, item.line, context)),
    ),
  );
  section.append(
    h(
      'div',
      { class: 'table-scroll' },
      h(
        'table',
        { class: 'follow-up-table' },
        h('caption', { class: 'visually-hidden' }, 'Checklist items left open, oldest first'),
        h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col', class: 'numeric' } }, 'Open for'), h('th', { attrs: { scope: 'col' } }, 'Team'), h('th', { attrs: { scope: 'col' } }, 'Item'), h('th', { attrs: { scope: 'col' } }, 'From'))),
        h('tbody', {}, ...rows),
      ),
    ),
  );
  if (report.omittedFollowUps > 0) section.append(h('p', { class: 'muted' }, `${report.omittedFollowUps} more not shown (see the exported report).`));
  return section;
}

// ---- did it help? -----------------------------------------------------------------------------------

const VERDICT_TEXT: Record<OutcomeView['verdict'], string> = { faded: 'faded', persisted: 'persisted', 'too-early': 'too early to tell', 'nothing-to-compare': 'nothing to compare' };
const VERDICT_ICON: Record<OutcomeView['verdict'], string> = { faded: 'pass', persisted: 'error', 'too-early': 'watch', 'nothing-to-compare': 'circle-slash' };

function renderDidItHelp(report: ReportView, context: ReportContext): HTMLElement {
  const section = h(
    'section',
    { class: 'card did-it-help', attrs: { 'aria-labelledby': 'did-it-help-heading' } },
    h('h2', { attrs: { id: 'did-it-help-heading' } }, icon('beaker'), ' Did it help?'),
    h(
      'p',
      { class: 'muted' },
      'Each treatment action item a team ticked: how many of the team\u2019s dated retros show a symptom that treatment answers, up to the retro that added it against the same number after the retro that ticked it (up to 3 each side). Faded: in at most half as many retros after as before.',
    ),
  );
  const teams = report.teams.filter((team) => team.outcomes.length > 0 || report.followUps.some((item) => item.team === team.name && item.treatment !== null));
  if (teams.length === 0) {
    section.append(h('p', { class: 'muted' }, 'No treatment action item has been added and ticked yet.'));
    return section;
  }
  for (const team of teams) {
    const open = report.followUps.filter((item) => item.team === team.name && item.treatment !== null);
    section.append(
      h(
        'div',
        { class: 'team-outcomes', attrs: { 'data-team': teamLabel(team.name) } },
        h('h3', {}, h('bdi', {}, teamLabel(team.name))),
        team.outcomes.length ? h('ul', { class: 'outcome-list' }, ...team.outcomes.map((outcome) => outcomeItem(outcome, context))) : h('p', { class: 'muted' }, 'No treatment action item ticked yet.'),
        team.omittedOutcomes > 0 ? h('p', { class: 'muted' }, `${team.omittedOutcomes} earlier ones not shown (see the exported report).`) : null,
        open.length
          ? h(
              'div',
              { class: 'still-open' },
              h('h4', {}, 'Still open'),
              h(
                'ul',
                {},
                ...open.map((item) =>
                  h(
                    'li',
                    {},
                    h('strong', {}, item.treatment?.title ?? ''),
                    ': ',
                    h('q', {}, item.text),
                    ` \u2014 open ${age(item)} `,
                    staleBadge(item, report.staleAfterDays),
                    ' ',
                    fileButton(item.file, item.line, context),
                  ),
                ),
              ),
            )
          : null,
      ),
    );
  }
  return section;
}

function outcomeItem(outcome: OutcomeView, context: ReportContext): HTMLLIElement {
  const sameRetro = outcome.added.file === outcome.ticked.file;
  return h(
    'li',
    { class: `outcome verdict-${outcome.verdict}`, attrs: { 'data-verdict': outcome.verdict, 'data-treatment': outcome.treatment.id } },
    h('p', { class: 'outcome-head' }, h('strong', {}, outcome.treatment.title), ' \u2014 ', h('span', { class: 'verdict' }, icon(VERDICT_ICON[outcome.verdict]), ` ${VERDICT_TEXT[outcome.verdict]}`)),
    h('p', {}, h('q', { class: 'outcome-text' }, outcome.text)),
    sameRetro
      ? h('p', { class: 'muted' }, `Added and ticked in `, fileButton(outcome.ticked.file, outcome.ticked.line, context), ` (${outcome.ticked.date})`)
      : h(
          'p',
          { class: 'muted' },
          'Added in ',
          fileButton(outcome.added.file, outcome.added.line, context),
          ` (${outcome.added.date}), ticked in `,
          fileButton(outcome.ticked.file, outcome.ticked.line, context),
          ` (${outcome.ticked.date})`,
        ),
    h('p', { class: 'outcome-explanation' }, outcome.explanation),
    outcome.window > 0 && outcome.symptoms.length
      ? h(
          'ul',
          { class: 'outcome-symptoms' },
          ...outcome.symptoms.map((symptom) => h('li', {}, `${symptom.title}: ${symptom.before} of ${outcome.window} retros before, ${symptom.after} of ${outcome.window} after`)),
        )
      : null,
  );
}
