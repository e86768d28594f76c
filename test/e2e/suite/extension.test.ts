// First real scenario: the command "Retro Health: Analyze This File" on a payments retro turns the
// "requirements only at UAT" line into a Retro Health diagnostic, in a real extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'retro-health.retro-health';
const RETRO = ['retros', '2026-03-14-payments.md'];

/** Polls `probe` until it returns a value, or fails after `timeoutMs` naming `what`. */
async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 5_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const codeOf = (diagnostic: vscode.Diagnostic) =>
  typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);

const describeDiagnostics = (diagnostics: readonly vscode.Diagnostic[]) =>
  JSON.stringify(diagnostics.map((d) => ({ source: d.source, code: codeOf(d), line: d.range.start.line, message: d.message })));

function workspaceFile(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open (the runner must open a copy of test/e2e/workspace)');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

describe('Retro Health in a real VS Code', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"Analyze This File" flags the line where requirements only surfaced at UAT', async () => {
    const uri = workspaceFile(...RETRO);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'markdown');

    const diagnosis = await vscode.commands.executeCommand<{ stage?: unknown } | undefined>('retroHealth.analyzeFile');
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, `${EXTENSION_ID} is not active after the command`);
    assert.equal(typeof diagnosis?.stage, 'string', 'the command should return the diagnosis');

    const isOurs = (d: vscode.Diagnostic) => d.source === 'Retro Health';
    const late = await waitFor(
      `a 'requirements-surface-late' diagnostic on ${RETRO.join('/')}; have: ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`,
      () => vscode.languages.getDiagnostics(uri).find((d) => isOurs(d) && codeOf(d) === 'requirements-surface-late'),
    );
    const flagged = document.getText(late.range);
    assert.match(flagged, /requirements/i, `the diagnostic should cover the requirements sentence, covers ${JSON.stringify(flagged)}`);
    assert.match(document.lineAt(late.range.start.line).text, /didn't come out until UAT/);

    // The healthy "went well" line stays clean.
    const healthyLine = document.getText().split(/\r?\n/).findIndex((line) => line.includes('Refund API p95'));
    assert.ok(healthyLine >= 0, 'fixture lost its healthy line');
    const onHealthy = vscode.languages.getDiagnostics(uri).filter((d) => isOurs(d) && d.range.start.line === healthyLine);
    assert.deepEqual(onHealthy.map(codeOf), [], 'no finding expected on the healthy line');
  });
});
