import * as vscode from 'vscode';
import { hostPanel, webviewOptions } from './webviewHost';
import {
  clip,
  LIMITS,
  parsePersistedState,
  parseWebviewMessage,
  VIEW_TYPE,
  type HostMessage,
  type PanelState,
  type RetroView,
  type Trend,
  type WebviewMessage,
} from '../../webview/protocol';
import type { AnalysisService, DocumentState } from '../analysisService';
import type { TeamCatalogs } from '../teamCatalogs';
import { teamOfRetro } from '../retroDocuments';
import { createNonce, panelHtml } from './html';
import type { TeamRetros } from './teamRetros';
import { buildTrend, toRetroView, type TrendRecord } from './viewModel';

export const OPEN_PANEL_COMMAND = 'retroHealth.openPanel';
/** Context key for the editor-title button: the active editor holds an analysed retro. */
export const ACTIVE_RETRO_CONTEXT = 'retroHealth.activeEditorIsRetro';
/** Not in the command palette: lets the end-to-end tests see what the panel holds. */
export const PANEL_PROBE_COMMAND = 'retroHealth.internal.panel';

/** The trend is given up (and the panel says so) when reading the team's retros takes longer. */
const TREND_TIMEOUT_MS = 20_000;
/** State updates arriving together (an analysis, then its diagnostics) are sent once. */
const POST_DELAY_MS = 25;

interface TrendCache {
  key: string;
  team: string;
  others: TrendRecord[] | undefined;
  /** Set when saved files may have changed the others: refreshed in the background. */
  stale: boolean;
  error?: string;
  unavailable?: string;
}

/** What the end-to-end tests can see of the panel (PANEL_PROBE_COMMAND). */
export interface PanelProbe {
  open: boolean;
  viewType: string;
  webviewReady: boolean;
  documentUri: string | undefined;
  status: PanelState['status'] | undefined;
  stage: string | undefined;
  score: number | undefined;
  findings: number | undefined;
  trend: Trend['status'] | undefined;
  trendPoints: number | undefined;
  /** The action items the treatment plan offers (what "Add as action item" may send). */
  offeredActions: string[];
  invalidMessages: number;
  handledMessages: number;
}

/**
 * The Retrospective Panel: one webview beside the editor that follows the active markdown
 * retro and shows its diagnosis, trend, symptoms, side balance and treatment plan. It only
 * translates: every number comes from the AnalysisService's analysis of the editor buffer.
 */
export class PanelController implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private lastColumn: vscode.ViewColumn | undefined;
  private webviewReady = false;
  private lastState: PanelState | undefined;
  private postTimer: ReturnType<typeof setTimeout> | undefined;
  private trendCache: TrendCache | undefined;
  private trendGeneration = 0;
  private invalidMessages = 0;
  private handledMessages = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly analyses: AnalysisService,
    private readonly catalogs: TeamCatalogs,
    private readonly output: vscode.OutputChannel,
    /** Shared with the section writer: both read the team's retros the same way, from one cache. */
    private readonly teamRetros: TeamRetros,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand(OPEN_PANEL_COMMAND, (target?: unknown) => this.open(target)),
      vscode.commands.registerCommand(PANEL_PROBE_COMMAND, (simulate?: unknown) => this.probe(simulate)),
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, saved) => this.restore(panel, saved),
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.onActiveEditor(editor)),
      analyses.onDidChangeState((document) => {
        if (document === vscode.window.activeTextEditor?.document) this.updateContextKey();
        if (document === this.document) this.schedulePost();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (document !== this.document) return;
        const active = vscode.window.activeTextEditor?.document;
        this.document = active && active !== document && isFollowable(active) ? active : undefined;
        this.schedulePost();
      }),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (document.languageId === 'markdown' && this.trendCache) {
          this.trendCache.stale = true;
          if (this.panel?.visible) this.schedulePost();
        }
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('retroHealth')) this.forgetTrends();
      }),
      catalogs.onDidChange(() => this.forgetTrends()),
      { dispose: () => clearTimeout(this.postTimer) },
    );
    this.updateContextKey();
  }

  // ---- opening, restoring, following ---------------------------------------------------------

  /** `retroHealth.openPanel`: from the palette, the editor title (with the file's URI) or the status item. */
  private async open(target?: unknown): Promise<void> {
    const document = await this.documentFor(target);
    if (document) this.follow(document);
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Beside, true);
      this.schedulePost();
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Retrospective', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.webviewOptions());
    this.adopt(panel);
  }

  private async documentFor(target: unknown): Promise<vscode.TextDocument | undefined> {
    const uri = target instanceof vscode.Uri ? target : typeof target === 'string' ? safeParseUri(target) : undefined;
    if (uri) {
      try {
        const document = await vscode.workspace.openTextDocument(uri);
        if (document.languageId === 'markdown') return document;
      } catch (error) {
        this.output.appendLine(`[panel] cannot open ${uri.toString()}: ${String(error)}`);
      }
    }
    const active = vscode.window.activeTextEditor;
    if (active && isFollowable(active.document)) return active.document;
    return this.document ?? vscode.window.visibleTextEditors.find((editor) => isFollowable(editor.document))?.document;
  }

  /** The serializer: VS Code brings the panel back after a window reload. */
  private restore(panel: vscode.WebviewPanel, saved: unknown): void {
    const parsed = parsePersistedState(saved);
    if (!parsed.ok && saved !== undefined && saved !== null) this.output.appendLine(`[panel] ignored an invalid saved panel state: ${parsed.problem}`);
    const savedUri = parsed.ok ? parsed.value.documentUri : undefined;
    const document = savedUri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === savedUri && isFollowable(d)) : undefined;
    const active = vscode.window.activeTextEditor?.document;
    const initial = document ?? (active && isFollowable(active) ? active : undefined);
    if (initial) this.follow(initial);
    // Only one panel: a second restored one (never created by us, but possible) replaces the first.
    const previous = this.panel;
    panel.webview.options = this.webviewOptions();
    this.adopt(panel);
    previous?.dispose();
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { ...webviewOptions(this.extensionUri), enableFindWidget: true };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.webviewReady = false;
    hostPanel(panel, this.extensionUri, () => this.panel === panel, {
      onMessage: (message) => void this.handleMessage(message),
      onHidden: () => (this.webviewReady = false),
      onDisposed: () => {
        this.panel = undefined;
        this.webviewReady = false;
        this.lastState = undefined;
        this.trendGeneration += 1;
      },
    });
    panel.webview.html = this.html(panel.webview);
    this.updateTitle();
  }

  private html(webview: vscode.Webview): string {
    const resource = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path)).toString();
    return panelHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: resource('dist', 'webview.js'),
      styleUri: resource('media', 'panel.css'),
      codiconsUri: resource('media', 'codicons', 'codicon.css'),
    });
  }

  private onActiveEditor(editor: vscode.TextEditor | undefined): void {
    this.updateContextKey();
    // Focus in the panel itself, or a non-markdown editor, keeps the retro shown.
    if (!editor || !isFollowable(editor.document)) return;
    if (editor.viewColumn !== undefined) this.lastColumn = editor.viewColumn;
    if (editor.document !== this.document) {
      this.follow(editor.document);
      this.schedulePost();
    }
  }

  private follow(document: vscode.TextDocument): void {
    this.document = document;
    const editor = vscode.window.visibleTextEditors.find((e) => e.document === document);
    if (editor?.viewColumn !== undefined) this.lastColumn = editor.viewColumn;
  }

  private updateContextKey(): void {
    const document = vscode.window.activeTextEditor?.document;
    const kind = document?.languageId === 'markdown' ? this.analyses.state(document)?.kind : undefined;
    void vscode.commands.executeCommand('setContext', ACTIVE_RETRO_CONTEXT, kind === 'analysed' || kind === 'too-large');
  }

  private updateTitle(): void {
    if (!this.panel) return;
    const name = this.document ? fileNameOf(this.document.uri) : undefined;
    this.panel.title = name ? `Retro: ${name}` : 'Retrospective';
  }

  // ---- state -> webview -------------------------------------------------------------------------

  private schedulePost(): void {
    if (!this.panel) return;
    clearTimeout(this.postTimer);
    this.postTimer = setTimeout(() => this.postState(), POST_DELAY_MS);
  }

  private postState(): void {
    if (!this.panel) return;
    this.updateTitle();
    let state: PanelState;
    try {
      state = this.buildState();
    } catch (error) {
      this.output.appendLine(`[panel] could not build the panel state: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      state = { status: 'error', message: clip(`Retro Health could not show this retro: ${error instanceof Error ? error.message : String(error)}`, LIMITS.prose) };
    }
    this.lastState = state;
    this.post({ type: 'state', state });
  }

  private buildState(): PanelState {
    const document = this.document;
    if (!document || document.isClosed) {
      return { status: 'empty', reason: 'no-document', message: 'Open a retrospective (a markdown file) to see its health here.' };
    }
    const fileName = clip(fileNameOf(document.uri), LIMITS.name);
    const documentUri = document.uri.toString();
    let docState: DocumentState | undefined = this.analyses.state(document);
    if (!docState) {
      this.analyses.analysisOf(document);
      docState = this.analyses.state(document);
    }
    switch (docState?.kind) {
      case undefined:
        return { status: 'loading', fileName };
      case 'disabled':
        return { status: 'empty', reason: 'disabled', message: 'Retro Health is switched off (retroHealth.enable is false).', fileName, documentUri };
      case 'not-a-retro':
        return {
          status: 'empty',
          reason: 'not-a-retro',
          message: 'This markdown file is not a retro: retroHealth.files does not match it and its front matter has no "retro: true".',
          fileName,
          documentUri,
        };
      case 'too-large':
        return {
          status: 'empty',
          reason: 'too-large',
          message: `This file is ${docState.sizeKB} KB, over retroHealth.maxFileSizeKB (${docState.limitKB} KB), so it was not analysed.`,
          fileName,
          documentUri,
        };
      case 'analysed': {
        const analysis = docState.analysis;
        const team = teamOfRetro(document.uri, analysis.document.team);
        const trend = this.trendFor(document, team, analysis.document.date, analysis.diagnosis);
        return { status: 'ready', retro: toRetroView({ documentUri, fileName, team, analysis, trend }) };
      }
    }
  }

  /** The trend from the cache when it is for this team and folder; otherwise `loading`, and reading starts. */
  private trendFor(document: vscode.TextDocument, team: string | null, date: string | null, diagnosis: { stage: TrendRecord['stage']; score: number }): Trend {
    const current: TrendRecord = { uri: document.uri.toString(), label: fileNameOf(document.uri), date, team, stage: diagnosis.stage, score: diagnosis.score };
    if (!team || !date) return buildTrend(current, []);
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder) return { status: 'none', reason: 'Open this retro inside a workspace folder to compare it with the team\u2019s earlier retros.' };
    // Per folder and team: switching between the team's retros reuses what was read.
    const key = `${folder.uri.toString()}|${team}`;
    const cache = this.trendCache;
    if (!cache || cache.key !== key) {
      this.trendCache = { key, team, others: undefined, stale: false };
      void this.computeTrend(document, team, key);
      return { status: 'loading' };
    }
    if (cache.stale) {
      cache.stale = false;
      void this.computeTrend(document, team, key);
    }
    if (cache.error) return { status: 'error', message: cache.error };
    if (cache.unavailable) return { status: 'none', reason: cache.unavailable };
    return cache.others ? buildTrend(current, cache.others) : { status: 'loading' };
  }

  private async computeTrend(document: vscode.TextDocument, team: string, key: string): Promise<void> {
    const generation = ++this.trendGeneration;
    const isCurrent = () => generation === this.trendGeneration && this.trendCache?.key === key && this.panel !== undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), TREND_TIMEOUT_MS)));
    try {
      const result = await Promise.race([this.teamRetros.find(document, team, () => !isCurrent()), timeout]);
      if (!isCurrent() || !this.trendCache) return;
      const cache = this.trendCache;
      cache.error = undefined;
      cache.unavailable = undefined;
      if (result === 'timeout') cache.error = `Reading the team\u2019s retros took longer than ${TREND_TIMEOUT_MS / 1000} s; the trend is left out.`;
      else if (result === undefined) cache.unavailable = 'Open this retro inside a workspace folder to compare it with the team\u2019s earlier retros.';
      else cache.others = result.records;
    } catch (error) {
      this.output.appendLine(`[panel] trend: ${error instanceof Error ? error.message : String(error)}`);
      if (!isCurrent() || !this.trendCache) return;
      this.trendCache.error = clip(`The team\u2019s earlier retros could not be read: ${error instanceof Error ? error.message : String(error)}`, LIMITS.prose);
    } finally {
      clearTimeout(timer);
    }
    if (!isCurrent()) return;
    const state = this.buildState();
    this.lastState = state;
    if (state.status === 'ready') this.post({ type: 'trend', documentUri: state.retro.documentUri, trend: state.retro.trend });
  }

  private forgetTrends(): void {
    this.teamRetros.clear();
    this.trendCache = undefined;
    this.trendGeneration += 1;
    this.schedulePost();
  }

  private post(message: HostMessage): void {
    if (!this.panel || !this.webviewReady) return;
    void this.panel.webview.postMessage(message).then(undefined, (error: unknown) => this.output.appendLine(`[panel] could not post to the webview: ${String(error)}`));
  }

  // ---- webview -> host ------------------------------------------------------------------------

  /** Every message is validated; anything invalid or about another document is ignored and logged. */
  private async handleMessage(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.invalidMessages += 1;
      this.output.appendLine(`[panel] ignored an invalid message from the webview: ${parsed.problem}`);
      return;
    }
    const message = parsed.value;
    this.handledMessages += 1;
    try {
      await this.handle(message);
    } catch (error) {
      this.output.appendLine(`[panel] ${message.type} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.webviewReady = true;
        this.postState();
        return;
      case 'reveal': {
        const document = this.shownDocument(message.documentUri, message.type);
        if (!document) return;
        const { start, end } = message.range;
        const range = document.validateRange(new vscode.Range(start.line, start.character, end.line, end.character));
        await vscode.window.showTextDocument(document, { viewColumn: this.editorColumn(document), selection: new vscode.Selection(range.start, range.end), preserveFocus: false, preview: false });
        return;
      }
      case 'addActionItem': {
        const document = this.shownDocument(message.documentUri, message.type);
        if (!document) return this.answer(message.requestId, false, 'This retro is no longer the one shown; nothing was added.');
        if (!this.offers(message.documentUri, message.action)) {
          this.output.appendLine(`[panel] ignored addActionItem: "${clip(message.action, 80)}" is not a treatment offered for this retro`);
          return this.answer(message.requestId, false, 'That action item is not one of this retro\u2019s treatments.');
        }
        const added = await this.run<boolean>('retroHealth.addActionItem', message.documentUri, message.action);
        if (added.ok) this.answer(message.requestId, added.value === true, added.value === true ? `Added the action item \u201c${clip(message.action, 200)}\u201d.` : 'Nothing was added: the item is already in the action items.');
        else this.answer(message.requestId, false, `Could not add the action item: ${added.error}`);
        return;
      }
      case 'writeHealthSection': {
        const document = this.shownDocument(message.documentUri, message.type);
        if (!document) return this.answer(message.requestId, false, 'This retro is no longer the one shown; nothing was written.');
        const written = await this.run<boolean>('retroHealth.writeHealthSection', message.documentUri);
        if (written.ok) this.answer(message.requestId, written.value === true, written.value === true ? 'The relationship-health section is written and up to date.' : 'The relationship-health section was not written.');
        else this.answer(message.requestId, false, `Could not write the relationship-health section: ${written.error}`);
        return;
      }
      case 'analyzeAnyway': {
        const document = this.shownDocument(message.documentUri, message.type);
        if (document) this.analyses.analyzeNow(document);
        this.schedulePost();
        return;
      }
      case 'openRetro': {
        const trend = this.lastState?.status === 'ready' ? this.lastState.retro.trend : undefined;
        if (trend?.status !== 'ready' || !trend.points.some((point) => point.uri === message.uri && !point.current)) {
          this.output.appendLine('[panel] ignored openRetro: not one of the retros in the trend');
          return;
        }
        const uri = vscode.Uri.parse(message.uri, true);
        const column = this.document ? this.editorColumn(this.document) : vscode.ViewColumn.One;
        await vscode.window.showTextDocument(uri, { viewColumn: column, preview: false });
        return;
      }
    }
  }

  /** The followed document when `uri` names it; anything else is refused (a webview never picks a file). */
  private shownDocument(uri: string, what: string): vscode.TextDocument | undefined {
    if (this.document && !this.document.isClosed && this.document.uri.toString() === uri) return this.document;
    this.output.appendLine(`[panel] ignored ${what}: the document is not the one the panel shows`);
    return undefined;
  }

  private offers(documentUri: string, action: string): boolean {
    const state = this.lastState;
    if (state?.status !== 'ready' || state.retro.documentUri !== documentUri) return false;
    return state.retro.treatments.some((treatment) => treatment.actions.some((offered) => offered.text === action));
  }

  private editorColumn(document: vscode.TextDocument): vscode.ViewColumn {
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document)?.viewColumn;
    if (visible !== undefined) return visible;
    if (this.lastColumn !== undefined && this.lastColumn !== this.panel?.viewColumn) return this.lastColumn;
    return this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  }

  private async run<T>(command: string, ...args: unknown[]): Promise<{ ok: true; value: T | undefined } | { ok: false; error: string }> {
    try {
      return { ok: true, value: await vscode.commands.executeCommand<T>(command, ...args) };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.output.appendLine(`[panel] ${command} failed: ${text}`);
      return { ok: false, error: clip(text, 500) };
    }
  }

  private answer(requestId: string, ok: boolean, message: string): void {
    this.post({ type: 'commandResult', requestId, ok, message: clip(message, LIMITS.prose) });
  }

  // ---- tests ----------------------------------------------------------------------------------

  /** PANEL_PROBE_COMMAND: the panel's state; with `{ message }`, first handles it as if the webview had sent it. */
  private async probe(options?: unknown): Promise<PanelProbe> {
    if (options && typeof options === 'object' && 'message' in options) await this.handleMessage((options as { message: unknown }).message);
    const state = this.lastState;
    const retro: RetroView | undefined = state?.status === 'ready' ? state.retro : undefined;
    return {
      open: this.panel !== undefined,
      viewType: VIEW_TYPE,
      webviewReady: this.webviewReady,
      documentUri: this.document?.uri.toString(),
      status: state?.status,
      stage: retro?.diagnosis.stage,
      score: retro?.diagnosis.score,
      findings: retro?.findings.length,
      trend: retro?.trend.status,
      trendPoints: retro?.trend.status === 'ready' ? retro.trend.points.length : undefined,
      offeredActions: retro?.treatments.flatMap((treatment) => treatment.actions.filter((action) => !action.added).map((action) => action.text)) ?? [],
      invalidMessages: this.invalidMessages,
      handledMessages: this.handledMessages,
    };
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function isFollowable(document: vscode.TextDocument): boolean {
  return document.languageId === 'markdown' && document.uri.scheme !== 'output' && document.uri.scheme !== 'retro-health';
}

function fileNameOf(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

function safeParseUri(value: string): vscode.Uri | undefined {
  try {
    return vscode.Uri.parse(value, true);
  } catch {
    return undefined;
  }
}
