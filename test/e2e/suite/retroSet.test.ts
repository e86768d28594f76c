// One retro set in a real VS Code: a sprint-named retro that no glob matches is recognised by its
// sections and gets diagnostics; a look-alike with another name says "not a retro" and "Treat as
// retro" makes it one (undoably); and the editor's workspace report counts the same retros and
// teams as `retro-health report --format json` on the same workspace (the multi-team fixture
// workspace copied in: 40 retros of 8 teams, teams by front matter, folder and file name).
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReportProbe, ShowReportResult } from '../../../src/extension/reportView/reportController';
import { EXTENSION_ID, openNew, removeQuietly, waitFor, waitForDiagnostic, workspaceFile } from './helpers';

const SAILBOAT = `# Payments — sprint 46

## Wind
- The ledger migration landed two days early.

## Anchors
- The business just keeps changing priorities mid-sprint, so nothing we plan survives the first week.

## Rocks
- Card-scheme certification in April.

## Actions
- [ ] Freeze scope for the first week of the sprint (Priya)
`;

const reportProbe = () => vscode.commands.executeCommand<ReportProbe>('retroHealth.internal.report');

function extensionPath(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  return extension.extensionPath;
}

describe('one retro set', function () {
  this.timeout(120_000);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a sprint-named retro with no "retro" in its path gets diagnostics, recognised by its Sailboat sections', async () => {
    const editor = await openNew('sprints/2026-03-11-payments-sprint-46.md', SAILBOAT);
    try {
      const diagnostic = await waitForDiagnostic(editor.document.uri, () => true, 'a finding in the sprint-named retro', 10_000);
      assert.equal(diagnostic.source, 'Retro Health');
      assert.match(editor.document.getText(diagnostic.range), /changing priorities|keeps changing/);
    } finally {
      await removeQuietly(workspaceFile('sprints'));
    }
  });

  it('a look-alike named otherwise is "not a retro" until "Treat as retro" adds retro: true (one undo takes it back)', async () => {
    const editor = await openNew('notes/payments-catch-up.md', SAILBOAT.replace('## Actions', "## What didn't go well\n- Slow reviews.\n\n## Actions"));
    const uri = editor.document.uri;
    try {
      await new Promise((resolve) => setTimeout(resolve, 800));
      assert.equal(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Retro Health').length, 0, 'not a retro: no diagnostics');
      assert.equal(await vscode.commands.executeCommand('retroHealth.treatAsRetro', uri, 'front-matter'), true);
      assert.ok(editor.document.getText().startsWith('---\nretro: true\n---\n'));
      await waitForDiagnostic(uri, () => true, 'diagnostics once it says retro: true', 10_000);
      await vscode.commands.executeCommand('undo');
      await waitFor(() => 'the front matter undone', () => !editor.document.getText().startsWith('---'), 5_000);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await removeQuietly(workspaceFile('notes'));
    }
  });

  it('"Treat as retro" by glob adds the folder to retroHealth.files of the workspace folder, and its look-alikes become retros', async () => {
    const editor = await openNew('catch-ups/2026-04-01-payments.md', SAILBOAT.replace('## Actions', "## What didn't go well\n- Slow reviews.\n\n## Actions"));
    const uri = editor.document.uri;
    const config = () => vscode.workspace.getConfiguration('retroHealth', uri);
    const before = config().inspect<string[]>('files')?.workspaceFolderValue;
    try {
      await new Promise((resolve) => setTimeout(resolve, 800));
      assert.equal(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Retro Health').length, 0, 'not a retro yet');
      assert.equal(await vscode.commands.executeCommand('retroHealth.treatAsRetro', uri, 'glob'), true);
      const files = config().inspect<string[]>('files')?.workspaceFolderValue ?? [];
      assert.ok(files.includes('catch-ups/**/*.{md,markdown}'), `retroHealth.files is now ${JSON.stringify(files)}`);
      assert.equal(editor.document.getText().startsWith('---'), false, 'the file itself is untouched');
      await waitForDiagnostic(uri, () => true, 'diagnostics once the glob matches', 10_000);
    } finally {
      await config().update('files', before, vscode.ConfigurationTarget.WorkspaceFolder);
      await removeQuietly(workspaceFile('catch-ups'));
    }
  });

  it("the editor's workspace report counts the same retros and teams as the CLI's report on that workspace", async () => {
    const fixture = path.join(extensionPath(), 'test', 'fixtures', 'retro-set', 'workspace');
    const copy = workspaceFile('multi-team');
    fs.cpSync(fixture, copy.fsPath, { recursive: true });
    try {
      const shown = await vscode.commands.executeCommand<ShowReportResult>('retroHealth.showWorkspaceReport');
      assert.equal(shown.status, 'ready');
      const editor = (await reportProbe()).report;
      assert.ok(editor, 'the report the view shows');
      const root = (vscode.workspace.workspaceFolders?.[0] as vscode.WorkspaceFolder).uri.fsPath;
      const cli = path.join(extensionPath(), 'dist', 'cli.js');
      const json = JSON.parse(execFileSync(process.execPath, [cli, 'report', '--format', 'json', '--root', root, root], { encoding: 'utf8', maxBuffer: 64 << 20 })) as {
        report: { retros: number; teams: { name: string | null; retros: unknown[]; undated: unknown[] }[] };
      };
      const teamsOf = (teams: { name: string | null; retros: unknown[]; undated: unknown[] }[]) => teams.map((team) => `${team.name}:${team.retros.length + team.undated.length}`).sort();
      assert.ok(editor.retros >= 40, `the editor's report has ${editor.retros} retros`);
      assert.equal(editor.retros, json.report.retros);
      assert.deepEqual(teamsOf(editor.teams), teamsOf(json.report.teams));
      // Copied one folder down, the sprint retros' folder names their team ("multi-team") in both reports alike.
      for (const team of ['growth-ops', 'data-platform', 'checkout', 'identity', 'mobile']) assert.ok(editor.teams.some((entry) => entry.name?.toLowerCase() === team), `team ${team} in the editor's report`);
      const files = editor.teams.flatMap((team) => [...team.retros, ...team.undated].map((retro) => retro.file));
      assert.ok(files.includes('multi-team/sprints/2026-03-11-payments-sprint-46.md'), 'the sprint-named Sailboat retro is in the report');
      assert.ok(!files.some((file) => file.includes('planning') || file.endsWith('README.md')), 'planning notes and READMEs are not');
    } finally {
      await removeQuietly(copy);
    }
  });
});
