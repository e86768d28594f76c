/// <reference lib="dom" />
/** Renders a panel state into DOM nodes. Every piece of retro text goes in as a text node (see dom.ts). */
import { STAGE_ILLNESS, STAGES, type Side, type Stage } from '../core/types';
import { h, icon, type Child } from './dom';
import type { FindingView, PanelState, RetroView, TreatmentView } from '../shared/panelProtocol';
import { renderTrend, stageName, type TrendActions } from './trendChart';
import { renderCarriedOver, renderTriedBefore } from './followThrough';

export interface Filters {
  stages: ReadonlySet<Stage>;
  sides: ReadonlySet<Side>;
}

export interface ViewContext extends TrendActions {
  filters: Filters;
  /** Keys of buttons waiting for the host's answer (`action:<text>`, `write-section`). */
  busy: ReadonlySet<string>;
  /** Whether the treatments past the first few are expanded (kept across re-renders). */
  moreTreatmentsOpen: boolean;
  setMoreTreatmentsOpen(open: boolean): void;
  reveal(finding: FindingView): void;
  toggleStage(stage: Stage): void;
  toggleSide(side: Side): void;
  showAllFindings(): void;
  addActionItem(action: string): void;
  writeHealthSection(): void;
  analyzeAnyway(): void;
  retry(): void;
}

export const SIDE_NAME: Record<Side, string> = { business: 'Business', it: 'IT', both: 'Both sides' };
const SIDES_SHOWN: readonly Side[] = ['business', 'both', 'it'];
/** The most relevant treatments are open; the rest are one click away. */
const TREATMENTS_SHOWN = 3;
const WORST_FIRST: readonly Stage[] = [...STAGES].reverse();
const BALANCE_TEXT = {
  none: 'No symptoms, so no blame to weigh.',
  business: 'The complaints come from the business side.',
  it: 'The complaints come from the IT side.',
  both: 'Both sides are blaming each other.',
} as const;

export function renderState(state: PanelState | undefined, context: ViewContext): Node[] {
  if (!state || state.status === 'loading') {
    const what = state?.fileName ? ` ${state.fileName}` : ' the retrospective';
    return [h('p', { class: 'panel-message', attrs: { role: 'status' } }, icon('loading', 'codicon-modifier-spin'), ` Loading${what}\u2026`)];
  }
  if (state.status === 'error') {
    return [
      h(
        'div',
        { class: 'panel-message error', attrs: { role: 'alert' } },
        h('p', {}, icon('error'), ' ', state.message),
        h('button', { class: 'button', attrs: { type: 'button', 'data-focus-key': 'retry' }, on: { click: () => context.retry() } }, icon('refresh'), ' Try again'),
      ),
    ];
  }
  if (state.status === 'empty') {
    const emptyIcon = { 'no-document': 'markdown', 'not-a-retro': 'info', disabled: 'circle-slash', 'too-large': 'warning' }[state.reason];
    return [
      h(
        'div',
        { class: `panel-message empty empty-${state.reason}` },
        state.fileName ? h('p', { class: 'file-name' }, icon('markdown'), ' ', h('bdi', {}, state.fileName)) : null,
        h('p', {}, icon(emptyIcon), ' ', state.message),
        state.reason === 'not-a-retro' && state.documentUri
          ? h('button', { class: 'button', attrs: { type: 'button', 'data-focus-key': 'analyze-anyway' }, on: { click: () => context.analyzeAnyway() } }, icon('pulse'), ' Analyze this file anyway')
          : null,
      ),
    ];
  }
  return renderRetro(state.retro, context);
}

function renderRetro(retro: RetroView, context: ViewContext): Node[] {
  return [
    renderSummary(retro, context),
    renderTrend(retro.trend, context),
    renderCarriedOver(retro.followThrough, context),
    renderBalance(retro),
    renderFindings(retro, context),
    renderTriedBefore(retro.followThrough, context),
    renderTreatments(retro, context),
  ];
}

function renderSummary(retro: RetroView, context: ViewContext): HTMLElement {
  const { diagnosis } = retro;
  const meta: Child[] = [icon('markdown'), ' ', h('bdi', { class: 'file-name' }, retro.fileName)];
  if (retro.team) meta.push(' \u00b7 team ', h('bdi', {}, retro.team));
  if (retro.date) meta.push(` \u00b7 ${retro.date}`);
  const writing = context.busy.has('write-section');
  return h(
    'header',
    { class: `card summary stage-${diagnosis.stage}` },
    h('p', { class: 'meta' }, ...meta),
    h(
      'div',
      { class: 'verdict' },
      h(
        'p',
        { class: 'score' },
        h('span', { class: 'visually-hidden' }, 'Score '),
        h('span', { class: 'score-value' }, String(diagnosis.score)),
        h('span', { class: 'score-max', attrs: { 'aria-hidden': 'true' } }, '/100'),
        h('span', { class: 'visually-hidden' }, ' out of 100'),
      ),
      h(
        'div',
        { class: 'verdict-text' },
        h('h1', { class: 'stage' }, h('span', { class: `stage-badge stage-border-${diagnosis.stage}` }, h('span', { class: `dot stage-bg-${diagnosis.stage}`, attrs: { 'aria-hidden': 'true' } }), ` ${stageName(diagnosis.stage)}`), ' ', h('span', { class: 'illness' }, diagnosis.illness)),
        h('p', { class: 'explanation' }, diagnosis.explanation),
      ),
    ),
    h(
      'div',
      { class: 'summary-actions' },
      h(
        'button',
        {
          class: 'button',
          attrs: { type: 'button', 'data-focus-key': 'write-section', 'aria-disabled': writing ? 'true' : undefined, title: 'Write or update the relationship-health section of this retro' },
          on: { click: () => (writing ? undefined : context.writeHealthSection()) },
        },
        icon(writing ? 'loading' : 'edit', writing ? 'codicon-modifier-spin' : ''),
        writing ? ' Writing\u2026' : ' Write relationship-health section',
      ),
    ),
  );
}

function renderBalance(retro: RetroView): HTMLElement {
  const { sides } = retro.diagnosis;
  const total = sides.business + sides.it + sides.both;
  const counts = SIDES_SHOWN.map((side) => `${SIDE_NAME[side]} ${sides[side]}`).join(', ');
  const bar = h('div', { class: 'balance-bar', attrs: { 'aria-hidden': 'true' } });
  for (const side of SIDES_SHOWN) {
    if (sides[side] === 0) continue;
    const segment = h('span', { class: `segment side-bg-${side}` });
    // CSSOM, not a style attribute: allowed by the CSP.
    segment.style.flexGrow = String(sides[side]);
    bar.append(segment);
  }
  if (total === 0) bar.append(h('span', { class: 'segment segment-empty' }));
  return h(
    'section',
    { class: 'card balance', attrs: { 'aria-labelledby': 'balance-heading' } },
    h('h2', { attrs: { id: 'balance-heading' } }, icon('law'), ' Business vs IT'),
    bar,
    h(
      'p',
      { class: 'balance-legend' },
      ...SIDES_SHOWN.map((side) => h('span', { class: 'legend-item' }, h('span', { class: `swatch side-bg-${side}`, attrs: { 'aria-hidden': 'true' } }), ` ${SIDE_NAME[side]} ${sides[side]}`)),
    ),
    h('p', { class: 'balance-text' }, total === 0 ? BALANCE_TEXT.none : `${BALANCE_TEXT[sides.balance]} (${counts}.)`),
  );
}

function renderFindings(retro: RetroView, context: ViewContext): HTMLElement {
  const { filters } = context;
  const section = h('section', { class: 'card findings', attrs: { 'aria-labelledby': 'findings-heading' } });
  section.append(h('h2', { attrs: { id: 'findings-heading' } }, icon('search'), ` Symptoms (${retro.findings.length + retro.omittedFindings})`));
  if (retro.findings.length === 0) {
    section.append(h('p', { class: 'muted' }, 'No symptoms found in this retro.'));
    if (retro.hints > 0) section.append(h('p', { class: 'muted' }, `${retro.hints} weaker hint${retro.hints === 1 ? '' : 's'} below the confidence threshold not listed.`));
    return section;
  }
  const stageCount = (stage: Stage) => retro.findings.filter((finding) => finding.stage === stage).length;
  const sideCount = (side: Side) => retro.findings.filter((finding) => finding.side === side).length;
  section.append(
    h(
      'div',
      { class: 'filters', attrs: { role: 'group', 'aria-label': 'Filter symptoms' } },
      h(
        'div',
        { class: 'filter-row', attrs: { role: 'group', 'aria-labelledby': 'filter-stage-label' } },
        h('span', { class: 'filter-label', attrs: { id: 'filter-stage-label' } }, 'Stage'),
        ...STAGES.map((stage) =>
          toggle(`filter-stage-${stage}`, filters.stages.has(stage), () => context.toggleStage(stage), h('span', { class: `dot stage-bg-${stage}`, attrs: { 'aria-hidden': 'true' } }), ` ${stageName(stage)} (${stageCount(stage)})`),
        ),
      ),
      h(
        'div',
        { class: 'filter-row', attrs: { role: 'group', 'aria-labelledby': 'filter-side-label' } },
        h('span', { class: 'filter-label', attrs: { id: 'filter-side-label' } }, 'Side'),
        ...SIDES_SHOWN.map((side) => toggle(`filter-side-${side}`, filters.sides.has(side), () => context.toggleSide(side), `${SIDE_NAME[side]} (${sideCount(side)})`)),
      ),
    ),
  );
  const shown = retro.findings.map((finding, index) => ({ finding, index })).filter(({ finding }) => filters.stages.has(finding.stage) && filters.sides.has(finding.side));
  if (shown.length === 0) {
    section.append(
      h(
        'p',
        { class: 'muted no-match' },
        'No symptoms match these filters. ',
        h('button', { class: 'link', attrs: { type: 'button', 'data-focus-key': 'show-all' }, on: { click: () => context.showAllFindings() } }, 'Show all'),
      ),
    );
  }
  for (const stage of WORST_FIRST) {
    const group = shown.filter(({ finding }) => finding.stage === stage);
    if (group.length === 0) continue;
    const headingId = `findings-${stage}`;
    section.append(
      h(
        'section',
        { class: `stage-group stage-${stage}`, attrs: { 'aria-labelledby': headingId, 'data-stage': stage } },
        h('h3', { attrs: { id: headingId } }, h('span', { class: `dot stage-bg-${stage}`, attrs: { 'aria-hidden': 'true' } }), ` ${stageName(stage)} \u00b7 ${STAGE_ILLNESS[stage]} (${group.length})`),
        h('ul', { class: 'finding-list' }, ...group.map(({ finding, index }) => h('li', {}, findingButton(finding, index, context)))),
      ),
    );
  }
  const notes: string[] = [];
  if (retro.omittedFindings > 0) notes.push(`${retro.omittedFindings} more not listed.`);
  if (retro.hints > 0) notes.push(`${retro.hints} weaker hint${retro.hints === 1 ? '' : 's'} below the confidence threshold not listed.`);
  if (notes.length) section.append(h('p', { class: 'muted' }, notes.join(' ')));
  return section;
}

function toggle(key: string, pressed: boolean, onClick: () => void, ...label: Child[]): HTMLButtonElement {
  return h('button', { class: 'toggle', attrs: { type: 'button', 'aria-pressed': String(pressed), 'data-focus-key': key }, on: { click: onClick } }, ...label);
}

function findingButton(finding: FindingView, index: number, context: ViewContext): HTMLButtonElement {
  const line = finding.range.start.line + 1;
  return h(
    'button',
    {
      class: `finding side-${finding.side}`,
      attrs: { type: 'button', 'data-focus-key': `finding-${index}`, 'data-symptom': finding.symptom, title: `${finding.message} Select it in the editor.` },
      on: { click: () => context.reveal(finding) },
    },
    h('span', { class: 'finding-title' }, finding.title),
    h('span', { class: 'finding-quote' }, '\u201c', h('bdi', {}, finding.text), '\u201d'),
    ...(finding.why ? [h('span', { class: 'finding-why' }, finding.why)] : []),
    h('span', { class: 'finding-meta' }, h('span', { class: 'side-badge' }, h('span', { class: `swatch side-bg-${finding.side}`, attrs: { 'aria-hidden': 'true' } }), ` ${SIDE_NAME[finding.side]}`), ` \u00b7 line ${line}`),
  );
}

function renderTreatments(retro: RetroView, context: ViewContext): HTMLElement {
  const section = h('section', { class: 'card treatments', attrs: { 'aria-labelledby': 'treatments-heading' } }, h('h2', { attrs: { id: 'treatments-heading' } }, icon('heart'), ' Treatment plan'));
  if (retro.treatments.length === 0) {
    section.append(h('p', { class: 'muted' }, 'Nothing to treat: keep doing what works.'));
    return section;
  }
  const item = (treatment: TreatmentView) => h('li', { class: 'treatment' }, treatmentBody(treatment, context));
  section.append(h('ol', { class: 'treatment-list' }, ...retro.treatments.slice(0, TREATMENTS_SHOWN).map(item)));
  const more = retro.treatments.slice(TREATMENTS_SHOWN);
  if (more.length) {
    const details = h(
      'details',
      { class: 'more-treatments', on: { toggle: () => context.setMoreTreatmentsOpen(details.open) } },
      h('summary', { attrs: { 'data-focus-key': 'more-treatments' } }, `${more.length} more treatment${more.length === 1 ? '' : 's'}`),
      h('ol', { class: 'treatment-list', attrs: { start: String(TREATMENTS_SHOWN + 1) } }, ...more.map(item)),
    );
    details.open = context.moreTreatmentsOpen;
    section.append(details);
  }
  return section;
}

function treatmentBody(treatment: TreatmentView, context: ViewContext): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(h('h3', {}, treatment.title), h('p', { class: 'treatment-summary' }, treatment.summary));
  if (treatment.answers.length) fragment.append(h('p', { class: 'muted answers' }, 'Answers: ', treatment.answers.join('; ')));
  fragment.append(
    h(
      'ul',
      { class: 'action-list' },
      ...treatment.actions.map((action) => {
        const key = `action:${action.text}`;
        const busy = context.busy.has(key);
        const control = action.added
          ? h('span', { class: 'added' }, icon('check'), ' In the action items')
          : h(
              'button',
              {
                class: 'button button-small',
                attrs: { type: 'button', 'data-focus-key': key, 'aria-label': `Add as action item: ${action.text}`, 'aria-disabled': busy ? 'true' : undefined },
                on: { click: () => (busy ? undefined : context.addActionItem(action.text)) },
              },
              icon(busy ? 'loading' : 'add', busy ? 'codicon-modifier-spin' : ''),
              busy ? ' Adding\u2026' : ' Add as action item',
            );
        return h('li', {}, h('span', { class: 'action-text' }, action.text), control);
      }),
    ),
  );
  return fragment;
}
