import * as vscode from 'vscode';
import { analyzeRetro, type Finding, type Stage } from '../core';

/**
 * A thin adapter: the core analyses the editor buffer (never the saved file) and findings
 * become diagnostics. The full editor experience (auto-detected retros, hovers, quick fixes,
 * status, settings) builds on this.
 */
const SEVERITY: Record<Stage, vscode.DiagnosticSeverity> = {
  early: vscode.DiagnosticSeverity.Information,
  middle: vscode.DiagnosticSeverity.Warning,
  advanced: vscode.DiagnosticSeverity.Warning,
  end: vscode.DiagnosticSeverity.Error,
};

export function activate(context: vscode.ExtensionContext): void {
  const diagnostics = vscode.languages.createDiagnosticCollection('retro-health');
  const analysed = new Set<string>();

  const refresh = (document: vscode.TextDocument) => {
    const analysis = analyzeRetro(document.getText(), { fileName: document.fileName });
    diagnostics.set(document.uri, analysis.findings.map(toDiagnostic));
    return analysis;
  };

  context.subscriptions.push(
    diagnostics,
    vscode.commands.registerCommand('retroHealth.analyzeFile', () => {
      const document = vscode.window.activeTextEditor?.document;
      if (!document || document.languageId !== 'markdown') {
        void vscode.window.showWarningMessage('Retro Health: open a markdown retrospective first.');
        return undefined;
      }
      analysed.add(document.uri.toString());
      const { diagnosis } = refresh(document);
      void vscode.window.showInformationMessage(`Retro Health: ${diagnosis.stage}, score ${diagnosis.score}. ${diagnosis.explanation}`);
      return diagnosis;
    }),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (analysed.has(event.document.uri.toString())) refresh(event.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      analysed.delete(document.uri.toString());
      diagnostics.delete(document.uri);
    }),
  );
}

function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const range = new vscode.Range(finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character);
  const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITY[finding.stage]);
  diagnostic.source = 'Retro Health';
  diagnostic.code = finding.symptom;
  return diagnostic;
}

export function deactivate(): void {}
