// A multi-root workspace in a real VS Code (run-e2e.sh's second pass, E2E_LAYOUT=multi-root, opens
// test/e2e/multi-root/retros.code-workspace): the same retro in two folders is judged by each
// folder's own team file and settings — diagnostics and their severities, the symptom page behind a
// finding's code link, fix-all's action items, the health section, and the workspace report that reads both folders.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReportProbe, ShowReportResult } from '../../../src/extension/reportView/reportController';
import { codeOf, describeDiagnostics, ours, undoRestores, waitForDiagnostic } from './helpers';

const RETRO = 'retros/2026-11-20-sprint-retro.md';
const TEAM_ACTION = 'Run a blameless ticket-flow review with support';

function folderNamed(name: string): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.find((candidate) => candidate.name === name);
  assert.ok(folder, `workspace folder ${name} (open test/e2e/multi-root/retros.code-workspace)`);
  return folder;
}

async function openRetro(folder: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folderNamed(folder).uri, RETRO));
  await vscode.window.showTextDocument(document);
  return document;
}

async function pageText(target: vscode.Uri): Promise<string> {
  return (await vscode.workspace.openTextDocument(target)).getText();
}

describe('multi-root workspace', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens two folders', () => {
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((folder) => folder.name),
      ['alpha', 'beta'],
    );
  });

  it("each folder's retro is judged by that folder's team file and settings", async () => {
    const alpha = await openRetro('alpha');
    const teamSymptom = await waitForDiagnostic(alpha.uri, (d) => codeOf(d) === 'ticket-ping-pong', "alpha's team symptom", 15_000);
    assert.equal(teamSymptom.severity, vscode.DiagnosticSeverity.Error, 'alpha: early-stage findings are errors');
    const alphaLate = await waitForDiagnostic(alpha.uri, (d) => codeOf(d) === 'requirements-surface-late', 'a built-in symptom in alpha');
    assert.equal(alphaLate.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(!ours(alpha.uri).some((d) => codeOf(d) === 'red-tape'), `alpha's team file disables red-tape: ${describeDiagnostics(ours(alpha.uri))}`);

    const beta = await openRetro('beta');
    const betaLate = await waitForDiagnostic(beta.uri, (d) => codeOf(d) === 'requirements-surface-late', 'a built-in symptom in beta', 15_000);
    assert.equal(betaLate.severity, vscode.DiagnosticSeverity.Hint, 'beta: early-stage findings are hints');
    await waitForDiagnostic(beta.uri, (d) => codeOf(d) === 'red-tape', 'red-tape, not disabled in beta');
    assert.ok(!ours(beta.uri).some((d) => codeOf(d) === 'ticket-ping-pong'), `beta has no team symptom: ${describeDiagnostics(ours(beta.uri))}`);
  });

  it("the symptom page behind a finding's code link comes from its folder's catalog", async () => {
    const alpha = await openRetro('alpha');
    const finding = await waitForDiagnostic(alpha.uri, (d) => codeOf(d) === 'ticket-ping-pong', "alpha's team symptom", 15_000);
    const target = typeof finding.code === 'object' ? finding.code.target : undefined;
    assert.ok(target, 'the finding links its symptom page');
    const page = await pageText(target);
    assert.match(page, /^# Tickets bounce between teams/);
    assert.ok(page.includes(TEAM_ACTION), "the page offers alpha's own action item first");
    // The same page asked for beta, which has no such symptom.
    const asBeta = target.with({ query: new URLSearchParams({ folder: folderNamed('beta').uri.toString() }).toString() });
    assert.match(await pageText(asBeta), /^# Unknown symptom/);
  });

  it("fix-all adds the folder's own action items, and one undo takes them back", async () => {
    const alpha = await openRetro('alpha');
    const original = alpha.getText();
    await waitForDiagnostic(alpha.uri, (d) => codeOf(d) === 'ticket-ping-pong', "alpha's team symptom", 15_000);
    assert.equal(await vscode.commands.executeCommand('retroHealth.addActionItemsForEverySymptom'), true);
    assert.ok(alpha.getText().includes(`- [ ] ${TEAM_ACTION}`), alpha.getText());
    await undoRestores(alpha, original, 'fix all in alpha');

    const beta = await openRetro('beta');
    const betaOriginal = beta.getText();
    await waitForDiagnostic(beta.uri, (d) => codeOf(d) === 'red-tape', 'a finding in beta', 15_000);
    assert.equal(await vscode.commands.executeCommand('retroHealth.addActionItemsForEverySymptom'), true);
    assert.ok(!beta.getText().includes(TEAM_ACTION), "beta gets the built-in action items, not alpha's");
    await undoRestores(beta, betaOriginal, 'fix all in beta');
  });

  it("the health section written into a retro names its folder's symptoms and treatments", async () => {
    const alpha = await openRetro('alpha');
    const original = alpha.getText();
    await waitForDiagnostic(alpha.uri, (d) => codeOf(d) === 'ticket-ping-pong', "alpha's team symptom", 15_000);
    assert.equal(await vscode.commands.executeCommand('retroHealth.writeHealthSection', alpha.uri.toString()), true);
    const section = alpha.getText().slice(original.length);
    assert.ok(section.includes('Tickets bounce between teams'), section);
    assert.ok(section.includes(TEAM_ACTION), section);
    await undoRestores(alpha, original, 'the section in alpha');

    const beta = await openRetro('beta');
    const betaOriginal = beta.getText();
    await waitForDiagnostic(beta.uri, (d) => codeOf(d) === 'red-tape', 'a finding in beta', 15_000);
    assert.equal(await vscode.commands.executeCommand('retroHealth.writeHealthSection', beta.uri.toString()), true);
    const betaSection = beta.getText().slice(betaOriginal.length);
    assert.ok(!betaSection.includes('Tickets bounce') && !betaSection.includes(TEAM_ACTION), betaSection);
    await undoRestores(beta, betaOriginal, 'the section in beta');
  });

  it('the workspace report reads the retros of both folders, each with its own catalog', async () => {
    const shown = await vscode.commands.executeCommand<ShowReportResult>('retroHealth.showWorkspaceReport');
    assert.equal(shown.status, 'ready');
    const report = (await vscode.commands.executeCommand<ReportProbe>('retroHealth.internal.report')).report;
    assert.ok(report, 'the report the view shows');
    const retros = report.teams.flatMap((team) => [...team.retros, ...team.undated]);
    const stageOf = (folder: string) => retros.find((retro) => retro.file.startsWith(`${folder}/`))?.stage;
    assert.equal(report.retros, 2, JSON.stringify(retros.map((retro) => retro.file)));
    // alpha: its team symptom and the late requirements (early); beta: red-tape is not disabled there (middle).
    assert.equal(stageOf('alpha'), 'early');
    assert.equal(stageOf('beta'), 'middle');
  });
});
