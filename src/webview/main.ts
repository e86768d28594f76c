/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The Retrospective Panel's webview script (bundled to dist/webview.js, an IIFE for the browser).
 * It renders what the host sends, validates every message first, keeps its filters and scroll
 * position with getState/setState, and never waits forever: every wait has a deadline.
 */
import { announceIn, restoreState, vsCodeApi } from './host';
import { SIDES, STAGES, type Side, type Stage } from '../core/types';
import { DEFAULT_PERSISTED_STATE, parseHostMessage, parsePersistedState, type HostMessage, type PanelState, type PersistedState, type WebviewMessage } from '../shared/panelProtocol';
import { renderState, type ViewContext } from './view';


/** Without a state from the host by then, the panel says so and offers to try again. */
const STATE_DEADLINE_MS = 10_000;
const TREND_DEADLINE_MS = 30_000;
const COMMAND_DEADLINE_MS = 20_000;

const vscodeApi = vsCodeApi();
const app = document.getElementById('app') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;

let persisted: PersistedState = restorePersisted();
let state: PanelState | undefined;
/** The scroll position to restore once content is there (after a reload). */
let pendingScroll = persisted.scrollY;
let trendTableOpen = false;
let moreTreatmentsOpen = false;
let stateTimer: ReturnType<typeof setTimeout> | undefined;
let trendTimer: ReturnType<typeof setTimeout> | undefined;
let requestCounter = 0;
/** Commands sent to the host and not yet answered: requestId -> the key of the busy button. */
const requests = new Map<string, { key: string; timer: ReturnType<typeof setTimeout> }>();

function restorePersisted(): PersistedState {
  return restoreState(vscodeApi, parsePersistedState, DEFAULT_PERSISTED_STATE, 'panel');
}

function persist(): void {
  vscodeApi.setState(persisted);
}

function post(message: WebviewMessage): void {
  vscodeApi.postMessage(message);
}

function announce(message: string): void {
  announceIn(status, message);
}

const context: ViewContext = {
  get filters() {
    return { stages: new Set<Stage>(persisted.filters.stages), sides: new Set<Side>(persisted.filters.sides) };
  },
  get busy() {
    return new Set([...requests.values()].map((request) => request.key));
  },
  get tableOpen() {
    return trendTableOpen;
  },
  setTableOpen(open) {
    trendTableOpen = open;
  },
  get moreTreatmentsOpen() {
    return moreTreatmentsOpen;
  },
  setMoreTreatmentsOpen(open) {
    moreTreatmentsOpen = open;
  },
  reveal(finding) {
    if (state?.status !== 'ready') return;
    post({ type: 'reveal', documentUri: state.retro.documentUri, range: finding.range });
  },
  toggleStage(stage) {
    const stages = new Set(persisted.filters.stages);
    if (!stages.delete(stage)) stages.add(stage);
    setFilters({ ...persisted.filters, stages: STAGES.filter((s) => stages.has(s)) });
  },
  toggleSide(side) {
    const sides = new Set(persisted.filters.sides);
    if (!sides.delete(side)) sides.add(side);
    setFilters({ ...persisted.filters, sides: SIDES.filter((s) => sides.has(s)) });
  },
  showAllFindings() {
    setFilters({ stages: [...STAGES], sides: [...SIDES] });
  },
  addActionItem(action) {
    if (state?.status !== 'ready') return;
    const requestId = startRequest(`action:${action}`);
    post({ type: 'addActionItem', requestId, documentUri: state.retro.documentUri, action });
  },
  writeHealthSection() {
    if (state?.status !== 'ready') return;
    const requestId = startRequest('write-section');
    post({ type: 'writeHealthSection', requestId, documentUri: state.retro.documentUri });
  },
  analyzeAnyway() {
    if (state?.status !== 'empty' || !state.documentUri) return;
    post({ type: 'analyzeAnyway', documentUri: state.documentUri });
    show(state.fileName === undefined ? { status: 'loading' } : { status: 'loading', fileName: state.fileName });
  },
  retry() {
    show({ status: 'loading' });
    post({ type: 'ready' });
  },
  openRetro(uri, line) {
    post(line === undefined ? { type: 'openRetro', uri } : { type: 'openRetro', uri, line });
  },
};

function setFilters(filters: PersistedState['filters']): void {
  persisted = { ...persisted, filters };
  persist();
  render();
  if (state?.status === 'ready') {
    const shown = state.retro.findings.filter((finding) => filters.stages.includes(finding.stage) && filters.sides.includes(finding.side)).length;
    announce(`Showing ${shown} of ${state.retro.findings.length} symptoms.`);
  }
}

function startRequest(key: string): string {
  const requestId = `r${++requestCounter}`;
  const timer = setTimeout(() => {
    if (!requests.delete(requestId)) return;
    announce('No answer from Retro Health. Try again.');
    render();
  }, COMMAND_DEADLINE_MS);
  requests.set(requestId, { key, timer });
  render();
  return requestId;
}

function documentUriOf(panelState: PanelState | undefined): string | undefined {
  if (!panelState) return undefined;
  if (panelState.status === 'ready') return panelState.retro.documentUri;
  return panelState.status === 'loading' ? undefined : panelState.documentUri;
}

/** Shows a state, keeping the deadlines and the saved document in step with it. */
function show(next: PanelState): void {
  const previous = state;
  state = next;
  clearTimeout(stateTimer);
  if (next.status === 'loading') {
    stateTimer = setTimeout(() => show({ status: 'error', message: 'Retro Health did not send the retrospective in time.' }), STATE_DEADLINE_MS);
  }
  clearTimeout(trendTimer);
  if (next.status === 'ready' && (next.retro.trend.status === 'loading' || next.retro.followThrough.status === 'loading')) {
    const { documentUri, trend, followThrough } = next.retro;
    const message = 'The team\u2019s earlier retros could not be read in time.';
    trendTimer = setTimeout(
      () =>
        receive({
          type: 'trend',
          documentUri,
          trend: trend.status === 'loading' ? { status: 'error', message } : trend,
          followThrough: followThrough.status === 'loading' ? { status: 'error', message } : followThrough,
        }),
      TREND_DEADLINE_MS,
    );
  }
  const uri = documentUriOf(next);
  if (uri !== undefined && uri !== persisted.documentUri) {
    persisted = { ...persisted, documentUri: uri };
    persist();
  }
  render();
  if (next.status === 'ready') {
    const before = previous?.status === 'ready' ? previous.retro : undefined;
    const { diagnosis, fileName } = next.retro;
    if (!before || before.documentUri !== next.retro.documentUri || before.diagnosis.stage !== diagnosis.stage) {
      announce(`${fileName}: ${diagnosis.stage} (${diagnosis.illness}), score ${diagnosis.score}.`);
    }
  } else if (next.status === 'error') {
    announce(next.message);
  }
}

function receive(message: HostMessage): void {
  switch (message.type) {
    case 'state':
      show(message.state);
      return;
    case 'trend':
      if (state?.status === 'ready' && state.retro.documentUri === message.documentUri) {
        if (message.trend.status !== 'loading' && message.followThrough.status !== 'loading') clearTimeout(trendTimer);
        state = { ...state, retro: { ...state.retro, trend: message.trend, followThrough: message.followThrough } };
        render();
      }
      return;
    case 'commandResult': {
      const request = requests.get(message.requestId);
      if (!request) return;
      clearTimeout(request.timer);
      requests.delete(message.requestId);
      announce(message.message);
      render();
      return;
    }
  }
}

function render(): void {
  const focusKey = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.focusKey : undefined;
  const scrollY = window.scrollY;
  app.replaceChildren(...renderState(state, context));
  const loading = !state || state.status === 'loading' || (state.status === 'ready' && (state.retro.trend.status === 'loading' || state.retro.followThrough.status === 'loading'));
  app.setAttribute('aria-busy', String(loading));
  if (focusKey !== undefined) {
    for (const element of app.querySelectorAll<HTMLElement>('[data-focus-key]')) {
      if (element.dataset.focusKey === focusKey) {
        element.focus({ preventScroll: true });
        break;
      }
    }
  }
  if (state?.status === 'ready' && pendingScroll > 0) {
    window.scrollTo(0, pendingScroll);
    pendingScroll = 0;
  } else {
    window.scrollTo(0, scrollY);
  }
}

let scrollFrame = 0;
window.addEventListener(
  'scroll',
  () => {
    if (scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      if (state?.status !== 'ready' || pendingScroll > 0) return;
      persisted = { ...persisted, scrollY: Math.max(0, Math.round(window.scrollY)) };
      persist();
    });
  },
  { passive: true },
);

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = parseHostMessage(event.data);
  if (!parsed.ok) {
    console.warn(`[Retro Health] ignored an invalid message from the extension (${parsed.problem})`);
    return;
  }
  receive(parsed.value);
});

stateTimer = setTimeout(() => show({ status: 'error', message: 'Retro Health did not send the retrospective in time.' }), STATE_DEADLINE_MS);
persist();
post({ type: 'ready' });
