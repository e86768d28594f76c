import * as vscode from 'vscode';
import { hostPanel, webviewOptions } from './webviewHost';
import { clip, LIMITS, parsePersistedState, parseWebviewMessage, VIEW_TYPE, type HostMessage, type PanelState, type RetroView, type Trend } from '../../shared/panelProtocol';
import type { AnalysisService, DocumentState } from '../analysisService';
import type { TeamCatalogs } from '../teamCatalogs';
import { createNonce, panelHtml } from './html';
import { PanelCommands } from './panelCommands';
import type { TeamRetros } from './teamRetros';
import { PanelTrends } from './trendCache';
import { toRetroView } from './viewModel';

export const OPEN_PANEL_COMMAND = 'retroHealth.openPanel';
/** Context key for the editor-title button: the active editor holds an analysed retro. */
export const ACTIVE_RETRO_CONTEXT = 'retroHealth.activeEditorIsRetro';
/** Test mode only (registered by extension.ts, not in package.json): lets the end-to-end tests see what the panel holds. */
export const PANEL_PROBE_COMMAND = 'retroHealth.internal.panel';

/** State updates arriving together (an analysis, then its diagnostics) are sent once. */
const POST_DELAY_MS = 25;

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
  followThrough: RetroView['followThrough']['status'] | undefined;
  /** The open items carried from the team's earlier retros, as the panel lists them. */
  carriedOver: { text: string; uri: string; label: string; line: number; openDays: number | null; stale: boolean }[];
  /** Per symptom, what was tried before: each treatment's plain-words summary. */
  triedBefore: { symptom: string; attempts: string[] }[];
  /** The action items the treatment plan offers (what "Add as action item" may send). */
  offeredActions: string[];
  invalidMessages: number;
  handledMessages: number;
}

/**
 * The Retrospective Panel: one webview beside the editor that follows the active markdown
 * retro and shows its diagnosis, trend, symptoms, side balance and treatment plan. It only
 * translates: every number comes from the AnalysisService's analysis of the editor buffer.
 * This class owns the panel's lifecycle (open, restore, follow, dispose) and its messages (state
 * out, validated messages in); the trend is PanelTrends' (trendCache.ts) and what each message
 * does is PanelCommands' (panelCommands.ts).
 */
export class PanelController implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.TextDocument | undefined;
  private lastColumn: vscode.ViewColumn | undefined;
  private webviewReady = false;
  private lastState: PanelState | undefined;
  private postTimer: ReturnType<typeof setTimeout> | undefined;
  private invalidMessages = 0;
  private handledMessages = 0;
  private readonly trends: PanelTrends;
  private readonly commands: PanelCommands;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly analyses: AnalysisService,
    catalogs: TeamCatalogs,
    private readonly output: vscode.OutputChannel,
    /** Shared with the section writer: both read the team's retros the same way, from one cache. */
    teamRetros: TeamRetros,
  ) {
    this.trends = new PanelTrends(teamRetros, catalogs, output, {
      isWanted: () => this.panel !== undefined,
      onRead: () => this.postTrend(),
      onStale: () => {
        if (this.panel?.visible) this.schedulePost();
      },
      onForgotten: () => this.schedulePost(),
    });
    this.commands = new PanelCommands(
      {
        document: () => this.document,
        lastState: () => this.lastState,
        webviewReady: () => {
          this.webviewReady = true;
          this.postState();
        },
        refresh: () => this.schedulePost(),
        post: (message) => this.post(message),
        editorColumn: (document) => this.editorColumn(document),
      },
      analyses,
      output,
    );
    this.disposables.push(
      this.trends,
      vscode.commands.registerCommand(OPEN_PANEL_COMMAND, (target?: unknown) => this.open(target)),
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
        this.trends.cancel();
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
          message: notARetroMessage(docState),
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
        const { team, date } = this.trends.placementOf(document);
        const { stage, score } = analysis.diagnosis;
        const current = { uri: documentUri, label: fileNameOf(document.uri), date, team, stage, score };
        const trend = this.trends.trendFor(document, current);
        const followThrough = this.trends.followThroughFor(document, current, analysis);
        return { status: 'ready', retro: toRetroView({ documentUri, fileName, team, analysis, trend, followThrough }) };
      }
    }
  }

  /** The team's retros were read: the trend and the follow-through go to the webview on their own (the rest of the state is as sent). */
  private postTrend(): void {
    const state = this.buildState();
    this.lastState = state;
    if (state.status === 'ready') this.post({ type: 'trend', documentUri: state.retro.documentUri, trend: state.retro.trend, followThrough: state.retro.followThrough });
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
      await this.commands.handle(message);
    } catch (error) {
      this.output.appendLine(`[panel] ${message.type} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private editorColumn(document: vscode.TextDocument): vscode.ViewColumn {
    const visible = vscode.window.visibleTextEditors.find((editor) => editor.document === document)?.viewColumn;
    if (visible !== undefined) return visible;
    if (this.lastColumn !== undefined && this.lastColumn !== this.panel?.viewColumn) return this.lastColumn;
    return this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
  }

  // ---- tests ----------------------------------------------------------------------------------

  /** PANEL_PROBE_COMMAND (test mode only): the panel's state; with `{ message }`, first handles it as if the webview had sent it. */
  async probe(options?: unknown): Promise<PanelProbe> {
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
      followThrough: retro?.followThrough.status,
      carriedOver:
        retro?.followThrough.status === 'ready'
          ? retro.followThrough.carriedOver.map(({ text, from, openDays, stale }) => ({ text, uri: from.uri, label: from.label, line: from.line, openDays, stale }))
          : [],
      triedBefore: retro?.followThrough.status === 'ready' ? retro.followThrough.triedBefore.map((entry) => ({ symptom: entry.symptom, attempts: entry.attempts.map((attempt) => `${attempt.treatment}: ${attempt.summary}`) })) : [],
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

function notARetroMessage(state: Extract<DocumentState, { kind: 'not-a-retro' }>): string {
  if (state.excluded) return 'This file looks like a retro, but files.exclude or search.exclude hides it, so Retro Health leaves it out (as the workspace report does).';
  if (state.looksLikeRetro) return 'This file has retro sections but is not named like a retro. Use "Retro Health: Treat This File as a Retro…" to add "retro: true" or a glob for its folder.';
  return 'This markdown file is not a retro: retroHealth.files does not match it, its front matter has no "retro: true", and it has no retro sections.';
}
