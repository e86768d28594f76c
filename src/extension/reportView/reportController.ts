import * as vscode from 'vscode';
import { hostPanel, webviewOptions } from '../panel/webviewHost';
import type { WorkspaceReport } from '../../core/report';
import { clip, LIMITS } from '../../shared/panelProtocol';
import {
  parseReportHostMessage,
  parseReportWebviewMessage,
  REPORT_VIEW_TYPE,
  type ReportHostMessage,
  type ReportState,
  type ReportWebviewMessage,
} from '../../shared/reportProtocol';
import { createNonce } from '../panel/html';
import type { RetroSetService } from '../retroSetService';
import { computeWorkspaceReportWithFiles, exportReportMarkdown, type ComputedReport } from '../workspaceReport';
import { reportHtml } from './html';
import { filesOf, toReportView } from './viewModel';

export const SHOW_REPORT_COMMAND = 'retroHealth.showWorkspaceReport';
export const EXPORT_REPORT_COMMAND = 'retroHealth.exportReport';
/** Test mode only (registered by extension.ts, not in package.json): lets the end-to-end tests see (and drive) the report view. */
export const REPORT_PROBE_COMMAND = 'retroHealth.internal.report';

/** What SHOW_REPORT_COMMAND resolves to. */
export interface ShowReportResult {
  status: ReportState['status'];
  retros: number;
}

/** What the end-to-end tests can see of the report view (REPORT_PROBE_COMMAND). */
export interface ReportProbe {
  open: boolean;
  viewType: string;
  webviewReady: boolean;
  status: ReportState['status'] | undefined;
  /** The last report computed (also what "Export report as Markdown" writes). */
  report: WorkspaceReport | undefined;
  invalidMessages: number;
  handledMessages: number;
  refusedFiles: number;
}

/**
 * The Workspace Health Report: one webview with the report of every retro in the workspace
 * (src/core/report). Reading shows progress in a cancellable notification; the view says so
 * and then shows the report, "cancelled", "no retros" or the error. The webview only ever names
 * files of the report, and the host checks that before opening one.
 */
export class ReportController implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private webviewReady = false;
  private state: ReportState | undefined;
  private computed: ComputedReport | undefined;
  /** Files of the shown report the webview may ask to open. */
  private allowed = new Set<string>();
  private running: vscode.CancellationTokenSource | undefined;
  private invalidMessages = 0;
  private handledMessages = 0;
  private refusedFiles = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly retroSets: RetroSetService,
    private readonly output: vscode.OutputChannel,
  ) {
    this.disposables.push(
      vscode.commands.registerCommand(SHOW_REPORT_COMMAND, (token?: unknown) => this.show(asToken(token))),
      vscode.commands.registerCommand(EXPORT_REPORT_COMMAND, (target?: unknown) => this.export(target instanceof vscode.Uri ? target : undefined)),
      vscode.window.registerWebviewPanelSerializer(REPORT_VIEW_TYPE, {
        // After a reload the report is read again: retros may have changed meanwhile.
        deserializeWebviewPanel: async (panel) => {
          const previous = this.panel;
          this.adopt(panel);
          previous?.dispose();
          await this.compute();
        },
      }),
      { dispose: () => this.running?.cancel() },
    );
  }

  /** SHOW_REPORT_COMMAND: opens (or reveals) the view and reads every retro again. */
  private async show(token?: vscode.CancellationToken): Promise<ShowReportResult> {
    if (this.panel) this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Active);
    else this.adopt(vscode.window.createWebviewPanel(REPORT_VIEW_TYPE, 'Workspace Health Report', vscode.ViewColumn.Active, {}));
    const state = await this.compute(token);
    return { status: state.status, retros: state.status === 'ready' ? state.report.retros : 0 };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.webviewReady = false;
    panel.webview.options = webviewOptions(this.extensionUri);
    hostPanel(panel, this.extensionUri, () => this.panel === panel, {
      onMessage: (message) => void this.handleMessage(message),
      onHidden: () => (this.webviewReady = false),
      onDisposed: () => {
        this.panel = undefined;
        this.webviewReady = false;
        this.state = undefined;
        this.running?.cancel();
      },
    });
    const webview = panel.webview;
    webview.html = reportHtml({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      resource: (path) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...path.split('/'))).toString(),
    });
  }

  /** Reads the retros (a run already going is cancelled) and shows the outcome. */
  private async compute(token?: vscode.CancellationToken): Promise<ReportState> {
    this.running?.cancel();
    const run = new vscode.CancellationTokenSource();
    this.running = run;
    const link = token?.onCancellationRequested(() => run.cancel());
    if (token?.isCancellationRequested) run.cancel();
    this.setState({ status: 'loading' });
    let state: ReportState;
    try {
      const computed = await computeWorkspaceReportWithFiles(this.retroSets, run.token);
      if (this.running !== run) return this.state ?? { status: 'loading' };
      if (!computed) state = { status: 'cancelled' };
      else {
        this.computed = computed;
        this.allowed = filesOf(computed.report);
        state = computed.report.retros === 0 ? { status: 'empty' } : { status: 'ready', report: toReportView(computed.report) };
      }
    } catch (error) {
      this.output.appendLine(`[report] could not build the report: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      state = { status: 'error', message: clip(`Retro Health could not build the report: ${error instanceof Error ? error.message : String(error)}`, LIMITS.prose) };
    } finally {
      link?.dispose();
      if (this.running === run) this.running = undefined;
      run.dispose();
    }
    this.setState(state);
    return state;
  }

  private setState(state: ReportState): void {
    this.state = state;
    this.post({ type: 'state', state });
  }

  private post(message: ReportHostMessage): void {
    if (!this.panel || !this.webviewReady) return;
    // What we send must pass the webview's own check; a bug here shows as an error, not as a silent drop.
    const checked = parseReportHostMessage(message);
    if (!checked.ok) {
      this.output.appendLine(`[report] not sending an invalid message (${checked.problem})`);
      if (message.type === 'state') void this.panel.webview.postMessage({ type: 'state', state: { status: 'error', message: 'Retro Health could not show this report.' } });
      return;
    }
    void this.panel.webview.postMessage(checked.value);
  }

  // ---- webview -> host ---------------------------------------------------------------------------

  private async handleMessage(raw: unknown): Promise<void> {
    const parsed = parseReportWebviewMessage(raw);
    if (!parsed.ok) {
      this.invalidMessages += 1;
      this.output.appendLine(`[report] ignored an invalid message from the webview (${parsed.problem})`);
      return;
    }
    this.handledMessages += 1;
    const message: ReportWebviewMessage = parsed.value;
    switch (message.type) {
      case 'ready':
        this.webviewReady = true;
        if (this.state) this.post({ type: 'state', state: this.state });
        return;
      case 'refresh':
        await this.compute();
        return;
      case 'export': {
        const result = await this.exportResult();
        this.post({ type: 'exportResult', ...result });
        return;
      }
      case 'openFile':
        await this.openFile(message.file, message.line, message.column);
        return;
    }
  }

  private async openFile(file: string, line: number, column = 1): Promise<void> {
    const uri = this.allowed.has(file) ? this.computed?.files.get(file) : undefined;
    if (!uri) {
      this.refusedFiles += 1;
      this.output.appendLine('[report] refused to open a file that is not in the report');
      return;
    }
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      const lineIndex = Math.min(line, document.lineCount) - 1;
      const position = document.validatePosition(new vscode.Position(lineIndex, column - 1));
      const selection = new vscode.Selection(position, position);
      const besideReport = this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One;
      const editor = await vscode.window.showTextDocument(document, { viewColumn: besideReport, preview: false, selection });
      editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (error) {
      this.output.appendLine(`[report] cannot open ${uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
      void vscode.window.showWarningMessage(`Retro Health: cannot open ${file}.`);
    }
  }

  // ---- export ---------------------------------------------------------------------------------------

  /** EXPORT_REPORT_COMMAND: the shown report (read first when there is none); `target` skips the save dialog. */
  private async export(target?: vscode.Uri): Promise<vscode.Uri | undefined> {
    const report = this.computed?.report ?? (await this.readForExport());
    if (!report) return undefined;
    const written = await exportReportMarkdown(report, target);
    if (written && !target) void vscode.window.showInformationMessage(`Retro Health: report written to ${vscode.workspace.asRelativePath(written)}.`);
    return written;
  }

  private async readForExport(): Promise<WorkspaceReport | undefined> {
    const computed = await computeWorkspaceReportWithFiles(this.retroSets);
    if (computed) this.computed = computed;
    return computed?.report;
  }

  private async exportResult(): Promise<{ ok: boolean; message: string }> {
    try {
      const written = await this.export();
      return written ? { ok: true, message: clip(`Report written to ${vscode.workspace.asRelativePath(written)}.`, LIMITS.prose) } : { ok: false, message: 'Export cancelled.' };
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      this.output.appendLine(`[report] export failed: ${text}`);
      return { ok: false, message: clip(`Export failed: ${text}`, LIMITS.prose) };
    }
  }

  // ---- tests ----------------------------------------------------------------------------------------

  /** REPORT_PROBE_COMMAND (test mode only): the view's state; with `{ message }`, first handles it as if the webview had sent it. */
  async probe(options?: unknown): Promise<ReportProbe> {
    if (options && typeof options === 'object' && 'message' in options) await this.handleMessage((options as { message: unknown }).message);
    return {
      open: this.panel !== undefined,
      viewType: REPORT_VIEW_TYPE,
      webviewReady: this.webviewReady,
      status: this.state?.status,
      report: this.computed?.report,
      invalidMessages: this.invalidMessages,
      handledMessages: this.handledMessages,
      refusedFiles: this.refusedFiles,
    };
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function asToken(value: unknown): vscode.CancellationToken | undefined {
  if (value && typeof value === 'object' && 'isCancellationRequested' in value && 'onCancellationRequested' in value) return value as vscode.CancellationToken;
  return undefined;
}
