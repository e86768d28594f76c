// Panel states for the webview tests, built the way the host builds them: the real core analyses
// the bundled example retros and the host's own view model (src/extension/panel/viewModel.ts)
// turns the analysis into the message. Hostile states are those with every text field replaced.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeRetro } from '../../src/core/analyze';
import { lonePlacement } from '../../src/core/retroSet';
import { buildTrend, toRetroView, type TrendRecord } from '../../src/extension/panel/viewModel';
import type { HostMessage, PanelState, RetroView, Trend } from '../../src/shared/panelProtocol';
import { ROOT } from './harness';

export const PAYMENTS = 'examples/retros/payments';
export const WORST = `${PAYMENTS}/2026-02-27-sprint-24.md`;

const uriOf = (file: string) => `file:///workspace/${file}`;

function recordOf(file: string): TrendRecord & { text: string } {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const analysis = analyzeRetro(text, { fileName: file });
  return {
    uri: uriOf(file),
    label: path.basename(file),
    date: analysis.document.date,
    team: lonePlacement(file, text).team,
    stage: analysis.diagnosis.stage,
    score: analysis.diagnosis.score,
    text,
  };
}

/** The view of one example retro, with the trend against its team's other examples (or the given trend). */
export function retroView(file = WORST, trend?: Trend, edit: (text: string) => string = (text) => text): RetroView {
  const text = edit(fs.readFileSync(path.join(ROOT, file), 'utf8'));
  const analysis = analyzeRetro(text, { fileName: file });
  const team = lonePlacement(file, text).team;
  const others = fs
    .readdirSync(path.join(ROOT, path.dirname(file)))
    .filter((name) => name.endsWith('.md'))
    .map((name) => recordOf(path.join(path.dirname(file), name)));
  const current: TrendRecord = { uri: uriOf(file), label: path.basename(file), date: analysis.document.date, team, stage: analysis.diagnosis.stage, score: analysis.diagnosis.score };
  return toRetroView({ documentUri: uriOf(file), fileName: path.basename(file), team, analysis, trend: trend ?? buildTrend(current, others) });
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
  };
}
