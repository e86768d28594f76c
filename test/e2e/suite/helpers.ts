// Shared helpers for the in-host scenarios.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PanelProbe } from '../../../src/extension/panel/panelController';
import type { ReportFinding } from '../../../src/cli/model';

export type { PanelProbe };

/** Polls `probe` until it returns a value, or fails after `timeoutMs` with the message `what()` gives then. */
export async function waitFor<T>(what: () => string, probe: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const codeOf = (diagnostic: vscode.Diagnostic): string =>
  typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);

export const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Retro Health');

export const describeDiagnostics = (diagnostics: readonly vscode.Diagnostic[]): string =>
  JSON.stringify(diagnostics.map((d) => ({ source: d.source, code: codeOf(d), line: d.range.start.line, severity: d.severity, message: d.message })));

export function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (the runner must open a copy of test/e2e/workspace)');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

/** Deletes a file or folder of the workspace; one already gone is fine. */
export async function removeQuietly(uri: vscode.Uri): Promise<void> {
  try {
    await vscode.workspace.fs.delete(uri, { recursive: true });
  } catch {
    // Already gone.
  }
}

/** Writes a file in the workspace (bytes exactly) and opens it in an editor. */
export async function openNew(relativePath: string, text: string): Promise<vscode.TextEditor> {
  const uri = workspaceFile(...relativePath.split('/'));
  await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
  const document = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(document);
}

/** Waits until the document has a Retro Health diagnostic matching `test`. */
export function waitForDiagnostic(uri: vscode.Uri, test: (d: vscode.Diagnostic) => boolean, what: string, timeoutMs = 5_000): Promise<vscode.Diagnostic> {
  return waitFor(() => `${what}; have ${describeDiagnostics(ours(uri))}`, () => ours(uri).find(test), timeoutMs);
}

/** Waits until no Retro Health diagnostic matches `test`. */
export function waitForNone(uri: vscode.Uri, test: (d: vscode.Diagnostic) => boolean, what: string, timeoutMs = 5_000): Promise<true> {
  return waitFor(() => `${what}; have ${describeDiagnostics(ours(uri))}`, () => (ours(uri).some(test) ? undefined : true), timeoutMs);
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('retroHealth').update(key, value, vscode.ConfigurationTarget.Workspace);
}

/** Runs "Retro Health: Analyze This File" on the active editor; resolves to the diagnosis. */
export function analyzeActiveFile(): Thenable<{ stage?: unknown; score?: unknown } | undefined> {
  return vscode.commands.executeCommand<{ stage?: unknown; score?: unknown } | undefined>('retroHealth.analyzeFile');
}

export const EXTENSION_ID = 'retro-health.retro-health';
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The extension's test-only inspection: `testing` on what activate() returns (src/extension/extension.ts). */
export interface Testing {
  /** What the analysis service holds for a document, e.g. ['analysed@3', 'timer', 'diagnostics']; [] when nothing. */
  heldFor(uri: vscode.Uri): string[];
  /** Runs once the section writer has computed its edit, before it applies it. */
  sectionWrite: { afterHistory?: (document: vscode.TextDocument) => unknown; beforeApply?: (document: vscode.TextDocument) => unknown };
}

export interface Stats {
  moduleLoadMs: number;
  activateMs: number;
  coreLoadedAtActivation: boolean;
  /** dist/core.js's load, once something needed it. */
  coreLoadMs: number | undefined;
  analyses: number;
  catalogsCompiled: number;
  /** Of those, loaded from the build's snapshot (dist/catalog-snapshot.txt). */
  catalogsFromSnapshot: number;
  workspaceProblemPasses: number;
}

/** The extension's work counters (`retroHealth.internal.stats`), activating it first when a scenario runs alone. */
export async function stats(): Promise<Stats> {
  await activateExtension();
  return vscode.commands.executeCommand<Stats>('retroHealth.internal.stats');
}

/** Activates the extension (as opening a markdown file would) so that `testing()` can be used at once. */
export async function activateExtension(): Promise<void> {
  await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
}

export function testing(): Testing {
  const extension = vscode.extensions.getExtension<{ testing?: Testing }>(EXTENSION_ID);
  assert.ok(extension?.isActive, `${EXTENSION_ID} is active`);
  assert.ok(extension.exports.testing, 'activate() returns the test inspection');
  return extension.exports.testing;
}

/** A finding as `retro-health report --format json` prints it. */
export type CliFinding = ReportFinding;

/** The CLI's findings (`dist/cli.js report --format json`), one list per file, in the order given. */
export function cliFindings(...files: string[]): CliFinding[][] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const cli = path.join(extension.extensionPath, 'dist', 'cli.js');
  const report = JSON.parse(execFileSync(process.execPath, [cli, 'report', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })) as { documents: { findings: CliFinding[] }[] };
  assert.equal(report.documents.length, files.length, 'one CLI document per file');
  return report.documents.map((document) => document.findings);
}

const STAGE_SEVERITY: Record<string, vscode.DiagnosticSeverity> = {
  early: vscode.DiagnosticSeverity.Information,
  middle: vscode.DiagnosticSeverity.Warning,
  advanced: vscode.DiagnosticSeverity.Warning,
  end: vscode.DiagnosticSeverity.Error,
};

/** "code line:char-line:char severity", 0-based, for the CLI's 1-based findings (default severities)… */
export const findingKey = (f: CliFinding): string => `${f.symptom} ${f.line - 1}:${f.column - 1}-${f.endLine - 1}:${f.endColumn - 1} ${STAGE_SEVERITY[f.stage]}`;
/** …and for a diagnostic. */
export const diagnosticKey = (d: vscode.Diagnostic): string => `${codeOf(d)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.severity}`;

/** One `undo` in the document's editor restores `original` exactly (and VS Code sees the buffer as saved again when `saved`). */
export async function undoRestores(document: vscode.TextDocument, original: string, what: string, saved = false): Promise<void> {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('undo');
  const name = path.basename(document.uri.path);
  await waitFor(() => `one undo of ${what} to restore ${name} byte for byte${saved ? ' and not dirty' : ''}`, () => (document.getText() === original && (!saved || !document.isDirty) ? true : undefined));
}

export interface UndoCheck {
  /** Quick fixes applied and undone. */
  quickFixes: number;
  /** Diagnostics whose quick fixes were tried. */
  diagnostics: number;
  sectionWritten: boolean;
  actionItemAdded: boolean;
}

/**
 * Applies every quick fix at (the first `maxDiagnostics`) Retro Health diagnostics, then the
 * section writer, then "Add Action Item" when `actionItem` is given, each followed by one undo
 * that must give back `original` exactly. `saved`: the buffer is the file on disk, so after
 * each undo VS Code must see it as not dirty either.
 */
export async function everyEditUndoes(document: vscode.TextDocument, original: string, options: { maxDiagnostics?: number; actionItem?: string; saved?: boolean } = {}): Promise<UndoCheck> {
  const name = path.basename(document.uri.path);
  const result: UndoCheck = { quickFixes: 0, diagnostics: 0, sectionWritten: false, actionItemAdded: false };
  const diagnosed = ours(document.uri);
  const originalKeys = JSON.stringify(diagnosed.map(diagnosticKey).sort());
  // After an undo the retro is re-analysed after a pause: ask for the next diagnostic's fixes only
  // once the diagnostics are the original text's again (a loaded machine can take a while).
  const diagnosticsBack = () =>
    waitFor(
      () => `${name}: the diagnostics of the restored text (${originalKeys}); have ${JSON.stringify(ours(document.uri).map(diagnosticKey).sort())}`,
      () => (JSON.stringify(ours(document.uri).map(diagnosticKey).sort()) === originalKeys ? true : undefined),
      10_000,
    );
  for (const diagnostic of diagnosed.slice(0, options.maxDiagnostics)) {
    await diagnosticsBack();
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    assert.ok(actions.some((a) => a.title.endsWith(' in this file')), `${name}: "Ignore … in this file" offered at ${codeOf(diagnostic)}`);
    result.diagnostics += 1;
    for (const action of actions.filter((a) => a.edit)) {
      assert.ok(await vscode.workspace.applyEdit(action.edit as vscode.WorkspaceEdit), `${name}: ${action.title}`);
      assert.notEqual(document.getText(), original, `${name}: ${action.title} changed nothing`);
      await undoRestores(document, original, action.title, options.saved);
      result.quickFixes += 1;
    }
  }
  if (await vscode.commands.executeCommand('retroHealth.writeHealthSection', document.uri.toString())) {
    if (document.getText() !== original) {
      await undoRestores(document, original, 'the relationship-health section', options.saved);
      result.sectionWritten = true;
    }
  }
  if (options.actionItem !== undefined) {
    assert.equal(await vscode.commands.executeCommand('retroHealth.addActionItem', document.uri.toString(), options.actionItem), true, `${name}: Add Action Item`);
    assert.notEqual(document.getText(), original, `${name}: Add Action Item changed nothing`);
    await undoRestores(document, original, 'Add Action Item', options.saved);
    result.actionItemAdded = true;
  }
  return result;
}

/** The Retrospective Panel's test probe; `message` is handled as if the webview had sent it. */
export const probe = (message?: unknown): Thenable<PanelProbe> => vscode.commands.executeCommand<PanelProbe>('retroHealth.internal.panel', message === undefined ? undefined : { message });

/** Polls the panel until `test` holds, or fails with the last probe. */
export async function panelWhere(what: string, test: (panel: PanelProbe) => boolean, timeoutMs = 10_000): Promise<PanelProbe> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const panel = await probe();
    if (test(panel)) return panel;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; panel: ${JSON.stringify(panel)}`);
    await sleep(100);
  }
}
