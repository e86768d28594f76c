import { utf8ByteLength } from '../core/text/utf8';
import * as vscode from 'vscode';
import { analysisOptionsFor } from './analysisOptions';
import { analyzeRetro, type RetroAnalysis } from '../core/analyze';
import type { Finding } from '../core/types';
import { membershipOfDocument } from './retroDocuments';
import { readSettings, severityFor, type Settings } from './settings';
import type { TeamCatalogs } from './teamCatalogs';

/** Re-analysis waits this long after the last keystroke. */
export const REFRESH_DELAY_MS = 300;

export type DocumentState =
  | { kind: 'analysed'; version: number; analysis: RetroAnalysis; settings: Settings }
  | { kind: 'too-large'; version: number; sizeKB: number; limitKB: number }
  /** `looksLikeRetro`: retro headings without a retro's name, or a retro the user's excludes hide. */
  | { kind: 'not-a-retro'; looksLikeRetro: boolean; excluded: boolean }
  | { kind: 'disabled' };

/**
 * Analyses retros from the editor buffer (never the saved file), shortly after typing stops,
 * and publishes the findings as diagnostics. Analysis is synchronous, so the ranges always
 * belong to the version analysed; a newer edit simply schedules another pass.
 */
export class AnalysisService implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('retro-health');
  private readonly states = new Map<string, DocumentState>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** Documents the user asked to analyse with "Analyze This File", retro or not. */
  private readonly forced = new Set<string>();
  private readonly reported = new Set<string>();
  /** How many documents were analysed (for the internal stats command). */
  analysed = 0;
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  readonly onDidChangeState = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.diagnostics, this.changed];

  constructor(
    private readonly catalogs: TeamCatalogs,
    private readonly output: vscode.OutputChannel,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => {
        if (this.isInView(document.uri)) this.refresh(document);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.isInView(event.document.uri)) this.schedule(event.document);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      // VS Code keeps a closed editor's document alive for a while; the tab closing is the user's "close".
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        for (const tab of event.closed) {
          const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
          if (uri && !isShownInTab(uri)) this.forget(uri);
        }
        // Reopening a tab whose document VS Code kept alive fires no open event: analyse it again.
        for (const tab of event.opened) {
          const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri.toString() : undefined;
          const document = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) : undefined;
          if (document && !this.states.has(uri as string)) this.refresh(document);
        }
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('retroHealth')) this.refreshAll();
      }),
      catalogs.onDidChange(() => this.refreshAll()),
    );
  }

  /** The document's state; for a document not in view (see analysisOf), computed now and not kept. */
  state(document: vscode.TextDocument): DocumentState | undefined {
    return this.states.get(document.uri.toString()) ?? (this.isInView(document.uri) ? undefined : this.compute(document));
  }

  /**
   * The analysis for the document's current version, computing it now if needed. A document not
   * in view (its tab closed while a command or the panel was still working on it, or opened by a
   * command without an editor) is analysed without keeping anything: no state, no diagnostics.
   */
  analysisOf(document: vscode.TextDocument): RetroAnalysis | undefined {
    const state = this.states.get(document.uri.toString());
    if (state?.kind === 'analysed' && state.version === document.version) return state.analysis;
    const fresh = this.isInView(document.uri) ? this.refresh(document) : this.compute(document);
    return fresh?.kind === 'analysed' ? fresh.analysis : undefined;
  }

  /** "Analyze This File": analyse any markdown file, now, and keep it analysed while open. */
  analyzeNow(document: vscode.TextDocument): DocumentState | undefined {
    this.forced.add(document.uri.toString());
    return this.refresh(document);
  }

  /** Re-analyses the documents the user has in view (settings or the team file changed). */
  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) if (this.isInView(document.uri)) this.refresh(document);
  }

  /**
   * Only documents in an editor tab (or explicitly analysed) get diagnostics: VS Code keeps
   * closed and background documents alive, and analysing those would resurrect cleared problems.
   */
  private isInView(uri: vscode.Uri): boolean {
    return isShownInTab(uri) || this.forced.has(uri.toString());
  }

  private schedule(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) this.refresh(document);
      }, REFRESH_DELAY_MS),
    );
  }

  refresh(document: vscode.TextDocument): DocumentState | undefined {
    const state = this.compute(document);
    if (!state) return undefined;
    this.states.set(document.uri.toString(), state);
    this.diagnostics.set(document.uri, state.kind === 'analysed' ? toDiagnostics(state.analysis, state.settings, document.uri) : []);
    this.changed.fire(document);
    return state;
  }

  /** The document's state for its current version; nothing is kept or published. */
  private compute(document: vscode.TextDocument): DocumentState | undefined {
    if (document.languageId !== 'markdown' || document.uri.scheme === 'output') return undefined;
    const settings = readSettings(document.uri, (message) => this.reportOnce(message));
    if (!settings.enable) return { kind: 'disabled' };
    if (!this.forced.has(document.uri.toString())) {
      const membership = membershipOfDocument(document, settings);
      if (!membership.retro) return { kind: 'not-a-retro', looksLikeRetro: membership.looksLikeRetro, excluded: membership.by === 'excluded' };
    }
    const text = document.getText();
    const sizeKB = Math.ceil(utf8ByteLength(text) / 1024);
    if (sizeKB > settings.maxFileSizeKB) return { kind: 'too-large', version: document.version, sizeKB, limitKB: settings.maxFileSizeKB };
    return { kind: 'analysed', version: document.version, analysis: this.analyze(document, text, settings), settings };
  }

  private analyze(document: vscode.TextDocument, text: string, settings: Settings): RetroAnalysis {
    this.analysed += 1;
    return analyzeRetro(text, analysisOptionsFor(document.uri, settings, this.catalogs));
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.states.delete(key);
    this.forced.delete(key);
    this.diagnostics.delete(uri);
  }

  /** For the end-to-end tests: what the service holds for a document (nothing once its tab is closed). */
  heldFor(uri: vscode.Uri): string[] {
    const key = uri.toString();
    const state = this.states.get(key);
    const held: string[] = [];
    if (state) held.push('version' in state ? `${state.kind}@${state.version}` : state.kind);
    if (this.timers.has(key)) held.push('timer');
    if (this.forced.has(key)) held.push('forced');
    if (this.diagnostics.has(uri)) held.push('diagnostics');
    return held;
  }

  private reportOnce(message: string): void {
    if (this.reported.has(message)) return;
    this.reported.add(message);
    this.output.appendLine(`[settings] ${message}`);
    void vscode.window.showWarningMessage(`Retro Health: ${message}`);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }
}

/** The document is in an editor tab (open, not necessarily visible). */
export function isShownInTab(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.window.tabGroups.all.some((group) => group.tabs.some((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === key));
}

/** A retro's findings as diagnostics, with the severities (and hints) its settings ask for. */
export function toDiagnostics(analysis: RetroAnalysis, settings: Settings, document?: vscode.Uri): vscode.Diagnostic[] {
  const diagnostics: vscode.Diagnostic[] = [];
  for (const finding of analysis.findings) {
    const severity = severityFor(settings, finding.stage);
    if (severity !== undefined) diagnostics.push(toDiagnostic(finding, severity, document));
  }
  if (settings.showHints) for (const hint of analysis.hints) diagnostics.push(toDiagnostic(hint, vscode.DiagnosticSeverity.Hint, document));
  return diagnostics;
}

/** The symptom's page, as the catalog of `document`'s workspace folder (its team file) describes it. */
export function symptomUri(symptom: string, document?: vscode.Uri): vscode.Uri {
  const folder = document && vscode.workspace.getWorkspaceFolder(document);
  return vscode.Uri.from({ scheme: 'retro-health', path: `/symptoms/${symptom}.md`, ...(folder && { query: new URLSearchParams({ folder: folder.uri.toString() }).toString() }) });
}

function toDiagnostic(finding: Finding, severity: vscode.DiagnosticSeverity, document: vscode.Uri | undefined): vscode.Diagnostic {
  const { start, end } = finding.range;
  const diagnostic = new vscode.Diagnostic(new vscode.Range(start.line, start.character, end.line, end.character), finding.message, severity);
  diagnostic.source = 'Retro Health';
  diagnostic.code = { value: finding.symptom, target: symptomUri(finding.symptom, document) };
  return diagnostic;
}

export function symptomOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== 'Retro Health') return undefined;
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}
