// The Workspace Health Report in a real VS Code: the command reads every retro of the workspace
// (progress in a notification), opens the report webview, whose own script loads under its CSP and
// says "ready"; the host checks what the webview asks for (only files of the report open), the export
// writes exactly the markdown report, and cancellation stops the reading. The webview's DOM is tested
// in a real browser by test/webview/report.test.ts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { renderReportMarkdown, REPORT_FILE_NAME } from '../../../src/core/report';
import type { ReportProbe, ShowReportResult } from '../../../src/extension/reportView/reportController';
import type { TeamCatalogs } from '../../../src/extension/teamCatalogs';
import { computeWorkspaceReport } from '../../../src/extension/workspaceReport';
import { collectWorkspaceRetros } from '../../../src/extension/workspaceRetros';
import { RetroSetService } from '../../../src/extension/retroSetService';
import { removeQuietly, workspaceFile } from './helpers';

const VIEW_TYPE = 'retroHealth.workspaceReport';
const RETRO = 'retros/2026-03-14-payments.md';

/** The built-in catalog for every folder: what the retro set's analyses need of TeamCatalogs (the real one stays in the extension). */
const BUILT_IN_CATALOGS = { for: () => ({ matcher: undefined, disabled: [] }), onDidChange: () => ({ dispose() {} }) } as unknown as TeamCatalogs;

const probe = (message?: unknown) => vscode.commands.executeCommand<ReportProbe>('retroHealth.internal.report', message === undefined ? undefined : { message });

const reportTabs = () =>
  vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes(VIEW_TYPE));

async function reportWhere(what: string, test: (report: ReportProbe) => boolean, timeoutMs = 10_000): Promise<ReportProbe> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = await probe();
    if (test(report)) return report;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; report view: ${JSON.stringify({ ...report, report: report.report?.retros })}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the workspace health report', function () {
  this.timeout(30_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await reportWhere('the report view to close', (report) => !report.open);
  });

  it('"Show Workspace Health Report" reads the retros, resolves, and opens the report webview, which loads', async () => {
    const result = await vscode.commands.executeCommand<ShowReportResult>('retroHealth.showWorkspaceReport');
    assert.equal(result.status, 'ready');
    assert.ok(result.retros >= 2, `the workspace's retros; got ${result.retros}`);
    const tabs = reportTabs();
    assert.equal(tabs.length, 1, `one webview tab of ${VIEW_TYPE}; tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(', ')}`);
    assert.equal(tabs[0]?.label, 'Workspace Health Report');
    const shown = await reportWhere('the webview to say "ready" (its script ran under the CSP)', (report) => report.webviewReady && report.status === 'ready');
    assert.equal(shown.viewType, VIEW_TYPE);
    const report = shown.report;
    assert.ok(report && report.retros >= 2);
    assert.ok(report.teams.some((team) => team.name === 'payments'), `teams: ${report.teams.map((team) => team.name).join(', ')}`);
    const payments = report.teams.find((team) => team.name === 'payments');
    assert.ok(payments?.retros.some((retro) => retro.file === RETRO), 'the payments retros are on the team line');
    assert.equal(shown.invalidMessages, 0, 'the webview only sent valid messages');

    await vscode.commands.executeCommand('retroHealth.showWorkspaceReport');
    assert.equal(reportTabs().length, 1, 'running the command again reuses the view');
  });

  it('opens a retro of the report at the line the webview names, and refuses anything else', async () => {
    const start = await reportWhere('a report', (report) => report.status === 'ready');
    for (const invalid of [null, 'openFile', { type: 'openFile' }, { type: 'openFile', file: RETRO, line: 0 }, { type: 'runCommand', command: 'workbench.action.quit' }]) await probe(invalid);
    const afterInvalid = await probe();
    assert.equal(afterInvalid.invalidMessages, start.invalidMessages + 5);
    assert.equal(afterInvalid.handledMessages, start.handledMessages);

    const before = vscode.window.activeTextEditor?.document.uri.toString();
    for (const file of ['../../etc/passwd', 'package.json', '/etc/hosts', 'retros/not-there.md']) await probe({ type: 'openFile', file, line: 1 });
    assert.equal((await probe()).refusedFiles, start.refusedFiles + 4, 'files that are not in the report are refused');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), before, 'and nothing opened');

    await probe({ type: 'openFile', file: RETRO, line: 8, column: 3 });
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), workspaceFile(...RETRO.split('/')).toString());
    assert.deepEqual([editor?.selection.start.line, editor?.selection.start.character], [7, 2], 'the selection is at line 8 (the heading), column 3');
    assert.ok(editor && editor.visibleRanges.some((range) => range.contains(editor.selection.active)), 'revealed');
    // A line past the end lands on the last line.
    await probe({ type: 'openFile', file: RETRO, line: 100_000 });
    assert.equal(vscode.window.activeTextEditor?.selection.start.line, (editor?.document.lineCount ?? 0) - 1);
  });

  it('"Export report as Markdown" with a target writes the report’s markdown there, without a dialog', async () => {
    const { report } = await reportWhere('a report', (r) => r.status === 'ready' && r.report !== undefined);
    assert.ok(report);
    const target = workspaceFile('out', REPORT_FILE_NAME);
    const folder = workspaceFile('out', 'folder-target');
    try {
      const written = await vscode.commands.executeCommand<vscode.Uri>('retroHealth.exportReport', target);
      assert.equal(written?.toString(), target.toString());
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.equal(text, renderReportMarkdown(report));
      assert.match(text, /^# Retro Health: workspace report/);
      // A folder gets retro-health-report.md inside it.
      await vscode.workspace.fs.createDirectory(folder);
      const intoFolder = await vscode.commands.executeCommand<vscode.Uri>('retroHealth.exportReport', folder);
      assert.equal(intoFolder?.toString(), vscode.Uri.joinPath(folder, REPORT_FILE_NAME).toString());
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(intoFolder)), text);
    } finally {
      await removeQuietly(workspaceFile('out'));
    }
  });

  it('cancelling stops the reading: the command says "cancelled"; collectWorkspaceRetros stops within a few files', async () => {
    const cancelled = new vscode.CancellationTokenSource();
    cancelled.cancel();
    const result = await vscode.commands.executeCommand<ShowReportResult>('retroHealth.showWorkspaceReport', cancelled.token);
    assert.deepEqual(result, { status: 'cancelled', retros: 0 });
    await reportWhere('the view to show "cancelled"', (report) => report.status === 'cancelled');
    const catalogs = new RetroSetService(BUILT_IN_CATALOGS);
    const bulk = workspaceFile('retros', 'bulk-cancel');
    try {
      assert.equal(await computeWorkspaceReport(catalogs, cancelled.token), undefined, 'computeWorkspaceReport with a cancelled token');
      for (let i = 1; i <= 60; i++) {
        const day = String((i % 28) + 1).padStart(2, '0');
        await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(bulk, `2026-0${(i % 9) + 1}-${day}-bulk-${i}.md`), new TextEncoder().encode(`# Retro ${i}\n\n- So much red tape.\n`));
      }
      // Uncancelled, it reads them all.
      const all = await collectWorkspaceRetros(catalogs, new vscode.CancellationTokenSource().token, () => undefined);
      assert.ok(all && all.filter((retro) => retro.file.startsWith('retros/bulk-cancel/')).length === 60, `read ${all?.length} retros`);
      // Cancelled after the first file: it stops early and gives nothing.
      const source = new vscode.CancellationTokenSource();
      let calls = 0;
      let total = 0;
      const stopped = await collectWorkspaceRetros(catalogs, source.token, (progress) => {
        calls += 1;
        total = progress.total;
        source.cancel();
      });
      assert.equal(stopped, undefined);
      assert.ok(total >= 60, `the total counts the files (${total})`);
      assert.ok(calls <= 8, `stopped within the files already being read (${calls} of ${total})`);
    } finally {
      await removeQuietly(bulk);
    }
    // And the view reads again on request.
    await probe({ type: 'refresh' });
    await reportWhere('the report again after "refresh"', (report) => report.status === 'ready');
  });
});
