// Shared helpers for the in-host scenarios.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

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
