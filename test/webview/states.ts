// Panel states for the webview tests, built the way the host builds them: the real core analyses
// the bundled example retros and the host's own view model (src/extension/panel/viewModel.ts)
// turns the analysis into the message. Hostile states are those with every text field replaced.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeRetro } from '../../src/core/analyze';
import { lonePlacement } from '../../src/core/retroSet';
import { retroFollowThrough } from '../../src/core/report/followThrough';
import { toFollowThroughView } from '../../src/extension/panel/followThroughView';
import { buildTrend, toRetroView, type TrendRecord } from '../../src/extension/panel/viewModel';
import type { FollowThrough, HostMessage, PanelState, RetroView, Trend } from '../../src/shared/panelProtocol';
import { ROOT } from './harness';

export const PAYMENTS = 'examples/retros/payments';
export const WORST = `${PAYMENTS}/2026-02-27-sprint-24.md`;
/** A team with an item left open for weeks and treatments tried, ticked and left open (the "Did it help?" fixture). */
export const WAREHOUSE = 'test/fixtures/treatment-outcomes/workspace/retros/warehouse';
export const WAREHOUSE_LATEST = `${WAREHOUSE}/2026-03-16.md`;

const uriOf = (file: string) => `file:///workspace/${file}`;

function recordOf(file: string, text = fs.readFileSync(path.join(ROOT, file), 'utf8')): TrendRecord & { text: string; analysis: ReturnType<typeof analyzeRetro> } {
  const analysis = analyzeRetro(text, { fileName: file });
  return {
    uri: uriOf(file),
    label: path.basename(file),
    date: analysis.document.date,
    team: lonePlacement(file, text).team,
    stage: analysis.diagnosis.stage,
    score: analysis.diagnosis.score,
    text,
    analysis,
  };
}

/** The retros of a file's folder (its team in these examples). */
function folderRecords(file: string): ReturnType<typeof recordOf>[] {
  return fs
    .readdirSync(path.join(ROOT, path.dirname(file)))
    .filter((name) => name.endsWith('.md'))
    .map((name) => recordOf(path.join(path.dirname(file), name)));
}

/** The follow-through of a retro against its folder's retros, as the panel host computes it (staleAfterDays 42). */
export function followThroughOf(file: string, text?: string): FollowThrough {
  const current = recordOf(file, text);
  const others = folderRecords(file);
  const input = (record: ReturnType<typeof recordOf>) => ({ file: record.uri, analysis: record.analysis, placement: { team: record.team, date: record.date } });
  const labels = new Map(others.map((record) => [record.uri, record.label]));
  return toFollowThroughView(retroFollowThrough(input(current), others.map(input), { staleAfterDays: 42 }), (uri) => labels.get(uri) ?? current.label);
}

/** The view of one example retro, with the trend and follow-through against its team's other examples (or the given ones). */
export function retroView(file = WORST, trend?: Trend, edit: (text: string) => string = (text) => text, followThrough?: FollowThrough): RetroView {
  const text = edit(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  const analysis = analyzeRetro(text, { fileName: file });
  const team = lonePlacement(file, text).team;
  const others = folderRecords(file);
  const current: TrendRecord = { uri: uriOf(file), label: path.basename(file), date: analysis.document.date, team, stage: analysis.diagnosis.stage, score: analysis.diagnosis.score };
  return toRetroView({ documentUri: uriOf(file), fileName: path.basename(file), team, analysis, trend: trend ?? buildTrend(current, others), followThrough: followThrough ?? followThroughOf(file, text) });
}

export const ready = (retro: RetroView = retroView()): HostMessage => ({ type: 'state', state: { status: 'ready', retro } });
export const stateMessage = (state: PanelState): HostMessage => ({ type: 'state', state });

/** Text that would run, break out of markup, or confuse layout if it were ever treated as HTML. */
export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '</script><script>alert(2)</script>',
  attribute: '" onmouseover="alert(3)" x="',
  entity: '&lt;b&gt;not bold&lt;/b&gt; & <b>not bold either</b>',
  rtl: '\u202Egnp.exe \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627',
  emoji: '\u{1F469}\u{1F3FD}\u200D\u{1F4BB} \u{1F525}\u{1F525} \u{1F3F3}\uFE0F\u200D\u{1F308}',
  svg: '<svg onload=alert(4)><use href="data:image/svg+xml,<svg id=x/>#x"/></svg>',
};

const hostile = (index: number) => Object.values(HOSTILE)[index % Object.values(HOSTILE).length] as string;

/** The worst example retro with every piece of text (file, team, quotes, titles, treatments, trend labels) hostile. */
export function hostileView(): RetroView {
  const view = retroView();
  let n = 0;
  const next = () => hostile(n++);
  return {
    ...view,
    fileName: `${HOSTILE.img}.md`,
    team: HOSTILE.script,
    diagnosis: { ...view.diagnosis, explanation: `${HOSTILE.svg} ${HOSTILE.rtl}` },
    findings: view.findings.map((finding) => ({ ...finding, text: `${next()} ${HOSTILE.emoji}`, title: next(), message: next(), symptom: next(), why: next() })),
    treatments: view.treatments.map((treatment) => ({
      ...treatment,
      title: next(),
      summary: next(),
      answers: [next()],
      actions: treatment.actions.map((action, index) => ({ ...action, text: `${next()} #${index}` })),
    })),
    trend: view.trend.status === 'ready' ? { ...view.trend, team: HOSTILE.attribute, points: view.trend.points.map((point) => ({ ...point, label: next() })) } : view.trend,
    followThrough: hostileFollowThrough(followThroughOf(WAREHOUSE_LATEST), next),
  };
}

/** A follow-through with every piece of text (item texts, treatment titles, symptom titles, retro labels, summaries) hostile. */
export function hostileFollowThrough(followThrough: FollowThrough, next: () => string = () => HOSTILE.img): FollowThrough {
  if (followThrough.status !== 'ready') return followThrough;
  const link = <T extends { label: string }>(place: T): T => ({ ...place, label: next() });
  return {
    ...followThrough,
    carriedOver: followThrough.carriedOver.map((item) => ({ ...item, text: next(), treatment: next(), from: link(item.from) })),
    triedBefore: followThrough.triedBefore.map((entry) => ({
      ...entry,
      symptom: next(),
      title: next(),
      attempts: entry.attempts.map((attempt) => ({ ...attempt, treatment: next(), text: next(), summary: next(), added: link(attempt.added), ticked: attempt.ticked && link(attempt.ticked) })),
    })),
  };
}
