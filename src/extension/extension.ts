import type { MarkdownIt } from 'markdown-it';
import * as vscode from 'vscode';
import { retroHealthPreviewPlugin } from './preview';
import { AnalysisService } from './analysisService';
import { TreatmentCodeActions } from './codeActions';
import { addActionItem, addActionItemsForEverySymptom, writeHealthSection, type SectionWriteHooks } from './commands';
import { SymptomHoverProvider } from './hover';
import { PANEL_PROBE_COMMAND, PanelController } from './panel/panelController';
import { TeamRetros } from './panel/teamRetros';
import { RetroSetService } from './retroSetService';
import { WorkspaceProblems } from './workspaceProblems';
import { TREAT_AS_RETRO_COMMAND, treatAsRetro } from './treatAsRetro';
import { REPORT_PROBE_COMMAND, ReportController } from './reportView/reportController';
import { RetroStatus } from './status';
import { SymptomDocs } from './symptomDocs';
import { TeamCatalogs } from './teamCatalogs';
import { isTestMode } from './testMode';
import { RECORD_VERDICT_COMMAND, recordVerdict } from './verdicts';

export interface RetroHealthExports {
  /** The Markdown preview's markdown-it plugin (`markdown.markdownItPlugins`). */
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
  /** For the end-to-end tests only (test/e2e), not an API: what is held per document, and a pause point in the section writer. */
  readonly testing?: { heldFor(uri: vscode.Uri): string[]; readonly sectionWrite: SectionWriteHooks };
}

/**
 * Thin adapters over the pure core, the same in VS Code's Node extension host (node.ts) and its
 * web worker host (web.ts); each entry registers where the sentence model comes from first.
 * Activation only registers providers; the catalog is compiled on the first retro that needs it,
 * so markdown files that are not retros cost almost nothing.
 */
export function activateRetroHealth(context: vscode.ExtensionContext, activateStart = performance.now()): RetroHealthExports {
  const output = vscode.window.createOutputChannel('Retro Health');
  const catalogs = new TeamCatalogs();
  const analyses = new AnalysisService(catalogs, output);
  const retroSets = new RetroSetService(catalogs);
  const teamRetros = new TeamRetros(retroSets);
  const markdown: vscode.DocumentSelector = { language: 'markdown' };
  const sectionWrite: SectionWriteHooks = {};
  const panel = new PanelController(context.extensionUri, analyses, catalogs, output, teamRetros);
  const report = new ReportController(context.extensionUri, retroSets, output);
  const workspaceProblems = new WorkspaceProblems(retroSets, catalogs, output);

  context.subscriptions.push(
    output,
    catalogs,
    retroSets,
    analyses,
    new RetroStatus(analyses),
    workspaceProblems,
    panel,
    report,
    vscode.languages.registerHoverProvider(markdown, new SymptomHoverProvider(analyses, catalogs)),
    vscode.languages.registerCodeActionsProvider(markdown, new TreatmentCodeActions(catalogs), { providedCodeActionKinds: TreatmentCodeActions.kinds }),
    vscode.workspace.registerTextDocumentContentProvider('retro-health', new SymptomDocs(catalogs)),
    vscode.commands.registerCommand(RECORD_VERDICT_COMMAND, (args: unknown) => recordVerdict(args, catalogs)),
    vscode.commands.registerCommand(TREAT_AS_RETRO_COMMAND, (target: unknown, how: unknown) => treatAsRetro(target, how)),
    vscode.commands.registerCommand('retroHealth.addActionItemsForEverySymptom', (target: unknown) => addActionItemsForEverySymptom(target, analyses, catalogs)),
    vscode.commands.registerCommand('retroHealth.addActionItem', (target: unknown, action: unknown) => addActionItem(target, action)),
    vscode.commands.registerCommand('retroHealth.writeHealthSection', (target: unknown) => writeHealthSection(target, analyses, catalogs, retroSets, sectionWrite)),
    vscode.commands.registerCommand('retroHealth.analyzeFile', () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== 'markdown') {
        void vscode.window.showWarningMessage('Retro Health: open a markdown file to analyse it.');
        return undefined;
      }
      const state = analyses.analyzeNow(document);
      if (state?.kind === 'too-large') void vscode.window.showWarningMessage(`Retro Health: ${state.sizeKB} KB is over retroHealth.maxFileSizeKB (${state.limitKB} KB); not analysed.`);
      return state?.kind === 'analysed' ? state.analysis.diagnosis : undefined;
    }),
  );
  const marks = globalThis as { __retroHealthLoadStart?: number; __retroHealthLoadEnd?: number; __retroHealthCoreLoadStart?: number; __retroHealthCoreLoadEnd?: number };
  const timing = {
    moduleLoadMs: (marks.__retroHealthLoadEnd ?? activateStart) - (marks.__retroHealthLoadStart ?? activateStart),
    activateMs: performance.now() - activateStart,
    // The Node build loads the core (dist/core.js) on first use: activation must not have needed it.
    coreLoadedAtActivation: marks.__retroHealthCoreLoadStart !== undefined,
  };
  output.appendLine(`Module load ${timing.moduleLoadMs.toFixed(1)} ms, activate() ${timing.activateMs.toFixed(1)} ms.`);
  /** How long dist/core.js took to load, once something needed it (Node build; undefined before, and in the one-bundle builds). */
  const coreLoadMs = () => (marks.__retroHealthCoreLoadEnd !== undefined && marks.__retroHealthCoreLoadStart !== undefined ? marks.__retroHealthCoreLoadEnd - marks.__retroHealthCoreLoadStart : undefined);
  // Only for the end-to-end tests (not in package.json, so never in the palette), and only in test
  // mode (testMode.ts): how much work was done, and what the panel and the report hold.
  const testMode = isTestMode(context.extensionMode === vscode.ExtensionMode.Test);
  if (testMode) {
    context.subscriptions.push(
      vscode.commands.registerCommand('retroHealth.internal.stats', () => ({ ...timing, coreLoadMs: coreLoadMs(), analyses: analyses.analysed, catalogsCompiled: catalogs.compiled, catalogsFromSnapshot: catalogs.fromSnapshot, workspaceProblemPasses: workspaceProblems.passes })),
      vscode.commands.registerCommand(PANEL_PROBE_COMMAND, (simulate?: unknown) => panel.probe(simulate)),
      vscode.commands.registerCommand(REPORT_PROBE_COMMAND, (simulate?: unknown) => report.probe(simulate)),
    );
  }
  // After activation returns: read the team files, then analyse the retros already open and show the team files' problems.
  let disposed = false;
  context.subscriptions.push({ dispose: () => (disposed = true) });
  void catalogs.preload().then(() => {
    if (disposed) return;
    analyses.refreshAll();
    catalogs.validateAll();
  });
  return {
    extendMarkdownIt: (md: MarkdownIt) => md.use(retroHealthPreviewPlugin(catalogs)),
    // Test mode only: another extension must not reach the section writer's pause points.
    ...(testMode && { testing: { heldFor: (uri: vscode.Uri) => analyses.heldFor(uri), sectionWrite } }),
  };
}
