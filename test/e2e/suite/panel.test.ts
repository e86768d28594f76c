// The Retrospective Panel in a real VS Code: the command opens one webview panel beside the retro,
// the webview's own script runs under its CSP and asks for the state (so "ready" proves the bundle
// loads in a real webview), the panel follows edits and the active retro, and the host validates what
// the webview sends. The webview's DOM is tested in a real browser by test/webview/.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openNew, panelWhere, probe, workspaceFile, type PanelProbe } from './helpers';

const VIEW_TYPE = 'retroHealth.retrospectivePanel';
const RETRO = ['retros', '2026-03-14-payments.md'];
const SHADOW_IT = '- Finance has hired its own developers and runs a parallel system.';

const panelTabs = () =>
  vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes(VIEW_TYPE));

async function openRetroAndPanel(): Promise<{ editor: vscode.TextEditor; panel: PanelProbe }> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(...RETRO));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  await vscode.commands.executeCommand('retroHealth.openPanel');
  const panel = await panelWhere('the webview to load and show the retro', (p) => p.webviewReady && p.status === 'ready' && p.documentUri === document.uri.toString());
  return { editor, panel };
}

describe('the retrospective panel', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await panelWhere('the panel to close', (p) => !p.open);
  });

  it('"Open Retrospective Panel" opens one webview beside the retro, which loads and shows its diagnosis', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceFile(...RETRO));
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('retroHealth.openPanel');
    const deadline = Date.now() + 5_000;
    while (panelTabs().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const tabs = panelTabs();
    assert.equal(tabs.length, 1, `one webview tab of ${VIEW_TYPE}; tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)).join(', ')}`);
    assert.notEqual(tabs[0]?.group.viewColumn, editor.viewColumn, 'beside the editor');
    assert.match(tabs[0]?.label ?? '', /2026-03-14-payments\.md/);
    const panel = await panelWhere('the webview to say "ready" and get the state', (p) => p.webviewReady && p.status === 'ready');
    assert.equal(panel.documentUri, document.uri.toString());
    assert.equal(panel.stage, 'early');
    assert.ok((panel.findings ?? 0) >= 1, 'the UAT finding');
    assert.equal(panel.invalidMessages, 0, 'the webview only sent valid messages');
    // The workspace holds an earlier payments retro (2026-02-28): the trend has it and this one.
    const withTrend = await panelWhere('the trend', (p) => p.trend === 'ready' || p.trend === 'error' || p.trend === 'none');
    assert.equal(withTrend.trend, 'ready');
    assert.equal(withTrend.trendPoints, 2);

    await vscode.commands.executeCommand('retroHealth.openPanel');
    assert.equal(panelTabs().length, 1, 'running the command again reuses the panel');
  });

  it('stays open and follows the retro as it is edited, and follows the active markdown file', async () => {
    const { editor } = await openRetroAndPanel();
    const before = await probe();
    // Under "What didn't go well" (findings in the action items count for less).
    const uat = editor.document.getText().split('\n').findIndex((text) => text.includes('UAT'));
    await editor.edit((edit) => edit.insert(new vscode.Position(uat + 1, 0), `${SHADOW_IT}\n`));
    const after = await panelWhere('the panel to show the edit (a new advanced finding)', (p) => p.stage === 'advanced' && (p.findings ?? 0) > (before.findings ?? 0));
    assert.equal(after.documentUri, editor.document.uri.toString());
    assert.equal(panelTabs().length, 1, 'still open after the edit');
    assert.ok(editor.document.isDirty, 'analysed from the unsaved buffer');

    const notes = await openNew('docs/panel-notes.md', '# Notes\n\nNothing to see.\n');
    const empty = await panelWhere('an empty state for a markdown file that is not a retro', (p) => p.documentUri === notes.document.uri.toString() && p.status === 'empty');
    assert.equal(empty.open, true);
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await panelWhere('the panel back on the retro', (p) => p.documentUri === editor.document.uri.toString() && p.status === 'ready');
    await vscode.commands.executeCommand('undo');
  });

  it('carries the earlier retro’s open item over with its age, says what was tried against the symptom, and opens that retro at the item’s line', async () => {
    const { editor } = await openRetroAndPanel();
    // 2026-02-28 (payments) left "Hold a joint requirements walkthrough…" open in its health section and ticked the demo.
    const panel = await panelWhere('the follow-through', (p) => p.followThrough === 'ready' || p.followThrough === 'error' || p.followThrough === 'none');
    assert.equal(panel.followThrough, 'ready');
    const earlier = workspaceFile('retros', '2026-02-28-payments.md').toString();
    assert.deepEqual(panel.carriedOver, [
      { text: 'Hold a joint requirements walkthrough with the business owner before build starts (Find the root causes)', uri: earlier, label: '2026-02-28-payments.md', line: 17, openDays: 14, stale: false },
    ]);
    assert.deepEqual(panel.triedBefore, [
      {
        symptom: 'requirements-surface-late',
        attempts: ['Find the root causes: still open, 14 days', 'Look behind the curtain, both ways: added and ticked 2026-02-28 · too early to tell: the team has 2 dated retros so far; 3 are needed'],
      },
    ]);

    // Only the retros the panel links to can be opened, at the item's line.
    const handled = panel.handledMessages;
    await probe({ type: 'openRetro', uri: workspaceFile('README.md').toString(), line: 1 });
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), editor.document.uri.toString(), 'a file the panel does not link to stays closed');
    await probe({ type: 'openRetro', uri: earlier, line: 0 });
    assert.equal((await probe()).handledMessages, handled + 1, 'line 0 is refused by the schema');
    await probe({ type: 'openRetro', uri: earlier, line: 17 });
    const opened = vscode.window.activeTextEditor;
    assert.equal(opened?.document.uri.toString(), earlier);
    assert.equal(opened?.selection.active.line, 16, 'the item’s line (1-based 17)');
    assert.match(opened?.document.lineAt(16).text ?? '', /^- \[ \] Hold a joint requirements walkthrough/);
  });

  it('validates what the webview sends: invalid messages are ignored; reveal selects a finding; add runs the action-item command', async () => {
    const { editor } = await openRetroAndPanel();
    const uri = editor.document.uri.toString();
    const start = await probe();

    for (const invalid of [null, 'reveal', { type: 'reveal' }, { type: 'reveal', documentUri: uri, range: 'all' }, { type: 'runCommand', command: 'workbench.action.quit' }]) await probe(invalid);
    const afterInvalid = await probe();
    assert.equal(afterInvalid.invalidMessages, start.invalidMessages + 5);
    assert.equal(afterInvalid.handledMessages, start.handledMessages);

    const line = editor.document.getText().split('\n').findIndex((text) => text.includes('UAT'));
    const range = { start: { line, character: 2 }, end: { line, character: 10 } };
    await probe({ type: 'reveal', documentUri: 'file:///elsewhere/other-retro.md', range });
    await probe({ type: 'reveal', documentUri: uri, range });
    const selection = vscode.window.activeTextEditor?.selection;
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri);
    assert.deepEqual([selection?.start.line, selection?.start.character, selection?.end.line, selection?.end.character], [line, 2, line, 10]);

    const before = editor.document.getText();
    await probe({ type: 'addActionItem', requestId: 'r1', documentUri: uri, action: 'Delete the production database' });
    assert.equal(editor.document.getText(), before, 'only actions the treatment plan offers are added');
    const offered = (await probe()).offeredActions[0];
    assert.ok(offered, 'the plan offers an action');
    await probe({ type: 'addActionItem', requestId: 'r2', documentUri: uri, action: offered });
    assert.ok(editor.document.getText().includes(`- [ ] ${offered}`), 'added through retroHealth.addActionItem');
    await panelWhere('the added item to leave the offered actions', (p) => !p.offeredActions.includes(offered));
    await vscode.window.showTextDocument(editor.document, editor.viewColumn);
    await vscode.commands.executeCommand('undo');
    assert.equal(editor.document.getText(), before);
  });
});
