/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The Workspace Health Report's webview script (bundled to dist/report.js, an IIFE for the
 * browser). It renders what the host sends after validating it, keeps the team table's sort
 * order and the scroll position with getState/setState, and never waits forever.
 */
import { announceIn, restoreState, vsCodeApi } from '../host';
import {
  DEFAULT_REPORT_STATE,
  parseReportHostMessage,
  parseReportPersistedState,
  type ReportHostMessage,
  type ReportPersistedState,
  type ReportState,
  type ReportWebviewMessage,
  type SortColumn,
} from '../../shared/reportProtocol';
import { replaceKeepingFocus, watchScroll } from '../dom';
import { renderReportState, type ReportContext } from './view';


/** Reading a large workspace takes a while (the notification shows progress); after this the view offers to try again. */
const STATE_DEADLINE_MS = 5 * 60_000;
const EXPORT_DEADLINE_MS = 5 * 60_000;

const vscodeApi = vsCodeApi();
const app = document.getElementById('app') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;

let persisted: ReportPersistedState = restorePersisted();
let state: ReportState | undefined;
let pendingScroll = persisted.scrollY;
let exporting: ReturnType<typeof setTimeout> | undefined;
let stateTimer: ReturnType<typeof setTimeout> | undefined;

function restorePersisted(): ReportPersistedState {
  return restoreState(vscodeApi, parseReportPersistedState, DEFAULT_REPORT_STATE, 'report');
}

function persist(): void {
  vscodeApi.setState(persisted);
}

function post(message: ReportWebviewMessage): void {
  vscodeApi.postMessage(message);
}

function announce(message: string): void {
  announceIn(status, message);
}

const context: ReportContext = {
  get sort() {
    return persisted.sort;
  },
  get exporting() {
    return exporting !== undefined;
  },
  setSort(column: SortColumn) {
    const direction = persisted.sort.column === column && persisted.sort.direction === 'ascending' ? 'descending' : 'ascending';
    persisted = { ...persisted, sort: { column, direction } };
    persist();
    render();
    announce(`Teams sorted by ${column}, ${direction}.`);
  },
  openFile(file, line, column) {
    post(column === undefined ? { type: 'openFile', file, line } : { type: 'openFile', file, line, column });
  },
  exportMarkdown() {
    if (exporting !== undefined || state?.status !== 'ready') return;
    exporting = setTimeout(() => {
      exporting = undefined;
      render();
    }, EXPORT_DEADLINE_MS);
    render();
    post({ type: 'export' });
  },
  refresh() {
    show({ status: 'loading' });
    post({ type: 'refresh' });
  },
};

function show(next: ReportState): void {
  state = next;
  clearTimeout(stateTimer);
  if (next.status === 'loading') {
    stateTimer = setTimeout(() => show({ status: 'error', message: 'Retro Health did not send the report in time.' }), STATE_DEADLINE_MS);
  }
  render();
  if (next.status === 'ready') announce(next.report.summary);
  else if (next.status === 'error') announce(next.message);
  else if (next.status === 'cancelled') announce('Reading the retros was cancelled.');
  else if (next.status === 'empty') announce('No retros found.');
}

function receive(message: ReportHostMessage): void {
  switch (message.type) {
    case 'state':
      show(message.state);
      return;
    case 'exportResult':
      clearTimeout(exporting);
      exporting = undefined;
      render();
      announce(message.message);
      return;
  }
}

function render(): void {
  const scrollY = window.scrollY;
  replaceKeepingFocus(app, renderReportState(state, context));
  app.setAttribute('aria-busy', String(!state || state.status === 'loading'));
  // After a reload, the saved position once the report is there; otherwise where the reader was.
  const restoring = state?.status === 'ready' && pendingScroll > 0;
  window.scrollTo(0, restoring ? pendingScroll : scrollY);
  if (restoring) pendingScroll = 0;
}

watchScroll((scrollY) => {
  if (state?.status !== 'ready' || pendingScroll > 0) return;
  persisted = { ...persisted, scrollY };
  persist();
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = parseReportHostMessage(event.data);
  if (!parsed.ok) {
    console.warn(`[Retro Health] ignored an invalid message from the extension (${parsed.problem})`);
    return;
  }
  receive(parsed.value);
});

stateTimer = setTimeout(() => show({ status: 'error', message: 'Retro Health did not send the report in time.' }), STATE_DEADLINE_MS);
persist();
post({ type: 'ready' });
