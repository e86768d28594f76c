// First real scenario: the command "Retro Health: Analyze This File" on a payments retro turns the
// "requirements only at UAT" line into a Retro Health diagnostic, in a real extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { analyzeActiveFile, codeOf, describeDiagnostics, waitFor, workspaceFile } from './helpers';

const EXTENSION_ID = 'retro-health.retro-health';
const RETRO = ['retros', '2026-03-14-payments.md'];

describe('Retro Health in a real VS Code', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('"Analyze This File" flags the line where requirements only surfaced at UAT', async () => {
    const uri = workspaceFile(...RETRO);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, 'markdown');

    const diagnosis = await analyzeActiveFile();
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive, `${EXTENSION_ID} is not active after the command`);
    assert.equal(typeof diagnosis?.stage, 'string', 'the command should return the diagnosis');

    const isOurs = (d: vscode.Diagnostic) => d.source === 'Retro Health';
    const late = await waitFor(
      () => `a 'requirements-surface-late' diagnostic on ${RETRO.join('/')}; have: ${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`,
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
