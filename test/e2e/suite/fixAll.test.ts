// Fix all in a real VS Code: "Add Action Items for Every Symptom" and the source.fixAll.retroHealth
// source action add the best treatment of every symptom as action items, each once, in one edit
// that one undo takes back byte for byte (CRLF kept).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openNew, removeQuietly, undoRestores, waitForDiagnostic, workspaceFile } from './helpers';

const RETRO = ['# Sprint 9 retro', '', "## What didn't go well", '', '- Lots of requirements didn’t come out until UAT.', '- Finance has hired its own developers and runs a parallel system.', '- The business keeps changing priorities mid-sprint.', '', '## Action items', '', '- [ ] Fix the flaky e2e test', ''].join('\r\n');

const openItems = (text: string) => text.split('\r\n').filter((line) => line.startsWith('- [ ] '));

describe('fix all: action items for every symptom', function () {
  this.timeout(60_000);

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await removeQuietly(workspaceFile('retros', '2026-05-01-fix-all.md'));
  });

  it('the command adds one item per treatment under the action items, and one undo restores the file', async () => {
    const editor = await openNew('retros/2026-05-01-fix-all.md', RETRO);
    const document = editor.document;
    await waitForDiagnostic(document.uri, (d) => d.source === 'Retro Health', 'a finding', 10_000);
    assert.equal(await vscode.commands.executeCommand('retroHealth.addActionItemsForEverySymptom'), true);
    const items = openItems(document.getText());
    assert.ok(items.length >= 3, `items now: ${items.join(' | ')}`);
    assert.equal(new Set(items).size, items.length, 'each item once');
    assert.ok(items[0] === '- [ ] Fix the flaky e2e test', 'the existing item stays first');
    assert.ok(!/[^\r]\n/.test(document.getText()), 'CRLF kept');
    assert.equal(await vscode.commands.executeCommand('retroHealth.addActionItemsForEverySymptom'), false, 'a second run has nothing to add');
    await undoRestores(document, RETRO, 'fix all');
  });

  it('the source.fixAll.retroHealth source action makes the same edit', async () => {
    const editor = await openNew('retros/2026-05-01-fix-all.md', RETRO);
    const document = editor.document;
    await waitForDiagnostic(document.uri, (d) => d.source === 'Retro Health', 'a finding', 10_000);
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, 'source.fixAll.retroHealth')) ?? [];
    const fixAll = actions.find((action) => action.title === 'Add action items for every symptom');
    assert.ok(fixAll?.edit, `offered: ${actions.map((action) => action.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    const viaSource = document.getText();
    await undoRestores(document, RETRO, 'fix all (source action)');
    assert.equal(await vscode.commands.executeCommand('retroHealth.addActionItemsForEverySymptom'), true);
    assert.equal(document.getText(), viaSource, 'command and source action agree');
  });
});
