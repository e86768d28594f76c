/// <reference lib="dom" />
/**
 * The team's score over its retros: a small inline SVG (drawn here, no chart library), a
 * sentence that says the same, and a table for screen readers and anyone who prefers numbers.
 */
import type { DocumentStage } from '../core/types';
import { h, icon, svg } from './dom';
import type { Trend, TrendPoint } from '../shared/panelProtocol';

/** The score band of each stage (as in the core's diagnosis), drawn behind the line. */
const BANDS: readonly [DocumentStage, number, number][] = [
  ['healthy', 90, 100],
  ['early', 70, 90],
  ['middle', 45, 70],
  ['advanced', 20, 45],
  ['end', 0, 20],
];
/** The chart shows at most this many of the latest retros; the table lists them all. */
const CHART_POINTS = 16;

const WIDTH = 320;
const HEIGHT = 120;
const LEFT = 26;
const RIGHT = 10;
const TOP = 8;
const BOTTOM = 22;

export interface TrendActions {
  /** Opens one of the team's retros, at a 1-based line when given. */
  openRetro(uri: string, line?: number): void;
  /** Whether the table is expanded (kept across re-renders). */
  tableOpen: boolean;
  setTableOpen(open: boolean): void;
}

/** One point of a score-over-time chart (a panel trend point, or a retro of a team in the workspace report). */
export interface ChartPoint {
  label: string;
  date: string | null;
  stage: DocumentStage;
  score: number;
  /** The retro the panel shows (drawn larger, "this retro" in its tooltip). */
  current?: boolean;
}

export function stageName(stage: DocumentStage): string {
  return stage.charAt(0).toUpperCase() + stage.slice(1);
}

export function renderTrend(trend: Trend, actions: TrendActions): HTMLElement {
  const section = h('section', { class: 'card trend', attrs: { 'aria-labelledby': 'trend-heading' } });
  const heading = h('h2', { attrs: { id: 'trend-heading' } }, icon('graph-line'), ' Trend');
  section.append(heading);
  switch (trend.status) {
    case 'loading':
      section.setAttribute('aria-busy', 'true');
      section.append(h('p', { class: 'muted' }, icon('loading', 'codicon-modifier-spin'), ' Reading the team\u2019s earlier retros\u2026'));
      return section;
    case 'none':
      section.append(h('p', { class: 'muted' }, trend.reason));
      return section;
    case 'error':
      section.append(h('p', { class: 'error-text' }, icon('error'), ' ', trend.message));
      return section;
    case 'ready':
      break;
  }
  heading.append(h('span', { class: 'muted heading-note' }, ` \u00b7 team ${trend.team}`));
  const points = trend.points;
  const undatedNote = trend.undated > 0 ? h('p', { class: 'muted' }, `${trend.undated} undated retro${trend.undated === 1 ? '' : 's'} of the team left out (add "date:" to the front matter).`) : null;
  if (points.length < 2) {
    section.append(h('p', { class: 'muted' }, `No earlier retros of team \u201c${trend.team}\u201d in this workspace yet.`), undatedNote ?? '');
    return section;
  }
  const summaryId = 'trend-summary';
  section.append(
    h('p', { class: 'trend-summary', attrs: { id: summaryId } }, trendSentence(trend.team, points)),
    trendSvg(points.slice(-CHART_POINTS), summaryId),
    table(points, actions),
    undatedNote ?? '',
  );
  return section;
}

function trendSentence(team: string, points: readonly TrendPoint[]): string {
  const first = points[0] as TrendPoint;
  const last = points[points.length - 1] as TrendPoint;
  const previous = points[points.length - 2] as TrendPoint;
  const change = last.score - previous.score;
  const direction = change > 0 ? `up ${change}` : change < 0 ? `down ${-change}` : 'unchanged';
  const span = first.date && last.date ? ` from ${first.date} to ${last.date}` : '';
  const when = previous.date ? ` on ${previous.date}` : '';
  return `Team \u201c${team}\u201d: ${points.length} retros${span}. This retro scores ${last.score} (${last.stage}), ${direction} since the previous one (${previous.score}${when}).`;
}

/** The score line over the stage bands; `summaryId` names the sentence that says the same (its accessible name). */
export function trendSvg(points: readonly ChartPoint[], summaryId: string): SVGSVGElement {
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const x = (index: number) => LEFT + (points.length === 1 ? plotWidth / 2 : (index * plotWidth) / (points.length - 1));
  const y = (score: number) => TOP + ((100 - score) * plotHeight) / 100;
  const root = svg('svg', { class: 'trend-chart', viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-labelledby': summaryId, preserveAspectRatio: 'xMidYMid meet' });
  for (const [stage, low, high] of BANDS) {
    root.append(svg('rect', { class: `band band-${stage}`, x: LEFT, y: y(high), width: plotWidth, height: y(low) - y(high) }));
  }
  for (const score of [0, 50, 100]) {
    root.append(svg('line', { class: 'grid', x1: LEFT, x2: WIDTH - RIGHT, y1: y(score), y2: y(score) }));
    root.append(svg('text', { class: 'axis-label', x: LEFT - 4, y: y(score) + 3, 'text-anchor': 'end' }, String(score)));
  }
  root.append(svg('polyline', { class: 'trend-line', points: points.map((point, index) => `${x(index).toFixed(1)},${y(point.score).toFixed(1)}`).join(' ') }));
  points.forEach((point, index) => {
    root.append(
      svg(
        'circle',
        { class: `point stage-fill-${point.stage}${point.current ? ' current' : ''}`, cx: x(index).toFixed(1), cy: y(point.score).toFixed(1), r: point.current ? 5 : 3.5 },
        svg('title', {}, `${point.date ?? 'no date'} \u00b7 ${point.stage} \u00b7 ${point.score}${point.current ? ' (this retro)' : ''} \u00b7 ${point.label}`),
      ),
    );
  });
  const first = points[0] as ChartPoint;
  const last = points[points.length - 1] as ChartPoint;
  root.append(svg('text', { class: 'axis-label', x: LEFT, y: HEIGHT - 6, 'text-anchor': 'start' }, first.date ?? ''));
  root.append(svg('text', { class: 'axis-label', x: WIDTH - RIGHT, y: HEIGHT - 6, 'text-anchor': 'end' }, last.current ? `${last.date ?? ''} (this retro)`.trim() : (last.date ?? '')));
  return root;
}

function table(points: readonly TrendPoint[], actions: TrendActions): HTMLDetailsElement {
  const rows = points.map((point) =>
    h(
      'tr',
      { class: point.current ? 'current' : '' },
      h('td', {}, point.date ?? '\u2014'),
      h(
        'td',
        {},
        point.current
          ? h('span', {}, h('bdi', {}, point.label), ' (this retro)')
          : h('button', { class: 'link', attrs: { type: 'button', 'data-focus-key': `trend-${point.uri}`, title: 'Open this retro' }, on: { click: () => actions.openRetro(point.uri) } }, h('bdi', {}, point.label)),
      ),
      h('td', {}, stageName(point.stage)),
      h('td', { class: 'numeric' }, String(point.score)),
    ),
  );
  const details = h(
    'details',
    { class: 'trend-table', on: { toggle: () => actions.setTableOpen(details.open) } },
    h('summary', { attrs: { 'data-focus-key': 'trend-table' } }, 'Trend as a table'),
    h(
      'table',
      {},
      h('caption', { class: 'visually-hidden' }, 'Score of each retro of the team, oldest first'),
      h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Date'), h('th', { attrs: { scope: 'col' } }, 'Retro'), h('th', { attrs: { scope: 'col' } }, 'Stage'), h('th', { attrs: { scope: 'col', class: 'numeric' } }, 'Score'))),
      h('tbody', {}, ...rows),
    ),
  );
  details.open = actions.tableOpen;
  return details;
}
